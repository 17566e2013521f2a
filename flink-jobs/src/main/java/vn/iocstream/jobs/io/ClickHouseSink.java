package vn.iocstream.jobs.io;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.clickhouse.TableRow;
import vn.iocstream.core.clickhouse.TsvRow;

/**
 * Writes rows to a ClickHouse table in batches. At-least-once: the buffer is flushed on every checkpoint
 * and at end of input, so a restart may write a batch again — which is why every table a stream writes
 * is a ReplacingMergeTree keyed by a deterministic id.
 */
public final class ClickHouseSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

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
     * @param maxDelayMs a non-empty buffer older than this is flushed on the next row, so rows show up
     *                   in dashboards within seconds even when checkpoints are rare
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
        return new Writer();
    }

    private final class Writer implements SinkWriter<T> {
        private final List<T> buffer = new ArrayList<>();
        private long oldestMs;

        @Override
        public void write(T row, Context context) throws IOException {
            if (buffer.isEmpty()) oldestMs = System.currentTimeMillis();
            buffer.add(row);
            if (buffer.size() >= batchSize || System.currentTimeMillis() - oldestMs >= maxDelayMs) insert();
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
        }

        @Override
        public void close() {}
    }
}
