package vn.iocstream.alerts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The life of a managed alert.
 * <pre>
 *   (fires) ──▶ OPEN ──ack──▶ ACKNOWLEDGED ──resolve / rule clears / quiet time──▶ RESOLVED
 *     │            └──────────────resolve / rule clears / quiet time──────────────▶ RESOLVED
 *     │   a silence matches                                  fires again within the dedup window
 *     └─▶ SUPPRESSED ──silence ends, still firing──▶ OPEN       RESOLVED ──────────────▶ OPEN (reopened)
 *              └──stops firing (quiet time)──▶ EXPIRED
 * </pre>
 * Written in lower case in JSON, ClickHouse and the CLI ({@code open}, {@code acknowledged} …).
 */
public enum AlertState {
    /** Firing and nobody has taken it: notifications and escalation run. */
    OPEN,
    /** A person took it: escalation and repeats stop; it still counts re-fires. */
    ACKNOWLEDGED,
    /** Closed by a person, by its rule (the condition cleared) or after its quiet time. */
    RESOLVED,
    /** A silence matched it: recorded and visible, nobody is notified. */
    SUPPRESSED,
    /** Stopped firing while suppressed: closed without anyone having been told. */
    EXPIRED;

    /** Lower-case name, as stored. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Open, acknowledged or suppressed: still an incident. */
    public boolean active() {
        return this == OPEN || this == ACKNOWLEDGED || this == SUPPRESSED;
    }

    /** Parses {@code open}, {@code OPEN} …; anything else is an {@link IllegalArgumentException} naming the states. */
    @JsonCreator
    public static AlertState of(String code) {
        if (code != null) {
            for (AlertState s : values()) {
                if (s.code().equalsIgnoreCase(code.strip())) return s;
            }
        }
        throw new IllegalArgumentException("unknown alert state '" + code
                + "' (open, acknowledged, resolved, suppressed, expired)");
    }
}
