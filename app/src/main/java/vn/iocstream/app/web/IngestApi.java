package vn.iocstream.app.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.iocstream.core.Topics;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.Ids;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.core.validation.RecordLimits;
import vn.iocstream.crawlers.PostSink;
import vn.iocstream.crawlers.social.IngestLineParser;

/**
 * {@code POST /api/ingest/posts} on 127.0.0.1: JSON lines of posts from platform connectors (Facebook, Zalo, TikTok,
 * YouTube APIs run elsewhere), written to {@link Topics#RAW_POSTS}. Its own listener, not the control room's: it
 * has its own port to expose through a proxy, its own threads, and the control room stays read-only.
 *
 * <p>Try it: {@code curl -H "Authorization: Bearer $TOKEN" --data-binary @posts.jsonl http://127.0.0.1:8081/api/ingest/posts}.
 *
 * <p>Answers, each a JSON object with an {@code error} (or counts) naming what to fix: 401 no or unknown bearer token;
 * 405 not a POST; 413 body over {@code maxBodyBytes} or more lines than {@code maxLinesPerMinute} in one request; 429
 * over the token's lines per minute, with {@code Retry-After}; 400 empty body, not UTF-8, or invalid lines (each
 * with line number and field); 503 Kafka did not take the batch, with {@code Retry-After}; 202 accepted.
 *
 * <p>Every exchange has a deadline ({@link JdkHttp}): a caller sending its body slowly is cut off after 30 s.
 *
 * <p>A batch is all or nothing: one invalid line rejects the whole request and nothing is written, so a connector
 * fixes the lines named and resends the same batch. After a 503 some posts of the batch may have been written;
 * sending it again is harmless because post ids are deterministic and the tables collapse duplicates. The rate limit
 * counts every non-blank line a token sends, valid or not.
 */
public final class IngestApi implements AutoCloseable {
    public static final String PATH = "/api/ingest/posts";
    private static final Logger LOG = LoggerFactory.getLogger(IngestApi.class);
    private static final int MIN_TOKEN_CHARS = 16;
    /** Enough for a connector to fix a batch; a file of garbage does not need ten thousand of them. */
    private static final int MAX_ERRORS_SHOWN = 50;
    private static final int KAFKA_RETRY_AFTER_SECONDS = 5;

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<byte[]> tokens;
    private final IocConfig.Ingest config;
    private final PostSink sink;
    private final Clock clock;
    private final LineRateLimiter limiter;
    private final IngestLineParser parser;
    /** Each token's own part of post ids: a hash, so an id never reveals its token. */
    private final List<String> namespaces;

    private IngestApi(HttpServer server, ExecutorService executor, IocConfig.Ingest config, RecordLimits limits, PostSink sink,
                      Clock clock) {
        this.server = server;
        this.executor = executor;
        this.config = config;
        this.tokens = config.tokens().stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
        this.sink = sink;
        this.clock = clock;
        this.limiter = new LineRateLimiter(config.maxLinesPerMinute(), clock);
        this.parser = new IngestLineParser(limits);
        this.namespaces = config.tokens().stream().map(t -> Ids.of("ingest-token", t)).toList();
    }

    /**
     * @param limits bounds every post is held to (section {@code validation})
     * @param sink   where accepted posts go; used by this API alone, because a flush reports the failures of every
     *               thread that sent through the same sink
     * @throws ConfigLoader.ConfigException when no token is configured (check {@code tokens().isEmpty()} first and
     *                                      leave the endpoint off) or a token is too short to be a secret
     */
    public static IngestApi start(IocConfig.Ingest config, RecordLimits limits, PostSink sink, Clock clock) throws IOException {
        if (config.tokens().isEmpty()) throw new ConfigLoader.ConfigException("ingest.tokens is empty: the ingest API has no caller to accept");
        validate(config);
        HttpServer server = JdkHttp.loopback(config.port());
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ingest-http");
            t.setDaemon(true);
            return t;
        });
        IngestApi api = new IngestApi(server, executor, config, limits, sink, clock);
        server.createContext(PATH, api::handle);
        server.setExecutor(executor);
        server.start();
        LOG.info("Ingest API on {} ({} tokens)", api.url(), config.tokens().size());
        return api;
    }

    /**
     * Checks the settings without starting anything, so that a bad token stops {@code ioc run} before the slow
     * components start: every token a secret of 16+ characters, positive limits. No token at all is valid (API off).
     */
    public static void validate(IocConfig.Ingest config) {
        for (int i = 0; i < config.tokens().size(); i++) {
            String t = config.tokens().get(i);
            if (t == null || t.strip().length() < MIN_TOKEN_CHARS || !t.equals(t.strip())) {
                throw new ConfigLoader.ConfigException("ingest.tokens: token #" + (i + 1) + " must be at least " + MIN_TOKEN_CHARS
                        + " characters without surrounding spaces (e.g. the output of `openssl rand -hex 24`)");
            }
        }
        if (config.maxBodyBytes() <= 0 || config.maxLinesPerMinute() <= 0) {
            throw new ConfigLoader.ConfigException("ingest.maxBodyBytes and ingest.maxLinesPerMinute must be positive");
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"POST".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", "POST");
                respond(ex, 405, Map.of("error", "use POST with one JSON object per line"));
                return;
            }
            int caller = caller(ex.getRequestHeaders().getFirst("Authorization"));
            if (caller < 0) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"ioc-ingest\"");
                respond(ex, 401, Map.of("error", "missing or unknown bearer token (header Authorization: Bearer TOKEN)"));
                return;
            }
            byte[] raw = JdkHttp.readAtMost(ex, config.maxBodyBytes());
            if (raw == null) {
                respond(ex, 413, Map.of("error", "body larger than " + config.maxBodyBytes() + " bytes (ingest.maxBodyBytes): split the batch"));
                return;
            }
            String body;
            try {
                body = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
            } catch (CharacterCodingException e) {
                respond(ex, 400, Map.of("error", "body is not UTF-8"));
                return;
            }
            int lines = IngestLineParser.countLines(body);
            if (lines == 0) {
                respond(ex, 400, Map.of("error", "empty body: send one JSON object per line"));
                return;
            }
            if (lines > config.maxLinesPerMinute()) {
                respond(ex, 413, Map.of("error", lines + " lines in one request, more than ingest.maxLinesPerMinute ("
                        + config.maxLinesPerMinute() + "): split the batch"));
                return;
            }
            long wait = limiter.acquire(String.valueOf(caller), lines);
            if (wait > 0) {
                ex.getResponseHeaders().set("Retry-After", String.valueOf(wait));
                respond(ex, 429, Map.of("error", "token #" + (caller + 1) + " is over " + config.maxLinesPerMinute()
                        + " lines per minute (ingest.maxLinesPerMinute): retry in " + wait + " s", "retryAfterSeconds", wait));
                return;
            }
            accept(ex, caller, body);
        } catch (RuntimeException e) {
            LOG.error("ingest request failed", e);
            if (ex.getResponseCode() == -1) respond(ex, 500, Map.of("error", "internal error; nothing was accepted"));
        }
    }

    private void accept(HttpExchange ex, int caller, String body) throws IOException {
        Instant now = clock.instant();
        IngestLineParser.Result result = parser.parse(body, now, namespaces.get(caller));
        if (!result.valid()) {
            LOG.info("ingest: token #{} sent {} lines, {} errors, first: {}", caller + 1, result.lines(), result.errors().size(),
                    result.errors().get(0));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("error", "invalid lines; nothing was accepted, fix them and send the batch again");
            answer.put("lines", result.lines());
            answer.put("invalidLines", result.errors().stream().mapToInt(IngestLineParser.LineError::line).distinct().count());
            answer.put("errors", result.errors().subList(0, Math.min(MAX_ERRORS_SHOWN, result.errors().size())));
            respond(ex, 400, answer);
            return;
        }
        try {
            // One batch at a time: a flush reports the failures of everything sent since the last one, and must
            // answer this request only.
            synchronized (sink) {
                result.posts().forEach(sink::accept);
                sink.flush();
            }
        } catch (RuntimeException e) {
            LOG.warn("ingest: token #{}: {} posts not confirmed by Kafka: {}", caller + 1, result.posts().size(), e.getMessage());
            ex.getResponseHeaders().set("Retry-After", String.valueOf(KAFKA_RETRY_AFTER_SECONDS));
            respond(ex, 503, Map.of("error", "Kafka did not confirm the batch; send it again (duplicates collapse by id)"));
            return;
        }
        Map<String, Long> byKind = new TreeMap<>();
        result.posts().forEach(p -> byKind.merge(p.kind(), 1L, Long::sum));
        LOG.debug("ingest: token #{} sent {} posts", caller + 1, result.posts().size());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accepted", result.posts().size());
        answer.put("byKind", byKind);
        answer.put("ids", result.posts().stream().map(RawPost::id).toList());
        respond(ex, 202, answer);
    }

    /** Index of the caller's token, or -1; compared in constant time so that timing does not reveal a prefix. */
    private int caller(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return -1;
        byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        int found = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (MessageDigest.isEqual(tokens.get(i), given)) found = i;
        }
        return found;
    }

    private static void respond(HttpExchange ex, int code, Object body) throws IOException {
        HttpReplies.send(ex, code, "application/json; charset=utf-8", Json.bytes(body));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
