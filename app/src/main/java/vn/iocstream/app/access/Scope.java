package vn.iocstream.app.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import vn.iocstream.core.geo.Gazetteer;
import vn.iocstream.core.geo.VietnameseKeys;

/**
 * Which rows a user sees: everything, some provinces (current units), or some communes/wards, each with its
 * province. A province includes its communes. Written and printed as items separated by {@code ;}:
 * {@code tỉnh Đồng Nai}, {@code phường Tam Hiệp, tỉnh Đồng Nai}, {@code all}. Old province names resolve
 * through the gazetteer to the unit that now contains them ("tỉnh Bình Phước" is Đồng Nai since 1 July
 * 2025). Communes are taken as written: the gazetteer has no commune list, so an old commune name is not
 * translated to the ward that replaced it.
 *
 * <p>{@link #covers} is the rule "may this user see this row" for rows already in memory (pushed alerts);
 * {@link ScopeSql} is the same rule inside ClickHouse queries.
 */
public record Scope(boolean all, List<String> provinces, List<Commune> communes) {
    private static final Pattern COMMUNE_PREFIX = Pattern.compile(
            "^(?:(phường|phuong|xã|xa|đặc khu|dac khu|thị trấn|thi tran)\\s+|(p\\.|x\\.)\\s*)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern PROVINCE_PREFIX = Pattern.compile("^(tỉnh|thành phố|tp\\.?)\\s+", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Set<String> CITIES = Set.of("Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Cần Thơ");

    /**
     * A commune or ward of a province.
     *
     * @param kind     {@code phường}, {@code xã} or {@code đặc khu}, as written
     * @param name     its name without the kind ("Tam Hiệp")
     * @param province the current province it belongs to
     */
    public record Commune(String kind, String name, String province) {
        /** The key TrafficJob files citizen reports under ({@code tam-hiep|dong-nai}). */
        public String key() {
            return VietnameseKeys.slug(name) + "|" + VietnameseKeys.slug(province);
        }

        /** The forms a post's place mention is compared with: lower case, with and without diacritics. */
        public Set<String> spellings() {
            Set<String> s = new LinkedHashSet<>();
            s.add(name.toLowerCase(Locale.ROOT));
            s.add(VietnameseKeys.fold(name));
            return s;
        }

        @Override
        public String toString() {
            return kind + " " + name + ", " + provinceLabel(province);
        }
    }

    public Scope {
        provinces = List.copyOf(provinces);
        communes = List.copyOf(communes);
        if (!all && provinces.isEmpty() && communes.isEmpty()) throw new IllegalArgumentException("empty scope");
    }

    public static final Scope ALL = new Scope(true, List.of(), List.of());

    /** Parses the written form; the message of the exception names the item at fault. */
    public static Scope parse(String text, Gazetteer gazetteer) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("empty scope: give e.g. 'tỉnh Đồng Nai' or 'phường Tam Hiệp, tỉnh Đồng Nai'");
        List<String> provinces = new ArrayList<>();
        List<Commune> communes = new ArrayList<>();
        for (String raw : text.split(";")) {
            String item = raw.strip();
            if (item.isEmpty()) continue;
            if (item.equalsIgnoreCase("all") || item.equalsIgnoreCase("toàn quốc")) return ALL;
            int comma = item.indexOf(',');
            if (comma < 0) {
                if (COMMUNE_PREFIX.matcher(item).find()) {
                    throw new IllegalArgumentException("'" + item + "': name the province of the commune, e.g. '" + item + ", tỉnh Đồng Nai'");
                }
                String p = province(item, gazetteer);
                if (!provinces.contains(p)) provinces.add(p);
                continue;
            }
            String commune = item.substring(0, comma).strip();
            var m = COMMUNE_PREFIX.matcher(commune);
            if (!m.find()) throw new IllegalArgumentException("'" + item + "': a commune starts with phường, xã or đặc khu");
            String name = commune.substring(m.end()).strip();
            if (name.isEmpty()) throw new IllegalArgumentException("'" + item + "': the commune has no name");
            String kind = kind(m.group(1) != null ? m.group(1) : m.group(2));
            Commune c = new Commune(kind, name, province(item.substring(comma + 1).strip(), gazetteer));
            if (!communes.contains(c)) communes.add(c);
        }
        // A province already covers its communes: keep the shorter, equivalent scope.
        communes.removeIf(c -> provinces.contains(c.province()));
        return new Scope(false, provinces, communes);
    }

    private static String kind(String written) {
        String k = written.toLowerCase(Locale.ROOT);
        return switch (k) {
            case "p.", "phuong" -> "phường";
            case "x.", "xa" -> "xã";
            case "dac khu" -> "đặc khu";
            case "thi tran" -> "thị trấn";
            default -> k;
        };
    }

    /** The current province called {@code written} (with or without "tỉnh", old names accepted). */
    static String province(String written, Gazetteer gazetteer) {
        String bare = PROVINCE_PREFIX.matcher(written.strip()).replaceFirst("");
        return gazetteer.lookup(bare).or(() -> gazetteer.lookup(written.strip())).map(Gazetteer.Place::currentProvince)
                .orElseThrow(() -> new IllegalArgumentException("unknown province '" + written + "'"));
    }

    /** "tỉnh Đồng Nai", "thành phố Đà Nẵng", "TP Hồ Chí Minh". */
    public static String provinceLabel(String province) {
        if (province.startsWith("TP ")) return province;
        return (CITIES.contains(province) ? "thành phố " : "tỉnh ") + province;
    }

    /** The province's key as the entity recogniser writes it ({@code province:dong-nai}) minus the prefix. */
    public static String provinceSlug(String province) {
        return VietnameseKeys.slug(province.replaceFirst("^TP ", ""));
    }

    /** True if a row of this locality is in scope. */
    public boolean covers(Locality row) {
        if (all) return true;
        for (String p : provinces) {
            if (row.provinces().contains(provinceSlug(p))) return true;
        }
        for (Commune c : communes) {
            if (row.communes().contains(c.key())) return true;
        }
        return false;
    }

    /** The provinces this scope touches (its own, and those of its communes). */
    public Set<String> touchedProvinces() {
        Set<String> out = new LinkedHashSet<>(provinces);
        communes.forEach(c -> out.add(c.province()));
        return out;
    }

    /** The written form, which {@link #parse} reads back to an equal scope. */
    @Override
    public String toString() {
        if (all) return "all";
        List<String> items = new ArrayList<>();
        provinces.forEach(p -> items.add(provinceLabel(p)));
        communes.forEach(c -> items.add(c.toString()));
        return String.join("; ", items);
    }

    /** The units a leader's screen shows one panel for: each province, and each commune of the scope. */
    public List<String> units() {
        List<String> out = new ArrayList<>();
        provinces.forEach(p -> out.add(provinceLabel(p)));
        communes.forEach(c -> out.add(c.toString()));
        return out;
    }

    static Set<String> slugs(Collection<String> provinces) {
        Set<String> out = new LinkedHashSet<>();
        provinces.forEach(p -> out.add(provinceSlug(p)));
        return out;
    }
}
