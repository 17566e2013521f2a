package vn.iocstream.app.digest;

import java.util.regex.Pattern;
import vn.iocstream.alerts.Localities;
import vn.iocstream.app.access.Sql;
import vn.iocstream.core.model.Locality;
import vn.iocstream.nlp.TextNormalizer;

/**
 * Whose digest: everything, a province, or a commune/ward of a province, as SQL conditions per kind of row — applied
 * inside every query of the digest. Province names are current units (a pre-2025 name such as "Bình Phước" means
 * Đồng Nai). Posts belong to a province by their {@code province} column or a place entity resolved to it, and to a
 * commune when they also name it as a place (with or without its prefix "phường"/"xã"); alerts and citizen reports
 * by their own province and commune key. These are the rules of the control room's scope module, which can build a
 * scope for the digest from a user's scope with {@link #DigestScope(String, String, String, String)}.
 *
 * @param label   the scope in words, shown in the digest ("Đồng Nai", "phường Tam Hiệp, Đồng Nai", "Toàn bộ")
 * @param posts   condition over {@code posts}
 * @param alerts  condition over {@code alerts}
 * @param reports condition over {@code citizen_reports}
 */
public record DigestScope(String label, String posts, String alerts, String reports) {
    /** Written forms of a commune's prefix, dropped before comparing (as the alerts service's commune key does). */
    static final String PREFIX_REGEX = "^(phường|xã|thị trấn|đặc khu|p\\\\.|x\\\\.|tt\\\\.|p|x|tt)\\\\s+";
    private static final Pattern SLUG_DROP = Pattern.compile("[^a-z0-9]+");

    public static final DigestScope ALL = new DigestScope("Toàn bộ địa bàn", "1", "1", "1");

    /**
     * @param province a province, current or former name
     * @param commune  a commune or ward of it, or null for the whole province
     * @throws IllegalArgumentException for a province the gazetteer does not know
     */
    public static DigestScope of(String province, String commune) {
        String p = Localities.province(province);
        String provinceIds = "(province = " + Sql.quote(p) + " OR has(entity_ids, " + Sql.quote("province:" + slug(p)) + "))";
        if (commune == null || commune.isBlank()) {
            return new DigestScope(p, provinceIds, "province = " + Sql.quote(p), "province = " + Sql.quote(p));
        }
        Locality l = Localities.normalise(new Locality(p, commune));
        String key = Localities.communeKey(l.commune());
        String named = "arrayExists((t, x) -> t = 'LOCATION' AND replaceRegexpOne(lowerUTF8(x), '" + PREFIX_REGEX + "', '') = "
                + Sql.quote(key) + ", entity_types, entity_texts)";
        String inProvince = "province = " + Sql.quote(p);
        return new DigestScope(l.label(), "(" + provinceIds + " AND " + named + ")",
                "(" + inProvince + " AND commune_key = " + Sql.quote(key) + ")",
                "(" + inProvince + " AND commune_key = " + Sql.quote(key) + ")");
    }

    /**
     * Parses the command line's and the schedule's form: "" or "*" for everything, "Đồng Nai", or
     * "phường Tam Hiệp, Đồng Nai" (the commune first, its province after the last comma).
     */
    public static DigestScope parse(String text) {
        if (text == null || text.isBlank() || text.strip().equals("*")) return ALL;
        int comma = text.lastIndexOf(',');
        if (comma < 0) return of(text.strip(), null);
        return of(text.substring(comma + 1).strip(), text.substring(0, comma).strip());
    }

    /** The province part of an entity id as the NLP writes it: "province:dong-nai", "province:ho-chi-minh". */
    static String slug(String province) {
        String folded = TextNormalizer.fold(province.replaceFirst("^TP ", ""));
        return SLUG_DROP.matcher(folded).replaceAll("-").replaceAll("^-|-$", "");
    }
}
