package vn.iocstream.crawlers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.iocstream.core.config.IocConfig;

/**
 * When each source is polled next. A source starts at its nominal interval ({@code schedule}, else
 * {@code crawler.pollIntervalSeconds}); a poll that found new items halves the interval, one that found nothing
 * lengthens it by half and a failed one doubles it, within [min(minRefetchSeconds, nominal),
 * max(maxRefetchSeconds, nominal)]: a busy outlet is read sooner, a quiet or broken one costs less, and the
 * configured schedule always stays reachable. Time is passed in, so that tests use a fixed clock; thread-safe.
 */
public final class CrawlSchedule {
    public enum Outcome { NEW_ITEMS, NOTHING_NEW, FAILED }

    private static final Pattern SCHEDULE = Pattern.compile("(\\d+)([smh])");

    private static final class State {
        final Duration lower;
        final Duration upper;
        Duration interval;
        Instant next;
        boolean running;

        State(Duration nominal, Duration lower, Duration upper, Instant next) {
            this.interval = nominal;
            this.lower = lower;
            this.upper = upper;
            this.next = next;
        }
    }

    private final Map<IocConfig.Source, State> states = new LinkedHashMap<>();

    /** Every source is due at {@code start}. */
    public CrawlSchedule(List<IocConfig.Source> sources, IocConfig.Crawler settings, Instant start) {
        Duration min = Duration.ofSeconds(settings.minRefetchSeconds());
        Duration max = Duration.ofSeconds(settings.maxRefetchSeconds());
        for (IocConfig.Source s : sources) {
            Duration nominal = nominal(s, settings);
            states.put(s, new State(nominal, min.compareTo(nominal) < 0 ? min : nominal, max.compareTo(nominal) > 0 ? max : nominal, start));
        }
    }

    /** The source's configured interval: its {@code schedule} ("90s", "5m", "1h"), else {@code pollIntervalSeconds}. */
    public static Duration nominal(IocConfig.Source source, IocConfig.Crawler settings) {
        String schedule = source.schedule();
        if (schedule == null || schedule.isBlank()) return Duration.ofSeconds(settings.pollIntervalSeconds());
        Matcher m = SCHEDULE.matcher(schedule.trim());
        // SourcesFile rejects other shapes; an inline source that slipped through gets the global interval.
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) return Duration.ofSeconds(settings.pollIntervalSeconds());
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    /** The sources due at {@code now} that are not being polled, in configuration order; each is marked running. */
    public synchronized List<IocConfig.Source> takeDue(Instant now) {
        List<IocConfig.Source> due = new ArrayList<>();
        states.forEach((source, state) -> {
            if (!state.running && !state.next.isAfter(now)) {
                state.running = true;
                due.add(source);
            }
        });
        return due;
    }

    /** Records a finished poll: adapts the interval and sets the next poll from {@code now}. */
    public synchronized void done(IocConfig.Source source, Outcome outcome, Instant now) {
        State s = states.get(source);
        if (s == null) throw new IllegalArgumentException("not scheduled: " + source.name());
        Duration adapted = switch (outcome) {
            case NEW_ITEMS -> s.interval.dividedBy(2);
            case NOTHING_NEW -> s.interval.plus(s.interval.dividedBy(2));
            case FAILED -> s.interval.multipliedBy(2);
        };
        s.interval = adapted.compareTo(s.lower) < 0 ? s.lower : adapted.compareTo(s.upper) > 0 ? s.upper : adapted;
        s.next = now.plus(s.interval);
        s.running = false;
    }

    /** The source's current interval. */
    public synchronized Duration interval(IocConfig.Source source) {
        return states.get(source).interval;
    }

    /** What a poll's statistics mean for the schedule. */
    public static Outcome outcome(CrawlStats stats) {
        if (stats.feedErrors() > 0) return Outcome.FAILED;
        return stats.newPosts() > 0 ? Outcome.NEW_ITEMS : Outcome.NOTHING_NEW;
    }
}
