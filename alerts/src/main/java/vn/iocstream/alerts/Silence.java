package vn.iocstream.alerts;

import java.time.Instant;

/**
 * A silence: while active, alerts its matcher matches are {@link AlertState#SUPPRESSED} (recorded and visible,
 * nobody notified). A row of {@code alert_silences}.
 *
 * @param id        stable id
 * @param matcher   which alerts (never {@link AlertMatcher#matchesEverything() everything})
 * @param startsAt  active from
 * @param endsAt    active until (exclusive)
 * @param createdBy who created it
 * @param createdAt when
 * @param comment   why (required)
 * @param expiredBy who ended it early ("" = nobody)
 * @param expiredAt when it was ended early, or null
 */
public record Silence(String id, AlertMatcher matcher, Instant startsAt, Instant endsAt, String createdBy,
                      Instant createdAt, String comment, String expiredBy, Instant expiredAt) {
    public enum Status { PENDING, ACTIVE, EXPIRED }

    public Status status(Instant now) {
        Instant end = expiredAt != null && expiredAt.isBefore(endsAt) ? expiredAt : endsAt;
        if (!now.isBefore(end)) return Status.EXPIRED;
        return now.isBefore(startsAt) ? Status.PENDING : Status.ACTIVE;
    }

    public boolean activeAt(Instant now) {
        return status(now) == Status.ACTIVE;
    }
}
