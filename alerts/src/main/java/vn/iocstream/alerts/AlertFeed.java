package vn.iocstream.alerts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.iocstream.alerts.store.AlertStore;

/**
 * The push feed behind {@link AlertDesk#subscribe}: every alert change, numbered, kept in a ring of the last
 * {@value AlertDesk#MAX_BACKLOG} in memory and in {@code alert_events} in ClickHouse, so that a client that reconnects
 * with its last sequence number gets what it missed. Each subscriber has its own queue drained on the feed's pool,
 * serially, so a slow client only slows itself, and one that falls too far behind is dropped.
 */
final class AlertFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertFeed.class);

    private final AlertStore store;
    private final Deque<AlertFeedEvent> ring = new ArrayDeque<>();
    private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();
    private final ExecutorService pool;
    private long lastSeq;

    AlertFeed(AlertStore store) {
        this.store = store;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ioc-alerts-feed-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Called by the engine (under its lock) for every history entry. */
    void publish(AlertEvent event, AlertView alert) {
        AlertFeedEvent e = new AlertFeedEvent(event.seq(), event, alert);
        synchronized (this) {
            ring.addLast(e);
            while (ring.size() > AlertDesk.MAX_BACKLOG) ring.removeFirst();
            lastSeq = Math.max(lastSeq, event.seq());
        }
        for (Subscriber s : subscribers) s.offer(e);
    }

    synchronized long lastSeq() {
        return lastSeq;
    }

    /** The last sequence number stored before this process started (for {@link #lastSeq()} after a restart). */
    synchronized void startAfter(long seq) {
        lastSeq = Math.max(lastSeq, seq);
    }

    AlertDesk.Subscription subscribe(AlertScope scope, long lastEventId, AlertFeedListener listener) {
        Subscriber s = new Subscriber(scope, listener);
        long ringOldest;
        synchronized (this) {
            ringOldest = ring.isEmpty() ? Long.MAX_VALUE : ring.peekFirst().seq();
        }
        // Events older than the ring come from storage; read before registering, outside the lock.
        List<AlertFeedEvent> older = new ArrayList<>();
        boolean reset = false;
        if (lastEventId > 0 && lastEventId < ringOldest - 1) {
            List<AlertEvent> stored = store.eventsAfter(lastEventId, scope, AlertDesk.MAX_BACKLOG + 1);
            stored = stored.stream().filter(e -> e.seq() < ringOldest).toList();
            if (stored.size() > AlertDesk.MAX_BACKLOG) {
                reset = true;
            } else {
                Map<String, AlertView> current = new LinkedHashMap<>();
                for (AlertView v : store.alerts(stored.stream().map(AlertEvent::alertId).distinct().toList())) current.put(v.id(), v);
                for (AlertEvent e : stored) {
                    AlertView v = current.get(e.alertId());
                    if (v != null) older.add(new AlertFeedEvent(e.seq(), e, v));
                }
            }
        }
        synchronized (this) {
            if (lastEventId > lastSeq) reset = true;
            if (reset) {
                s.offerReset(lastSeq);
            } else if (lastEventId > 0) {
                for (AlertFeedEvent e : older) s.offer(e);
                for (AlertFeedEvent e : ring) if (e.seq() > lastEventId) s.offer(e);
            }
            subscribers.add(s);
        }
        return s;
    }

    @Override
    public void close() {
        for (Subscriber s : subscribers) s.end("the alerts service is stopping");
        pool.shutdown();
    }

    private final class Subscriber implements AlertDesk.Subscription {
        private final AlertScope scope;
        private final AlertFeedListener listener;
        private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
        private final AtomicInteger backlog = new AtomicInteger();
        private final AtomicBoolean draining = new AtomicBoolean();
        private final AtomicBoolean closed = new AtomicBoolean();
        /** The newest event queued: an event seen both in the ring replay and live is delivered once. */
        private long lastOffered;

        Subscriber(AlertScope scope, AlertFeedListener listener) {
            this.scope = scope;
            this.listener = listener;
        }

        void offer(AlertFeedEvent e) {
            if (closed.get() || !scope.permits(e.alert().locality())) return;
            synchronized (this) {
                if (e.seq() <= lastOffered) return;
                lastOffered = e.seq();
            }
            if (backlog.incrementAndGet() > AlertDesk.MAX_BACKLOG) {
                end("more than " + AlertDesk.MAX_BACKLOG + " events behind: reconnect and resume");
                return;
            }
            queue.add(e);
            drain();
        }

        void offerReset(long latest) {
            queue.add(Long.valueOf(latest));
            backlog.incrementAndGet();
            drain();
        }

        private void drain() {
            if (!draining.compareAndSet(false, true)) return;
            try {
                pool.execute(this::run);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                draining.set(false);
            }
        }

        private void run() {
            try {
                Object item;
                while (!closed.get() && (item = queue.poll()) != null) {
                    backlog.decrementAndGet();
                    if (item instanceof Long latest) listener.onReset(latest);
                    else listener.onEvent((AlertFeedEvent) item);
                }
            } catch (RuntimeException e) {
                LOG.debug("feed listener failed, unsubscribed: {}", e.toString());
                end("the listener failed: " + e.getClass().getSimpleName());
            } finally {
                draining.set(false);
            }
            if (!queue.isEmpty() && !closed.get()) drain();
        }

        void end(String reason) {
            if (!closed.compareAndSet(false, true)) return;
            subscribers.remove(this);
            queue.clear();
            try {
                listener.onClose(reason);
            } catch (RuntimeException e) {
                LOG.debug("feed listener's onClose failed: {}", e.toString());
            }
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                subscribers.remove(this);
                queue.clear();
            }
        }
    }
}
