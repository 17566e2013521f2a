package vn.iocstream.crawlers.health;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import vn.iocstream.core.json.Json;
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
 * round writes the then-current rows. With {@link #rememberIn} the tracker's state is saved after every round and at
 * close, and taken back at the next start: a kill loses at most one round of counts, never a raised episode.
 */
public final class SourceHealthMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SourceHealthMonitor.class);
    private static final TypeReference<List<SourceHealthTracker.Saved>> SAVED = new TypeReference<>() {};

    private final SourceHealthTracker tracker;
    private final ClickHouseClient clickHouse;
    private final Consumer<Alert> alerts;
    private final Clock clock;
    private ScheduledExecutorService scheduler;
    private volatile Path stateFile;

    public SourceHealthMonitor(SourceHealthTracker tracker, ClickHouseClient clickHouse, Consumer<Alert> alerts, Clock clock) {
        this.tracker = tracker;
        this.clickHouse = clickHouse;
        this.alerts = alerts;
        this.clock = clock;
    }

    /**
     * Keeps the tracker's state in {@code file} (e.g. {@code crawler.stateDir/health.json}): restores what an earlier
     * run saved there for these sources now, and saves after every round. Call before {@link #start}.
     */
    public void rememberIn(Path file, List<IocConfig.Source> sources) throws IOException {
        if (Files.isRegularFile(file)) tracker.restore(Json.MAPPER.readValue(file.toFile(), SAVED), sources);
        stateFile = file;
    }

    private void save() {
        Path file = stateFile;
        if (file == null) return;
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, Json.bytes(tracker.save()));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("source health state not saved to {}: {}", file, e.toString());
        }
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
        save();
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
