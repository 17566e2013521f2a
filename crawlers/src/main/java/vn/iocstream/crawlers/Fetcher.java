package vn.iocstream.crawlers;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.iocstream.core.config.IocConfig;

/**
 * A polite HTTP GET: identifies itself, waits {@code perHostDelayMs} between two requests to one host,
 * cuts bodies at {@code maxBodyBytes}, follows redirects itself so that every hop passes the SSRF guard,
 * retries briefly on 5xx and I/O errors, and (for feeds) sends conditional requests so that an unchanged
 * feed costs the outlet a 304 instead of the whole document. Thread-safe.
 */
public final class Fetcher {
    private static final Logger LOG = LoggerFactory.getLogger(Fetcher.class);
    private static final int MAX_REDIRECTS = 5;
    /** Attempts per hop; a feed is polled again within seconds, so long retry chains only delay the others. */
    private static final int ATTEMPTS = 3;
    private static final long BACKOFF_MS = 200;
    /** Declared charsets are looked for in the first bytes only, as browsers do. */
    private static final int SNIFF_BYTES = 4096;
    private static final Pattern DECLARED_CHARSET = Pattern.compile(
            "(?i)(?:<meta[^>]+charset\\s*=\\s*[\"']?|<\\?xml[^>]+encoding\\s*=\\s*[\"'])([\\w.:-]+)");
    private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([\\w.:-]+)");

    /** A fetched page. {@code notModified}: the server answered 304 to a conditional request, body is empty. */
    public record Page(URI url, int status, String body, boolean notModified, boolean truncated) {}

    private record Validators(String etag, String lastModified) {}

    private final IocConfig.Crawler settings;
    private final AddressGuard guard;
    private final HttpClient client;
    private final Map<String, Validators> validators = new ConcurrentHashMap<>();
    /** Host → earliest System.nanoTime() of its next request. */
    private final Map<String, Long> nextSlot = new ConcurrentHashMap<>();

    public Fetcher(IocConfig.Crawler settings) {
        this(settings, new AddressGuard(settings.allowPrivateAddresses(), Set.of()));
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
    }

    /**
     * GETs a URL. With {@code conditional}, the ETag / Last-Modified of the previous 200 for this URL are sent
     * and a 304 comes back as a page with {@code notModified}.
     *
     * @throws BlockedAddressException the URL or a redirect hop points at a private address
     * @throws FetchException          a non-2xx status after retries, or too many redirects
     */
    public Page fetch(String url, boolean conditional) throws IOException {
        URI uri = URI.create(url.trim());
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            guard.check(uri);
            HttpResponse<InputStream> response = sendWithRetries(uri, conditional ? validators.get(url) : null);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                String location = response.headers().firstValue("Location").orElse(null);
                response.body().close();
                if (location == null) throw new FetchException(uri + ": redirect " + status + " without Location", status);
                uri = uri.resolve(location.trim());
                continue;
            }
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
        throw new FetchException(url + ": more than " + MAX_REDIRECTS + " redirects", -1);
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

    /** Reserves this host's next slot and sleeps until it comes: concurrent callers queue up behind each other. */
    private void waitForHost(URI uri) throws InterruptedIOException {
        long delay = Duration.ofMillis(settings.perHostDelayMs()).toNanos();
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        long now = System.nanoTime();
        long slot = nextSlot.merge(host, now + delay, (previous, ignored) -> Math.max(previous, now) + delay) - delay;
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

    private Page read(URI uri, HttpResponse<InputStream> response) throws IOException {
        HttpHeaders headers = response.headers();
        boolean gzip = headers.firstValue("Content-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("gzip")).orElse(false);
        byte[] bytes;
        boolean truncated;
        try (InputStream raw = response.body(); InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
            bytes = in.readNBytes(settings.maxBodyBytes());
            truncated = in.read() != -1;
        }
        if (truncated) LOG.info("{}: body cut at {} bytes", uri, settings.maxBodyBytes());
        String text = new String(bytes, charset(headers.firstValue("Content-Type"), bytes));
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        // Legacy Vietnamese encodings (windows-1258) carry tone marks as combining characters: compose them so
        // that a page reads the same as its UTF-8 twin.
        return new Page(uri, response.statusCode(), Normalizer.normalize(text, Normalizer.Form.NFC), false, truncated);
    }

    /** The HTTP header's charset, else the document's own declaration, else UTF-8. */
    static Charset charset(Optional<String> contentType, byte[] body) {
        Optional<Charset> fromHeader = contentType.flatMap(ct -> named(HEADER_CHARSET.matcher(ct)));
        if (fromHeader.isPresent()) return fromHeader.get();
        String head = new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        return named(DECLARED_CHARSET.matcher(head)).orElse(StandardCharsets.UTF_8);
    }

    private static Optional<Charset> named(Matcher m) {
        if (!m.find()) return Optional.empty();
        try {
            return Optional.of(Charset.forName(m.group(1)));
        } catch (IllegalArgumentException unknownOrUnsupported) {
            return Optional.empty();
        }
    }

    private void remember(String url, HttpHeaders headers) {
        String etag = headers.firstValue("ETag").orElse(null);
        String lastModified = headers.firstValue("Last-Modified").orElse(null);
        if (etag != null || lastModified != null) validators.put(url, new Validators(etag, lastModified));
    }
}
