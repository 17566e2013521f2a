package vn.iocstream.core;

import java.util.List;

/** Kafka topic names: the contract between stages (DESIGN.md "Contracts"). Values are JSON, keys stable ids. */
public final class Topics {
    public static final String RAW_POSTS = "ioc.raw.posts";
    public static final String RAW_SECURITY = "ioc.raw.security";
    public static final String RAW_TRAFFIC = "ioc.raw.traffic";
    public static final String RAW_REPORTS = "ioc.raw.reports";
    public static final String ENRICHED_POSTS = "ioc.enriched.posts";
    public static final String ALERTS = "ioc.alerts";
    public static final String DEADLETTER = "ioc.deadletter";

    /**
     * Largest record {@value} bytes on {@link #DEADLETTER} (its {@code max.message.bytes}, and {@code max.request.size} of
     * every producer that writes it): a dead letter carries the refused record in base64 (4/3 of its size) with the
     * reason, and a raw record may be as large as the broker's default limit, 1 MB.
     */
    public static final int DEADLETTER_MAX_BYTES = 4 * 1024 * 1024;

    public static final List<String> ALL =
            List.of(RAW_POSTS, RAW_SECURITY, RAW_TRAFFIC, RAW_REPORTS, ENRICHED_POSTS, ALERTS, DEADLETTER);

    private Topics() {}
}
