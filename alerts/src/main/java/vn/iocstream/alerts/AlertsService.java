package vn.iocstream.alerts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.iocstream.alerts.config.AlertsConfigException;
import vn.iocstream.alerts.config.AlertsFile;
import vn.iocstream.alerts.config.Route;
import vn.iocstream.alerts.engine.AlertBookkeeping;
import vn.iocstream.alerts.engine.AlertEngine;
import vn.iocstream.alerts.engine.GroupRow;
import vn.iocstream.alerts.engine.Notification;
import vn.iocstream.alerts.engine.Sequence;
import vn.iocstream.alerts.store.AlertStore;
import vn.iocstream.alerts.store.DeliveryRow;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.validation.RecordLimits;

/**
 * The alerts service: the lifecycle engine, its ClickHouse store (batched) and delivery journal, the dispatcher and
 * channels, the push feed, a clock ticker and the watcher that reloads {@code alerts.yaml} when it changes. Feed it
 * with {@link #accept} (in-process producers) or a {@link KafkaAlertListener} ({@code ioc.alerts}); people reach it
 * through {@link #desk()}.
 *
 * <p>Start-up restores what an earlier process left: active alerts, groups and silences from ClickHouse, delivery
 * outcomes from the journal (written since the last stored batch), and resumes unfinished deliveries; escalations and
 * group notifications that came due while it was down run at the first tick.
 */
public final class AlertsService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertsService.class);
    /** How far back unfinished deliveries are resumed and finished ones remembered. */
    private static final Duration DELIVERY_MEMORY = Duration.ofDays(2);

    /**
     * How the service runs (the {@code alerts:} section of the configuration).
     *
     * @param file        the routing file, or null for {@link AlertsFile#builtIn()}
     * @param reloadEvery how often the file is checked for changes (0 = never)
     * @param flushEvery  the store's batch interval
     * @param flushRows   rows that make a batch go before its interval
     * @param journalDir  the delivery journal's folder
     * @param journalSync force each journal write to disk
     * @param tickEvery   how often the clock's timers are checked (0 = only by {@link #tick()}, for tests)
     * @param limits      the bounds alerts are checked against ({@code validation.*})
     */
    public record Settings(Path file, Duration reloadEvery, Duration flushEvery, int flushRows, Path journalDir,
                           boolean journalSync, Duration tickEvery, RecordLimits limits) {
        /** From the configuration's {@code alerts} and {@code validation} sections. */
        public static Settings of(IocConfig config) {
            IocConfig.Alerts c = config.alerts();
            return new Settings(c.file() == null || c.file().isBlank() ? null : Path.of(c.file()),
                    Duration.ofSeconds(c.reloadSeconds()), Duration.ofMillis(c.flushMillis()), c.flushRows(),
                    Path.of(c.journalDir()), c.journalSync(), Duration.ofMillis(c.tickMillis()),
                    RecordLimits.of(config.validation()));
        }

        public Settings withFile(Path f) {
            return new Settings(f, reloadEvery, flushEvery, flushRows, journalDir, journalSync, tickEvery, limits);
        }

        public Settings withTickEvery(Duration d) {
            return new Settings(file, reloadEvery, flushEvery, flushRows, journalDir, journalSync, d, limits);
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final AlertStore store;
    private final AlertFeed feed;
    private final AlertEngine engine;
    private final Dispatcher dispatcher;
    private final AlertValidator validator;
    private final ServiceDesk desk;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile String fileFingerprint = "";
    private volatile String lastReloadError = "";
    private volatile boolean stopping;
    private Thread ticker;
    private Thread watcher;

    private AlertsService(Settings settings, ClickHouseClient clickHouse, Clock clock, AlertsFile file) {
        this.settings = settings;
        this.clock = clock;
        this.store = new AlertStore(clickHouse, settings.flushEvery(), settings.flushRows(), settings.journalDir(),
                settings.journalSync());
        this.feed = new AlertFeed(store);
        Sequence sequence = new Sequence(clock);
        long lastStored = store.lastEventSeq();
        sequence.advanceTo(lastStored);
        feed.startAfter(lastStored);
        Dispatcher[] dispatcherRef = new Dispatcher[1];
        this.engine = new AlertEngine(file, clock, sequence, new AlertEngine.Output() {
            @Override public void alert(AlertView view, AlertBookkeeping bookkeeping) {
                store.alert(view, bookkeeping);
            }

            @Override public void event(AlertEvent event, AlertView after) {
                store.event(event, after);
                feed.publish(event, after);
            }

            @Override public void group(GroupRow row) {
                store.group(row);
            }

            @Override public void silence(Silence silence) {
                store.silence(silence);
            }

            @Override public void dispatch(Notification notification) {
                dispatcherRef[0].dispatch(notification);
            }
        });
        this.dispatcher = new Dispatcher(engine, store, clock);
        dispatcherRef[0] = dispatcher;
        dispatcher.configure(file);
        this.validator = new AlertValidator(clock, settings.limits());
        this.desk = new ServiceDesk(engine, store, feed);
    }

    /**
     * Starts the service: reads the routing file (a bad one is an {@link AlertsConfigException} naming its line),
     * restores the stored state, resumes unfinished deliveries and starts the ticker and the file watcher.
     */
    public static AlertsService start(Settings settings, ClickHouseClient clickHouse, Clock clock) {
        AlertsFile file = settings.file() == null ? AlertsFile.builtIn() : AlertsFile.read(settings.file());
        AlertsService service = new AlertsService(settings, clickHouse, clock, file);
        service.fileFingerprint = fingerprint(settings.file());
        service.restore();
        service.startThreads();
        LOG.info("alerts service started: {} channels, {} receivers, {} routes from {}", file.channels().size(),
                file.receivers().size(), file.allRoutes().size(), file.source());
        return service;
    }

    private void restore() {
        List<DeliveryRow> journaled = store.recoverJournal();
        Map<String, DeliveryRow> latestJournaled = new LinkedHashMap<>();
        Set<String> finished = new HashSet<>(store.loadFinishedDeliveryIds(DELIVERY_MEMORY));
        for (DeliveryRow r : journaled) {
            latestJournaled.merge(r.deliveryId(), r, (a, b) -> b.attempt() >= a.attempt() ? b : a);
            if (r.terminal()) finished.add(r.deliveryId());
        }
        dispatcher.finished(finished);
        Duration dedupWindow = engine.config().allRoutes().stream().map(Route::dedupWindow)
                .max(Duration::compareTo).orElse(Duration.ofHours(6));
        engine.restore(store.loadAlerts(dedupWindow), store.loadGroups(), store.loadSilences());
        List<DeliveryRow> unfinished = new java.util.ArrayList<>();
        for (DeliveryRow r : store.loadUnfinishedDeliveries(DELIVERY_MEMORY)) {
            DeliveryRow j = latestJournaled.get(r.deliveryId());
            unfinished.add(j != null && j.attempt() > r.attempt() ? r.next(j.attempt(), j.status(), j.detail(), j.at()) : r);
        }
        // Scheduled in the journal only (the process stopped before the batch that stores it).
        for (DeliveryRow j : latestJournaled.values()) {
            if (!j.terminal() && unfinished.stream().noneMatch(u -> u.deliveryId().equals(j.deliveryId()))) unfinished.add(j);
        }
        dispatcher.resume(unfinished);
        if (!journaled.isEmpty() || !unfinished.isEmpty()) {
            LOG.info("alerts service: {} delivery outcomes recovered from the journal, {} unfinished deliveries resumed",
                    journaled.size(), unfinished.size());
        }
        engine.tick();
    }

    private void startThreads() {
        if (!settings.tickEvery().isZero()) {
            ticker = daemon("ioc-alerts-clock", () -> {
                while (!stopping) {
                    try {
                        engine.tick();
                    } catch (RuntimeException e) {
                        LOG.error("alerts timer failed: {}", e.toString(), e);
                    }
                    sleep(settings.tickEvery());
                }
            });
        }
        if (settings.file() != null && !settings.reloadEvery().isZero()) {
            watcher = daemon("ioc-alerts-reload", () -> {
                while (!stopping) {
                    sleep(settings.reloadEvery());
                    if (!stopping) reload();
                }
            });
        }
    }

    public AlertDesk desk() {
        return desk;
    }

    /**
     * Takes one alert from an in-process producer (checked as strictly as one from Kafka).
     *
     * @throws AlertValidator.InvalidAlert when it would be dead-lettered if it came from Kafka
     */
    public void accept(Alert alert) throws AlertValidator.InvalidAlert {
        try {
            validator.check(alert);
        } catch (AlertValidator.InvalidAlert e) {
            rejected.incrementAndGet();
            throw e;
        }
        acceptValid(alert);
    }

    /** Takes an alert the caller already validated. */
    void acceptValid(Alert alert) {
        accepted.incrementAndGet();
        engine.fire(alert);
    }

    AlertValidator validator() {
        return validator;
    }

    /** Runs the timers that are due (the ticker does it every {@code tickEvery}; tests with a hand-moved clock call it). */
    public void tick() {
        engine.tick();
    }

    /**
     * Reads the routing file again if it changed. A bad file is refused with its line ({@link #lastReloadError()})
     * and the rules in force stay.
     *
     * @return true when a new file was taken
     */
    public synchronized boolean reload() {
        if (settings.file() == null) return false;
        String now = fingerprint(settings.file());
        if (now.equals(fileFingerprint)) return false;
        fileFingerprint = now;
        try {
            AlertsFile next = AlertsFile.read(settings.file());
            dispatcher.configure(next);
            engine.reconfigure(next);
            lastReloadError = "";
            LOG.info("alerts: {} reloaded ({} channels, {} receivers, {} routes)", settings.file(), next.channels().size(),
                    next.receivers().size(), next.allRoutes().size());
            return true;
        } catch (AlertsConfigException e) {
            lastReloadError = e.getMessage();
            LOG.error("alerts: {} not reloaded, the rules in force stay: {}", settings.file(), e.getMessage());
            return false;
        }
    }

    /** The last reload's error ("" when the last reload worked or none was tried). */
    public String lastReloadError() {
        return lastReloadError;
    }

    /** The routing file in force. */
    public AlertsFile config() {
        return engine.config();
    }

    public AlertStore store() {
        return store;
    }

    /** Alerts taken in, and refused by validation, since start. */
    public long accepted() {
        return accepted.get();
    }

    public long rejected() {
        return rejected.get();
    }

    /** Deliveries sent per channel since start. */
    public Map<String, Long> sent() {
        return dispatcher.sent();
    }

    /** Deliveries given up per channel since start. */
    public Map<String, Long> gaveUp() {
        return dispatcher.gaveUp();
    }

    /** Stops: deliveries in progress finish, queued rows are written. */
    @Override
    public void close() {
        stopping = true;
        interrupt(ticker);
        interrupt(watcher);
        dispatcher.close();
        feed.close();
        store.close();
    }

    /**
     * Stops every thread at once without writing what is queued or closing anything properly: what {@code kill -9}
     * leaves behind, for the restart benchmark and tests.
     */
    public void kill() {
        stopping = true;
        interrupt(ticker);
        interrupt(watcher);
        dispatcher.kill();
        store.kill();
        feed.close();
    }

    private static void interrupt(Thread t) {
        if (t != null) t.interrupt();
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A change test for the routing file: its bytes' hash ("" when missing). */
    private static String fingerprint(Path file) {
        if (file == null) return "";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (IOException e) {
            return "unreadable";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
