package vn.iocstream.app.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 *   <li>traffic: by the segment's commune, from {@link Places#segments()}.</li>
 *   <li>security events: by the site of their sensor or source, from {@link Places#sites()}.</li>
 *   <li>alerts: report clusters by their commune, congestion by segment, the others by their evidence
 *   (posts or security events in scope).</li>
 * </ul>
 */
public final class ScopeSql {
    public static final String REPORT_CLUSTER = "citizen-report-cluster";
    public static final String CONGESTION = "traffic-congestion";

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

    /** Over {@code traffic_stats} (or any table with the column): segment_id. */
    public String segments(String column) {
        if (scope.all()) return "1";
        return column + " IN " + Sql.list(inScope(places.segments()));
    }

    /** Over {@code security_events}: sensor, source. */
    public String securityEvents() {
        if (scope.all()) return "1";
        List<String> sites = inScope(places.sites());
        return "(sensor IN " + Sql.list(sites) + " OR source IN " + Sql.list(sites) + ")";
    }

    /** Over {@code alerts}: rule, key, post_ids. */
    public String alerts() {
        if (scope.all()) return "1";
        List<String> any = new ArrayList<>();
        for (String p : scope.provinces()) {
            any.add("(rule = '" + REPORT_CLUSTER + "' AND splitByChar('|', key)[2] = " + Sql.quote(Scope.provinceSlug(p)) + ")");
        }
        for (Scope.Commune c : scope.communes()) {
            String prefix = c.key() + "|";
            any.add("(rule = '" + REPORT_CLUSTER + "' AND substring(key, 1, " + prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                    + ") = " + Sql.quote(prefix) + ")");
        }
        any.add("(rule = '" + CONGESTION + "' AND " + segments("key") + ")");
        // Evidence through IN (hash sets), not hasAny over an array of every id in scope: on 18.16 the latter took
        // seconds per request for 10,000 alerts and a few thousand posts.
        any.add("(rule NOT IN ('" + REPORT_CLUSTER + "', '" + CONGESTION + "') AND id IN (SELECT id FROM alerts ARRAY JOIN post_ids AS evidence"
                + " WHERE evidence IN (SELECT id FROM posts WHERE " + posts() + ")"
                + " OR evidence IN (SELECT id FROM security_events WHERE " + securityEvents() + ")))");
        return or(any);
    }

    /** The ids (segments or sites) whose place is in scope. */
    private List<String> inScope(Map<String, Locality> byId) {
        List<String> out = new ArrayList<>();
        byId.forEach((id, where) -> {
            if (scope.covers(where)) out.add(id);
        });
        return out;
    }

    private static String or(List<String> any) {
        return any.isEmpty() ? "0" : "(" + String.join(" OR ", any) + ")";
    }
}
