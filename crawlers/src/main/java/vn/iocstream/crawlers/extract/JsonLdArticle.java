package vn.iocstream.crawlers.extract;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import vn.iocstream.core.geo.VietnameseKeys;

/**
 * The page's own article in its JSON-LD: the NewsArticle/Article object (top level, in {@code @graph}, or a
 * WebPage's {@code mainEntity}) whose address or headline is the page's, else the first one. Objects nested in
 * other things (an ItemList of related stories) are never read: their dates are other stories' dates.
 *
 * @param authors as the page gives them, Persons and Organizations alike (the caller tells the site's own name from
 *                a desk's or an agency's)
 */
record JsonLdArticle(String headline, String datePublished, String dateModified, List<String> authors, String publisher) {
    private static final Set<String> ARTICLE_TYPES = Set.of("BlogPosting", "LiveBlogPosting", "ReportageNews", "Report");
    /** Real JSON-LD is often invalid JSON: trailing commas, raw newlines in strings, comments, single quotes. */
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    /** An HTML comment or CDATA section wrapped around the JSON, as old templates print it. */
    private static final Pattern COMMENT_WRAPPER = Pattern.compile("^(?:<!--|//\\s*<!\\[CDATA\\[)|(?:-->|//\\s*]]>)$");
    /** What two addresses of one page may differ by: scheme, www, query, fragment, trailing slash. */
    private static final Pattern NOT_ADDRESS = Pattern.compile("^[a-z]+://(www\\.)?|[?#].*$|/+$");
    /** For a block that even the lenient parser refuses (an unescaped quote in a headline): the fields by pattern. */
    private static final Pattern ARTICLE_TYPE = Pattern.compile("\"@type\"\\s*:\\s*\\[?\\s*\"(?:News)?Article\"");
    private static final Pattern FIELD = Pattern.compile("\"(datePublished|dateModified)\"\\s*:\\s*\"([^\"]{1,60})\"");
    private static final Pattern AUTHOR_NAME = Pattern.compile("\"author\"\\s*:\\s*(?:\\[\\s*)?(?:\\{[^{}]*?\"name\"\\s*:\\s*)?\"([^\"]{1,120})\"");

    /** The page's article, or null when its JSON-LD blocks ({@code script type=application/ld+json}) have none. */
    static JsonLdArticle of(List<Element> scripts, String pageUrl, String title) {
        List<JsonNode> articles = new ArrayList<>();
        JsonLdArticle unparsed = null;
        for (Element script : scripts) {
            String json = COMMENT_WRAPPER.matcher(script.data().strip()).replaceAll("");
            try {
                JsonNode root = LENIENT.readTree(json);
                if (root != null) collect(root, articles, 0);
            } catch (IOException broken) {
                if (unparsed == null && ARTICLE_TYPE.matcher(json).find()) unparsed = byPattern(json);
            }
        }
        if (articles.isEmpty()) return unparsed;
        JsonNode chosen = articles.get(0);
        String page = address(pageUrl);
        String titleKey = title == null ? "" : VietnameseKeys.fold(title).strip();
        for (JsonNode a : articles) {
            if (!page.isEmpty() && page.equals(address(own(a)))) {
                chosen = a;
                break;
            }
            if (!titleKey.isEmpty() && titleKey.equals(VietnameseKeys.fold(a.path("headline").asText("")).strip())) chosen = a;
        }
        return read(chosen);
    }

    private static void collect(JsonNode node, List<JsonNode> out, int depth) {
        if (depth > 3) return;
        if (node.isArray()) {
            node.forEach(n -> collect(n, out, depth + 1));
            return;
        }
        if (!node.isObject()) return;
        if (isArticle(node.path("@type"))) out.add(node);
        collect(node.path("@graph"), out, depth + 1);
        if (node.has("mainEntity")) collect(node.path("mainEntity"), out, depth + 1);
    }

    private static boolean isArticle(JsonNode type) {
        if (type.isArray()) {
            for (JsonNode t : type) if (isArticle(t)) return true;
            return false;
        }
        String t = type.asText("");
        t = t.substring(Math.max(t.lastIndexOf('/'), t.lastIndexOf(':')) + 1);
        return t.endsWith("Article") || ARTICLE_TYPES.contains(t);
    }

    /** The address the object says it is about: url, mainEntityOfPage (object or string) or @id. */
    private static String own(JsonNode a) {
        JsonNode main = a.path("mainEntityOfPage");
        String mainId = main.isObject() ? main.path("@id").asText(main.path("url").asText("")) : main.asText("");
        for (String s : new String[] {a.path("url").asText(""), mainId, a.path("@id").asText("")}) {
            if (!s.isBlank()) return s;
        }
        return "";
    }

    /** Host and path, without scheme, www, query, fragment or trailing slash: how two addresses of a page compare. */
    private static String address(String url) {
        return url == null ? "" : NOT_ADDRESS.matcher(url.trim().toLowerCase(Locale.ROOT)).replaceAll("");
    }

    private static JsonLdArticle read(JsonNode a) {
        List<String> names = new ArrayList<>();
        JsonNode author = a.path("author");
        for (JsonNode one : author.isArray() ? author : List.of(author)) {
            String name = one.isTextual() ? one.asText() : one.path("name").asText("");
            if (!name.isBlank()) names.add(name.strip());
        }
        JsonNode publisher = a.path("publisher");
        return new JsonLdArticle(text(a.path("headline")), text(a.path("datePublished")), text(a.path("dateModified")),
                names, publisher.isTextual() ? publisher.asText() : text(publisher.path("name")));
    }

    private static JsonLdArticle byPattern(String json) {
        String published = null;
        String modified = null;
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals("datePublished") && published == null) published = m.group(2);
            if (m.group(1).equals("dateModified") && modified == null) modified = m.group(2);
        }
        Matcher author = AUTHOR_NAME.matcher(json);
        List<String> authors = author.find() ? List.of(author.group(1)) : List.of();
        return new JsonLdArticle(null, published, modified, authors, null);
    }

    private static String text(JsonNode n) {
        String s = n.isValueNode() ? n.asText("").strip() : "";
        return s.isEmpty() ? null : s;
    }
}
