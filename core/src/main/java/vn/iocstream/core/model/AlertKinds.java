package vn.iocstream.core.model;

import java.util.List;
import java.util.Set;

/**
 * The closed sets an {@link Alert}'s {@code kind} and {@code severity} come from. Producers use the constants; the
 * alerts service dead-letters anything else (a forged or broken alert never reaches a person).
 */
public final class AlertKinds {
    public static final String MEDIA_VOLUME_JUMP = "media.volume_jump";
    public static final String MEDIA_TREND = "media.trend";
    public static final String MEDIA_NEGATIVE_BURST = "media.negative_burst";
    public static final String MEDIA_PICKUP = "media.pickup";
    public static final String SECURITY_BRUTEFORCE = "security.bruteforce";
    public static final String SECURITY_SCAN = "security.scan";
    public static final String SECURITY_WEB_PROBE = "security.web_probe";
    public static final String SECURITY_COMPROMISE = "security.compromise";
    public static final String SECURITY_IDS = "security.ids";
    public static final String SECURITY_RATE_ANOMALY = "security.rate_anomaly";
    public static final String TRAFFIC_CONGESTION = "traffic.congestion";
    public static final String TRAFFIC_ANOMALY = "traffic.anomaly";
    public static final String ORDER_REPORT_CLUSTER = "order.report_cluster";
    public static final String SOURCE_STALE = "source.stale";

    public static final List<String> KINDS = List.of(MEDIA_VOLUME_JUMP, MEDIA_TREND, MEDIA_NEGATIVE_BURST, MEDIA_PICKUP,
            SECURITY_BRUTEFORCE, SECURITY_SCAN, SECURITY_WEB_PROBE, SECURITY_COMPROMISE, SECURITY_IDS,
            SECURITY_RATE_ANOMALY, TRAFFIC_CONGESTION, TRAFFIC_ANOMALY, ORDER_REPORT_CLUSTER, SOURCE_STALE);

    public static final String INFO = "info";
    public static final String WARNING = "warning";
    public static final String CRITICAL = "critical";
    /** Lowest first. */
    public static final List<String> SEVERITIES = List.of(INFO, WARNING, CRITICAL);

    private static final Set<String> KIND_SET = Set.copyOf(KINDS);

    private AlertKinds() {}

    public static boolean isKind(String kind) {
        return kind != null && KIND_SET.contains(kind);
    }

    public static boolean isSeverity(String severity) {
        return severity != null && SEVERITIES.contains(severity);
    }

    /** 0 for info, 1 warning, 2 critical; -1 for anything else. */
    public static int rank(String severity) {
        return severity == null ? -1 : SEVERITIES.indexOf(severity);
    }
}
