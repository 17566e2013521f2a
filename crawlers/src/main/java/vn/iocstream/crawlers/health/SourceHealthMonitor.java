package vn.iocstream.crawlers.health;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.Alert;
import vn.iocstream.crawlers.CrawlStats;

/**
 * Feeds a {@link SourceHealthTracker} from the crawler's per-source results ({@link #record}, cheap, on the
 * crawler's thread) and, every {@code sourceHealth.writeIntervalSeconds} on a thread of its own, writes every
 * source's row to ClickHouse {@code source_health} and hands each new {@code source-stale} alert to the alert path.
 *
 * <p>Usage: {@code monitor = new SourceHealthMonitor(tracker, clickHouse, alertService::handle, clock);
 * crawler.addSourceListener(monitor::record); monitor.start(seconds);}. An alert whose handler throws (ClickHouse
 * down) is not marked raised, so it is offered again at the next round; a failed table write is logged and the next
 * round writes the then-current rows.
 */
public final class SourceHealthMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SourceHealthMonitor.class);

    private final SourceHealthTracker tracker;
    private final ClickHouseClient clickHouse;
    private final Consumer<Alert> alerts;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public SourceHealthMonitor(SourceHealthTracker tracker, ClickHouseClient clickHouse, Consumer<Alert> alerts, Clock clock) {
        this.tracker = tracker;
        this.clickHouse = clickHouse;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** One poll of one source just ended (the crawler's per-source callback). */
    public void record(IocConfig.Source source, CrawlStats poll) {
        tracker.record(source, poll, clock.instant());
    }

    /** Writes the rows and raises due alerts now; returns how many alerts were raised. */
    public int round() {
        var now = clock.instant();
        List<SourceHealth> rows = tracker.snapshot(now);
        if (!rows.isEmpty()) {
            try {
                clickHouse.insert(SourceHealthTable.INSTANCE, rows);
            } catch (RuntimeException e) {
                LOG.warn("source_health not written ({} sources): {}", rows.size(), e.getMessage());
            }
        }
        int raised = 0;
        for (Alert alert : tracker.due(now)) {
            try {
                alerts.accept(alert);
                tracker.raised(alert);
                raised++;
            } catch (RuntimeException e) {
                LOG.warn("source-stale alert for {} not delivered, trying again next round: {}", alert.key(), e.getMessage());
            }
        }
        return raised;
    }

    /** Runs {@link #round()} every {@code intervalSeconds} on a daemon thread, the first after one interval. */
    public synchronized void start(int intervalSeconds) {
        if (scheduler != null) throw new IllegalStateException("already started");
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "source-health");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::roundSafely, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    /** A throw would silently cancel the schedule. */
    private void roundSafely() {
        try {
            round();
        } catch (RuntimeException e) {
            LOG.error("source health round failed", e);
        }
    }

    /** Stops the schedule and writes the final rows, so a clean stop leaves the table current. */
    @Override
    public void close() {
        ScheduledExecutorService s;
        synchronized (this) {
            s = scheduler;
            scheduler = null;
        }
        if (s == null) return;
        s.shutdown();
        try {
            if (s.awaitTermination(10, TimeUnit.SECONDS)) roundSafely();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
