package vn.iocstream.crawlers;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.iocstream.core.Ids;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.config.SourcesFile;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.core.validation.RecordLimits;
import vn.iocstream.crawlers.social.CommentPosts;
import vn.iocstream.crawlers.social.ForumThreadParser;
import vn.iocstream.crawlers.state.CrawlMemory;

/**
 * Polls news sources — RSS/Atom feeds, sitemaps and news sitemaps, HTML listing pages — and emits each new article
 * (and its reader comments) once as {@link RawPost}s. Every type only yields article links; fetching and
 * extracting an article is the same for all. A source with {@code comments} also asks the outlet's comment API for
 * each new article's comments ({@link CommentApi}). Forum sources (XenForo sections or threads, {@link ForumReader})
 * yield threads instead, whose new posts are emitted once each.
 *
 * <p>Usage: {@code try (var c = new FeedCrawler(config.sources(), config.crawler(), sink, Clock.systemUTC())) {
 * c.start(); ... }} polls each source on its own adaptive schedule ({@link CrawlSchedule}); {@code ioc crawl --once}
 * and tests call {@link #crawlOnce()}. Sources on different hosts are polled at the same time on
 * {@code crawler.threads} threads, those on one host (host:port of the source URL) one after another
 * ({@link HostQueues}); article pages on another host are still spaced by the Fetcher's per-host delay.
 *
 * <p>"New" means: canonical URL not emitted before, whichever source listed it, so an article in two feeds of one
 * outlet is fetched once; for forum posts, post id not emitted before. What was emitted, and where each forum thread
 * was left, is a {@link CrawlMemory}: in memory by default, on disk with {@link #rememberIn} ({@code crawler.stateDir}
 * in {@code ioc run}), so that a restarted crawler sends nothing it sent before. Keys are recorded only after Kafka
 * acknowledged their posts; a re-sent post is harmless downstream anyway, because post ids are the hash of the
 * canonical URL (with the forum post's id) and the tables collapse re-delivered rows. A failing item or source is
 * logged and counted, never thrown; a URL robots.txt disallows is counted apart ({@link CrawlStats#blocked()}), not
 * as an error.
 */
public final class FeedCrawler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedCrawler.class);
    /** The long-running crawler's once-a-minute line; the app's logging configuration shows it. */
    private static final Logger PROGRESS = LoggerFactory.getLogger("vn.iocstream.crawlers.progress");
    private static final Set<String> TYPES = Set.of("rss", "atom", "sitemap", "news-sitemap", "listing", "forum");
    private static final Duration SUMMARY_EVERY = Duration.ofMinutes(1);
    /** How often the scheduler looks for due sources: well below any sensible poll interval. */
    private static final long TICK_MS = 200;
    /**
     * Child sitemaps read per poll of a sitemap index, newest first: outlets split by month or day, so the recent
     * window touches one or two; the cap only bounds an index whose children carry no dates.
     */
    private static final int MAX_CHILD_SITEMAPS = 10;

    private final List<IocConfig.Source> sources;
    private final List<IocConfig.Source> skipped;
    private final IocConfig.Crawler settings;
    private final PostSink sink;
    private final Clock clock;
    private final Fetcher fetcher;
    private final FeedParser feedParser = new FeedParser();
    private final SitemapReader sitemapReader;
    private final ListingReader listingReader = new ListingReader();
    private final ForumReader forumReader;
    private final ForumThreadParser threadParser = new ForumThreadParser();
    private final CommentApi commentApi;
    private volatile ArticleExtractor extractor = new ArticleExtractor();
    private final List<BiConsumer<IocConfig.Source, CrawlStats>> sourceListeners = new CopyOnWriteArrayList<>();
    /** Keys emitted (canonical URLs, forum post ids) and forum thread positions; see {@link #forumPosts}. */
    private volatile CrawlMemory memory = CrawlMemory.inMemory();
    private volatile RecordLimits timeLimits = RecordLimits.DEFAULT;
    private final AtomicReference<CrawlStats> totals = new AtomicReference<>(CrawlStats.ZERO);
    private final CrawlProgress progress = new CrawlProgress();
    private final HostQueues queues;
    private ScheduledExecutorService scheduler;

    /** {@code clock} stamps {@code fetchedAt} and dates the sitemap window; the schedule runs on the system clock. */
    public FeedCrawler(List<IocConfig.Source> sources, IocConfig.Crawler settings, PostSink sink, Clock clock) {
        this(sources, settings, sink, clock, new Fetcher(settings));
    }

    FeedCrawler(List<IocConfig.Source> sources, IocConfig.Crawler settings, PostSink sink, Clock clock, Fetcher fetcher) {
        this.sources = sources.stream().filter(s -> TYPES.contains(type(s))).toList();
        this.skipped = sources.stream().filter(s -> !TYPES.contains(type(s)) && !SourcesFile.ROUTED_TYPES.contains(type(s))).toList();
        if (!skipped.isEmpty()) {
            LOG.warn("{} source(s) skipped, the news crawler does not fetch their type: {}", skipped.size(),
                    skipped.stream().map(s -> s.name() + " (" + s.type() + ")").collect(Collectors.joining(", ")));
        }
        this.settings = settings;
        this.sink = sink;
        this.clock = clock;
        this.fetcher = fetcher;
        this.sitemapReader = new SitemapReader(Duration.ofHours(settings.sitemapMaxAgeHours()));
        this.forumReader = new ForumReader(Duration.ofHours(settings.sitemapMaxAgeHours()));
        this.commentApi = new CommentApi(fetcher);
        this.queues = new HostQueues(settings.threads(), "crawler");
    }

    /** The sources this crawler polls: the configured ones of a type it fetches. */
    public List<IocConfig.Source> sources() {
        return sources;
    }

    /**
     * The configured sources of a type nobody handles. File, syslog and ingest entries are not among them: other
     * components take those (the configuration loader moves them to eventFeeds and ingest).
     */
    public List<IocConfig.Source> skipped() {
        return skipped;
    }

    private static String type(IocConfig.Source s) {
        return s.type() == null ? "rss" : s.type().toLowerCase(Locale.ROOT);
    }

    /** Polls every source once. */
    public CrawlStats crawlOnce() {
        return crawlOnce((source, stats) -> {});
    }

    /**
     * Polls every source once and returns the sum. {@code afterEach} hears what each source gave as soon as it is
     * done (progress display, source health); it is called from the crawler's threads, possibly at the same time
     * for sources on different hosts.
     */
    public synchronized CrawlStats crawlOnce(BiConsumer<IocConfig.Source, CrawlStats> afterEach) {
        List<CompletableFuture<CrawlStats>> polls = sources.stream().map(s -> submit(s, afterEach)).toList();
        CrawlStats round = polls.stream().map(CompletableFuture::join).reduce(CrawlStats.ZERO, CrawlStats::plus);
        LOG.debug("round: {}", round);
        return round;
    }

    /** Queues a poll of the source on its host's queue. */
    private CompletableFuture<CrawlStats> submit(IocConfig.Source source, BiConsumer<IocConfig.Source, CrawlStats> afterEach) {
        CompletableFuture<CrawlStats> done = new CompletableFuture<>();
        queues.submit(HostQueues.key(source.url()), () -> {
            CrawlStats stats = poll(source);
            totals.accumulateAndGet(stats, CrawlStats::plus);
            try {
                afterEach.accept(source, stats);
                sourceListeners.forEach(l -> l.accept(source, stats));
            } catch (RuntimeException e) {
                LOG.error("after polling {}: {}", source.name(), e.toString(), e);
            }
            done.complete(stats);
        });
        return done;
    }

    /** One poll of one source; never throws. */
    private CrawlStats poll(IocConfig.Source source) {
        try {
            return pollOrThrow(source);
        } catch (RuntimeException e) {
            LOG.error("source {}: {}", source.name(), e.toString(), e);
            return new CrawlStats(1, 1, 0, 0, 0, 0, 0);
        }
    }

    private CrawlStats pollOrThrow(IocConfig.Source source) {
        Harvest harvest;
        try {
            boolean forum = "forum".equals(type(source));
            // A thread source's first page stays the same while replies land on its last page: never ask for a 304.
            Fetcher.Page page = fetcher.fetch(source.url(), !forum);
            if (page.notModified()) return new CrawlStats(1, 0, 0, 0, 0, 1, 0);
            harvest = forum ? forumPosts(source, page) : articlePosts(source, links(source, page));
        } catch (Exception e) {
            if (RobotsDisallowedException.refusal(e)) {
                LOG.info("source {}: {}", source.name(), e.getMessage());
                return new CrawlStats(1, 0, 0, 0, 0, 0, 0, 1);
            }
            LOG.warn("source {}: {}", source.name(), e.getMessage());
            return new CrawlStats(1, 1, 0, 0, 0, 0, 0);
        }
        Instant now = clock.instant();
        List<RawPost> found = new ArrayList<>(harvest.posts().size());
        for (RawPost post : harvest.posts()) found.add(post.withPlausibleTime(timeLimits, now));
        // Sources list newest first and comments come after their article; emitting the whole poll in published
        // order keeps the stream in event-time order, so the watermark never makes an older post late.
        found.sort(Comparator.comparing(RawPost::publishedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        found.forEach(sink::accept);
        try {
            sink.flush();
        } catch (RuntimeException e) {
            harvest.claimed().forEach(memory::release);
            LOG.warn("source {}: sink failed, its {} new posts will be sent again: {}", source.name(), found.size(), e.getMessage());
            return new CrawlStats(1, 1, harvest.listed(), 0, harvest.errors(), 0, harvest.pages(), harvest.blocked());
        }
        memory.commit(harvest.claimed());
        memory.threads(harvest.threads());
        return new CrawlStats(1, 0, harvest.listed(), found.size(), harvest.errors(), 0, harvest.pages(), harvest.blocked());
    }

    /**
     * What a poll gathered before sending. {@code claimed}: its keys in the {@link CrawlMemory}, released if the sink
     * fails, recorded once the posts are sent; {@code threads}: forum positions to record only once the posts are sent;
     * {@code listed}, {@code pages}, {@code errors}, {@code blocked} as in {@link CrawlStats} (pages including the
     * source's own).
     */
    private record Harvest(List<RawPost> posts, List<String> claimed, Map<String, CrawlMemory.ThreadPosition> threads,
                           long listed, long pages, long errors, long blocked) {}

    /** The article links a source's document gives; {@code pages}/{@code errors}/{@code blocked} count the documents read for them. */
    private record Links(List<FeedParser.FeedItem> items, int pages, int errors, int blocked) {}

    private Links links(IocConfig.Source source, Fetcher.Page page) throws Exception {
        String url = page.url().toString();
        return switch (type(source)) {
            case "sitemap", "news-sitemap" -> sitemapLinks(source, page);
            case "listing" -> new Links(listingReader.links(page.body(), url, source.linkSelector()), 1, 0, 0);
            default -> new Links(feedParser.parse(page.body(), url), 1, 0, 0);
        };
    }

    /** A sitemap's recent entries; for a sitemap index, those of its recent children (one level, no deeper). */
    private Links sitemapLinks(IocConfig.Source source, Fetcher.Page page) throws Exception {
        Instant now = clock.instant();
        SitemapReader.Sitemap top = sitemapReader.parse(page.body(), page.url().toString(), now);
        List<FeedParser.FeedItem> items = new ArrayList<>(top.recent());
        int pages = 1;
        int errors = 0;
        int blocked = 0;
        List<String> children = top.children();
        if (children.size() > MAX_CHILD_SITEMAPS) {
            LOG.info("source {}: reading the {} newest of {} recent child sitemaps", source.name(), MAX_CHILD_SITEMAPS, children.size());
            children = children.subList(0, MAX_CHILD_SITEMAPS);
        }
        for (String child : children) {
            try {
                Fetcher.Page p = fetcher.fetch(child, true);
                if (p.notModified()) continue;
                pages++;
                SitemapReader.Sitemap sub = sitemapReader.parse(p.body(), p.url().toString(), now);
                if (!sub.children().isEmpty()) LOG.debug("{}: an index inside an index is not followed", child);
                items.addAll(sub.recent());
            } catch (Exception e) {
                if (RobotsDisallowedException.refusal(e)) blocked++;
                else errors++;
                LOG.warn("sitemap {} of {}: {}", child, source.name(), e.getMessage());
            }
        }
        return new Links(items, pages, errors, blocked);
    }

    /** The new articles among the links, each with its reader comments (from the page, and the comment API if set). */
    private Harvest articlePosts(IocConfig.Source source, Links links) {
        List<String> batch = new ArrayList<>();
        List<RawPost> found = new ArrayList<>();
        long pages = links.pages();
        long errors = links.errors();
        long blocked = links.blocked();
        for (FeedParser.FeedItem item : links.items()) {
            String canonical = Ids.canonicalUrl(item.link());
            if (!memory.claim(canonical)) continue;
            List<RawPost> article;
            try {
                article = posts(source, item, canonical, batch);
                pages++;
            } catch (Exception e) {
                memory.release(canonical); // try again next poll (a robots.txt refusal too: the site may lift it)
                if (RobotsDisallowedException.refusal(e)) {
                    blocked++;
                    LOG.debug("article from {}: {}", source.name(), e.getMessage());
                } else {
                    errors++;
                    LOG.warn("article from {}: {}", source.name(), e.getMessage());
                }
                continue;
            }
            batch.add(canonical);
            found.addAll(article);
            if (article.isEmpty() || source.comments() == null || source.comments().isBlank()) continue;
            // The article stands without its comments: a failing comment API is counted, the article still sent.
            try {
                found.addAll(commentApi.posts(source, item.link(), canonical, article, clock.instant()));
                pages++;
            } catch (Exception e) {
                if (RobotsDisallowedException.refusal(e)) blocked++;
                else errors++;
                LOG.warn("comments of {} from {}: {}", item.link(), source.name(), e.getMessage());
            }
        }
        return new Harvest(found, batch, Map.of(), links.items().size(), pages, errors, blocked);
    }

    /**
     * The article as a post, followed by one post per reader comment on its page; nothing when the page names as
     * its canonical address an article already emitted (the mobile, AMP or syndicated copy of a story). A declared
     * canonical address it claims joins {@code claimed}.
     */
    private List<RawPost> posts(IocConfig.Source source, FeedParser.FeedItem item, String canonical, List<String> claimed)
            throws IOException {
        Fetcher.Page page = fetcher.fetch(item.link(), false);
        String declared = Ids.canonicalUrl(page.canonical().toString());
        if (!declared.equals(canonical)) {
            if (!memory.claim(declared)) {
                LOG.debug("{}: a copy of {}, already emitted", item.link(), declared);
                return List.of();
            }
            claimed.add(declared);
        }
        ArticleExtractor.Article a = extractor.extract(page.body(), item.link());
        Instant fetchedAt = clock.instant();
        String kind = source.kind() == null ? "press" : source.kind();
        // No date on the page or in the feed stays null (the post is dead-lettered): guessing "now" would pile
        // a first poll's whole archive into the current minute and fake a burst. A page's implausible date yields to
        // the feed's, and is flagged when the feed has none (see posts → withPlausibleTime).
        boolean pageTimeUsable = a.publishedAt() != null && (item.publishedAt() == null || timeLimits.plausible(a.publishedAt(), fetchedAt));
        Instant published = pageTimeUsable ? a.publishedAt() : item.publishedAt();
        String text = a.text().isEmpty() ? item.description() : a.text();
        List<RawPost> out = new ArrayList<>();
        out.add(new RawPost(Ids.forUrl(item.link()), item.link(), kind, source.name(), source.locality(),
                a.title() != null ? a.title() : item.title(), text, a.author(), published, fetchedAt, List.of(), a.authors(),
                a.outlet(), pageTimeUsable ? a.sources() : a.sources() + "; time from the feed"));
        for (ArticleExtractor.Comment c : a.comments()) {
            out.add(CommentPosts.of(canonical, c.id(), c.author(), c.postedAt(), c.text(), source.name(), source.locality(), fetchedAt));
        }
        return out;
    }

    /** Also tells {@code listener} what each source gave after every poll, scheduled or not (source health). */
    public void addSourceListener(BiConsumer<IocConfig.Source, CrawlStats> listener) {
        sourceListeners.add(listener);
    }

    /**
     * Dates pages and feeds give are checked against {@code limits} (section {@code validation}) from the next poll
     * on; one outside them is replaced by the fetch time and the post flagged ({@link RawPost#withPlausibleTime}).
     */
    public void boundTimesBy(RecordLimits limits) {
        this.timeLimits = limits;
    }

    /**
     * Remembers what was emitted and where forum threads were left in {@code memory} (e.g. {@link CrawlMemory#open} on
     * {@code crawler.stateDir}) instead of this crawler's own memory; call before the first poll.
     */
    public void rememberIn(CrawlMemory memory) {
        this.memory = memory;
    }

    /** Extracts articles with {@code articles} (e.g. one holding per-outlet rules) from the next poll on. */
    public void extractWith(ArticleExtractor articles) {
        this.extractor = articles;
    }

    /**
     * The posts of a forum's recently active threads (see {@link ForumReader}) not emitted before. A thread is read
     * again only when its last-post time changed, from the page where the previous read stopped (its new replies are
     * there or after), at most {@code crawler.forumMaxPages} pages a poll; a thread never read starts at the first of
     * its last {@code forumMaxPages} pages, not at a long thread's beginning years ago. Post ids, not pages, say what
     * is new: a re-read page gives only its new replies.
     */
    private Harvest forumPosts(IocConfig.Source source, Fetcher.Page sourcePage) {
        ForumReader.Section section = forumReader.read(sourcePage.body(), sourcePage.url().toString(), clock.instant());
        List<RawPost> found = new ArrayList<>();
        List<String> claimed = new ArrayList<>();
        Map<String, CrawlMemory.ThreadPosition> read = new HashMap<>();
        long pages = 1;
        long errors = 0;
        long blocked = 0;
        for (ForumReader.ThreadLink thread : section.recent()) {
            String key = Ids.canonicalUrl(thread.url());
            CrawlMemory.ThreadPosition before = memory.thread(key);
            if (before != null && thread.lastPostAt() != null && thread.lastPostAt().equals(before.lastPostAt())) continue;
            String url = before != null ? before.resumeUrl() : ForumReader.startPage(thread, settings.forumMaxPages());
            String lastRead = null;
            try {
                for (int n = 0; n < settings.forumMaxPages() && url != null; n++) {
                    // A thread given as the source itself: its first page is the one just fetched.
                    Fetcher.Page page = url.equals(sourcePage.url().toString()) ? sourcePage : fetcher.fetch(url, false);
                    if (page != sourcePage) pages++;
                    ForumThreadParser.ForumThread parsed = threadParser.parse(page.body(), page.url().toString());
                    for (RawPost post : parsed.toRawPosts(source.name(), source.locality(), clock.instant())) {
                        if (memory.claim(post.id())) {
                            found.add(post);
                            claimed.add(post.id());
                        }
                    }
                    lastRead = url;
                    url = parsed.nextPageUrl();
                }
                if (url != null) LOG.info("thread {}: more than {} pages to read, the rest next poll", key, settings.forumMaxPages());
                // Cut short by the page cap, the thread is read on from lastRead next poll whatever its time says.
                read.put(key, new CrawlMemory.ThreadPosition(url == null ? thread.lastPostAt() : null, lastRead));
            } catch (Exception e) {
                if (RobotsDisallowedException.refusal(e)) blocked++;
                else errors++;
                LOG.warn("thread {} from {}: {}", url, source.name(), e.getMessage());
                if (lastRead != null) read.put(key, new CrawlMemory.ThreadPosition(null, lastRead));
            }
        }
        return new Harvest(found, claimed, read, section.recent().size(), pages, errors, blocked);
    }

    /** Starts polling on the crawler's own daemon threads; every source is polled at once, then on its schedule. */
    public void start() {
        start((source, stats) -> {});
    }

    /**
     * Starts polling; {@code afterEach} hears every poll as in {@link #crawlOnce(BiConsumer)}. Logs a progress line
     * a minute (logger {@code vn.iocstream.crawlers.progress}, level INFO).
     */
    public synchronized void start(BiConsumer<IocConfig.Source, CrawlStats> afterEach) {
        if (scheduler != null) throw new IllegalStateException("already started");
        CrawlSchedule schedule = new CrawlSchedule(sources, settings, Instant.now());
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "crawler-schedule");
            t.setDaemon(true);
            return t;
        });
        BiConsumer<IocConfig.Source, CrawlStats> afterPoll = (source, stats) -> {
            schedule.done(source, CrawlSchedule.outcome(stats), Instant.now());
            progress.record(source, stats);
            afterEach.accept(source, stats);
        };
        // A throw would silently cancel a periodic task, so even unexpected errors end in the log.
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                schedule.takeDue(Instant.now()).forEach(s -> submit(s, afterPoll));
            } catch (RuntimeException e) {
                LOG.error("scheduling polls failed", e);
            }
        }, 0, TICK_MS, TimeUnit.MILLISECONDS);
        long every = SUMMARY_EVERY.toSeconds();
        scheduler.scheduleAtFixedRate(() -> PROGRESS.info(progress.drain(every)), every, every, TimeUnit.SECONDS);
    }

    /** Everything done since construction; safe to call while polling. */
    public CrawlStats totals() {
        return totals.get();
    }

    /** Posts emitted since construction; safe to call while polling. */
    public long postsEmitted() {
        return totals.get().newPosts();
    }

    /** Stops polling, waiting for running polls to finish (each poll flushes the sink itself). */
    @Override
    public void close() {
        ScheduledExecutorService s;
        synchronized (this) {
            s = scheduler;
            scheduler = null;
        }
        if (s != null) {
            s.shutdown();
            try {
                // The scheduler only hands out polls: a tick ends in microseconds, then no poll is queued any more.
                s.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        queues.close(settings.timeoutSeconds() * 3L);
    }
}
