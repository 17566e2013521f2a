package vn.iocstream.crawlers.social;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.iocstream.core.Ids;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.core.validation.RecordLimits;

/**
 * The body of {@code POST /api/ingest/posts}: JSON lines, each one post
 * {@code {id?, url?, kind, source, locality?, title?, text, author?, publishedAt}}, checked strictly so that a
 * connector's mistake is answered with its line and field instead of reaching the stream.
 *
 * <p>Rules: one strict JSON object per line (nothing after it, no key twice); every value is a string (null = absent
 * for the optional ones); unknown fields are errors (a typo such as {@code published_at} would otherwise lose the
 * time); {@code kind} is one of {@link #KINDS}; {@code id} (the platform's own id) or {@code url} is required; title and
 * text within {@link RecordLimits}. {@code publishedAt} is ISO-8601 with an offset, not before
 * {@code validation.minTime} and not more than {@link #MAX_FUTURE} ahead of the receiving clock. Blank lines are
 * skipped; line numbers count every physical line from 1.
 *
 * <p>The post id is the hash of the caller's namespace with source and native id when {@code id} is given (platform
 * URLs come in mobile and desktop variants), else with the canonical URL. The namespace keeps one caller from
 * overwriting another's posts, or a crawled article by posting its URL: a copy of a crawled article stays its own
 * post and joins the article's story through the story grouping.
 */
public final class IngestLineParser {
    public static final List<String> KINDS = List.of("social", "forum", "comment", "press");
    /**
     * A post dated far ahead would drag the event-time watermark forward, and every honest post after it would be
     * late and dropped from its window; a few minutes cover clock skew between the connector and us.
     */
    public static final Duration MAX_FUTURE = Duration.ofMinutes(10);
    /** First part of every ingested post's id: no crawled post's id (the hash of a URL alone) can equal one. */
    private static final String ID_PREFIX = "ingest";
    private static final List<String> REQUIRED = List.of("kind", "source", "text", "publishedAt");

    private final RecordLimits limits;
    /** Every field with its longest allowed value, in the order errors are reported. */
    private final Map<String, Integer> fields;
    private final String known;

    public IngestLineParser(RecordLimits limits) {
        this.limits = limits;
        this.fields = fields("id", 256, "url", Math.min(2048, limits.maxFieldChars()), "kind", 16, "source", 200,
                "locality", 200, "title", limits.maxTitleChars(), "text", limits.maxTextChars(), "author", 200,
                "publishedAt", 64);
        this.known = String.join(", ", fields.keySet());
    }

    /** What is wrong with one line: {@code field} is null when the line as a whole is (not a JSON object). */
    public record LineError(int line, String field, String error) {}

    /** Either posts (all lines valid) or errors; {@code lines} counts the non-blank lines. */
    public record Result(int lines, List<RawPost> posts, List<LineError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** Non-blank lines of a body: what the rate limit counts, before any parsing. */
    public static int countLines(String body) {
        return (int) body.lines().filter(l -> !l.isBlank()).count();
    }

    /**
     * @param receivedAt the posts' fetchedAt, and the clock {@link #MAX_FUTURE} is measured against
     * @param namespace  the caller's own part of every post id (e.g. derived from its token)
     */
    public Result parse(String body, Instant receivedAt, String namespace) {
        List<RawPost> posts = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        int number = 0;
        int lines = 0;
        for (String line : body.split("\\R", -1)) {
            number++;
            if (line.isBlank()) continue;
            lines++;
            int before = errors.size();
            RawPost post = post(number, line, receivedAt, namespace, errors);
            if (errors.size() == before) posts.add(post);
        }
        return new Result(lines, errors.isEmpty() ? posts : List.of(), errors);
    }

    private RawPost post(int n, String line, Instant receivedAt, String namespace, List<LineError> errors) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            errors.add(new LineError(n, null, "not JSON: " + e.getOriginalMessage()));
            return null;
        }
        if (node == null || !node.isObject()) {
            errors.add(new LineError(n, null, "must be one JSON object per line"));
            return null;
        }
        int before = errors.size();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.containsKey(name)) errors.add(new LineError(n, name, "unknown field (known: " + known + ")"));
        }
        Map<String, String> v = new HashMap<>();
        Set<String> wrongType = new HashSet<>(); // already reported: "required" would only repeat it
        for (Map.Entry<String, Integer> f : fields.entrySet()) {
            JsonNode value = node.get(f.getKey());
            if (value == null || value.isNull()) continue;
            if (!value.isTextual()) {
                errors.add(new LineError(n, f.getKey(), "must be a string"));
                wrongType.add(f.getKey());
            } else if (value.asText().length() > f.getValue()) {
                errors.add(new LineError(n, f.getKey(), "longer than " + f.getValue() + " characters"));
                wrongType.add(f.getKey());
            } else if (!value.asText().isBlank()) {
                v.put(f.getKey(), Normalizer.normalize(value.asText().strip(), Normalizer.Form.NFC));
            }
        }
        for (String required : REQUIRED) {
            if (!v.containsKey(required) && !wrongType.contains(required)) errors.add(new LineError(n, required, "required"));
        }
        if (v.containsKey("kind") && !KINDS.contains(v.get("kind"))) {
            errors.add(new LineError(n, "kind", "must be one of " + String.join(", ", KINDS)));
        }
        if (!v.containsKey("id") && !v.containsKey("url") && !wrongType.contains("id") && !wrongType.contains("url")) {
            errors.add(new LineError(n, "id", "id or url required (the platform's own id, or the post's address)"));
        }
        if (v.containsKey("url") && !isHttpUrl(v.get("url"))) {
            errors.add(new LineError(n, "url", "must be an absolute http(s) URL"));
        }
        Instant published = null;
        if (v.containsKey("publishedAt")) {
            try {
                published = OffsetDateTime.parse(v.get("publishedAt"), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
                if (published.isAfter(receivedAt.plus(MAX_FUTURE))) {
                    errors.add(new LineError(n, "publishedAt", "more than " + MAX_FUTURE.toMinutes() + " minutes in the future"));
                } else if (published.isBefore(limits.minTime())) {
                    errors.add(new LineError(n, "publishedAt", "before " + limits.minTime() + " (validation.minTime)"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new LineError(n, "publishedAt", "must be ISO-8601 with an offset, e.g. 2025-10-14T07:05:00+07:00"));
            }
        }
        if (errors.size() > before) return null;
        String source = v.get("source");
        String nativeId = v.get("id");
        String id = nativeId != null ? Ids.of(ID_PREFIX, namespace, source, nativeId)
                : Ids.of(ID_PREFIX, namespace, Ids.canonicalUrl(v.get("url")));
        String url = v.containsKey("url") ? v.get("url")
                : "urn:ioc-ingest:" + URLEncoder.encode(source, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(nativeId, StandardCharsets.UTF_8);
        return new RawPost(id, url, v.get("kind"), source, v.get("locality"), v.get("title"), v.get("text"),
                v.get("author"), published, receivedAt);
    }

    private static Map<String, Integer> fields(Object... nameThenLength) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < nameThenLength.length; i += 2) out.put((String) nameThenLength[i], (Integer) nameThenLength[i + 1]);
        return Collections.unmodifiableMap(out);
    }

    private static boolean isHttpUrl(String s) {
        try {
            URI u = new URI(s);
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme())) && u.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
