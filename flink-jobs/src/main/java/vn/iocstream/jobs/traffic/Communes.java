package vn.iocstream.jobs.traffic;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.iocstream.core.geo.Gazetteer;
import vn.iocstream.core.geo.VietnameseKeys;
import vn.iocstream.core.model.CitizenReport;

/**
 * Where a citizen report is, as a key that reports about the same place share: the commune/ward name
 * without its "phường/xã" prefix and diacritics, plus the current provincial unit. An old province or a
 * former district ("Bình Phước", "TP Biên Hòa") resolves through the gazetteer to the unit that now contains
 * it, so "P. Tân Phong, Biên Hòa" and "phuong Tan Phong, Dong Nai" meet.
 *
 * <p>Reports carrying only coordinates fall in a grid cell of 0.01° (about 1.1 km): without a map of commune
 * boundaries that is the honest neighbourhood, and two reports just across a cell edge do not meet.
 */
public final class Communes {
    private static final Pattern PREFIX = Pattern.compile(
            "^(phuong|xa|thi tran|dac khu|tt|p|x)(\\s+|\\s*\\.\\s*)");
    private static final Pattern CITY_PREFIX = Pattern.compile("^(tp|thanh pho|tx|thi xa|quan|huyen|tinh)(\\s+|\\s*\\.\\s*)");

    private static final Pattern ABBREVIATED = Pattern.compile("^(p|x|tt)(?:\\s*\\.\\s*|\\s+)(?=\\S)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPELLED = Pattern.compile("^(phường|xã|thị trấn|đặc khu)\\s+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private Communes() {}

    /**
     * A commune as alerts name it, whatever abbreviation the report used: "P. Tam Hiệp", "Phường Tam Hiệp" → "phường
     * Tam Hiệp" (X. → xã, TT. → thị trấn), the form the rest of the platform writes. Other names are kept as written.
     */
    public static String spelledOut(String commune) {
        String s = Normalizer.normalize(commune.strip(), Normalizer.Form.NFC);
        Matcher abbreviated = ABBREVIATED.matcher(s);
        if (abbreviated.find()) {
            String prefix = switch (abbreviated.group(1).toLowerCase(Locale.ROOT)) {
                case "p" -> "phường";
                case "x" -> "xã";
                default -> "thị trấn";
            };
            return prefix + " " + s.substring(abbreviated.end());
        }
        Matcher spelled = SPELLED.matcher(s);
        return spelled.find() ? spelled.group(1).toLowerCase(Locale.ROOT) + " " + s.substring(spelled.end()) : s;
    }

    /**
     * @param key             commune key for clustering
     * @param commune         the commune as written (first part of the field), or ""
     * @param province        current provincial unit, or ""
     * @param provinceWritten the province as written, or ""
     */
    public record Place(String key, String commune, String province, String provinceWritten) {}

    /** @param provinceInText the current province the text itself mentions most (nlp), or "" */
    public static Place resolve(Gazetteer gazetteer, CitizenReport.Location location, String provinceInText) {
        String written = location.province() == null ? "" : location.province().strip();
        String commune = "";
        String province = current(gazetteer, written).orElse("");
        if (location.commune() != null && !location.commune().isBlank()) {
            String[] parts = location.commune().split(",");
            commune = parts[0].strip();
            // "P. Tân Phong, TP Biên Hòa": the later parts name a district or city the gazetteer may know.
            for (int i = 1; i < parts.length && province.isEmpty(); i++) province = current(gazetteer, parts[i]).orElse("");
        }
        if (province.isEmpty()) province = provinceInText == null ? "" : provinceInText;
        String where = commune.isEmpty() ? cell(location) : VietnameseKeys.slug(stripPrefix(commune));
        return new Place(where + "|" + VietnameseKeys.slug(province), commune, province, written);
    }

    private static Optional<String> current(Gazetteer gazetteer, String name) {
        if (name == null || name.isBlank()) return Optional.empty();
        String bare = CITY_PREFIX.matcher(VietnameseKeys.fold(name.strip())).replaceFirst("");
        Optional<Gazetteer.Place> place = gazetteer.lookup(name.strip());
        if (place.isEmpty()) place = gazetteer.lookup(bare);
        return place.map(Gazetteer.Place::currentProvince);
    }

    private static String stripPrefix(String commune) {
        return PREFIX.matcher(VietnameseKeys.fold(commune)).replaceFirst("");
    }

    private static String cell(CitizenReport.Location location) {
        return String.format(Locale.ROOT, "cell-%.2f-%.2f", Math.floor(location.lat() * 100) / 100,
                Math.floor(location.lon() * 100) / 100);
    }
}
