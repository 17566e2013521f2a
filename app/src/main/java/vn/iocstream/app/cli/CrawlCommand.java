package vn.iocstream.app.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.core.Topics;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.core.validation.RecordLimits;
import vn.iocstream.crawlers.ArticleExtractor;
import vn.iocstream.crawlers.CrawlStats;
import vn.iocstream.crawlers.FeedCrawler;
import vn.iocstream.crawlers.KafkaPostSink;
import vn.iocstream.crawlers.PostSink;
import vn.iocstream.crawlers.extract.ExtractionRules;

/**
 * {@code ioc crawl --once}: crawls every configured source once into {@code ioc.raw.posts} of a running pipeline
 * (or, with {@code --dry-run}, only prints what it would send), with a progress line per source on stderr and a
 * summary line last. A source that fails is reported and counted; the others are still crawled.
 */
public final class CrawlCommand {
    static final String USAGE = """
            usage: ioc crawl --once [--config FILE] [--sources FILE] [--kafka HOST:PORT] [--dry-run]

              --once           crawl every source once and stop (`ioc run` crawls continuously)
              --config FILE    configuration (default: config/ioc.yaml if it exists): crawler settings, inline sources,
                               kafka settings
              --sources FILE   add this sources file (format of config/sources.yaml) to the inline sources;
                               same as crawler.sourcesFile
              --kafka H:P      the broker (default: the running embedded broker, from <kafka.dataDir>/bootstrap.txt,
                               or kafka.bootstrap when kafka.embedded is false)
              --dry-run        no Kafka: print each post that would be sent to ioc.raw.posts on stdout
            Sources of types rss, atom, sitemap, news-sitemap, listing and forum are crawled, hosts in parallel
            (crawler.threads), each host's sources one after another; sources of other types are skipped with a note.
            Progress goes to stderr, one line per source as it finishes:
              [done/total] NAME: L items listed, P pages, N new items, E errors[, B blocked by robots.txt]
            (or FAILED, not modified, blocked by robots.txt) and the last line is
              crawl: S sources, P pages, N new items, E errors, B blocked by robots.txt in T s
            where pages are the documents fetched with a body (feeds, sitemaps, listing pages, forum sections and thread
            pages, comment API answers, and each new article, once per run), new items are posts (articles, reader
            comments, forum posts), errors are sources and pages that could not be fetched or parsed, and blocked are
            URLs the site's robots.txt disallows for this crawler (not requested, not errors).
            Exit status 0 when at least one source was crawled, 1 when every source failed.""";

    public int run(List<String> args) throws Exception {
        if (args.contains("--help")) {
            System.out.println(USAGE);
            return 0;
        }
        Options o = Options.parse(args, List.of("config", "sources", "kafka"), List.of("once", "dry-run"), USAGE);
        if (!o.has("once")) throw new UsageException("give --once (continuous crawling is part of ./ioc run)", USAGE);
        if (o.has("sources") && !Files.isRegularFile(Path.of(o.get("sources", null)))) {
            throw new UsageException("--sources: file not found: " + o.get("sources", null), USAGE);
        }
        Path configFile = o.has("config") ? Path.of(o.get("config", null))
                : Files.isRegularFile(Path.of("config/ioc.yaml")) ? Path.of("config/ioc.yaml") : null;
        List<String> overrides = o.has("sources") ? List.of("crawler.sourcesFile=" + o.get("sources", null)) : List.of();
        IocConfig config = ConfigLoader.load(configFile, overrides);
        if (config.sources().isEmpty()) {
            throw new UsageException("no sources configured: list them under sources: in the config, or give --sources FILE", USAGE);
        }
        boolean dryRun = o.has("dry-run");
        if (dryRun) return crawl(config, new PrintingSink(System.out), System.err);
        KafkaConnection kafka = ReplayCommand.kafka(o, USAGE);
        System.err.println("crawling into " + Topics.RAW_POSTS + " at " + kafka);
        try (KafkaPostSink sink = new KafkaPostSink(kafka)) {
            return crawl(config, sink, System.err);
        }
    }

    private static int crawl(IocConfig config, PostSink sink, PrintStream progress) {
        long t0 = System.nanoTime();
        try (FeedCrawler crawler = new FeedCrawler(config.sources(), config.crawler(), sink, Clock.systemUTC())) {
            crawler.extractWith(new ArticleExtractor(ExtractionRules.of(config.extraction()), RecordLimits.of(config.validation()),
                    Clock.systemUTC()));
            int total = crawler.sources().size();
            if (!crawler.skipped().isEmpty()) {
                progress.println("crawl: " + crawler.skipped().size() + " source(s) skipped, their type is not crawled here: "
                        + crawler.skipped().stream().map(s -> s.name() + " (" + s.type() + ")").collect(Collectors.joining(", ")));
            }
            AtomicInteger done = new AtomicInteger();
            CrawlStats sum = crawler.crawlOnce((source, s) -> progress.printf("[%d/%d] %s: %s%n", done.incrementAndGet(), total,
                    source.name(), s.feedErrors() > 0 ? "FAILED (see the warning above)"
                            : s.notModified() > 0 ? "not modified"
                            : s.pages() == 0 && s.blocked() > 0 ? "blocked by robots.txt"
                            : s.itemsSeen() + " items listed, " + s.pages() + " pages, " + s.newPosts() + " new items, "
                                    + s.errors() + " errors" + (s.blocked() > 0 ? ", " + s.blocked() + " blocked by robots.txt" : "")));
            progress.printf("crawl: %d sources, %d pages, %d new items, %d errors, %d blocked by robots.txt in %.1f s%n", total,
                    sum.pages(), sum.newPosts(), sum.errors(), sum.blocked(), (System.nanoTime() - t0) / 1e9);
            return total > 0 && sum.feedErrors() == total ? 1 : 0;
        }
    }

    /** --dry-run: one line per post instead of a Kafka record. */
    private record PrintingSink(PrintStream out) implements PostSink {
        @Override
        public void accept(RawPost post) {
            out.println("would send to " + Topics.RAW_POSTS + ": " + post.id() + " " + post.kind() + " " + post.url()
                    + (post.title() == null ? "" : " | " + post.title()));
        }
    }
}
