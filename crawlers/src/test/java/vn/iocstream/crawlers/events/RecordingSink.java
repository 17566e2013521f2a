package vn.iocstream.crawlers.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Keeps what feeds emit, in order; can fail its next flush to play a broker that did not acknowledge. */
final class RecordingSink implements EventSink {
    record Rejected(EventKind kind, String reason, byte[] payload) {}

    private final List<EventLine> lines = new ArrayList<>();
    private final List<Rejected> rejected = new ArrayList<>();
    private int failFlushes;

    @Override
    public synchronized void accept(EventKind kind, EventLine line) {
        lines.add(line);
    }

    @Override
    public synchronized void reject(EventKind kind, String reason, byte[] payload) {
        rejected.add(new Rejected(kind, reason, payload));
    }

    @Override
    public synchronized void flush() {
        if (failFlushes > 0) {
            failFlushes--;
            throw new IllegalStateException("broker did not acknowledge");
        }
    }

    synchronized void failNextFlush() {
        failFlushes = 1;
    }

    synchronized List<EventLine> lines() {
        return List.copyOf(lines);
    }

    synchronized List<String> texts() {
        return lines.stream().map(EventLine::text).toList();
    }

    synchronized List<Rejected> rejected() {
        return List.copyOf(rejected);
    }

    /** Waits for asynchronous input (syslog) up to 10 s. */
    List<EventLine> awaitLines(int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (lines().size() < n && System.nanoTime() < deadline) Thread.sleep(20);
        return lines();
    }

    List<Rejected> awaitRejected(int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (rejected().size() < n && System.nanoTime() < deadline) Thread.sleep(20);
        return rejected();
    }
}
