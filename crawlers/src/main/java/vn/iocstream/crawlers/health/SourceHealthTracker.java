package vn.iocstream.crawlers.health;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.iocstream.core.Ids;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.AlertDrivers;
import vn.iocstream.core.model.AlertKinds;
import vn.iocstream.core.model.Locality;
import vn.iocstream.crawlers.CrawlStats;

/**
 * Each source's freshness from the crawler's per-source poll results, and the {@code source-stale} alerts it
 * calls for. Pure: no clock, no I/O; times come in as arguments, so tests use fixed instants.
 *
 * <p>Two kinds of staleness, each an episode that alerts once:
 * <ul>
 *   <li><b>failing</b>: no successful poll for {@code failedIntervals} × the source's poll interval, counted from
 *       its last success (or, if it never succeeded, its first attempt). Ends with the next success.</li>
 *   <li><b>silent</b>: the source answers, but gave no new item for {@code silentHours}, counted from its last new
 *       item (or its first attempt). Ends with the next new item. This is the feed that "works" but froze, the
 *       failure that goes unnoticed longest.</li>
 * </ul>
 * An episode's alert id is the hash of rule, source, kind and episode start, so the same episode seen again (or
 * re-raised after a failed delivery) is one alert downstream. The state can be {@link #save saved} and
 * {@link #restore restored} ({@link SourceHealthMonitor} keeps it in {@code crawler.stateDir}), so a restart neither
 * forgets an outage nor raises its episode again.
 */
public final class SourceHealthTracker {
    public static final String RULE = "source-stale";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy", Locale.ROOT)
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final IocConfig.SourceHealth settings;
    private final long defaultIntervalSeconds;
    private final Map<String, State> states = new LinkedHashMap<>();

    /** @param defaultIntervalSeconds the poll interval of sources without a schedule (crawler.pollIntervalSeconds) */
    public SourceHealthTracker(IocConfig.SourceHealth settings, long defaultIntervalSeconds) {
        this.settings = settings;
        this.defaultIntervalSeconds = defaultIntervalSeconds;
    }

    private static final class State {
        final IocConfig.Source source;
        final long intervalSeconds;
        Instant firstAttempt;
        Instant lastAttempt;
        Instant lastSuccess;
        Instant lastNewItem;
        long consecutiveErrors;
        long totalErrors;
        long attempts;
        long newItems;
        /** Alert ids of the current episodes already raised; ids of ended episodes are dropped. */
        final Set<String> raised = new HashSet<>();

        State(IocConfig.Source source, long intervalSeconds) {
            this.source = source;
            this.intervalSeconds = intervalSeconds;
        }
    }

    /** A source's state as kept between runs: times, counters and the alert ids of its current episodes. */
    public record Saved(String source, Instant firstAttempt, Instant lastAttempt, Instant lastSuccess, Instant lastNewItem,
                        long consecutiveErrors, long totalErrors, long attempts, long newItems, List<String> raised) {}

    /** Every source's state, for {@link #restore} in a later run. */
    public synchronized List<Saved> save() {
        List<Saved> out = new ArrayList<>();
        for (State s : states.values()) {
            out.add(new Saved(s.source.name(), s.firstAttempt, s.lastAttempt, s.lastSuccess, s.lastNewItem, s.consecutiveErrors,
                    s.totalErrors, s.attempts, s.newItems, List.copyOf(s.raised)));
        }
        return out;
    }

    /** Takes back what an earlier run {@link #save saved}, for the sources still configured (matched by name). */
    public synchronized void restore(List<Saved> saved, List<IocConfig.Source> sources) {
        Map<String, IocConfig.Source> byName = new LinkedHashMap<>();
        sources.forEach(src -> byName.put(src.name(), src));
        for (Saved v : saved) {
            IocConfig.Source source = byName.get(v.source());
            if (source == null) continue;
            State s = new State(source, intervalSeconds(source));
            s.firstAttempt = v.firstAttempt();
            s.lastAttempt = v.lastAttempt();
            s.lastSuccess = v.lastSuccess();
            s.lastNewItem = v.lastNewItem();
            s.consecutiveErrors = v.consecutiveErrors();
            s.totalErrors = v.totalErrors();
            s.attempts = v.attempts();
            s.newItems = v.newItems();
            s.raised.addAll(v.raised());
            states.put(source.name(), s);
        }
    }

    /** One poll of one source ended at {@code at}; a 304 Not Modified is a success without new items. */
    public synchronized void record(IocConfig.Source source, CrawlStats poll, Instant at) {
        State s = states.computeIfAbsent(source.name(), n -> new State(source, intervalSeconds(source)));
        if (s.firstAttempt == null) s.firstAttempt = at;
        s.lastAttempt = at;
        s.attempts++;
        if (poll.feedErrors() > 0) {
            s.consecutiveErrors++;
            s.totalErrors++;
        } else {
            s.consecutiveErrors = 0;
            s.lastSuccess = at;
        }
        if (poll.newPosts() > 0) {
            s.lastNewItem = at;
            s.newItems += poll.newPosts();
        }
    }

    /** Every source polled so far, as rows for {@code source_health}. */
    public synchronized List<SourceHealth> snapshot(Instant now) {
        List<SourceHealth> rows = new ArrayList<>();
        for (State s : states.values()) {
            rows.add(new SourceHealth(s.source.name(), s.source.outlet(), s.source.url(), s.intervalSeconds,
                    s.lastAttempt, s.lastSuccess, s.lastNewItem, s.consecutiveErrors, s.totalErrors, s.attempts,
                    s.newItems, status(s, now), now));
        }
        return rows;
    }

    /** Alerts for stale episodes not yet {@link #raised}: the caller delivers them, then marks each raised. */
    public synchronized List<Alert> due(Instant now) {
        List<Alert> alerts = new ArrayList<>();
        for (State s : states.values()) {
            Set<String> current = new HashSet<>();
            if (failing(s, now)) {
                Instant since = Objects.requireNonNullElse(s.lastSuccess, s.firstAttempt);
                String title = s.lastSuccess == null
                        ? String.format(Locale.ROOT, "Nguồn %s chưa lấy được lần nào từ %s (%d lần lỗi liên tiếp)",
                                s.source.name(), SHOWN.format(since), s.consecutiveErrors)
                        : String.format(Locale.ROOT, "Nguồn %s không lấy được tin từ %s (%d lần lỗi liên tiếp)",
                                s.source.name(), SHOWN.format(since), s.consecutiveErrors);
                add(alerts, current, s, "failing", since, now, title, s.consecutiveErrors, settings.failedIntervals());
            }
            if (silent(s, now)) {
                Instant since = Objects.requireNonNullElse(s.lastNewItem, s.firstAttempt);
                long hours = Duration.between(since, now).toHours();
                String title = String.format(Locale.ROOT, "Nguồn %s không có tin mới từ %s (%d giờ)",
                        s.source.name(), SHOWN.format(since), hours);
                add(alerts, current, s, "silent", since, now, title, hours, settings.silentHours());
            }
            s.raised.retainAll(current);
        }
        return alerts;
    }

    /** The alert was delivered: its episode does not alert again. */
    public synchronized void raised(Alert alert) {
        State s = states.get(alert.key());
        if (s != null) s.raised.add(alert.id());
    }

    private void add(List<Alert> alerts, Set<String> current, State s, String kind, Instant since, Instant now,
                     String title, long count, double threshold) {
        String id = Ids.of(RULE, s.source.name(), kind, Long.toString(since.getEpochSecond()));
        current.add(id);
        if (s.raised.contains(id)) return;
        // The kind rides in the id and a label; the baseline carries the threshold that was crossed (intervals or hours).
        String outlet = s.source.outlet() == null || s.source.outlet().isBlank() ? s.source.name() : s.source.outlet();
        AlertDrivers drivers = new AlertDrivers(null, null, List.of(new AlertDrivers.Facet(outlet, count)), null, null, null,
                null, null, List.of("Địa chỉ: " + s.source.url(),
                        "Lấy được lần cuối: " + (s.lastSuccess == null ? "chưa bao giờ" : SHOWN.format(s.lastSuccess)),
                        "Tin mới lần cuối: " + (s.lastNewItem == null ? "chưa có" : SHOWN.format(s.lastNewItem)),
                        s.consecutiveErrors + " lần lỗi liên tiếp"));
        alerts.add(new Alert(id, AlertKinds.SOURCE_STALE, RULE, settings.severity(), s.source.name(), title, "",
                Locality.province(s.source.locality()), Map.of("problem", kind), null, since, now, count, threshold,
                List.of(), drivers, null, now));
    }

    private String status(State s, Instant now) {
        if (failing(s, now)) return "stale";
        if (silent(s, now)) return "silent";
        return s.consecutiveErrors > 0 ? "failing" : "ok";
    }

    private boolean failing(State s, Instant now) {
        if (s.consecutiveErrors == 0) return false;
        Instant since = Objects.requireNonNullElse(s.lastSuccess, s.firstAttempt);
        return !now.isBefore(since.plusSeconds(settings.failedIntervals() * s.intervalSeconds));
    }

    private boolean silent(State s, Instant now) {
        if (settings.silentHours() <= 0 || s.lastSuccess == null || s.consecutiveErrors > 0) return false;
        Instant since = Objects.requireNonNullElse(s.lastNewItem, s.firstAttempt);
        return !now.isBefore(since.plus(Duration.ofHours(settings.silentHours())));
    }

    /** "15m", "1h", "90s" as validated by the sources file; anything else is the crawler's default interval. */
    long intervalSeconds(IocConfig.Source source) {
        String schedule = source.schedule();
        if (schedule == null || !schedule.matches("\\d+[smh]")) return defaultIntervalSeconds;
        long n = Long.parseLong(schedule.substring(0, schedule.length() - 1));
        return switch (schedule.charAt(schedule.length() - 1)) {
            case 'h' -> n * 3600;
            case 'm' -> n * 60;
            default -> n;
        };
    }
}
