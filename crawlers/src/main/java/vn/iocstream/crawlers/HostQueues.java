package vn.iocstream.crawlers;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One queue per host on a small shared pool: tasks of one host run one after another, different hosts run at
 * the same time, and a host with many tasks gives its thread back after each one (the hosts take turns), so a
 * slow or busy outlet holds at most one thread. Hosts are keyed by host:port, so that two servers on one
 * address (the tests' fixture sites on 127.0.0.1) are two hosts, as they would be two outlets.
 */
final class HostQueues {
    private final ExecutorService pool;
    /** A key is present while its queue has a task running or handed to the pool; guarded by {@code this}. */
    private final Map<String, Deque<Runnable>> queues = new HashMap<>();

    HostQueues(int threads, String name) {
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** host:port of a URL (default port by scheme); the URL itself when it has no host. */
    static String key(String url) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.getHost() == null) return url;
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException badUrl) {
            return url;
        }
    }

    /** Queues a task behind the others of its host. The task must not throw (the crawler's polls catch everything). */
    void submit(String key, Runnable task) {
        boolean idle;
        synchronized (this) {
            Deque<Runnable> queue = queues.get(key);
            idle = queue == null;
            if (idle) queues.put(key, queue = new ArrayDeque<>());
            queue.add(task);
        }
        if (idle) pool.execute(() -> runNext(key));
    }

    private void runNext(String key) {
        Runnable task;
        synchronized (this) {
            task = queues.get(key).poll();
        }
        try {
            task.run();
        } finally {
            boolean more;
            synchronized (this) {
                more = !queues.get(key).isEmpty();
                if (!more) queues.remove(key);
            }
            if (more) pool.execute(() -> runNext(key));
        }
    }

    /** Lets running tasks finish (up to {@code waitSeconds}); queued ones are dropped. */
    void close(long waitSeconds) {
        synchronized (this) {
            queues.values().forEach(Deque::clear);
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(waitSeconds, TimeUnit.SECONDS)) pool.shutdownNow();
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
