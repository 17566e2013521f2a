package vn.iocstream.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import vn.iocstream.app.runtime.SearchFeeder;

/**
 * Where the CPU went during a measured interval, as shares of one core: from the kernel, per thread of this JVM
 * (so the JIT compiler and the garbage collector, which JFR does not sample, are counted) and per child process (the
 * ClickHouse server); the Java threads' time is then split among components by JFR execution samples, each sample
 * going to the first component its stack names from the top. Linux only ({@code /proc}).
 */
final class CpuProfile implements AutoCloseable {
    /** Components, in the order a stack is tested against them (the first frame that matches one wins). */
    private static final Map<String, List<String>> COMPONENTS = components();
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on every Linux this runs on

    private final Recording recording = new Recording();
    private final Map<String, Long> threadTicksBefore;
    private final Map<String, Long> childTicksBefore;
    private final long startNanos = System.nanoTime();
    private final Map<Long, Long> javaThreadCpuBefore = javaThreadCpuNanos();

    CpuProfile() {
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
        recording.start();
        threadTicksBefore = threadTicksByKind();
        childTicksBefore = childTicks();
    }

    /** Component → share of one core over the interval, largest first. */
    Map<String, Double> stop() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        byThread = byThread(seconds);
        Map<String, Long> threadTicks = threadTicksByKind();
        Map<String, Long> children = childTicks();
        recording.stop();
        Map<String, Long> samples = samplesByComponent();
        Map<String, Double> share = new HashMap<>();
        double java = cores(threadTicks.getOrDefault("java", 0L) - threadTicksBefore.getOrDefault("java", 0L), seconds);
        long totalSamples = samples.values().stream().mapToLong(Long::longValue).sum();
        samples.forEach((component, n) -> share.merge(component, totalSamples == 0 ? 0 : java * n / totalSamples, Double::sum));
        share.put("JIT compiler", cores(threadTicks.getOrDefault("jit", 0L) - threadTicksBefore.getOrDefault("jit", 0L), seconds));
        share.put("garbage collector", cores(threadTicks.getOrDefault("gc", 0L) - threadTicksBefore.getOrDefault("gc", 0L), seconds));
        children.forEach((name, ticks) -> share.put(name, cores(ticks - childTicksBefore.getOrDefault(name, 0L), seconds)));
        Map<String, Double> sorted = new LinkedHashMap<>();
        share.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private Map<String, Double> byThread = Map.of();

    /**
     * After {@link #stop}: Java threads' own CPU time as shares of one core, by thread name with numbers folded
     * ({@code #}), largest first. Unlike the sampled split, a thread that waits for a core is not counted: this is what
     * each Flink operator chain, the search feeder or the Kafka broker really got.
     */
    Map<String, Double> byThread() {
        return byThread;
    }

    private Map<String, Double> byThread(double seconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> now = javaThreadCpuNanos();
        Map<String, Double> out = new HashMap<>();
        for (Map.Entry<Long, Long> t : now.entrySet()) {
            ThreadInfo info = threads.getThreadInfo(t.getKey());
            if (info == null) continue;
            long used = t.getValue() - javaThreadCpuBefore.getOrDefault(t.getKey(), 0L);
            out.merge(info.getThreadName().replaceAll("\\d+", "#"), used / 1e9 / seconds, Double::sum);
        }
        Map<String, Double> sorted = new LinkedHashMap<>();
        out.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static Map<Long, Long> javaThreadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> out = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long cpu = threads.getThreadCpuTime(id);
            if (cpu >= 0) out.put(id, cpu);
        }
        return out;
    }

    private Map<String, Long> samplesByComponent() {
        Map<String, Long> out = new HashMap<>();
        try {
            Path file = Files.createTempFile("ioc-bench", ".jfr");
            try {
                recording.dump(file);
                for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                    if (e.getEventType().getName().equals("jdk.ExecutionSample")) {
                        out.merge(component(e.getThread("sampledThread"), e.getStackTrace()), 1L, Long::sum);
                    }
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JFR recording", e);
        }
        return out;
    }

    /**
     * The search feeder's and Lucene's merge threads are search indexing whatever their stack shows: the text
     * analysis they run has the NLP's frames on top.
     */
    static String component(RecordedThread thread, RecordedStackTrace stack) {
        String name = thread == null || thread.getJavaName() == null ? "" : thread.getJavaName();
        if (name.equals(SearchFeeder.THREAD_NAME) || name.startsWith("Lucene Merge Thread")) return "search indexing";
        return component(stack);
    }

    static String component(RecordedStackTrace stack) {
        if (stack == null) return "other";
        for (RecordedFrame frame : stack.getFrames()) {
            if (!frame.isJavaFrame()) continue;
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, List<String>> c : COMPONENTS.entrySet()) {
                for (String prefix : c.getValue()) {
                    if (type.startsWith(prefix)) return c.getKey();
                }
            }
        }
        return "other (JDK, Flink runtime glue)";
    }

    private static Map<String, List<String>> components() {
        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put("search indexing", List.of("vn.iocstream.nlp.search.", "vn.iocstream.app.runtime.SearchFeeder", "org.apache.lucene.index.",
                "org.apache.lucene.codecs.", "org.apache.lucene.store."));
        c.put("trends", List.of("vn.iocstream.jobs.detectors.trend.", "vn.iocstream.jobs.functions.ToTrendHits",
                "vn.iocstream.jobs.functions.DetectTrends"));
        c.put("stories", List.of("vn.iocstream.nlp.dedup.", "vn.iocstream.jobs.functions.AssignStory"));
        c.put("NLP (analyze)", List.of("vn.iocstream.nlp.", "edu.stanford.nlp.", "org.apache.lucene."));
        c.put("alerts service", List.of("vn.iocstream.alerts."));
        c.put("ClickHouse client", List.of("vn.iocstream.core.clickhouse.", "ru.yandex.", "vn.iocstream.jobs.io.ClickHouseSink",
                "org.apache.http.", "sun.net.www."));
        c.put("JSON", List.of("com.fasterxml.jackson.", "vn.iocstream.core.json."));
        c.put("Kafka", List.of("org.apache.kafka.", "kafka.", "org.apache.flink.connector.kafka."));
        c.put("checkpoints and state", List.of("org.apache.flink.runtime.checkpoint.", "org.apache.flink.runtime.state.",
                "org.apache.flink.streaming.runtime.tasks.SubtaskCheckpointCoordinator"));
        c.put("Flink serialisation", List.of("com.esotericsoftware.kryo.", "org.apache.flink.api.common.typeutils.",
                "org.apache.flink.api.java.typeutils.", "org.apache.flink.runtime.io.network."));
        c.put("other project code", List.of("vn.iocstream."));
        return c;
    }

    private static double cores(long ticks, double seconds) {
        return ticks / (double) TICKS_PER_SECOND / seconds;
    }

    /** CPU ticks of this JVM's threads, by kind: the JIT compiler, the GC, and Java (everything else). */
    private static Map<String, Long> threadTicksByKind() {
        Map<String, Long> out = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String[] stat = stat(task.resolve("stat"));
                if (stat == null) continue;
                String name = stat[0];
                String kind = name.contains("CompilerThre") ? "jit" : name.startsWith("GC Thread") || name.startsWith("G1 ") ? "gc" : "java";
                out.merge(kind, Long.parseLong(stat[12]) + Long.parseLong(stat[13]), Long::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/self/task (Linux only)", e);
        }
        return out;
    }

    /** CPU ticks of the child processes so far, by what they are: the ClickHouse server, a standalone Flink cluster. */
    private static Map<String, Long> childTicks() {
        Map<String, Long> ticks = new HashMap<>();
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            String[] stat = stat(Path.of("/proc", Long.toString(child.pid()), "stat"));
            if (stat == null) continue;
            String name = stat[0].startsWith("clickhouse") ? "ClickHouse server (child process)"
                    : stat[0].equals("java") ? "Flink JobManager and TaskManager (child processes)" : "other child processes";
            ticks.merge(name, Long.parseLong(stat[12]) + Long.parseLong(stat[13]), Long::sum);
        }
        return ticks;
    }

    /** The fields of a {@code stat} file after the pid: [0] is the name, [12] utime, [13] stime; null if gone. */
    private static String[] stat(Path file) {
        try {
            String s = Files.readString(file);
            int open = s.indexOf('(');
            int close = s.lastIndexOf(')');
            String name = s.substring(open + 1, close);
            String[] rest = s.substring(close + 2).split(" ");
            String[] out = new String[rest.length + 1];
            out[0] = name;
            System.arraycopy(rest, 0, out, 1, rest.length);
            return out;
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    @Override
    public void close() {
        recording.close();
    }
}
