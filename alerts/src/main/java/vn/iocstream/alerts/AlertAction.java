package vn.iocstream.alerts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an entry of an alert's history ({@code alert_events}) records. Lower case in JSON and ClickHouse. */
public enum AlertAction {
    /** The first occurrence arrived: the managed alert was created (open or suppressed). */
    FIRED,
    /** Another occurrence with the same dedup key arrived while active: count and fields updated, nobody paged again. */
    REFIRED,
    /** An occurrence arrived within the dedup window after it was resolved: it is open again. */
    REOPENED,
    /** A person acknowledged it. */
    ACKNOWLEDGED,
    /** A person resolved it, or the system did (rule cleared, quiet time elapsed). */
    RESOLVED,
    /** A person assigned it (the comment holds the assignee). */
    ASSIGNED,
    /** A person commented. */
    COMMENTED,
    /** A silence matched: nobody is notified. */
    SUPPRESSED,
    /** Its silence ended while it still fires: open again and notified. */
    UNSUPPRESSED,
    /** Not acknowledged in time: the next escalation step's receivers were notified. */
    ESCALATED,
    /** Stopped firing while suppressed. */
    EXPIRED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AlertAction of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
