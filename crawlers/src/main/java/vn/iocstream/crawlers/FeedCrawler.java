package vn.iocstream.crawlers;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.iocstream.core.Ids;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.RawPost;

/**
 * Polls RSS/Atom sources and emits each new article (and its reader comments) once as {@link RawPost}s.
 *
 * <p>Usage: {@code try (var c = new FeedCrawler(config.sources(), config.crawler(), sink, Clock.systemUTC())) {
 * c.start(); ... }} polls every {@code pollIntervalSeconds}; tests call {@link #crawlOnce()} directly.
 *
 * <p>"New" means: canonical URL not emitted by this process before. The set lives in memory, so a restart
 * emits the feeds' current items again; that is harmless downstream because post ids are the hash of the
 * canonical URL and the tables collapse re-delivered rows. It grows by one URL per article (tens of MB a year
 * for a province's outlets). A failing item or feed is logged and counted, never thrown.
 */
public final class FeedCrawler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedCrawler.class);

    private final List<IocConfig.Source> sources;
    private final IocConfig.Crawler settings;
    private final PostSink sink;
    private final Clock clock;
    private final Fetcher fetcher;
    private final FeedParser feedParser = new FeedParser();
    private volatile ArticleExtractor extractor = new ArticleExtractor();
    private final List<BiConsumer<IocConfig.Source, CrawlStats>> sourceListeners = new CopyOnWriteArrayList<>();
    private final Set<String> emitted = ConcurrentHashMap.newKeySet();
    private final AtomicReference<CrawlStats> totals = new AtomicReference<>(CrawlStats.ZERO);
    private ScheduledExecutorService scheduler;

    public FeedCrawler(List<IocConfig.Source> sources, IocConfig.Crawler settings, PostSink sink, Clock clock) {
        this(sources, settings, sink, clock, new Fetcher(settings));
    }

    FeedCrawler(List<IocConfig.Source> sources, IocConfig.Crawler settings, PostSink sink, Clock clock, Fetcher fetcher) {
        this.sources = sources.stream().filter(FeedCrawler::isFeed).toList();
        sources.stream().filter(s -> !isFeed(s))
                .forEach(s -> LOG.warn("source {}: type {} is not crawled by the feed crawler", s.name(), s.type()));
        this.settings = settings;
        this.sink = sink;
        this.clock = clock;
        this.fetcher = fetcher;
    }

    /** The sources this crawler polls: the configured ones of a type it fetches. */
    public List<IocConfig.Source> sources() {
        return sources;
    }

    private static boolean isFeed(IocConfig.Source s) {
        String type = s.type() == null ? "rss" : s.type().toLowerCase(Locale.ROOT);
        return type.equals("rss") || type.equals("atom");
    }

    /** Polls every source once. Synchronized: a slow poll and the scheduler must not emit the same item twice. */
    public CrawlStats crawlOnce() {
        return crawlOnce((source, stats) -> {});
    }

    /** Polls every source once, telling {@code afterEach} what each source gave as soon as it is done (progress display). */
    public synchronized CrawlStats crawlOnce(BiConsumer<IocConfig.Source, CrawlStats> afterEach) {
        CrawlStats round = CrawlStats.ZERO;
        for (IocConfig.Source source : sources) {
            CrawlStats one = crawlFeed(source);
            afterEach.accept(source, one);
            sourceListeners.forEach(l -> l.accept(source, one));
            round = round.plus(one);
        }
        totals.accumulateAndGet(round, CrawlStats::plus);
        LOG.debug("poll: {}", round);
        return round;
    }

    private CrawlStats crawlFeed(IocConfig.Source source) {
        List<FeedParser.FeedItem> items;
        try {
            Fetcher.Page page = fetcher.fetch(source.url(), true);
            if (page.notModified()) return new CrawlStats(1, 0, 0, 0, 0, 1);
            items = new ArrayList<>(feedParser.parse(page.body(), page.url().toString()));
        } catch (Exception e) {
            LOG.warn("feed {}: {}", source.name(), e.getMessage());
            return new CrawlStats(1, 1, 0, 0, 0, 0);
        }
        List<String> batch = new ArrayList<>();
        List<RawPost> found = new ArrayList<>();
        long pageErrors = 0;
        for (FeedParser.FeedItem item : items) {
            String canonical = Ids.canonicalUrl(item.link());
            if (!emitted.add(canonical)) continue;
            try {
                found.addAll(posts(source, item, canonical));
                batch.add(canonical);
            } catch (Exception e) {
                emitted.remove(canonical); // try again next poll
                pageErrors++;
                LOG.warn("article from {}: {}", source.name(), e.getMessage());
            }
        }
        // Feeds list newest first and comments come after their article; emitting the whole poll in published
        // order keeps the stream in event-time order, so the watermark never makes an older post late.
        found.sort(Comparator.comparing(RawPost::publishedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        found.forEach(sink::accept);
        long posts = found.size();
        try {
            sink.flush();
        } catch (RuntimeException e) {
            batch.forEach(emitted::remove);
            LOG.warn("feed {}: sink failed, {} articles will be sent again: {}", source.name(), batch.size(), e.getMessage());
            return new CrawlStats(1, 1, items.size(), 0, pageErrors, 0);
        }
        return new CrawlStats(1, 0, items.size(), posts, pageErrors, 0);
    }

    /** The article as a post, followed by one post per reader comment. */
    private List<RawPost> posts(IocConfig.Source source, FeedParser.FeedItem item, String canonical) throws IOException {
        Fetcher.Page page = fetcher.fetch(item.link(), false);
        ArticleExtractor.Article a = extractor.extract(page.body(), item.link());
        Instant fetchedAt = clock.instant();
        String kind = source.kind() == null ? "press" : source.kind();
        // No date on the page or in the feed stays null (the post is dead-lettered): guessing "now" would pile
        // a first poll's whole archive into the current minute and fake a burst.
        Instant published = a.publishedAt() != null ? a.publishedAt() : item.publishedAt();
        String text = a.text().isEmpty() ? item.description() : a.text();
        List<RawPost> out = new ArrayList<>();
        out.add(new RawPost(Ids.forUrl(item.link()), item.link(), kind, source.name(), source.locality(),
                a.title() != null ? a.title() : item.title(), text, a.author(), published, fetchedAt));
        for (ArticleExtractor.Comment c : a.comments()) {
            // Ids.forUrl drops the #fragment, which would give every comment its article's id: hash the
            // article URL together with the comment's own id instead.
            out.add(new RawPost(Ids.of(canonical, "comment", c.id()), canonical + "#comment-" + c.id(), "comment",
                    source.name(), source.locality(), null, c.text(), c.author(), c.postedAt(), fetchedAt));
        }
        return out;
    }

    /** Also tells {@code listener} what each source gave after every poll, scheduled or not (source health). */
    public void addSourceListener(BiConsumer<IocConfig.Source, CrawlStats> listener) {
        sourceListeners.add(listener);
    }

    /** Extracts articles with {@code articles} (e.g. one holding per-outlet rules) from the next poll on. */
    public void extractWith(ArticleExtractor articles) {
        this.extractor = articles;
    }

    /** Starts polling every {@code pollIntervalSeconds} on a daemon thread of its own; the first poll runs at once. */
    public synchronized void start() {
        if (scheduler != null) throw new IllegalStateException("already started");
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "feed-crawler");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::pollSafely, 0, settings.pollIntervalSeconds(), TimeUnit.SECONDS);
    }

    /** A throw would silently cancel the schedule, so even unexpected errors end here. */
    private void pollSafely() {
        try {
            crawlOnce();
        } catch (RuntimeException e) {
            LOG.error("poll failed", e);
        }
    }

    /** Everything done since construction; safe to call while polling. */
    public CrawlStats totals() {
        return totals.get();
    }

    /** Posts emitted since construction; safe to call while polling. */
    public long postsEmitted() {
        return totals.get().newPosts();
    }

    /** Stops polling, waiting for a running poll to finish (each poll flushes the sink itself). */
    @Override
    public void close() {
        ScheduledExecutorService s;
        synchronized (this) {
            s = scheduler;
            scheduler = null;
        }
        if (s == null) return;
        s.shutdown();
        try {
            if (!s.awaitTermination(settings.timeoutSeconds() * 3L, TimeUnit.SECONDS)) s.shutdownNow();
        } catch (InterruptedException e) {
            s.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
