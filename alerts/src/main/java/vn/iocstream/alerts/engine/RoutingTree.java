package vn.iocstream.alerts.engine;

import java.util.ArrayList;
import java.util.List;
import vn.iocstream.alerts.AlertView;
import vn.iocstream.alerts.config.Route;

/**
 * Alertmanager's routing walk: an alert enters a route when the route's matcher matches; it then goes down to the
 * first child that matches (and on to later siblings of that child when the child says {@code continue}); a route
 * none of whose children match is where the alert ends. The root always matches, so every alert ends somewhere.
 */
public final class RoutingTree {
    private final Route root;

    public RoutingTree(Route root) {
        this.root = root;
    }

    /** The routes the alert ends at, in tree order (more than one only through {@code continue}). */
    public List<Route> routes(AlertView alert) {
        List<Route> out = new ArrayList<>();
        walk(root, alert, out);
        return out;
    }

    private static boolean walk(Route route, AlertView alert, List<Route> out) {
        if (!route.match().matches(alert)) return false;
        boolean childMatched = false;
        for (Route child : route.routes()) {
            if (walk(child, alert, out)) {
                childMatched = true;
                if (!child.continueMatching()) break;
            }
        }
        if (!childMatched) out.add(route);
        return true;
    }

    /** The values of the route's {@code groupBy} fields for this alert, e.g. {@code kind=security.scan, province=Tây Ninh}. */
    public static String groupKey(Route route, AlertView a) {
        StringBuilder key = new StringBuilder();
        for (String field : route.groupBy()) {
            String value = switch (field) {
                case "kind" -> a.kind();
                case "severity" -> a.severity();
                case "province" -> a.locality().province();
                case "commune" -> a.locality().commune();
                case "rule" -> a.rule();
                case "key" -> a.key();
                case "dedupKey" -> a.dedupKey();
                case "id" -> a.id();
                default -> a.labels().get(field.substring("labels.".length()));
            };
            if (key.length() > 0) key.append(", ");
            key.append(field).append('=').append(value == null ? "" : value);
        }
        return key.toString();
    }
}
