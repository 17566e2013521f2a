package vn.iocstream.nlp.dedup;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Throughput and memory of story assignment with N posts in the window, beside the grouping shipped before (four
 * exact 16-bit bands, which misses most pairs beyond 3 bits) and beside comparing each post with every post in the
 * window (what the current index answers exactly). The stream is seeded: a post arrives every window/N of event time,
 * so the window holds N posts throughout; 30% are copies of a recent post with up to k bits changed, the rest new.
 * Then fingerprinting itself, per article of the generated syndication corpus, now and before.
 * Run: {@code ./ioc bench stories [--seconds S]}.
 */
public final class StoryBench {
    private StoryBench() {}

    /**
     * One measured configuration: posts per second by the clock and per CPU-second of the measuring thread (the
     * steadier figure on a shared machine); {@code bytesPerPost}: heap growth while the window filled, per post.
     */
    public record Row(String scheme, int window, int maxDistance, double postsPerSecond, double postsPerCpuSecond,
                      double bytesPerPost) {}

    /** Fingerprints per CPU-second of ~1 KB generated articles, now (story lines, minwise bits) and before (SimHash). */
    public record Fingerprinting(int posts, double now, double before) {}

    public record Result(List<Row> rows, Fingerprinting fingerprinting) {}

    /** An assigner under test: the current index, the previous banded one, or a scan of the whole window. */
    private interface Assigner {
        String assign(String id, long fingerprint, long timeMs);
    }

    private static final long WINDOW_MS = 48 * 3_600_000L;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public static Result run(long seconds, long seed) {
        List<Row> rows = new ArrayList<>();
        for (int window : new int[] {10_000, 100_000}) {
            for (int k : new int[] {10, 13, 16}) {
                rows.add(measure("multi-probe index (now)", window, k, () -> new StoryIndex(k, WINDOW_MS)::assign, seconds, seed));
            }
            rows.add(measure("4 exact bands (before)", window, 10, () -> new PreviousStories(10, WINDOW_MS)::assign, seconds, seed));
            rows.add(measure("scan of the window", window, 10, () -> new Scan(10)::assign, seconds, seed));
        }
        return new Result(rows, fingerprinting(seconds, seed));
    }

    private static Row measure(String scheme, int window, int k, Supplier<Assigner> make, long seconds, long seed) {
        Random random = new Random(seed);
        long step = WINDOW_MS / window;
        long[] recent = new long[1024];
        long heapBefore = usedHeap();
        Assigner assigner = make.get();
        long time = 0;
        int n = 0;
        for (; n < window; n++, time += step) assigner.assign("p" + n, next(random, recent, n, k), time);
        double bytesPerPost = (double) (usedHeap() - heapBefore) / window;
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        int measured = 0;
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 256; i++, n++, time += step, measured++) assigner.assign("p" + n, next(random, recent, n, k), time);
        }
        double cpuSeconds = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        return new Row(scheme, window, k, measured / ((System.nanoTime() - start) / 1e9), measured / cpuSeconds, bytesPerPost);
    }

    /** 30% copies of one of the last 1,024 posts with up to k bits changed, the rest new. */
    private static long next(Random random, long[] recent, int n, int k) {
        long fp = n > 0 && random.nextDouble() < 0.3
                ? recent[random.nextInt(Math.min(n, recent.length))] ^ StoryEvaluation.randomMask(random.nextInt(k + 1), random)
                : random.nextLong();
        if (fp == 0) fp = 1;
        recent[n % recent.length] = fp;
        return fp;
    }

    private static Fingerprinting fingerprinting(long seconds, long seed) {
        List<SyndicationCorpus.Post> posts = SyndicationCorpus.generate(200, seed, "mixed");
        ToLongFunction<SyndicationCorpus.Post> now = p -> StoryText.fingerprint(p.body());
        ToLongFunction<SyndicationCorpus.Post> before = p -> PreviousStories.fingerprint(p.body());
        rate(posts, seconds, now); // both warmed up before either is measured: they share the tokenizer
        rate(posts, seconds, before);
        return new Fingerprinting(posts.size(), rate(posts, seconds, now), rate(posts, seconds, before));
    }

    /** Per CPU-second of this thread. */
    private static double rate(List<SyndicationCorpus.Post> posts, long seconds, ToLongFunction<SyndicationCorpus.Post> f) {
        long sink = 0;
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long cpuStart = CPU.getCurrentThreadCpuTime();
        int n = 0;
        while (System.nanoTime() < deadline) sink += f.applyAsLong(posts.get(n++ % posts.size()));
        double cpuSeconds = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        if (sink == 42) System.out.print(""); // keeps the work observable
        return n / cpuSeconds;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    public static void print(Result result, PrintStream out) {
        out.printf(Locale.ROOT, "%-26s %8s %4s %12s %16s %11s%n", "story assignment", "window", "k", "posts/s", "posts/CPU-second",
                "bytes/post");
        for (Row r : result.rows()) {
            out.printf(Locale.ROOT, "%-26s %8d %4d %12.0f %16.0f %11.0f%n", r.scheme(), r.window(), r.maxDistance(),
                    r.postsPerSecond(), r.postsPerCpuSecond(), r.bytesPerPost());
        }
        Fingerprinting f = result.fingerprinting();
        out.printf(Locale.ROOT, "%nfingerprint of an article (%d generated articles), per CPU-second: now %.0f, before (SimHash of the whole body) %.0f%n",
                f.posts(), f.now(), f.before());
        Row now = find(result, "multi-probe index (now)", 100_000, 10);
        Row before = find(result, "4 exact bands (before)", 100_000, 10);
        Row scan = find(result, "scan of the window", 100_000, 10);
        out.printf(Locale.ROOT, "stories postsPerCpuSecond=%.0f (100000 posts in the window, k=10) before=%.0f scan=%.0f bytesPerPost=%.0f%n",
                now.postsPerCpuSecond(), before.postsPerCpuSecond(), scan.postsPerCpuSecond(), now.bytesPerPost());
    }

    private static Row find(Result result, String scheme, int window, int k) {
        return result.rows().stream().filter(r -> r.scheme().equals(scheme) && r.window() == window && r.maxDistance() == k)
                .findFirst().orElseThrow();
    }

    /** Compares a post with every post in the window, oldest first, over plain arrays: the answer the index gives. */
    static final class Scan {
        private final int maxDistance;
        private long[] fingerprints = new long[1024];
        private long[] times = new long[1024];
        private String[] stories = new String[1024];
        private int head;
        private int size;

        Scan(int maxDistance) {
            this.maxDistance = maxDistance;
        }

        String assign(String id, long fingerprint, long timeMs) {
            while (size > 0 && times[head] < timeMs - WINDOW_MS) {
                head = (head + 1) % fingerprints.length;
                size--;
            }
            String story = id;
            for (int i = 0; i < size; i++) {
                int slot = (head + i) % fingerprints.length;
                if (Long.bitCount(fingerprints[slot] ^ fingerprint) <= maxDistance) {
                    story = stories[slot];
                    break;
                }
            }
            if (size == fingerprints.length) grow();
            int slot = (head + size++) % fingerprints.length;
            fingerprints[slot] = fingerprint;
            times[slot] = timeMs;
            stories[slot] = story;
            return story;
        }

        private void grow() {
            int n = fingerprints.length;
            long[] f = new long[2 * n];
            long[] t = new long[2 * n];
            String[] s = new String[2 * n];
            for (int i = 0; i < size; i++) {
                f[i] = fingerprints[(head + i) % n];
                t[i] = times[(head + i) % n];
                s[i] = stories[(head + i) % n];
            }
            fingerprints = f;
            times = t;
            stories = s;
            head = 0;
        }
    }
}
