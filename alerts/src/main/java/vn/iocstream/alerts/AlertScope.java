package vn.iocstream.alerts;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import vn.iocstream.core.model.Locality;

/**
 * Which localities a caller may see: the web builds one from the signed-in user's scope and passes it to every
 * {@link AlertDesk} call. The desk applies it inside the ClickHouse query ({@code WHERE province IN … OR (province,
 * commune_key) IN …}) and to every pushed event, never by fetching everything and filtering afterwards.
 *
 * <ul>
 *   <li>{@link #ALL}: every alert, including those whose rule knows no locality (e.g. a security sensor without a
 *       configured site, a stale source). Only for unrestricted staff.</li>
 *   <li>A province (current name, as the gazetteer spells it; a pre-2025 name such as {@code Bình Phước} is accepted
 *       and means its current unit, Đồng Nai): every alert in that province, whatever its commune.</li>
 *   <li>A commune/ward, always with its province ({@code new Locality("Đồng Nai", "phường Tam Hiệp")}): the alerts
 *       of that commune only. Alerts known only at province level are not visible to a commune-only scope. The
 *       commune matches without regard to case and to its prefix ({@code phường}, {@code xã}, {@code P.} …).</li>
 *   <li>An empty restricted scope ({@code of(List.of(), List.of())}) sees nothing.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class AlertScope {
    /** Everything, alerts without a locality included. */
    public static final AlertScope ALL = new AlertScope(true, Set.of(), Set.of());

    private final boolean unrestricted;
    private final Set<String> provinces;
    private final Set<Locality> communes;

    private AlertScope(boolean unrestricted, Set<String> provinces, Set<Locality> communes) {
        this.unrestricted = unrestricted;
        this.provinces = provinces;
        this.communes = communes;
    }

    /**
     * A restricted scope.
     *
     * @param provinces province names (current or former: normalised to the current unit)
     * @param communes  communes/wards, each with its province (a locality without a commune counts as its province)
     * @throws IllegalArgumentException for a province the gazetteer does not know
     */
    public static AlertScope of(Collection<String> provinces, Collection<Locality> communes) {
        Set<String> p = new LinkedHashSet<>();
        for (String name : provinces) p.add(Localities.province(name));
        Set<Locality> c = new LinkedHashSet<>();
        for (Locality l : communes) {
            if (l == null || !l.known()) throw new IllegalArgumentException("a commune in a scope needs its province");
            Locality normal = Localities.normalise(l);
            if (normal.commune() == null) p.add(normal.province());
            else c.add(normal);
        }
        return new AlertScope(false, Set.copyOf(p), Set.copyOf(c));
    }

    /** A scope of whole provinces. */
    public static AlertScope provinces(String... names) {
        return of(java.util.List.of(names), java.util.List.of());
    }

    public boolean unrestricted() {
        return unrestricted;
    }

    /** Current province names in the scope (empty for {@link #ALL}). */
    public Set<String> provinces() {
        return provinces;
    }

    /** Communes in the scope, normalised (empty for {@link #ALL}). */
    public Set<Locality> communes() {
        return communes;
    }

    /** Whether an alert at {@code locality} is visible: the same rule as the SQL condition. */
    public boolean permits(Locality locality) {
        if (unrestricted) return true;
        if (locality == null || !locality.known()) return false;
        Locality l = Localities.normalise(locality);
        if (provinces.contains(l.province())) return true;
        if (l.commune() == null) return false;
        String key = Localities.communeKey(l.commune());
        for (Locality c : communes) {
            if (c.province().equals(l.province()) && Localities.communeKey(c.commune()).equals(key)) return true;
        }
        return false;
    }

    @Override
    public String toString() {
        return unrestricted ? "AlertScope[ALL]" : "AlertScope[provinces=" + provinces + ", communes=" + communes + "]";
    }
}
