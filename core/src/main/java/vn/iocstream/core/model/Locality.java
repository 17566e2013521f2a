package vn.iocstream.core.model;

import java.io.Serializable;

/**
 * Where something happened, in current units (since 1 July 2025: 34 provinces, then communes/wards).
 *
 * @param province the current province as the gazetteer spells it (e.g. {@code Đồng Nai}), or null when unknown
 * @param commune  the commune or ward as written by the source with its prefix (e.g. {@code phường Tam Hiệp}), or
 *                 null when only the province is known; never set without a province
 */
public record Locality(String province, String commune) implements Serializable {
    public static final Locality UNKNOWN = new Locality(null, null);

    public Locality {
        province = blankToNull(province);
        commune = province == null ? null : blankToNull(commune);
    }

    public static Locality province(String province) {
        return new Locality(province, null);
    }

    public boolean known() {
        return province != null;
    }

    /** {@code phường Tam Hiệp, Đồng Nai}, {@code Đồng Nai}, or {@code ""}. */
    public String label() {
        if (province == null) return "";
        return commune == null ? province : commune + ", " + province;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
