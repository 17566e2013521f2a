package vn.iocstream.app.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.iocstream.app.bench.AlertsBench;
import vn.iocstream.app.bench.CrawlBench;
import vn.iocstream.app.bench.PipelineBench;
import vn.iocstream.app.bench.SecurityBench;
import vn.iocstream.app.bench.WebBench;
import vn.iocstream.jobs.detectors.DetectBench;
import vn.iocstream.nlp.AnalyzeBench;
import vn.iocstream.nlp.dedup.StoryBench;
import vn.iocstream.nlp.watch.WatchBench;

/**
 * {@code ioc bench …}: throughput measured on this machine, each figure beside a baseline measured in the same
 * run (ratios survive a noisy machine better than absolute numbers).
 */
public final class BenchCommand {
    static final String USAGE = """
            usage: ioc bench <what> [options]

              nlp [--seconds S] [--posts N] [--seed N]
                  analyze() posts/s and words/s on ~1 KB generated Vietnamese posts with 200 watchlists, on one
                  thread and on all cores, beside a normalise+tokenize baseline (S seconds per measurement after
                  a warm-up of S/2, default 20: the JIT settles late on this much code); then watchlist matching
                  posts/s with 2,000 queries over N posts (default 5000), beside Lucene's Monitor with the same
                  queries and the plain syllable layout.

              detect [--seconds S] [--seed N] [--events N]
                  anomaly-detector points/s per core (one thread, after warm-up) of the default detector on a
                  generated series with a daily cycle, beside the windowed-Gaussian baseline in the same run
                  (S seconds per measurement, default 5); then SecurityJob end to end, events/s from Kafka
                  through every rule to ClickHouse, beside a Kafka → parse-only job on the same topic (N
                  generated log events, default 1000000 so the ~3 s job start weighs little; starts its own
                  ClickHouse and Kafka).

              pipeline [--posts N] [--dantri FILE] [--events E] [--alert-rate R] [--alert-seconds S]
                       [--flink minicluster|standalone] [--seed N] [--set key=value]…
                  the whole runtime of ./ioc run (embedded Kafka and ClickHouse, the three jobs, search indexing,
                  alerts, control room) with 200 generated watchlists, the jobs on the runtime's MiniCluster (default)
                  or on a standalone Flink cluster started here (JobManager and TaskManager processes, the jobs jar
                  submitted with flink run; build it first with mvn -B -Pcluster -DskipTests package):
                  analyze() posts/s on all cores over the same posts (the ceiling), then N posts of ~3 KB (default
                  20000; generated, or the real articles of a JSONL(.gz) with title and sentences, e.g. the Dân Trí
                  corpus) produced into ioc.raw.posts and timed until all are in ClickHouse; CPU per component (JFR
                  samples and /proc, incl. JIT, GC, the ClickHouse server and the cluster's processes), ClickHouse
                  parts and bytes per 10,000 posts, and how long after its end a minute with no further input is
                  written; then E security log lines (default 1000000) timed until all are in security_events; then
                  R security events/s (default 1000) for S s (default 60) with 10 alert-raising IDS probes a second,
                  p50/p99 from a probe entering Kafka to its alert at a signed webhook; then a Kafka → parse-only job
                  over each topic on the same Flink. --set changes a setting of the runtime and the jobs. Last lines:
                  pipeline postsPerSecond=… analyzePostsPerSecond=… ratio=… coldRatio=… windowCloseSeconds=…
                  pipeline posts=<n>/s security=<n>/s alertP99=<ms> baselinePosts=<n>/s baselineSecurity=<n>/s

              alerts [--rate R] [--seconds S] [--burst N]
                  the alerts service as it runs (embedded Kafka and ClickHouse, a signed-webhook receiver and an SMTP
                  server on 127.0.0.1, every alert paging at once): R alerts/s (default 100) for S s (default 60)
                  through ioc.alerts, p50/p99 from the producer to the webhook; the same with the service killed
                  halfway (threads torn down, nothing closed) and restarted; N alerts (default 20000) waiting in the
                  topic, then the service (alerts/s handled and stored); ClickHouse parts and bytes per 10,000 alerts,
                  batched and row by row. Last line:
                  alerts p50=<ms> p99=<ms> delivered=<n> lost=<n> duplicated=<n> restarted=yes

              crawl [--seconds S] [--pages N] [--seed N]
                  article parse + extract pages/s on one thread (ArticleExtractor: metadata, main text, images,
                  tags, comments) for N generated ~100 KB Vietnamese news pages (default 200), beside Jsoup.parse
                  alone in the same run (S seconds per measurement after a warm-up of as long, default 5; target 200 pages/s).

              web [--seconds S] [--posts N] [--alerts M] [--clients C] [--seed N]
                  the control room for a one-ward duty officer: requests/s and p50/p99 of /api/alerts and /api/search
                  with C concurrent clients (default 4) for S seconds each (default 20) over N stored posts (default
                  100000) and M alerts (default 10000), scope applied inside each query; then the time from an alert
                  on ioc.alerts to its server-sent event. Starts its own ClickHouse and Kafka.

              stories [--seconds S] [--seed N]
                  story assignment posts/s and heap bytes per post with 10,000 and 100,000 posts in the 48 h window,
                  for limits of 10, 13 and 16 bits, beside the four exact bands shipped before and a scan of the whole
                  window (S seconds per measurement, default 3); then fingerprints/s of ~1 KB articles, now and before.""";

    /** Generated log events for the SecurityJob figures: enough that the job's start weighs little. */
    private static final long EVENTS = 1_000_000;

    /** One measured section of {@code ioc bench detect}. */
    private interface Section {
        void run(Options o) throws Exception;
    }

    public int run(List<String> args) throws Exception {
        Integer helped = Options.helpFor(args, USAGE);
        if (helped != null) return helped;
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "nlp" -> nlp(rest);
            case "detect" -> detect(rest);
            case "crawl" -> crawl(rest);
            case "web" -> web(rest);
            case "pipeline" -> pipeline(rest);
            case "stories" -> stories(rest);
            case "alerts" -> alerts(rest);
            default -> throw new UsageException("unknown benchmark: " + args.get(0), USAGE);
        };
    }

    private int alerts(List<String> args) throws Exception {
        Options o = Options.parse(args, List.of("rate", "seconds", "burst"), List.of(), USAGE);
        long rate = o.number("rate", 100);
        long seconds = o.number("seconds", 60);
        long burst = o.number("burst", 20_000);
        if (rate <= 0 || rate > 10_000) throw new UsageException("--rate must be 1..10000", USAGE);
        if (seconds < 2 || seconds > 3600) throw new UsageException("--seconds must be 2..3600", USAGE);
        if (burst <= 0 || burst > 1_000_000) throw new UsageException("--burst must be 1..1000000", USAGE);
        AlertsBench.print(AlertsBench.run((int) rate, (int) seconds, (int) burst, System.err), System.out);
        return 0;
    }

    private int detect(List<String> args) throws Exception {
        Options o = Options.parse(args, List.of("seconds", "seed", "events"), List.of(), USAGE);
        if (o.number("seconds", 5) <= 0) throw new UsageException("--seconds must be positive", USAGE);
        if (o.number("events", EVENTS) <= 0) throw new UsageException("--events must be positive", USAGE);
        Map<String, Section> sections = new LinkedHashMap<>();
        sections.put("anomaly detector", opts -> DetectBench.print(
                DetectBench.run(opts.number("seconds", 5), opts.number("seed", 7)), System.out));
        sections.put("SecurityJob end to end", opts -> SecurityBench.print(
                SecurityBench.run((int) opts.number("events", EVENTS), opts.number("seed", 7)), System.out));
        for (Map.Entry<String, Section> section : sections.entrySet()) {
            System.out.printf(Locale.ROOT, "measuring %s …%n", section.getKey());
            section.getValue().run(o);
        }
        return 0;
    }

    private int crawl(List<String> args) {
        Options o = Options.parse(args, List.of("seconds", "pages", "seed"), List.of(), USAGE);
        if (o.number("seconds", 5) <= 0) throw new UsageException("--seconds must be positive", USAGE);
        if (o.number("pages", 200) <= 0) throw new UsageException("--pages must be positive", USAGE);
        System.out.println("measuring article parse + extract … (" + o.number("seconds", 5) + " s per row)");
        CrawlBench.print(CrawlBench.run(o.number("seconds", 5), (int) o.number("pages", 200), 100 * 1024,
                o.number("seed", 7)), System.out);
        return 0;
    }

    private int web(List<String> args) throws Exception {
        Options o = Options.parse(args, List.of("seconds", "posts", "alerts", "clients", "seed"), List.of(), USAGE);
        for (String n : List.of("seconds", "posts", "alerts", "clients")) {
            if (o.number(n, 1) <= 0) throw new UsageException("--" + n + " must be positive", USAGE);
        }
        int posts = (int) o.number("posts", 100_000), alerts = (int) o.number("alerts", 10_000);
        WebBench.print(WebBench.run(posts, alerts, (int) o.number("clients", 4), o.number("seconds", 20), o.number("seed", 7), System.out),
                posts, alerts, System.out);
        return 0;
    }

    private int pipeline(List<String> args) throws Exception {
        Options o = Options.parse(args, List.of("posts", "dantri", "seed", "set", "events", "alert-rate", "alert-seconds", "flink"),
                List.of(), USAGE);
        long posts = o.number("posts", 20_000);
        if (posts <= 0 || posts > 10_000_000) throw new UsageException("--posts must be between 1 and 10000000", USAGE);
        long events = o.number("events", EVENTS);
        if (events <= 0 || events > 100_000_000) throw new UsageException("--events must be between 1 and 100000000", USAGE);
        long rate = o.number("alert-rate", 1_000);
        if (rate < 10 || rate > 100_000) throw new UsageException("--alert-rate must be between 10 and 100000", USAGE);
        long seconds = o.number("alert-seconds", 60);
        if (seconds < 1 || seconds > 3600) throw new UsageException("--alert-seconds must be between 1 and 3600", USAGE);
        String flink = o.get("flink", "minicluster");
        if (!flink.equals("minicluster") && !flink.equals("standalone")) {
            throw new UsageException("--flink must be minicluster or standalone, not " + flink, USAGE);
        }
        Path dantri = o.get("dantri", null) == null ? null : Path.of(o.get("dantri", null));
        if (dantri != null && !Files.isRegularFile(dantri)) throw new UsageException("--dantri: no such file: " + dantri, USAGE);
        PipelineBench.Options run = new PipelineBench.Options((int) posts, dantri, o.number("seed", 7), o.all("set"), (int) events,
                (int) rate, (int) seconds, flink.equals("standalone"));
        PipelineBench.print(PipelineBench.run(run, System.out), System.out);
        return 0;
    }

    private int stories(List<String> args) {
        Options o = Options.parse(args, List.of("seconds", "seed"), List.of(), USAGE);
        if (o.number("seconds", 3) <= 0) throw new UsageException("--seconds must be positive", USAGE);
        System.out.println("measuring story assignment … (" + o.number("seconds", 3) + " s per row)");
        StoryBench.print(StoryBench.run(o.number("seconds", 3), o.number("seed", 7)), System.out);
        return 0;
    }

    private int nlp(List<String> args) throws Exception {
        Options o = Options.parse(args, List.of("seconds", "posts", "seed"), List.of(), USAGE);
        long seed = o.number("seed", 7);
        long seconds = o.number("seconds", 20);
        if (seconds <= 0) throw new UsageException("--seconds must be positive", USAGE);
        System.out.println("measuring analyze() … (" + seconds + " s per row)");
        AnalyzeBench.print(AnalyzeBench.run(seconds, seed), System.out);
        System.out.println();
        System.out.println("measuring watchlist matching …");
        WatchBench.print(WatchBench.run(2000, (int) o.number("posts", 5000), seed), System.out);
        return 0;
    }
}
