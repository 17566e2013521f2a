package vn.iocstream.alerts;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.iocstream.alerts.DeliveryLog.Delivery;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.clickhouse.Tables;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.Alert;

/**
 * Stores each alert and delivers it to its routed channels at most once per (alert id, channel).
 *
 * <p>Alerts arrive at least once (Kafka replays, restarts, the detector re-raising a window), so "once" is
 * enforced twice: an in-memory claim set for this process (also stops two concurrent sightings) and the
 * {@code alert_deliveries} table for every earlier process. Only a {@code delivered} row blocks delivery:
 * a channel that failed is tried again the next time the alert is seen. Attempts accumulate over sightings,
 * because the table keeps the row with the most attempts and a later success must win over an earlier
 * failure. Limit: a delivery that succeeds but whose row cannot be written (ClickHouse down at that moment)
 * is remembered only until this process stops.
 *
 * <p>Channels of one alert are delivered in parallel, so one channel's retries never delay another;
 * {@link #handle} returns once every channel has an outcome. {@code webhookAttempts} bounds the attempts of
 * every channel (the config key predates the other channels), with back-off doubling from 500 ms.
 */
public final class AlertService implements AutoCloseable {
    public static final Duration DEFAULT_RETRY_BASE_DELAY = Duration.ofMillis(500);
    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);
    private static final int MAX_DETAIL_CHARS = 500;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final ClickHouseClient clickHouse;
    private final DeliveryLog deliveryLog;
    private final AlertRouter router;
    private final Map<String, AlertChannel> channels = new LinkedHashMap<>();
    private final int maxAttempts;
    private final Duration retryBaseDelay;
    private final ExecutorService executor;

    /** "alertId channel" pairs delivered, or being delivered, by this process. */
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();
    private final Set<String> warnedUnknownChannels = ConcurrentHashMap.newKeySet();
    private final LongAdder received = new LongAdder();
    private final LongAdder duplicatesSkipped = new LongAdder();
    private final ConcurrentMap<String, LongAdder> delivered = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> failed = new ConcurrentHashMap<>();

    public AlertService(IocConfig.Alerts config, ClickHouseClient clickHouse, List<AlertChannel> channels) {
        this(config, clickHouse, channels, DEFAULT_RETRY_BASE_DELAY);
    }

    /**
     * @param channels       channels built by the caller (e.g. the control room); the webhook channel is added
     *                       here when {@code config.webhookUrl()} is set
     * @param retryBaseDelay pause before the second attempt, doubled before each later one
     */
    public AlertService(IocConfig.Alerts config, ClickHouseClient clickHouse, List<AlertChannel> channels,
                        Duration retryBaseDelay) {
        this.clickHouse = clickHouse;
        this.deliveryLog = new DeliveryLog(clickHouse);
        this.router = new AlertRouter(config.routes());
        this.maxAttempts = Math.max(1, config.webhookAttempts());
        this.retryBaseDelay = retryBaseDelay;
        List<AlertChannel> all = new ArrayList<>(channels);
        if (config.webhookUrl() != null && !config.webhookUrl().isBlank()) {
            all.add(new WebhookChannel(URI.create(config.webhookUrl().strip()), WebhookChannel.DEFAULT_TIMEOUT));
        }
        for (AlertChannel channel : all) {
            if (this.channels.putIfAbsent(channel.name(), channel) != null) {
                throw new IllegalArgumentException("two alert channels named " + channel.name());
            }
        }
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, "ioc-alert-delivery-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Why an alert cannot be stored, if it cannot: the fields the {@code alerts} table has no default for.
     * An unknown severity is not a problem (it routes as warning).
     */
    public static Optional<String> problem(Alert alert) {
        if (alert == null) return Optional.of("empty alert");
        List<String> missing = new ArrayList<>();
        if (alert.id() == null || alert.id().isBlank()) missing.add("id");
        if (alert.rule() == null || alert.rule().isBlank()) missing.add("rule");
        if (alert.severity() == null) missing.add("severity");
        if (alert.key() == null) missing.add("key");
        if (alert.windowStart() == null) missing.add("windowStart");
        if (alert.windowEnd() == null) missing.add("windowEnd");
        if (alert.postIds() == null) missing.add("postIds");
        if (alert.createdAt() == null) missing.add("createdAt");
        return missing.isEmpty() ? Optional.empty() : Optional.of("alert without " + String.join(", ", missing));
    }

    /**
     * Stores the alert and delivers it to each routed channel that has not had it yet. Channel failures are
     * recorded and counted, never thrown.
     *
     * @throws IllegalArgumentException when {@link #problem} finds the alert unstorable
     * @throws ClickHouseClient.ClickHouseException when ClickHouse cannot store the alert or tell what was
     *         delivered: nothing has been sent then, and the caller should retry the alert later
     */
    public void handle(Alert alert) {
        problem(alert).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        received.increment();
        clickHouse.insert(Tables.ALERTS, List.of(alert));
        List<String> routed = router.channels(alert);
        if (routed.isEmpty()) return;
        Map<String, Delivery> earlier = deliveryLog.outcomes(alert.id());
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (String name : routed) {
            Delivery before = earlier.get(name);
            if (!claimed.add(claimKey(alert, name)) || (before != null && before.delivered())) {
                duplicatesSkipped.increment();
                continue;
            }
            long priorAttempts = before == null ? 0 : before.attempts();
            AlertChannel channel = channels.get(name);
            if (channel == null) {
                if (warnedUnknownChannels.add(name)) {
                    LOG.warn("alert route names channel '{}', which is not configured; available: {}",
                            name, channels.keySet());
                }
                finish(alert, name, priorAttempts, false, "unknown channel");
            } else {
                running.add(CompletableFuture.runAsync(() -> deliver(alert, channel, priorAttempts), executor));
            }
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
    }

    public AlertStats stats() {
        return new AlertStats(received.sum(), duplicatesSkipped.sum(), snapshot(delivered), snapshot(failed));
    }

    /** Interrupts retry back-offs: those deliveries are recorded failed and retried when the alert is seen again. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("alert deliveries still running after {}", CLOSE_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(Alert alert, AlertChannel channel, long priorAttempts) {
        int attempts = 0;
        boolean ok = false;
        String lastError = "";
        while (!ok && attempts < maxAttempts) {
            if (attempts > 0 && !backOff(attempts)) break;
            attempts++;
            try {
                channel.deliver(alert);
                ok = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lastError = "interrupted";
                break;
            } catch (Exception e) {
                lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                LOG.debug("alert {} to {}: attempt {} failed: {}", alert.id(), channel.name(), attempts, lastError);
            }
        }
        finish(alert, channel.name(), priorAttempts + attempts, ok, lastError);
    }

    /** Sleeps before attempt {@code attemptsMade + 1}; false when interrupted (the service is closing). */
    private boolean backOff(int attemptsMade) {
        try {
            Thread.sleep(retryBaseDelay.toMillis() << Math.min(attemptsMade - 1, 20));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Counts and records one outcome; a failed pair is released so that a later sighting can retry it. */
    private void finish(Alert alert, String channel, long attempts, boolean ok, String detail) {
        (ok ? delivered : failed).computeIfAbsent(channel, c -> new LongAdder()).increment();
        if (ok) {
            LOG.debug("alert {} delivered to {}", alert.id(), channel);
        } else if (channels.containsKey(channel)) { // an unknown channel was warned about once, in handle()
            LOG.warn("alert {} ({}) not delivered to {}: {}", alert.id(), alert.rule(), channel, detail);
        }
        String shortDetail = detail.length() > MAX_DETAIL_CHARS ? detail.substring(0, MAX_DETAIL_CHARS) : detail;
        try {
            deliveryLog.record(new Delivery(alert.id(), channel, ok ? DeliveryLog.DELIVERED : DeliveryLog.FAILED,
                    attempts, shortDetail, Instant.now()));
        } catch (RuntimeException e) {
            LOG.error("cannot record delivery of alert {} to {}: {}", alert.id(), channel, e.getMessage());
        }
        if (!ok) claimed.remove(claimKey(alert, channel));
    }

    private static String claimKey(Alert alert, String channel) {
        return alert.id() + '\n' + channel;
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((channel, count) -> copy.put(channel, count.sum()));
        return Collections.unmodifiableMap(copy);
    }
}
