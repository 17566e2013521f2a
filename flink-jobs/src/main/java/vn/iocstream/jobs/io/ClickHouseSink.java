package vn.iocstream.jobs.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 *
 * <p>A failed insert (ClickHouse restarting or unreachable) is tried again with the same batch, waiting 0.5 s doubling
 * to 10 s, for up to {@code retryFor}: the task holds, the job slows to a stop behind it (backpressure) and catches up
 * when ClickHouse is back, with no failover and no rows read again. Only an outage longer than that fails the task,
 * which the restart strategy then restarts from its last checkpoint. Retries are counted in the metric
 * {@code clickHouseInsertRetries} of the sink's operator.
 */
public final class ClickHouseSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    /** Rows with text (posts, reports, ~3 KB each): a body of a few MB. */
    public static final int TEXT_BATCH = 2_000;
    /** Small rows (counts, trends, events). */
    public static final int ROW_BATCH = 10_000;
    /** A row waits at most this long for its batch to fill. */
    public static final long MAX_DELAY_MS = 1_000;
    private static final long FIRST_RETRY_MS = 500;
    private static final long MAX_RETRY_MS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseSink.class);

    /** One batch insert; serializable so that the sink can carry it to its subtasks. */
    private interface Insert<T> extends Serializable {
        void into(ClickHouseClient clickHouse, List<T> rows);
    }

    private final ClickHouseClient clickHouse;
    private final Insert<T> insert;
    private final int batchSize;
    private final long maxDelayMs;
    private final long retryForMs;

    /**
     * @param batchSize  rows buffered before an insert (ClickHouse prefers few large inserts)
     * @param maxDelayMs a non-empty buffer is inserted this long after its first row at the latest, so rows
     *                   show up in dashboards within seconds even when checkpoints are rare
     * @param retryFor   how long a failing insert is retried before the task fails ({@code clickhouse.sinkRetrySeconds})
     */
    public ClickHouseSink(ClickHouseClient clickHouse, TableRow<T> table, int batchSize, long maxDelayMs, Duration retryFor) {
        this(clickHouse, (Insert<T>) (c, rows) -> c.insert(table, rows), batchSize, maxDelayMs, retryFor);
    }

    /** As above, for high-volume streams: rows go as TabSeparated text over HTTP instead of JDBC batches. */
    public ClickHouseSink(ClickHouseClient clickHouse, TsvRow<T> table, int batchSize, long maxDelayMs, Duration retryFor) {
        this(clickHouse, (Insert<T>) (c, rows) -> c.insert(table, rows), batchSize, maxDelayMs, retryFor);
    }

    private ClickHouseSink(ClickHouseClient clickHouse, Insert<T> insert, int batchSize, long maxDelayMs, Duration retryFor) {
        this.clickHouse = clickHouse;
        this.insert = insert;
        this.batchSize = batchSize;
        this.maxDelayMs = maxDelayMs;
        this.retryForMs = retryFor.toMillis();
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new Writer(context.getProcessingTimeService(), context.metricGroup().counter("clickHouseInsertRetries"));
    }

    private final class Writer implements SinkWriter<T> {
        private final List<T> buffer = new ArrayList<>();
        private final ProcessingTimeService time;
        private final Counter retries;
        /** Incremented by every insert, so that a timer set for an earlier batch does not cut the next one short. */
        private long batch;

        Writer(ProcessingTimeService time, Counter retries) {
            this.time = time;
            this.retries = retries;
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
            long start = System.nanoTime();
            long wait = FIRST_RETRY_MS;
            for (int attempt = 1; ; attempt++) {
                try {
                    insert.into(clickHouse, buffer);
                    if (attempt > 1) {
                        LOG.info("ClickHouse insert of {} rows succeeded at attempt {}, after {} s", buffer.size(), attempt,
                                (System.nanoTime() - start) / 1_000_000_000L);
                    }
                    break;
                } catch (ClickHouseClient.ClickHouseException e) {
                    long spentMs = (System.nanoTime() - start) / 1_000_000;
                    if (spentMs + wait > retryForMs) {
                        // Failing the task makes Flink restart from the last checkpoint and retry the rows.
                        throw new IOException("gave up after " + attempt + " attempts in " + spentMs / 1000 + " s: " + e.getMessage(), e);
                    }
                    if (attempt == 1) LOG.warn("ClickHouse insert failed, retrying for up to {} s: {}", retryForMs / 1000, e.getMessage());
                    retries.inc();
                    pause(wait);
                    wait = Math.min(wait * 2, MAX_RETRY_MS);
                }
            }
            buffer.clear();
            batch++;
        }

        /** Sleeps in the task's thread; cancelling the task interrupts it. */
        private void pause(long ms) throws InterruptedIOException {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("cancelled while waiting to retry a ClickHouse insert");
            }
        }

        @Override
        public void close() {}
    }
}
