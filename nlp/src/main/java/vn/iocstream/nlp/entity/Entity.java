package vn.iocstream.nlp.entity;

/**
 * A named entity or expression in normalised text: {@code text} is {@code normalized.substring(start,
 * end)}. Types: LOCATION, ORGANIZATION, PERSON, MONEY, DATE, TIME, PLATE, PHONE, ROAD.
 *
 * @param canonicalId a stable id for grouping mentions, or null when the type has none (dates, money…):
 *                    for a LOCATION the current provincial unit ("province:dong-nai" for "Bình Phước"),
 *                    or "place:slug" for a commune the gazetteer does not know and no province follows;
 *                    for an ORGANIZATION "org:slug" of its canonical name ("UBND TP.HCM" and "Ủy ban nhân
 *                    dân TP Hồ Chí Minh" agree); for a PERSON "person:slug"; for a ROAD "road:slug"
 */
public record Entity(String type, int start, int end, String text, String canonicalId) {

    public static final String LOCATION = "LOCATION";
    public static final String ORGANIZATION = "ORGANIZATION";
    public static final String PERSON = "PERSON";
    public static final String MONEY = "MONEY";
    public static final String DATE = "DATE";
    public static final String TIME = "TIME";
    public static final String PLATE = "PLATE";
    public static final String PHONE = "PHONE";
    public static final String ROAD = "ROAD";
}
