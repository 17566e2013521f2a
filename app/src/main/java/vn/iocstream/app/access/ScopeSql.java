package vn.iocstream.app.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A user's scope as a condition inside ClickHouse queries, one per kind of row, so that a query never reads
 * a row the user may not see (filtering after fetching would be slow and one forgotten filter away from a
 * leak). Each method returns a boolean SQL expression over the named table's columns; {@code 1} for an
 * unrestricted scope.
 *
 * <ul>
 *   <li>posts: by the places they name — the post's province, any province its place entities resolve to,
 *   and for a commune the commune named as a place (with or without diacritics) in a post of its province.
 *   A post naming two communes is visible to both.</li>
 *   <li>citizen reports: by their commune key or province.</li>
 *   <li>traffic: by the segment's place ({@code traffic.segments}, {@code traffic.site}).</li>
 *   <li>security events: by the security site ({@code security.site}).</li>
 * </ul>
 * Alerts carry their own locality and are scoped by the alerts service's {@code AlertScope} in its own query.
 */
public final class ScopeSql {
    private final Scope scope;
    private final Places places;

    public ScopeSql(Scope scope, Places places) {
        this.scope = scope;
        this.places = places;
    }

    public Scope scope() {
        return scope;
    }

    /** Over {@code posts}: province, entity_types, entity_ids, entity_texts. */
    public String posts() {
        if (scope.all()) return "1";
        List<String> any = new ArrayList<>();
        if (!scope.provinces().isEmpty()) any.add(postInProvinces(new LinkedHashSet<>(scope.provinces())));
        for (Scope.Commune c : scope.communes()) {
            any.add("(" + postInProvinces(Set.of(c.province())) + " AND arrayExists((t, x) -> t = 'LOCATION' AND lowerUTF8(x) IN "
                    + Sql.list(c.spellings()) + ", entity_types, entity_texts))");
        }
        return or(any);
    }

    private static String postInProvinces(Set<String> provinces) {
        List<String> ids = new ArrayList<>();
        Scope.slugs(provinces).forEach(s -> ids.add("province:" + s));
        return "(province IN " + Sql.list(provinces) + " OR hasAny(entity_ids, " + Sql.array(ids) + "))";
    }

    /** Over {@code citizen_reports}: province, commune_key. */
    public String reports() {
        if (scope.all()) return "1";
        List<String> any = new ArrayList<>();
        if (!scope.provinces().isEmpty()) any.add("province IN " + Sql.list(scope.provinces()));
        if (!scope.communes().isEmpty()) any.add("commune_key IN " + Sql.list(scope.communes().stream().map(Scope.Commune::key).toList()));
        return or(any);
    }

    /** Over {@code traffic_stats} (or any table with the column): the segment's place is in scope. */
    public String segments(String column) {
        if (scope.all()) return "1";
        List<String> covered = new ArrayList<>();
        places.segments().forEach((id, where) -> {
            if (scope.covers(where)) covered.add(id);
        });
        String listed = column + " IN " + Sql.list(covered);
        if (!scope.covers(places.otherSegments())) return listed;
        return "(" + listed + " OR " + column + " NOT IN " + Sql.list(new ArrayList<>(places.segments().keySet())) + ")";
    }

    /** Over {@code security_events}: every event is at the configured security site. */
    public String securityEvents() {
        return scope.covers(places.security()) ? "1" : "0";
    }

    private static String or(List<String> any) {
        return any.isEmpty() ? "0" : "(" + String.join(" OR ", any) + ")";
    }
}
