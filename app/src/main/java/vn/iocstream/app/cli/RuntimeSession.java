package vn.iocstream.app.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Waits until the duration is over or the user presses Ctrl-C, printing a status line every interval, then
 * lets the caller shut down in order before the JVM exits. Ctrl-C starts the JVM's shutdown hooks; ours
 * waits for the orderly shutdown so that the last line printed is still the caller's summary.
 */
final class RuntimeSession {
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    RuntimeSession() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                finished.await(90, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ioc-shutdown"));
    }

    /** @param duration null to run until Ctrl-C */
    void await(Duration duration, Duration every, Supplier<String> status, PrintStream out) throws InterruptedException {
        long start = System.nanoTime();
        long end = duration == null ? Long.MAX_VALUE : start + duration.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            long wait = Math.min(left, every.toNanos());
            if (wait <= 0 || stop.await(wait, TimeUnit.NANOSECONDS)) return;
            long elapsed = (System.nanoTime() - start) / 1_000_000_000L;
            out.println("t+" + elapsed + "s " + status.get());
        }
    }

    /** Called when the caller has shut everything down. */
    void finished() {
        finished.countDown();
    }
}
