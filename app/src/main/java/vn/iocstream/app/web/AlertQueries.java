package vn.iocstream.app.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.iocstream.alerts.AlertDesk;
import vn.iocstream.alerts.AlertDetail;
import vn.iocstream.alerts.AlertQuery;
import vn.iocstream.alerts.AlertScope;
import vn.iocstream.alerts.AlertState;
import vn.iocstream.alerts.AlertView;
import vn.iocstream.app.access.Scope;
import vn.iocstream.app.access.ScopeSql;
import vn.iocstream.core.model.Locality;

/**
 * Alerts as the control room shows them, from the alerts service ({@link AlertDesk}: the managed alerts in
 * ClickHouse, scoped by the alert's locality inside its query), with the evidence read again through the reader's
 * own scope: an alert of the ward may cite posts of another province, and those stay hidden.
 */
final class AlertQueries {
    private final AlertDesk desk;
    private final PostQueries posts;

    AlertQueries(AlertDesk desk, PostQueries posts) {
        this.desk = desk;
        this.posts = posts;
    }

    /** The alerts service's scope for a user's scope: provinces, and communes with their province. */
    static AlertScope alertScope(Scope scope) {
        if (scope.all()) return AlertScope.ALL;
        return AlertScope.of(scope.provinces(), scope.communes().stream().map(c -> new Locality(c.province(), c.kind() + " " + c.name())).toList());
    }

    Map<String, Object> list(Scope scope, AlertQuery query) {
        var page = desk.list(query, alertScope(scope));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("alerts", page.items());
        out.put("total", page.total());
        return out;
    }

    /** The alert, its history, and its evidence in the reader's scope; {@code AlertNotFoundException} outside it. */
    Map<String, Object> detail(Scope scope, ScopeSql sql, String id) {
        AlertDetail d = desk.get(id, alertScope(scope));
        AlertView a = d.alert();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("alert", a);
        out.put("history", d.history());
        List<String> evidence = a.postIds().stream().limit(100).toList();
        if (a.kind().startsWith("order.")) {
            out.put("reports", posts.reports(sql, evidence));
        } else if (a.kind().startsWith("security.")) {
            out.put("events", posts.securityEvents(sql, evidence));
        } else if (a.kind().startsWith("media.") && !evidence.isEmpty()) {
            out.put("posts", posts.posts(sql, new PostQueries.Filter(evidence, null, null, null, null, null, null, null, null), 1).get("posts"));
        }
        return out;
    }

    /** Open and acknowledged alerts per kind (the leaders' screen). */
    Map<String, Long> activeByKind(Scope scope) {
        Map<String, Long> out = new TreeMap<>();
        for (AlertView a : desk.list(AlertQuery.all().withStates(Set.of(AlertState.OPEN, AlertState.ACKNOWLEDGED))
                .withPage(AlertQuery.MAX_LIMIT, 0), alertScope(scope)).items()) {
            out.merge(a.kind(), 1L, Long::sum);
        }
        return out;
    }

    /** Alerts of some kinds seen since {@code since}, newest first (at most 500). */
    List<AlertView> recent(Scope scope, List<String> kinds, Instant since) {
        return desk.list(AlertQuery.all().withKinds(kinds).withTime(since, null).withPage(AlertQuery.MAX_LIMIT, 0), alertScope(scope)).items();
    }
}
