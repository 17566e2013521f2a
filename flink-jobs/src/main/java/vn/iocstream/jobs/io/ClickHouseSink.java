package vn.iocstream.jobs.io;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.clickhouse.TableRow;
import vn.iocstream.core.clickhouse.TsvRow;

/**
 * Writes rows to a ClickHouse table in batches, by size and by time: a batch is inserted when it holds
 * {@code batchSize} rows or its first row is {@code maxDelayMs} old, whichever comes first (a processing-time
 * timer, so a quiet stream's last rows do not wait for the next row or checkpoint), and on every checkpoint.
 * ClickHouse wants few large inserts: each insert is a part on disk that merges must fold back. At-least-once:
 * a restart may write a batch again — which is why every table a stream writes is a ReplacingMergeTree keyed
 * by a deterministic id.
 */
public final class ClickHouseSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    /** Rows with text (posts, reports, ~3 KB each): a body of a few MB. */
    public static final int TEXT_BATCH = 2_000;
    /** Small rows (counts, trends, events). */
    public static final int ROW_BATCH = 10_000;
    /** A row waits at most this long for its batch to fill. */
    public static final long MAX_DELAY_MS = 1_000;

    /** One batch insert; serializable so that the sink can carry it to its subtasks. */
    private interface Insert<T> extends Serializable {
        void into(ClickHouseClient clickHouse, List<T> rows);
    }

    private final ClickHouseClient clickHouse;
    private final Insert<T> insert;
    private final int batchSize;
    private final long maxDelayMs;

    /**
     * @param batchSize  rows buffered before an insert (ClickHouse prefers few large inserts)
     * @param maxDelayMs a non-empty buffer is inserted this long after its first row at the latest, so rows
     *                   show up in dashboards within seconds even when checkpoints are rare
     */
    public ClickHouseSink(ClickHouseClient clickHouse, TableRow<T> table, int batchSize, long maxDelayMs) {
        this(clickHouse, (Insert<T>) (c, rows) -> c.insert(table, rows), batchSize, maxDelayMs);
    }

    /** As above, for high-volume streams: rows go as TabSeparated text over HTTP instead of JDBC batches. */
    public ClickHouseSink(ClickHouseClient clickHouse, TsvRow<T> table, int batchSize, long maxDelayMs) {
        this(clickHouse, (Insert<T>) (c, rows) -> c.insert(table, rows), batchSize, maxDelayMs);
    }

    private ClickHouseSink(ClickHouseClient clickHouse, Insert<T> insert, int batchSize, long maxDelayMs) {
        this.clickHouse = clickHouse;
        this.insert = insert;
        this.batchSize = batchSize;
        this.maxDelayMs = maxDelayMs;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new Writer(context.getProcessingTimeService());
    }

    private final class Writer implements SinkWriter<T> {
        private final List<T> buffer = new ArrayList<>();
        private final ProcessingTimeService time;
        /** Incremented by every insert, so that a timer set for an earlier batch does not cut the next one short. */
        private long batch;

        Writer(ProcessingTimeService time) {
            this.time = time;
        }

        @Override
        public void write(T row, Context context) throws IOException {
            buffer.add(row);
            if (buffer.size() >= batchSize) {
                insert();
            } else if (buffer.size() == 1) {
                long due = batch;
                time.registerTimer(time.getCurrentProcessingTime() + maxDelayMs, now -> {
                    if (batch == due) insert();
                });
            }
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            insert();
        }

        private void insert() throws IOException {
            if (buffer.isEmpty()) return;
            try {
                insert.into(clickHouse, buffer);
            } catch (ClickHouseClient.ClickHouseException e) {
                // Failing the task makes Flink restart from the last checkpoint and retry the rows.
                throw new IOException(e.getMessage(), e);
            }
            buffer.clear();
            batch++;
        }

        @Override
        public void close() {}
    }
}
