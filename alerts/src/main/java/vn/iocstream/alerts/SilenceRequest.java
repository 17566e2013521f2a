package vn.iocstream.alerts;

import java.time.Duration;
import java.time.Instant;

/**
 * A silence to create with {@link AlertDesk#createSilence}.
 *
 * @param matcher  which alerts; must not match everything, and for a restricted scope must name a province (and a
 *                 commune, for a commune-only scope) inside it
 * @param startsAt null = now
 * @param endsAt   after {@code startsAt}, at most {@link #MAX_LENGTH} later
 * @param comment  why, 1..2,000 characters (required: a silence nobody can explain is a hidden outage)
 */
public record SilenceRequest(AlertMatcher matcher, Instant startsAt, Instant endsAt, String comment) {
    public static final Duration MAX_LENGTH = Duration.ofDays(90);

    public SilenceRequest {
        if (matcher == null || matcher.matchesEverything()) {
            throw new IllegalArgumentException("a silence needs at least one matcher (kind, severity, province, label or dedupKey)");
        }
        if (endsAt == null) throw new IllegalArgumentException("a silence needs endsAt");
        if (comment == null || comment.isBlank()) throw new IllegalArgumentException("a silence needs a comment saying why");
        if (comment.length() > 2000) throw new IllegalArgumentException("comment longer than 2000 characters");
        if (startsAt != null && !endsAt.isAfter(startsAt)) throw new IllegalArgumentException("endsAt must be after startsAt");
        if (startsAt != null && Duration.between(startsAt, endsAt).compareTo(MAX_LENGTH) > 0) {
            throw new IllegalArgumentException("a silence lasts at most 90 days");
        }
    }
}
