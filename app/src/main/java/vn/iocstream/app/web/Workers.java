package vn.iocstream.app.web;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the control room's slow work runs (search, every ClickHouse query): a fixed pool apart from the HTTP
 * threads, with a bounded queue. A full queue refuses at once ({@link RejectedExecutionException}, answered 503
 * with Retry-After), so slow queries can never take every request thread; every task has a deadline, after
 * which its caller gets a {@link TimeoutException} and the task is interrupted.
 */
final class Workers implements AutoCloseable {
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService timer;
    private final Duration deadline;

    Workers(int threads, int queueLimit, Duration deadline) {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueLimit), r -> {
            Thread t = new Thread(r, "control-room-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "control-room-deadlines");
            t.setDaemon(true);
            return t;
        });
        this.deadline = deadline;
    }

    Duration deadline() {
        return deadline;
    }

    /**
     * Runs {@code work} on the pool.
     *
     * @throws RejectedExecutionException at once when the queue is full
     */
    <T> CompletableFuture<T> submit(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        FutureTask<T> task = new FutureTask<>(work) {
            @Override
            protected void done() {
                if (isCancelled()) return;
                try {
                    result.complete(get());
                } catch (java.util.concurrent.ExecutionException e) {
                    result.completeExceptionally(e.getCause());
                } catch (InterruptedException | java.util.concurrent.CancellationException e) {
                    result.completeExceptionally(e);
                }
            }
        };
        pool.execute(task);
        var timeout = timer.schedule(() -> {
            if (result.completeExceptionally(new TimeoutException("deadline " + deadline.toSeconds() + " s (controlRoom.deadlineSeconds)"))) {
                task.cancel(true);
            }
        }, deadline.toMillis(), TimeUnit.MILLISECONDS);
        result.whenComplete((v, e) -> timeout.cancel(false));
        return result;
    }

    /** Tasks waiting for a thread (for tests and the status line). */
    int queued() {
        return pool.getQueue().size();
    }

    @Override
    public void close() {
        pool.shutdownNow();
        timer.shutdownNow();
    }
}
