package vn.iocstream.alerts.config;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Times (in the file's zone, Asia/Ho_Chi_Minh by default) when a route's notifications wait, except for the
 * severities in {@code except}. An interval may cross midnight ({@code 22:00}–{@code 06:00}: the days are those it
 * starts on). Notifications are held, never dropped: they go out when the interval ends.
 */
public record QuietHours(List<Interval> intervals, Set<String> except) {
    public static final QuietHours NONE = new QuietHours(List.of(), Set.of());

    /** @param to exclusive; {@code 24:00} is written as {@code 24:00} and read as the end of the day */
    public record Interval(Set<DayOfWeek> days, LocalTime from, LocalTime to, boolean toMidnight) {
        boolean crossesMidnight() {
            return !toMidnight && !to.isAfter(from);
        }
    }

    /** When quiet time ends if {@code at} is inside it (for an alert of {@code severity}), else empty. */
    public Optional<Instant> quietUntil(Instant at, String severity, ZoneId zone) {
        if (intervals.isEmpty() || except.contains(severity)) return Optional.empty();
        Instant end = null;
        Instant probe = at;
        // Adjacent intervals (e.g. 22:00–24:00 then 00:00–06:00) chain into one quiet stretch.
        for (int guard = 0; guard < 16; guard++) {
            Instant e = endOfIntervalContaining(probe, zone);
            if (e == null) break;
            end = e;
            probe = e;
        }
        return Optional.ofNullable(end);
    }

    private Instant endOfIntervalContaining(Instant at, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        for (Interval i : intervals) {
            // Started today, or (crossing midnight) started yesterday.
            for (int back = 0; back <= 1; back++) {
                LocalDate startDay = local.toLocalDate().minusDays(back);
                if (!i.days().contains(startDay.getDayOfWeek())) continue;
                LocalDateTime start = startDay.atTime(i.from());
                LocalDateTime end = i.toMidnight() ? startDay.plusDays(1).atStartOfDay()
                        : i.crossesMidnight() ? startDay.plusDays(1).atTime(i.to()) : startDay.atTime(i.to());
                if (!local.isBefore(start) && local.isBefore(end)) return end.atZone(zone).toInstant();
            }
        }
        return null;
    }
}
