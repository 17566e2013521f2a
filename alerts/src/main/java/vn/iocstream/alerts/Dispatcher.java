package vn.iocstream.alerts;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.iocstream.alerts.channels.Channel;
import vn.iocstream.alerts.channels.DeliveryException;
import vn.iocstream.alerts.channels.Outbound;
import vn.iocstream.alerts.config.AlertsFile;
import vn.iocstream.alerts.config.Receiver;
import vn.iocstream.alerts.config.Retry;
import vn.iocstream.alerts.engine.AlertEngine;
import vn.iocstream.alerts.engine.Notification;
import vn.iocstream.alerts.store.AlertStore;
import vn.iocstream.alerts.store.DeliveryRow;
import vn.iocstream.core.Ids;

/**
 * Turns notifications into deliveries (one per receiver target: channel + address) and makes them, at least once:
 * each delivery is stored as scheduled before its first attempt, every attempt is recorded (journal, then
 * {@code alert_deliveries}), failures are retried with the channel's back-off (or the receiver's Retry-After), and
 * unfinished deliveries are resumed after a restart. Before every attempt the engine is asked whether the
 * notification is still wanted (an acknowledged alert's escalation is not sent). Delivery ids are derived from the
 * notification id, so redoing the same work never makes a second delivery: a delivery whose id is finished is
 * skipped.
 *
 * <p>Each channel has its own small pool of threads: a slow or failing channel never holds up another.
 */
final class Dispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int THREADS_PER_CHANNEL = 4;
    private static final int REMEMBERED = 200_000;

    private final AlertEngine engine;
    private final AlertStore store;
    private final Clock clock;
    private volatile AlertsFile config;
    private volatile Map<String, Channel> channels = Map.of();
    private final Map<String, ScheduledThreadPoolExecutor> pools = new ConcurrentHashMap<>();
    /** Deliveries that reached a final state (sent, gave up, cancelled): never attempted again. */
    private final Set<String> finished = Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override protected boolean removeEldestEntry(Map.Entry<String, Boolean> e) {
            return size() > REMEMBERED;
        }
    }));
    private final Map<String, LongAdder> sent = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> gaveUp = new ConcurrentHashMap<>();
    private volatile boolean killed;

    Dispatcher(AlertEngine engine, AlertStore store, Clock clock) {
        this.engine = engine;
        this.store = store;
        this.clock = clock;
    }

    /** Switches to the channels of a (re)loaded file; the old channels are closed once their work is queued. */
    synchronized void configure(AlertsFile file) {
        Map<String, Channel> old = channels;
        channels = Channels.build(file);
        config = file;
        for (Channel c : old.values()) c.close();
    }

    /** Ids already finished (from storage and the journal at start): not delivered again. */
    void finished(Set<String> ids) {
        finished.addAll(ids);
    }

    /** Called by the engine (under its lock): record each delivery as scheduled and start its first attempt. */
    void dispatch(Notification n) {
        Receiver receiver = config.receivers().get(n.receiver());
        if (receiver == null) {
            LOG.warn("notification {} names receiver '{}', which is no longer configured", n.id(), n.receiver());
            return;
        }
        for (Receiver.Target t : receiver.targets()) {
            String deliveryId = Ids.of("d", n.id(), t.channel(), t.address());
            if (finished.contains(deliveryId)) continue;
            DeliveryRow row = new DeliveryRow(deliveryId, n.id(), n.alertIds(), n.route(), n.receiver(), t.channel(),
                    t.address(), n.reason(), n.groupKey(), 0, DeliveryRow.PENDING, "", n.createdAt(), clock.instant());
            store.delivery(row);
            schedule(row, 1, Duration.ZERO);
        }
    }

    /** Unfinished deliveries of an earlier process: attempted again from where they stopped. */
    void resume(List<DeliveryRow> unfinished) {
        for (DeliveryRow d : unfinished) {
            if (finished.contains(d.deliveryId())) continue;
            Retry retry = retryOf(d.channel());
            int next = d.attempt() + 1;
            schedule(d, next, d.attempt() == 0 ? Duration.ZERO : retry.pauseBefore(next));
        }
    }

    private void schedule(DeliveryRow d, int attempt, Duration delay) {
        if (killed) return;
        pool(d.channel()).schedule(() -> attempt(d, attempt), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    private void attempt(DeliveryRow d, int attempt) {
        if (killed || finished.contains(d.deliveryId())) return;
        Notification n = new Notification(d.notificationId(), d.reason(), d.route(), d.receiver(), d.groupKey(),
                d.alertIds(), d.dueAt());
        if (!engine.stillWanted(n)) {
            finish(d.next(attempt - 1, DeliveryRow.CANCELLED, "không gửi nữa: cảnh báo đã được xác nhận hoặc đã đóng", clock.instant()));
            return;
        }
        Channel channel = channels.get(d.channel());
        if (channel == null) {
            finish(d.next(attempt, DeliveryRow.GAVE_UP, "channel '" + d.channel() + "' is no longer configured", clock.instant()));
            return;
        }
        List<AlertView> alerts = views(d.alertIds());
        if (alerts.isEmpty()) {
            finish(d.next(attempt, DeliveryRow.CANCELLED, "its alerts are gone", clock.instant()));
            return;
        }
        Retry retry = channel.spec().retry();
        try {
            String answer = channel.send(new Outbound(d.deliveryId(), d.notificationId(), d.reason(), d.route(),
                    d.receiver(), d.groupKey(), d.address(), alerts, attempt, d.dueAt()));
            finish(d.next(attempt, DeliveryRow.SENT, answer, clock.instant()));
        } catch (DeliveryException e) {
            if (killed) return;
            if (e.retryable() && attempt < retry.attempts()) {
                store.delivery(d.next(attempt, DeliveryRow.FAILED, e.getMessage(), clock.instant()));
                Duration pause = retry.pauseBefore(attempt + 1);
                if (e.retryAfter() != null && e.retryAfter().compareTo(pause) > 0) pause = e.retryAfter();
                LOG.debug("delivery {} to {} failed (attempt {}), again in {} ms: {}", d.deliveryId(), d.channel(),
                        attempt, pause.toMillis(), e.getMessage());
                schedule(d, attempt + 1, pause);
            } else {
                LOG.warn("alert notification to {} {} given up after {} attempts: {}", d.channel(), d.address(), attempt, e.getMessage());
                finish(d.next(attempt, DeliveryRow.GAVE_UP, e.getMessage(), clock.instant()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (killed) return;
            LOG.warn("delivery {} to {}: {}", d.deliveryId(), d.channel(), e.toString());
            if (attempt < retry.attempts()) {
                store.delivery(d.next(attempt, DeliveryRow.FAILED, e.toString(), clock.instant()));
                schedule(d, attempt + 1, retry.pauseBefore(attempt + 1));
            } else {
                finish(d.next(attempt, DeliveryRow.GAVE_UP, e.toString(), clock.instant()));
            }
        }
    }

    private void finish(DeliveryRow row) {
        store.delivery(row);
        finished.add(row.deliveryId());
        if (DeliveryRow.SENT.equals(row.status())) count(sent, row.channel());
        if (DeliveryRow.GAVE_UP.equals(row.status())) count(gaveUp, row.channel());
    }

    private List<AlertView> views(List<String> ids) {
        List<AlertView> views = engine.views(ids);
        if (views.size() == ids.size()) return views;
        // Alerts closed long ago are no longer held by the engine: read them back.
        Map<String, AlertView> byId = new LinkedHashMap<>();
        for (AlertView v : views) byId.put(v.id(), v);
        List<String> missing = ids.stream().filter(id -> !byId.containsKey(id)).toList();
        for (AlertView v : store.alerts(missing)) byId.put(v.id(), v);
        List<AlertView> ordered = new ArrayList<>();
        for (String id : ids) if (byId.containsKey(id)) ordered.add(byId.get(id));
        return ordered;
    }

    private Retry retryOf(String channel) {
        Channel c = channels.get(channel);
        return c == null ? Retry.DEFAULT : c.spec().retry();
    }

    private ScheduledThreadPoolExecutor pool(String channel) {
        return pools.computeIfAbsent(channel, name -> {
            AtomicInteger n = new AtomicInteger();
            ScheduledThreadPoolExecutor p = new ScheduledThreadPoolExecutor(THREADS_PER_CHANNEL, r -> {
                Thread t = new Thread(r, "ioc-alerts-" + name + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            p.setRemoveOnCancelPolicy(true);
            // On close, retries waiting for their back-off are not waited for: storage has them and a restart resumes them.
            p.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            return p;
        });
    }

    private static void count(Map<String, LongAdder> counters, String channel) {
        counters.computeIfAbsent(channel, c -> new LongAdder()).increment();
    }

    Map<String, Long> sent() {
        return snapshot(sent);
    }

    Map<String, Long> gaveUp() {
        return snapshot(gaveUp);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    /** Stops accepting work; attempts in progress finish (bounded by the channels' timeouts) or are interrupted. */
    @Override
    public void close() {
        pools.values().forEach(ScheduledThreadPoolExecutor::shutdown);
        for (ScheduledThreadPoolExecutor p : pools.values()) {
            try {
                if (!p.awaitTermination(10, TimeUnit.SECONDS)) p.shutdownNow();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        channels.values().forEach(Channel::close);
    }

    /** Tears every thread down at once, recording nothing more: a crash. */
    void kill() {
        killed = true;
        pools.values().forEach(ScheduledThreadPoolExecutor::shutdownNow);
    }
}
