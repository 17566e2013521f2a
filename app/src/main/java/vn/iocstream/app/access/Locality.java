package vn.iocstream.app.access;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a row is: the provinces (slugs, {@code dong-nai}) and the communes (keys, {@code tam-hiep|dong-nai})
 * it concerns. A row may be in several: a post naming two communes is visible to both.
 */
public record Locality(Set<String> provinces, Set<String> communes) {
    public Locality {
        provinces = Set.copyOf(provinces);
        communes = Set.copyOf(communes);
    }

    public static final Locality NOWHERE = new Locality(Set.of(), Set.of());

    /** A commune (with its province) or a whole province, as a {@link Scope} item names it. */
    public static Locality of(Scope place) {
        Set<String> provinces = new LinkedHashSet<>(Scope.slugs(place.provinces()));
        Set<String> communes = new LinkedHashSet<>();
        for (Scope.Commune c : place.communes()) {
            communes.add(c.key());
            provinces.add(Scope.provinceSlug(c.province()));
        }
        return new Locality(provinces, communes);
    }

    /**
     * The locality of a citizen-report cluster alert, from its key ({@code commune|province|topic}, see
     * TrafficJob's report clusterer): until alerts carry their own locality this is what the key says.
     */
    public static Locality ofReportClusterKey(String key) {
        List<String> parts = List.of(key.split("\\|"));
        if (parts.size() < 2) return NOWHERE;
        return new Locality(Set.of(parts.get(1)), Set.of(parts.get(0) + "|" + parts.get(1)));
    }
}
