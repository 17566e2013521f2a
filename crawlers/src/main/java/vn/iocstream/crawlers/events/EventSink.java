package vn.iocstream.crawlers.events;

/** Where event lines go: the raw Kafka topics in production (app's KafkaEventSink). Must be thread-safe. */
public interface EventSink {
    /** Hands over one line of the given kind; may buffer. */
    void accept(EventKind kind, EventLine line);

    /** Input that can never become an event (a broken syslog frame): counted and kept with its reason. */
    void reject(EventKind kind, String reason, byte[] payload);

    /**
     * Blocks until every accepted line is durable and throws if any failed: the tailer moves its checkpoint only
     * after this returns, so a failure or crash repeats lines rather than losing them.
     */
    void flush();
}
