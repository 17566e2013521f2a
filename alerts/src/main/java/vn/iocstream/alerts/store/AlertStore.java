package vn.iocstream.alerts.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.iocstream.alerts.AlertEvent;
import vn.iocstream.alerts.AlertView;
import vn.iocstream.alerts.Localities;
import vn.iocstream.alerts.Silence;
import vn.iocstream.alerts.engine.AlertBookkeeping;
import vn.iocstream.alerts.engine.GroupRow;
import vn.iocstream.core.clickhouse.ClickHouseClient;

/**
 * The alert tables in ClickHouse: batched writes through {@link BatchWriter} (with the delivery journal) on top of
 * the reads of {@link AlertQueries}.
 */
public final class AlertStore extends AlertQueries implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertStore.class);

    private final BatchWriter writer;
    private final DeliveryJournal journal;

    /**
     * @param journalDir  where the delivery journal lives (a local disk of the service's machine)
     * @param syncJournal force each journal write to disk (survives power loss, not only a process crash)
     */
    public AlertStore(ClickHouseClient clickHouse, Duration flushEvery, int flushRows, Path journalDir, boolean syncJournal) {
        super(clickHouse);
        this.journal = new DeliveryJournal(journalDir, syncJournal);
        this.writer = new BatchWriter(clickHouse, flushEvery, flushRows, journal);
        warnAboutOldDeliveryKey();
    }

    // ---------------------------------------------------------------- writes

    public long alert(AlertView view, AlertBookkeeping bookkeeping) {
        return writer.alert(new AlertTables.AlertRow(view, bookkeeping));
    }

    public long event(AlertEvent event, AlertView alert) {
        return writer.event(new AlertTables.EventRow(event, nonNull(alert.locality().province()),
                Localities.communeKey(alert.locality().commune())));
    }

    public long delivery(DeliveryRow row) {
        return writer.delivery(row);
    }

    public long silence(Silence silence) {
        return writer.silence(silence);
    }

    public long group(GroupRow row) {
        return writer.group(row);
    }

    /** Sequence number of the last row enqueued; compare with {@link #flushed()}. */
    public long enqueued() {
        return writer.enqueued();
    }

    public long flushed() {
        return writer.flushed();
    }

    /** Writes what is queued and waits for ClickHouse to have it; {@link IllegalStateException} after 10 s without. */
    public void flushNow() {
        writer.flushNow();
    }

    public boolean awaitFlushed(long seq, Duration timeout) {
        return writer.awaitFlushed(seq, timeout);
    }

    /** INSERT statements per table since start (the benchmark and the batching test read it). */
    public Map<String, Long> inserts() {
        return writer.inserts();
    }

    /** Delivery outcomes an earlier process journaled but may not have stored; they are queued for storing again. */
    public List<DeliveryRow> recoverJournal() {
        List<DeliveryRow> rows = journal.recover();
        rows.forEach(writer::recovered);
        return rows;
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public void close() {
        writer.close();
    }

    /** Stops without writing what is queued, as a crash would. */
    public void kill() {
        writer.kill();
    }

    /**
     * A database created before V022 keeps alert_deliveries sorted by (alert_id, channel), which collapses the
     * attempts of a channel into one row; say how to get the per-attempt table.
     */
    private void warnAboutOldDeliveryKey() {
        try {
            List<String> keys = clickHouse.query("SELECT sorting_key FROM system.tables WHERE database = "
                    + quote(clickHouse.database()) + " AND name = 'alert_deliveries'", rs -> rs.getString(1));
            if (!keys.isEmpty() && !keys.get(0).contains("delivery_id")) {
                LOG.warn("alert_deliveries was created before V022 and keeps one row per (alert, channel): rename it"
                        + " (RENAME TABLE alert_deliveries TO alert_deliveries_v004) and restart to get one row per attempt");
            }
        } catch (RuntimeException e) {
            LOG.debug("cannot check alert_deliveries' sort key: {}", e.getMessage());
        }
    }
}
