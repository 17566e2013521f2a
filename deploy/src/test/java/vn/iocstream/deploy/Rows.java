package vn.iocstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import vn.iocstream.core.clickhouse.ClickHouseClient;

/** Waiting for rows in ClickHouse: the pipeline is asynchronous, the expectation exact. */
final class Rows {
    private Rows() {}

    /**
     * Waits until {@code sql} answers {@code expected}, then checks it stays so (no late duplicate makes it grow) for
     * a moment; fails with the last answer after {@code timeout}. A query that fails (ClickHouse restarting) counts as
     * not there yet.
     */
    static void await(ClickHouseClient ch, String sql, long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            try {
                last = ch.queryLong(sql);
            } catch (ClickHouseClient.ClickHouseException notYet) {
                last = -1;
            }
            if (last == expected) {
                Thread.sleep(2_000);
                assertThat(ch.queryLong(sql)).as(sql).isEqualTo(expected);
                return;
            }
            if (last > expected) break;
            Thread.sleep(500);
        }
        assertThat(last).as(sql).isEqualTo(expected);
    }

    /** Waits until {@code sql} answers at least {@code min} (progress mid-stream); fails with the last answer after {@code timeout}. */
    static void awaitAtLeast(ClickHouseClient ch, String sql, long min, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            try {
                last = ch.queryLong(sql);
            } catch (ClickHouseClient.ClickHouseException notYet) {
                last = -1;
            }
            if (last >= min) return;
            Thread.sleep(200);
        }
        assertThat(last).as(sql).isGreaterThanOrEqualTo(min);
    }
}
