package vn.iocstream.alerts;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.iocstream.core.geo.Gazetteer;
import vn.iocstream.core.model.Locality;

/**
 * Province and commune names as the alerts service compares them: provinces through the gazetteer (old names to
 * current units), communes by a key without case and without their administrative prefix, so that "P. Tam Hiệp",
 * "phường Tam Hiệp" and "Phường Tam Hiệp" are one ward. Diacritics are kept: "Tân An" and "Tấn An" are different
 * places.
 */
public final class Localities {
    private static final Gazetteer GAZETTEER = Gazetteer.load();
    private static final Pattern PREFIX = Pattern.compile(
            "^(phường|xã|thị trấn|đặc khu|p\\.|x\\.|tt\\.|p|x|tt)\\s+", Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);

    private Localities() {}

    /** The current unit's name for a province written in any (current or pre-2025) form. */
    public static String province(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("empty province name");
        String nfc = Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
        return GAZETTEER.lookup(nfc)
                .map(Gazetteer.Place::currentProvince)
                .orElseThrow(() -> new IllegalArgumentException("unknown province '" + name + "'"));
    }

    /** The locality with its province as the current unit; an unknown province is kept as written. */
    public static Locality normalise(Locality l) {
        if (l == null || !l.known()) return Locality.UNKNOWN;
        String nfc = Normalizer.normalize(l.province(), Normalizer.Form.NFC);
        String province = GAZETTEER.lookup(nfc).map(Gazetteer.Place::currentProvince).orElse(nfc);
        String commune = l.commune() == null ? null : Normalizer.normalize(l.commune(), Normalizer.Form.NFC);
        return new Locality(province, commune);
    }

    /** {@code "tam hiệp"} for "Phường Tam Hiệp", "P. Tam Hiệp"; "" for null. */
    public static String communeKey(String commune) {
        if (commune == null) return "";
        String s = Normalizer.normalize(commune.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        s = PREFIX.matcher(s).replaceFirst("");
        return s.replaceAll("\\s+", " ").strip();
    }
}
