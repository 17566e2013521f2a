package vn.iocstream.crawlers;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.iocstream.core.config.IocConfig;

/**
 * A polite HTTP GET: identifies itself, obeys robots.txt (see {@link RobotsCache}), waits between two requests
 * to one host the longer of {@code perHostDelayMs} and the site's Crawl-delay, cuts bodies at
 * {@code maxBodyBytes}, follows redirects itself so that every hop passes the SSRF guard and robots.txt,
 * retries briefly on 5xx and I/O errors, and (for feeds) sends conditional requests so that an unchanged
 * feed costs the outlet a 304 instead of the whole document. Bodies are decoded by {@link CharsetDetector}.
 * Thread-safe.
 */
public final class Fetcher {
    private static final Logger LOG = LoggerFactory.getLogger(Fetcher.class);
    private static final int MAX_REDIRECTS = 5;
    /** Attempts per hop; a feed is polled again within seconds, so long retry chains only delay the others. */
    private static final int ATTEMPTS = 3;
    private static final long BACKOFF_MS = 200;

    /**
     * A fetched page. {@code notModified}: the server answered 304 to a conditional request, body is empty.
     * {@code canonical}: the page's own {@code <link rel="canonical">} when it stays on the same site, else
     * {@code url}: the key to deduplicate pages reached by several URLs.
     */
    public record Page(URI url, int status, String body, boolean notModified, boolean truncated, URI canonical) {
        public Page(URI url, int status, String body, boolean notModified, boolean truncated) {
            this(url, status, body, notModified, truncated, url);
        }
    }

    private record Validators(String etag, String lastModified) {}

    private record Body(byte[] bytes, boolean truncated) {}

    private final IocConfig.Crawler settings;
    private final AddressGuard guard;
    private final HttpClient client;
    private final RobotsCache robots;
    private final Map<String, Validators> validators = new ConcurrentHashMap<>();
    /** Site (scheme://host:port) → earliest System.nanoTime() of its next request. */
    private final Map<String, Long> nextSlot = new ConcurrentHashMap<>();

    public Fetcher(IocConfig.Crawler settings) {
        this(settings, new AddressGuard(settings.allowPrivateAddresses(), Set.copyOf(settings.allowedSites())));
    }

    Fetcher(IocConfig.Crawler settings, AddressGuard guard) {
        this.settings = settings;
        this.guard = guard;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(settings.timeoutSeconds()))
                .followRedirects(HttpClient.Redirect.NEVER)
                // One request at a time per host: HTTP/2 would not help, and its h2c upgrade confuses old servers.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.robots = new RobotsCache(settings.userAgent(), this::loadRobots, System::nanoTime);
    }

    /**
     * GETs a URL. With {@code conditional}, the ETag / Last-Modified of the previous 200 for this URL are sent
     * and a 304 comes back as a page with {@code notModified}.
     *
     * @throws RobotsDisallowedException robots.txt disallows the URL or a redirect hop for this crawler
     * @throws BlockedAddressException   the URL or a redirect hop points at a private address
     * @throws FetchException            a non-2xx status after retries, or too many redirects
     */
    public Page fetch(String url, boolean conditional) throws IOException {
        Validators cached = conditional ? validators.get(url) : null;
        URI uri = URI.create(url.trim());
        HttpResponse<InputStream> response = follow(uri, cached, true);
        uri = response.uri();
        int status = response.statusCode();
        if (status == 304) {
            response.body().close();
            return new Page(uri, status, "", true, false);
        }
        if (status >= 400) {
            response.body().close();
            throw new FetchException(uri + ": HTTP " + status, status);
        }
        Page page = read(uri, response);
        if (conditional) remember(url, response.headers());
        return page;
    }

    /**
     * The {@code Sitemap:} lines of the robots.txt of the site {@code url} belongs to (any URL of it, e.g. its
     * home page), fetched through the same polite path if not yet known; empty when it has none.
     */
    public List<String> sitemaps(String url) throws IOException {
        URI uri = URI.create(url.trim());
        guard.check(uri);
        return robots.sitemaps(uri);
    }

    /** Sends the request, following redirects; the answer's {@code uri()} is the last hop's. */
    private HttpResponse<InputStream> follow(URI start, Validators cached, boolean obeyRobots) throws IOException {
        URI uri = start;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            guard.check(uri);
            if (obeyRobots && !robots.allowed(uri)) {
                boolean read = robots.readFromSite(uri);
                throw new RobotsDisallowedException(uri + ": disallowed for " + robots.agentToken() + " by "
                        + RobotsCache.site(uri) + "/robots.txt" + (read ? "" : " (unreadable: everything disallowed for now)"), read);
            }
            HttpResponse<InputStream> response = sendWithRetries(uri, cached);
            int status = response.statusCode();
            if (status < 300 || status >= 400 || status == 304) return response;
            String location = response.headers().firstValue("Location").orElse(null);
            response.body().close();
            if (location == null) throw new FetchException(uri + ": redirect " + status + " without Location", status);
            uri = uri.resolve(location.trim());
        }
        throw new FetchException(start + ": more than " + MAX_REDIRECTS + " redirects", -1);
    }

    private HttpResponse<InputStream> sendWithRetries(URI uri, Validators cached) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(settings.timeoutSeconds()))
                .header("User-Agent", settings.userAgent())
                .header("Accept-Encoding", "gzip")
                .GET();
        if (cached != null && cached.etag() != null) request.header("If-None-Match", cached.etag());
        if (cached != null && cached.lastModified() != null) request.header("If-Modified-Since", cached.lastModified());
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) pause(BACKOFF_MS << (attempt - 2));
            waitForHost(uri);
            try {
                HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() < 500 || attempt == ATTEMPTS) return response;
                response.body().close();
                LOG.debug("{}: HTTP {}, attempt {}/{}", uri, response.statusCode(), attempt, ATTEMPTS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while fetching " + uri);
            } catch (IOException e) {
                last = e;
                LOG.debug("{}: {}, attempt {}/{}", uri, e.toString(), attempt, ATTEMPTS);
            }
        }
        // Name the URL: a bare ConnectException or HttpTimeoutException says nothing about which feed failed.
        throw new IOException(uri + ": " + last, last);
    }

    /**
     * Reserves this site's next slot and sleeps until it comes: concurrent callers queue up behind each other.
     * A site is what one robots.txt covers (scheme, host, port), so its Crawl-delay and the spacing share a scope.
     * The site's Crawl-delay counts once its robots.txt is known (the robots.txt request itself uses the default).
     */
    private void waitForHost(URI uri) throws InterruptedIOException {
        long delay = Duration.ofMillis(Math.max(settings.perHostDelayMs(), robots.knownCrawlDelayMs(uri))).toNanos();
        String site = RobotsCache.site(uri);
        long now = System.nanoTime();
        long slot = nextSlot.merge(site, now + delay, (previous, ignored) -> Math.max(previous, now) + delay) - delay;
        if (slot > now) pause(Duration.ofNanos(slot - now).toMillis() + 1);
    }

    private static void pause(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to fetch");
        }
    }

    /** Fetches robots.txt for {@link RobotsCache}: redirects followed, robots.txt itself never consulted. */
    private RobotsCache.Response loadRobots(URI robotsTxt) throws InterruptedIOException {
        try {
            HttpResponse<InputStream> response = follow(robotsTxt, null, false);
            int status = response.statusCode();
            if (status >= 300) {
                response.body().close();
                return new RobotsCache.Response(status, null, new byte[0]);
            }
            Body body = readBody(response, Math.min(settings.maxBodyBytes(), RobotsCache.MAX_BYTES));
            return new RobotsCache.Response(status, response.headers().firstValue("Content-Type").orElse(null), body.bytes());
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) throw new InterruptedIOException("interrupted while fetching " + robotsTxt);
            LOG.debug("{}: {}", robotsTxt, e.toString());
            return new RobotsCache.Response(-1, null, new byte[0]);
        }
    }

    private Page read(URI uri, HttpResponse<InputStream> response) throws IOException {
        Body body = readBody(response, settings.maxBodyBytes());
        if (body.truncated()) LOG.info("{}: body cut at {} bytes", uri, settings.maxBodyBytes());
        Optional<String> contentType = response.headers().firstValue("Content-Type");
        String text = CharsetDetector.decode(contentType, body.bytes());
        boolean html = contentType.map(ct -> ct.toLowerCase(Locale.ROOT).contains("html")).orElse(true);
        return new Page(uri, response.statusCode(), text, false, body.truncated(), html ? CanonicalLink.of(uri, text) : uri);
    }

    private static Body readBody(HttpResponse<InputStream> response, int limit) throws IOException {
        boolean gzip = response.headers().firstValue("Content-Encoding")
                .map(v -> v.toLowerCase(Locale.ROOT).contains("gzip")).orElse(false);
        try (InputStream raw = response.body(); InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
            byte[] bytes = in.readNBytes(limit);
            return new Body(bytes, in.read() != -1);
        }
    }

    private void remember(String url, HttpHeaders headers) {
        String etag = headers.firstValue("ETag").orElse(null);
        String lastModified = headers.firstValue("Last-Modified").orElse(null);
        if (etag != null || lastModified != null) validators.put(url, new Validators(etag, lastModified));
    }
}
