package vn.iocstream.core.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a sources file ({@code config/sources.yaml}): a YAML mapping whose {@code sources:} list holds
 * {@link IocConfig.Source} entries. Every entry is checked here, so that a typo in a list of a hundred outlets is
 * reported with its file and position instead of surfacing as a failed fetch hours later.
 */
public final class SourcesFile {
    /** Every type a source may declare; the crawler skips a type it does not fetch with a warning. */
    public static final Set<String> TYPES = Set.of("rss", "atom", "sitemap", "news-sitemap", "listing", "forum");
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

    /** The file's entries, checked. @throws ConfigLoader.ConfigException naming the file and the entry at fault */
    public static List<IocConfig.Source> read(Path file) {
        List<IocConfig.Source> out = new ArrayList<>();
        for (JsonNode node : entries(file)) out.add(YAML.convertValue(node, IocConfig.Source.class));
        return out;
    }

    /** The entries as YAML nodes, checked, for {@link ConfigLoader} to append to the inline {@code sources:} list. */
    static ArrayNode entries(Path file) {
        if (!Files.isRegularFile(file)) throw new ConfigLoader.ConfigException("sources file not found: " + file);
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigLoader.ConfigException(file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        JsonNode list = root == null ? null : root.get("sources");
        if (list == null || !list.isArray()) throw new ConfigLoader.ConfigException(file + ": expected a top-level `sources:` list");
        for (int i = 0; i < list.size(); i++) {
            IocConfig.Source s;
            try {
                s = YAML.treeToValue(list.get(i), IocConfig.Source.class);
            } catch (IOException e) {
                throw new ConfigLoader.ConfigException(file + ": source #" + (i + 1) + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
            String problem = problem(s);
            if (problem != null) {
                throw new ConfigLoader.ConfigException(file + ": source #" + (i + 1) + (s.name() == null ? "" : " (" + s.name() + ")") + ": " + problem);
            }
        }
        return (ArrayNode) list;
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
