package vn.iocstream.alerts.engine;

import java.time.Clock;

/**
 * Strictly increasing numbers derived from the clock in microseconds: event sequence numbers and row versions. Never
 * reused across restarts (time has moved on), so a client's resume point and a row's version stay comparable after a
 * crash; {@link #advanceTo} keeps it above what storage already holds if the clock went back.
 */
public final class Sequence {
    private final Clock clock;
    private long last;

    public Sequence(Clock clock) {
        this.clock = clock;
    }

    public synchronized long next() {
        long now = Math.multiplyExact(clock.millis(), 1000L);
        last = Math.max(last + 1, now);
        return last;
    }

    /** Makes every later number larger than {@code seen}. */
    public synchronized void advanceTo(long seen) {
        last = Math.max(last, seen);
    }

    public synchronized long last() {
        return last;
    }
}
