package vn.iocstream.alerts.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.clickhouse.TableRow;

/**
 * Writes the alert tables in batches: every {@code flushEvery}, or as soon as {@code flushRows} rows wait, one INSERT
 * per table for everything queued, never one row per insert (one-row inserts leave a part each and flood
 * ClickHouse's merges). Rows replaced within a batch (an alert changed twice) are written once, newest only.
 *
 * <p>Every enqueued row gets a sequence number; {@link #flushed()} is the highest one ClickHouse has, so a caller
 * can wait for its rows ({@link #flushNow()}) or commit Kafka offsets once the rows they caused are stored. A failed
 * insert keeps the batch and retries it after a pause: nothing is dropped while ClickHouse is away.
 */
final class BatchWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);
    private static final Duration FLUSH_WAIT = Duration.ofSeconds(10);

    /** One table's queue; rows with the same key replace each other (null key: every row kept). */
    private static final class Queue<T> {
        final TableRow<T> table;
        final Function<T, String> key;
        Map<Object, T> rows = new LinkedHashMap<>();
        long unkeyed;

        Queue(TableRow<T> table, Function<T, String> key) {
            this.table = table;
            this.key = key;
        }

        void add(T row) {
            Object k = key == null ? Long.valueOf(unkeyed++) : key.apply(row);
            rows.remove(k); // re-insert: a replaced row moves to the end, keeping write order
            rows.put(k, row);
        }
    }

    private final ClickHouseClient clickHouse;
    private final Duration flushEvery;
    private final int flushRows;
    private final DeliveryJournal journal;
    private final List<Queue<?>> queues = new ArrayList<>();
    private final Queue<AlertTables.AlertRow> alerts;
    private final Queue<AlertTables.EventRow> events;
    private final Queue<DeliveryRow> deliveries;
    private final Queue<vn.iocstream.alerts.Silence> silences;
    private final Queue<vn.iocstream.alerts.engine.GroupRow> groups;
    private final Map<String, AtomicLong> inserts = new LinkedHashMap<>();
    private final Thread thread;
    private long enqueued;
    private long flushed;
    private int queuedRows;
    private long oldestQueuedNanos;
    private boolean flushRequested;
    private volatile boolean stopping;
    private volatile boolean killed;

    BatchWriter(ClickHouseClient clickHouse, Duration flushEvery, int flushRows, DeliveryJournal journal) {
        this.clickHouse = clickHouse;
        this.flushEvery = flushEvery;
        this.flushRows = flushRows;
        this.journal = journal;
        alerts = queue(AlertTables.ALERTS, r -> r.view().id());
        events = queue(AlertTables.EVENTS, null);
        deliveries = queue(AlertTables.DELIVERIES, d -> d.deliveryId() + "\n" + d.attempt());
        silences = queue(AlertTables.SILENCES, vn.iocstream.alerts.Silence::id);
        groups = queue(AlertTables.GROUPS, vn.iocstream.alerts.engine.GroupRow::id);
        thread = new Thread(this::run, "ioc-alerts-writer");
        thread.setDaemon(true);
        thread.start();
    }

    private <T> Queue<T> queue(TableRow<T> table, Function<T, String> key) {
        Queue<T> q = new Queue<>(table, key);
        queues.add(q);
        inserts.put(table.table(), new AtomicLong());
        return q;
    }

    synchronized long alert(AlertTables.AlertRow row) {
        return add(alerts, row);
    }

    synchronized long event(AlertTables.EventRow row) {
        return add(events, row);
    }

    /** Journaled first: once this returns, the outcome survives a crash even before the batch is written. */
    synchronized long delivery(DeliveryRow row) {
        journal.append(row);
        return add(deliveries, row);
    }

    /** Rows recovered from the journal: already journaled, so only queued. */
    synchronized long recovered(DeliveryRow row) {
        return add(deliveries, row);
    }

    synchronized long silence(vn.iocstream.alerts.Silence row) {
        return add(silences, row);
    }

    synchronized long group(vn.iocstream.alerts.engine.GroupRow row) {
        return add(groups, row);
    }

    private <T> long add(Queue<T> q, T row) {
        if (killed) throw new IllegalStateException("alerts store stopped");
        q.add(row);
        if (queuedRows++ == 0) oldestQueuedNanos = System.nanoTime();
        if (queuedRows >= flushRows) notifyAll();
        return ++enqueued;
    }

    /** The sequence number of the last row enqueued. */
    synchronized long enqueued() {
        return enqueued;
    }

    /** The sequence number up to which ClickHouse has every row. */
    synchronized long flushed() {
        return flushed;
    }

    /**
     * Writes everything queued now and waits until ClickHouse has it.
     *
     * @throws IllegalStateException when ClickHouse has not taken it within 10 s (it is kept and retried)
     */
    void flushNow() {
        long target;
        synchronized (this) {
            target = enqueued;
            flushRequested = true;
            notifyAll();
        }
        if (!awaitFlushed(target, FLUSH_WAIT)) {
            throw new IllegalStateException("ClickHouse has not stored the change within " + FLUSH_WAIT.toSeconds()
                    + " s; it is kept and written when ClickHouse answers");
        }
    }

    /** Waits until rows up to {@code seq} are written; false on timeout. */
    synchronized boolean awaitFlushed(long seq, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (flushed < seq) {
                if (killed) throw new IllegalStateException("alerts store stopped");
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** INSERT statements per table since start. */
    Map<String, Long> inserts() {
        Map<String, Long> copy = new LinkedHashMap<>();
        inserts.forEach((t, n) -> copy.put(t, n.get()));
        return copy;
    }

    private void run() {
        while (!killed) {
            Batch batch;
            synchronized (this) {
                try {
                    while (!killed && !due()) {
                        long waitMs = queuedRows == 0 ? 1000
                                : Math.max(1, flushEvery.toMillis() - (System.nanoTime() - oldestQueuedNanos) / 1_000_000);
                        wait(waitMs);
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (killed) return;
                batch = take();
            }
            write(batch);
            if (stopping) {
                synchronized (this) {
                    if (queuedRows == 0) return;
                }
            }
        }
    }

    private boolean due() {
        if (queuedRows == 0) {
            flushRequested = false;
            return stopping;
        }
        return flushRequested || stopping || queuedRows >= flushRows
                || System.nanoTime() - oldestQueuedNanos >= flushEvery.toNanos();
    }

    private record Batch(List<Object[]> tables, long upTo, int journalSegment) {}

    /** Takes every queue's rows; the journal moves to a new segment so the old ones can go once these are written. */
    private Batch take() {
        List<Object[]> tables = new ArrayList<>();
        for (Queue<?> q : queues) {
            if (!q.rows.isEmpty()) {
                tables.add(new Object[] {q.table, new ArrayList<>(q.rows.values())});
                q.rows = new LinkedHashMap<>();
            }
        }
        queuedRows = 0;
        flushRequested = false;
        return new Batch(tables, enqueued, journal.rotate());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void write(Batch batch) {
        int next = 0;
        while (!killed) {
            try {
                for (; next < batch.tables().size(); next++) {
                    Object[] t = batch.tables().get(next);
                    TableRow table = (TableRow) t[0];
                    clickHouse.insert(table, (List) t[1]);
                    inserts.get(table.table()).incrementAndGet();
                }
                journal.deleteUpTo(batch.journalSegment());
                synchronized (this) {
                    flushed = Math.max(flushed, batch.upTo());
                    notifyAll();
                }
                return;
            } catch (RuntimeException e) {
                LOG.warn("alerts store: insert failed, retrying in {} s: {}", RETRY_PAUSE.toSeconds(), e.getMessage());
                try {
                    Thread.sleep(RETRY_PAUSE.toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Writes what is queued and stops. */
    @Override
    public void close() {
        synchronized (this) {
            stopping = true;
            notifyAll();
        }
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        journal.close();
    }

    /** Stops at once without writing what is queued: what a crash does (for the restart benchmark and tests). */
    void kill() {
        killed = true;
        thread.interrupt();
        synchronized (this) {
            notifyAll();
        }
        journal.close();
    }
}
