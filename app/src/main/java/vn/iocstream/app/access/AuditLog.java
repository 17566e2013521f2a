package vn.iocstream.app.access;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.clickhouse.TabSeparated;
import vn.iocstream.core.clickhouse.TsvRow;

/**
 * Writes and reads the {@code audit_log} table (one row per login, failed login, logout and action). Entries are
 * inserted in batches — every second, or at {@value #BATCH} waiting — never one insert per entry: a password-guessing
 * run would otherwise make a ClickHouse part per attempt. A read flushes what waits first, so this server always reads
 * its own entries. Entries still waiting when the process dies are lost (at most a second's).
 */
public final class AuditLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    static final int BATCH = 1_000;
    private static final long FLUSH_MILLIS = 1_000;

    private static final TsvRow<Entry> TABLE = new TsvRow<>() {
        @Override public String table() { return "audit_log"; }

        @Override public List<String> columns() {
            return List.of("time", "nanos", "actor", "role", "action", "target", "outcome", "detail", "address");
        }

        @Override public void write(TabSeparated out, Entry e) {
            out.dateTime(e.time()).number(e.time().getEpochSecond() * 1_000_000_000L + e.time().getNano()).string(e.actor())
                    .string(e.role()).string(e.action()).string(e.target()).string(e.outcome()).string(e.detail())
                    .string(e.address());
        }
    };

    /**
     * @param action  e.g. {@code login}, {@code login-failed}, {@code logout}, {@code alert.ack}
     * @param target  what was acted on (an alert id), or ""
     * @param outcome {@code ok}, or why it was refused ({@code bad-password}, {@code locked}, …)
     */
    public record Entry(Instant time, String actor, String role, String action, String target, String outcome,
                        String detail, String address) {}

    private final ClickHouseClient clickHouse;
    private final Clock clock;
    private final List<Entry> waiting = new ArrayList<>();
    private final ScheduledExecutorService flusher;

    public AuditLog(ClickHouseClient clickHouse, Clock clock) {
        this.clickHouse = clickHouse;
        this.clock = clock;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-log-flush");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    public Entry record(String actor, String role, String action, String target, String outcome, String detail, String address) {
        Instant now = clock.instant();
        Entry e = new Entry(now, actor, role, action, target, outcome, detail == null ? "" : detail, address == null ? "" : address);
        boolean full;
        synchronized (waiting) {
            waiting.add(e);
            full = waiting.size() >= BATCH;
        }
        if (full) flush();
        return e;
    }

    /** Inserts what waits, in one insert. */
    public void flush() {
        List<Entry> batch;
        synchronized (waiting) {
            if (waiting.isEmpty()) return;
            batch = new ArrayList<>(waiting);
            waiting.clear();
        }
        try {
            clickHouse.insert(TABLE, batch);
        } catch (RuntimeException e) {
            synchronized (waiting) {
                waiting.addAll(0, batch); // ClickHouse down: keep them for the next flush
            }
            throw e;
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("audit entries not written yet, retrying in {} ms: {}", FLUSH_MILLIS, e.getMessage());
        }
    }

    /** Entries about one target (an alert's history), oldest first. */
    public List<Entry> about(String target) {
        return read("target = " + Sql.quote(target), "nanos ASC", 500);
    }

    /** The newest entries matching a condition over the table's columns; what waits is written first. */
    public List<Entry> read(String where, String order, int limit) {
        flushQuietly();
        return clickHouse.query("SELECT toUnixTimestamp(time), nanos, actor, role, action, target, outcome, detail, address FROM audit_log WHERE "
                + where + " ORDER BY " + order + " LIMIT " + limit, rs -> new Entry(
                Instant.ofEpochSecond(rs.getLong(2) / 1_000_000_000L, rs.getLong(2) % 1_000_000_000L),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        flushQuietly();
    }
}
