package vn.iocstream.core.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a sources file ({@code config/sources.yaml}): a YAML mapping whose {@code sources:} list holds
 * {@link IocConfig.Source} entries. Every entry is checked here, so that a typo in a list of a hundred outlets is
 * reported with its file and position instead of surfacing as a failed fetch hours later.
 *
 * <p>Entries of the {@link #ROUTED_TYPES} are not crawled: a log file to follow ({@code type: file}), a syslog port
 * ({@code type: syslog}) or a platform connector's ingest token ({@code type: ingest}). {@link ConfigLoader} moves
 * them (see {@link #route}) into {@code eventFeeds.files}, {@code eventFeeds.syslog} and {@code ingest.tokens}, after
 * what the configuration itself lists there.
 */
public final class SourcesFile {
    /** Every type a source may declare. */
    public static final Set<String> TYPES = Set.of("rss", "atom", "sitemap", "news-sitemap", "listing", "forum",
            "file", "syslog", "ingest");
    /** The types handled outside the news crawler, which never reach the {@code sources:} list. */
    public static final Set<String> ROUTED_TYPES = Set.of("file", "syslog", "ingest");
    /**
     * The {@code format} a file or syslog entry may take: the names of {@code EventKind} in module crawlers (which
     * core cannot see; a crawlers test keeps the two in step).
     */
    public static final Set<String> EVENT_FORMATS = Set.of("zeek", "suricata", "auth", "access", "traffic-csv", "traffic-json");
    /** The fields each routed type takes; locality and verified describe the feed, as for a crawled source. */
    private static final Map<String, Set<String>> ROUTED_FIELDS = Map.of(
            "file", Set.of("name", "type", "format", "path", "locality", "verified"),
            "syslog", Set.of("name", "type", "format", "protocol", "port"),
            "ingest", Set.of("name", "type", "token"));
    /** The minimum IngestApi accepts. */
    private static final int MIN_TOKEN_CHARS = 16;
    /** {@code ${IOC_INGEST_TOKEN_FACEBOOK}}: the token is read from the environment, so the file holds no secret. */
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    /**
     * Names a source's {@code comments} may take: the shipped layouts of {@code CommentJsonMapping.named} in module
     * crawlers (which core cannot see; a crawlers test keeps the two in step).
     */
    public static final Set<String> COMMENT_MAPPINGS = Set.of("vnexpress");
    private static final String ARTICLE_ID = "{articleId}";
    private static final Pattern SCHEDULE = Pattern.compile("0*[1-9]\\d*[smh]");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SourcesFile() {}

    /**
     * The file's crawled sources, checked; its file, syslog and ingest entries are checked too but left out.
     * @throws ConfigLoader.ConfigException naming the file and the entry at fault
     */
    public static List<IocConfig.Source> read(Path file) {
        List<IocConfig.Source> out = new ArrayList<>();
        for (Entry e : entries(file)) {
            if (!routed(e.node())) out.add(YAML.convertValue(e.node(), IocConfig.Source.class));
        }
        return out;
    }

    /** An entry of a sources list as YAML, with where it was written for messages: {@code FILE: source #3 (NAME)}. */
    record Entry(String where, JsonNode node) {}

    /** The file's entries, every one checked, for {@link ConfigLoader} to add to the inline {@code sources:} list. */
    static List<Entry> entries(Path file) {
        if (!Files.isRegularFile(file)) throw new ConfigLoader.ConfigException("sources file not found: " + file);
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigLoader.ConfigException(file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        JsonNode list = root == null ? null : root.get("sources");
        if (list == null || !list.isArray()) throw new ConfigLoader.ConfigException(file + ": expected a top-level `sources:` list");
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Entry entry = new Entry(file + ": " + where("source", i, list.get(i)), list.get(i));
            String problem;
            if (routed(entry.node())) {
                problem = routedProblem(entry.node());
            } else {
                try {
                    problem = problem(YAML.treeToValue(entry.node(), IocConfig.Source.class));
                } catch (IOException e) {
                    problem = e.getMessage().lines().findFirst().orElse("");
                }
            }
            if (problem != null) throw new ConfigLoader.ConfigException(entry.where() + ": " + problem);
            out.add(entry);
        }
        return out;
    }

    /**
     * The configuration's own {@code sources:} entries. Its file, syslog and ingest entries are checked as a file's
     * are; its crawled ones only by their record's fields, as before sources files existed.
     */
    static List<Entry> inline(ArrayNode sources) {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Entry entry = new Entry(where("sources", i, sources.get(i)), sources.get(i));
            String problem = routed(entry.node()) ? routedProblem(entry.node()) : null;
            if (problem != null) throw new ConfigLoader.ConfigException(entry.where() + ": " + problem);
            out.add(entry);
        }
        return out;
    }

    private static String where(String list, int index, JsonNode node) {
        String name = node.path("name").asText("");
        return list + " #" + (index + 1) + (name.isBlank() ? "" : " (" + name + ")");
    }

    private static boolean routed(JsonNode node) {
        return ROUTED_TYPES.contains(node.path("type").asText(""));
    }

    /**
     * Sets the configuration's {@code sources:} to the crawled entries and appends the others to
     * {@code eventFeeds.files}, {@code eventFeeds.syslog} and {@code ingest.tokens}, expanding {@code ${VAR}} tokens
     * from {@code env}. A file, syslog port or token declared twice (here or in those lists) is an error naming both.
     */
    static void route(ObjectNode config, List<Entry> entries, UnaryOperator<String> env) {
        ArrayNode files = ((ObjectNode) config.get("eventFeeds")).withArray("files");
        ArrayNode syslog = ((ObjectNode) config.get("eventFeeds")).withArray("syslog");
        ArrayNode tokens = ((ObjectNode) config.get("ingest")).withArray("tokens");
        Map<String, String> claimed = new HashMap<>();
        for (int i = 0; i < files.size(); i++) claim(claimed, fileKey(files.get(i)), "eventFeeds.files #" + (i + 1));
        for (int i = 0; i < syslog.size(); i++) {
            // Port 0 takes a free port at start: two such listeners never collide.
            if (syslog.get(i).path("port").asInt() != 0) claim(claimed, syslogKey(syslog.get(i)), "eventFeeds.syslog #" + (i + 1));
        }
        for (int i = 0; i < tokens.size(); i++) claim(claimed, "the same token", "ingest.tokens #" + (i + 1), "token " + tokens.get(i).asText());
        ArrayNode crawled = config.arrayNode();
        for (Entry e : entries) {
            JsonNode n = e.node();
            switch (n.path("type").asText("")) {
                case "file" -> {
                    claim(claimed, fileKey(n), e.where());
                    files.addObject().put("kind", n.path("format").asText()).put("path", n.path("path").asText())
                            .put("name", n.path("name").asText());
                }
                case "syslog" -> {
                    claim(claimed, syslogKey(n), e.where());
                    syslog.addObject().put("kind", n.path("format").asText()).put("protocol", n.path("protocol").asText())
                            .put("port", n.path("port").asInt()).put("name", n.path("name").asText());
                }
                case "ingest" -> {
                    String token = token(n.path("token").asText(), env, e.where());
                    claim(claimed, "the same token", e.where(), "token " + token);
                    tokens.add(token);
                }
                default -> crawled.add(n);
            }
        }
        config.set("sources", crawled);
    }

    private static String fileKey(JsonNode feed) {
        return "path " + Path.of(feed.path("path").asText()).toAbsolutePath().normalize();
    }

    private static String syslogKey(JsonNode feed) {
        return feed.path("protocol").asText().toLowerCase(Locale.ROOT) + " port " + feed.path("port").asInt();
    }

    private static void claim(Map<String, String> claimed, String what, String where) {
        claim(claimed, what, where, what);
    }

    /** {@code what} describes the thing in messages, {@code key} identifies it (a token is never printed). */
    private static void claim(Map<String, String> claimed, String what, String where, String key) {
        String earlier = claimed.putIfAbsent(key, where);
        if (earlier != null) throw new ConfigLoader.ConfigException(where + ": " + what + " is already declared by " + earlier);
    }

    private static String token(String value, UnaryOperator<String> env, String where) {
        Matcher m = ENV_REFERENCE.matcher(value);
        if (!m.matches()) return value;
        String token = env.apply(m.group(1));
        if (token == null || token.isBlank()) {
            throw new ConfigLoader.ConfigException(where + ": token names the environment variable " + m.group(1) + ", which is not set");
        }
        if (token.length() < MIN_TOKEN_CHARS) {
            throw new ConfigLoader.ConfigException(where + ": the token in " + m.group(1) + " must be at least " + MIN_TOKEN_CHARS + " characters");
        }
        return token;
    }

    /** What is wrong with a file, syslog or ingest entry, or null; a token from the environment is checked by route. */
    static String routedProblem(JsonNode n) {
        String type = n.path("type").asText();
        Set<String> fields = ROUTED_FIELDS.get(type);
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!fields.contains(field)) return "type " + type + " takes no " + field + " (its fields: " + new TreeSet<>(fields) + ")";
        }
        if (n.path("name").asText("").isBlank()) return "name is missing";
        if (n.has("verified") && !n.get("verified").isBoolean()) return "verified must be true or false";
        if (!"ingest".equals(type) && !EVENT_FORMATS.contains(n.path("format").asText(""))) {
            return "format must be one of " + new TreeSet<>(EVENT_FORMATS) + ", got: " + n.path("format").asText(null);
        }
        return switch (type) {
            case "file" -> n.path("path").asText("").isBlank() ? "path is missing: a file, or a glob in the file name (/opt/zeek/logs/current/*.log)" : null;
            case "syslog" -> {
                if (!Set.of("udp", "tcp").contains(n.path("protocol").asText(""))) yield "protocol must be udp or tcp, got: " + n.path("protocol").asText(null);
                int port = n.path("port").asInt(0);
                yield n.path("port").isInt() && port >= 1 && port <= 65535 ? null : "port must be a number from 1 to 65535, got: " + n.path("port").asText(null);
            }
            default -> tokenProblem(n.path("token").asText(""));
        };
    }

    private static String tokenProblem(String token) {
        if (token.isBlank()) return "token is missing (write ${VARIABLE} to read it from the environment)";
        if (ENV_REFERENCE.matcher(token).matches()) return null;
        if (token.contains("${")) return "token must be a literal or a single ${VARIABLE} (letters, digits, _)";
        return token.length() < MIN_TOKEN_CHARS ? "token must be at least " + MIN_TOKEN_CHARS + " characters (e.g. `openssl rand -hex 24`)" : null;
    }

    /** What is wrong with an entry, or null. */
    static String problem(IocConfig.Source s) {
        if (s.name() == null || s.name().isBlank()) return "name is missing";
        if (s.type() == null || !TYPES.contains(s.type())) return "type must be one of " + new TreeSet<>(TYPES) + ", got: " + s.type();
        if (s.url() == null || !s.url().matches("https?://[^\\s/]+.*")) return "url must be an http(s) URL, got: " + s.url();
        if (s.schedule() != null && !s.schedule().isEmpty() && !SCHEDULE.matcher(s.schedule()).matches()) {
            return "schedule must look like 15m, 1h or 90s, got: " + s.schedule();
        }
        if (s.linkSelector() != null && !s.linkSelector().isBlank() && !"listing".equals(s.type())) {
            return "linkSelector is for type listing only, this source is " + s.type();
        }
        return commentsProblem(s);
    }

    /** What is wrong with the JSON comment fields (comments, commentsUrl, articleIdPattern), or null. */
    private static String commentsProblem(IocConfig.Source s) {
        boolean named = s.comments() != null && !s.comments().isBlank();
        boolean url = s.commentsUrl() != null && !s.commentsUrl().isBlank();
        boolean pattern = s.articleIdPattern() != null && !s.articleIdPattern().isBlank();
        if (!named && !url && !pattern) return null;
        if ("forum".equals(s.type())) return "comments, commentsUrl and articleIdPattern are for article sources, this source is forum";
        if (!named) return "commentsUrl and articleIdPattern need comments: the layout of the comment API, one of " + new TreeSet<>(COMMENT_MAPPINGS);
        if (!COMMENT_MAPPINGS.contains(s.comments())) return "comments must be one of " + new TreeSet<>(COMMENT_MAPPINGS) + ", got: " + s.comments();
        if (!url) return "comments needs commentsUrl: the comment API's address with " + ARTICLE_ID + " where the article's id goes";
        if (!s.commentsUrl().matches("https?://[^\\s/]+.*") || !s.commentsUrl().contains(ARTICLE_ID)) {
            return "commentsUrl must be an http(s) URL containing " + ARTICLE_ID + ", got: " + s.commentsUrl();
        }
        if (!pattern) return null;
        try {
            if (Pattern.compile(s.articleIdPattern()).matcher("").groupCount() < 1) {
                return "articleIdPattern needs a group (in parentheses) around the id, got: " + s.articleIdPattern();
            }
        } catch (PatternSyntaxException e) {
            return "articleIdPattern is not a valid regular expression: " + e.getDescription() + " in " + s.articleIdPattern();
        }
        return null;
    }
}
