package vn.iocstream.crawlers;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * robots.txt per site (scheme, host and port, as RFC 9309 scopes it), fetched once and kept for a day.
 * When it cannot be read: a 4xx means no rules (allow all); a 5xx or an unreachable server means disallow
 * all, asked again after {@link #UNREACHABLE_RETRY}, and the last good copy, if any, is used meanwhile
 * (RFC 9309 §2.3.1.3–4, §2.4). Thread-safe: callers for one site wait for a single fetch.
 */
final class RobotsCache {
    private static final Logger LOG = LoggerFactory.getLogger(RobotsCache.class);
    static final Duration EXPIRY = Duration.ofHours(24);
    static final Duration UNREACHABLE_RETRY = Duration.ofMinutes(10);
    /** A Crawl-delay above this is taken as this: some sites write 3600 to mean "rarely", which would stall a poll. */
    static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(60);
    /** RFC 9309 asks parsers to read at least 500 KiB. */
    static final int MAX_BYTES = 512 * 1024;

    /** What fetching a robots.txt gave: a status, or -1 when the server could not be reached. */
    record Response(int status, String contentType, byte[] body) {}

    @FunctionalInterface
    interface Loader {
        Response load(URI robotsTxt) throws InterruptedIOException;
    }

    /** Rules of one site; {@code fetched} says whether they came from a robots.txt the site served. */
    private record Entry(BaseRobotRules rules, long crawlDelayMs, boolean fetched, long expiresAt) {}

    private final String agentToken;
    private final Loader loader;
    private final LongSupplier nanoClock;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    RobotsCache(String userAgent, Loader loader, LongSupplier nanoClock) {
        this.agentToken = productToken(userAgent);
        this.loader = loader;
        this.nanoClock = nanoClock;
        // The parser's own limit turns a long Crawl-delay into "disallow all"; this class caps it instead.
        parser.setMaxCrawlDelay(Long.MAX_VALUE);
    }

    /** "IOCStreamBot/0.1 (+https://…)" → "iocstreambot": robots.txt groups name the product token only. */
    static String productToken(String userAgent) {
        String token = userAgent.trim().split("[/\\s]", 2)[0];
        return token.toLowerCase(Locale.ROOT);
    }

    String agentToken() {
        return agentToken;
    }

    boolean allowed(URI uri) throws InterruptedIOException {
        return entry(uri).rules().isAllowed(uri.toString());
    }

    /** Whether the rules {@link #allowed} just applied to this site came from a robots.txt it served. */
    boolean readFromSite(URI uri) {
        Entry e = entries.get(site(uri));
        return e != null && e.fetched();
    }

    List<String> sitemaps(URI uri) throws InterruptedIOException {
        return List.copyOf(entry(uri).rules().getSitemaps());
    }

    /** The site's capped Crawl-delay in ms if its robots.txt is already known (0 if none): never fetches. */
    long knownCrawlDelayMs(URI uri) {
        Entry e = entries.get(site(uri));
        return e == null ? 0 : e.crawlDelayMs();
    }

    private Entry entry(URI uri) throws InterruptedIOException {
        String site = site(uri);
        Entry e = entries.get(site);
        if (e != null && e.expiresAt() - nanoClock.getAsLong() > 0) return e;
        synchronized (locks.computeIfAbsent(site, s -> new Object())) {
            e = entries.get(site);
            if (e != null && e.expiresAt() - nanoClock.getAsLong() > 0) return e;
            Entry fresh = load(site, e);
            entries.put(site, fresh);
            return fresh;
        }
    }

    private Entry load(String site, Entry previous) throws InterruptedIOException {
        String url = site + "/robots.txt";
        Response r = loader.load(URI.create(url));
        long now = nanoClock.getAsLong();
        if (r.status() >= 200 && r.status() < 300) {
            SimpleRobotRules rules = parser.parseContent(url, r.body(), r.contentType(), List.of(agentToken));
            return new Entry(rules, crawlDelayMs(site, rules), true, now + EXPIRY.toNanos());
        }
        if (r.status() >= 400 && r.status() < 500) {
            LOG.debug("{}: HTTP {}, no rules", url, r.status());
            return new Entry(parser.failedFetch(r.status()), 0, false, now + EXPIRY.toNanos());
        }
        long retryAt = now + UNREACHABLE_RETRY.toNanos();
        if (previous != null && previous.fetched()) {
            LOG.warn("{}: {}, keeping the previous rules", url, r.status() < 0 ? "unreachable" : "HTTP " + r.status());
            return new Entry(previous.rules(), previous.crawlDelayMs(), true, retryAt);
        }
        LOG.warn("{}: {}, nothing fetched from this site for {} min (RFC 9309: an unreachable robots.txt means "
                + "disallow all)", url, r.status() < 0 ? "unreachable" : "HTTP " + r.status(), UNREACHABLE_RETRY.toMinutes());
        // Status 500 gives crawler-commons' "disallow all" for any server error or unreachable server.
        return new Entry(parser.failedFetch(500), 0, false, retryAt);
    }

    private static long crawlDelayMs(String site, BaseRobotRules rules) {
        long delay = rules.getCrawlDelay();
        if (delay == BaseRobotRules.UNSET_CRAWL_DELAY || delay <= 0) return 0;
        if (delay > MAX_CRAWL_DELAY.toMillis()) {
            LOG.warn("{}: robots.txt asks for a Crawl-delay of {} s; waiting {} s between requests instead",
                    site, delay / 1000, MAX_CRAWL_DELAY.toSeconds());
            return MAX_CRAWL_DELAY.toMillis();
        }
        return delay;
    }

    /** scheme://host[:port], lower-cased: the scope of one robots.txt. */
    static String site(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
