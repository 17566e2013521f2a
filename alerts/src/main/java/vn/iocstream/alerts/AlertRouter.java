package vn.iocstream.alerts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.Alert;

/**
 * Decides which channels an alert goes to: every route whose rule is the alert's rule (or {@code *}) and
 * whose {@code minSeverity} the alert reaches contributes its channels; the union keeps config order.
 */
public final class AlertRouter {
    public static final String ANY_RULE = "*";

    private final List<IocConfig.Route> routes;

    public AlertRouter(List<IocConfig.Route> routes) {
        this.routes = routes == null ? List.of() : List.copyOf(routes);
    }

    /** Channel names in config order, without repeats; empty when no route matches. */
    public List<String> channels(Alert alert) {
        Set<String> channels = new LinkedHashSet<>();
        int severity = severityRank(alert.severity());
        for (IocConfig.Route route : routes) {
            boolean ruleMatches = ANY_RULE.equals(route.rule()) || alert.rule().equals(route.rule());
            if (ruleMatches && severity >= severityRank(route.minSeverity()) && route.channels() != null) {
                channels.addAll(route.channels());
            }
        }
        return List.copyOf(channels);
    }

    /**
     * info &lt; warning &lt; critical. Anything else counts as warning: a typo or a newer producer's level
     * should neither flood info-level channels nor be silenced below critical-only ones.
     */
    static int severityRank(String severity) {
        String s = severity == null ? "" : severity.toLowerCase(Locale.ROOT);
        return switch (s) {
            case "info" -> 0;
            case "critical" -> 2;
            default -> 1;
        };
    }
}
