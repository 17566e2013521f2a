package vn.iocstream.crawlers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import vn.iocstream.crawlers.extract.MainContentExtractor;

/**
 * Main text and metadata of a news page: metadata from og/meta/JSON-LD, the body from
 * {@link MainContentExtractor} (block scoring, measured by {@code ioc eval extract}).
 */
public final class ArticleExtractor {
    private final MainContentExtractor mainContent = new MainContentExtractor();
    /** Real JSON-LD is often invalid JSON (trailing commas, raw newlines), so the one field needed is found by pattern. */
    private static final Pattern JSON_LD_PUBLISHED = Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]+)\"");

    /** A closing line of two to five capitalised words, such as "Lê Phương" or "Minh Tâm - Quốc Huy". */
    private static final Pattern SIGNATURE = Pattern.compile("\\p{Lu}[\\p{L}.]*(?:\\s+(?:-\\s+)?\\p{Lu}[\\p{L}.]*){1,4}");

    /** A reader comment under an article. {@code id} is the page's own id for it, or its 1-based position. */
    public record Comment(String id, String author, Instant postedAt, String text) {}

    /** What a page says about itself; any field may be null (text is empty when no paragraphs were found). */
    public record Article(String title, String text, String author, Instant publishedAt, List<Comment> comments) {}

    public Article extract(String html, String url) {
        Document doc = Jsoup.parse(html, url);
        String title = first(meta(doc, "meta[property=og:title]"), text(doc.selectFirst("h1")), doc.title());
        String siteAuthor = meta(doc, "meta[name=author]");
        if (siteAuthor != null && isSiteName(doc, siteAuthor)) siteAuthor = null;
        String author = first(siteAuthor, text(doc.selectFirst(".author, .byline")), text(doc.selectFirst("[rel=author]")));
        String text = mainContent.text(doc);
        int lastLine = text.lastIndexOf('\n');
        if (lastLine > 0 && SIGNATURE.matcher(text.substring(lastLine + 1)).matches()) {
            // Vietnamese outlets sign the story with the reporter's name as its last, bold line.
            if (author == null || isSiteName(doc, author)) author = text.substring(lastLine + 1);
            text = text.substring(0, lastLine);
        }
        Instant published = publishedAt(doc);
        List<Comment> comments = comments(doc);
        return new Article(title, text, author, published, comments);
    }

    private static Instant publishedAt(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            Matcher m = JSON_LD_PUBLISHED.matcher(script.data());
            if (m.find()) {
                Instant t = Dates.parse(m.group(1));
                if (t != null) return t;
            }
        }
        Instant t = Dates.parse(meta(doc, "meta[property=article:published_time], meta[itemprop=datePublished]"));
        if (t != null) return t;
        Element time = doc.selectFirst("article time[datetime], time[datetime]");
        return time == null ? null : Dates.parse(time.attr("datetime"));
    }

    /** Elements with class "comment"; nested replies are their own comments, each keeps only its own text. */
    private static List<Comment> comments(Document doc) {
        List<Comment> out = new ArrayList<>();
        Elements all = doc.select(".comment");
        for (int i = 0; i < all.size(); i++) {
            Element c = all.get(i).clone();
            c.select(".comment").remove(); // replies, visited on their own
            String text = first(text(c.selectFirst(".comment-text, .comment-content, .content")),
                    c.select("p").stream().map(Element::text).collect(Collectors.joining("\n")));
            if (text == null) continue;
            String id = first(all.get(i).attr("data-id"), all.get(i).id().replaceFirst("^comment-", ""));
            Element time = c.selectFirst("time[datetime]");
            Instant postedAt = time != null ? Dates.parse(time.attr("datetime"))
                    : Dates.parse(text(c.selectFirst(".comment-time, .time, .date")));
            out.add(new Comment(id == null ? String.valueOf(i + 1) : id,
                    text(c.selectFirst(".comment-author, .author, .name, .user")), postedAt, text));
        }
        return out;
    }

    /** True when a would-be author is the outlet itself ("VnExpress" on vnexpress.net). */
    private static boolean isSiteName(Document doc, String name) {
        String key = siteKey(name);
        String site = meta(doc, "meta[property=og:site_name]");
        String host = doc.location().replaceFirst("^[a-z]+://(www\\.)?", "").replaceFirst("[/:?#].*", "");
        return !key.isEmpty() && (site != null && key.equals(siteKey(site)) || key.equals(siteKey(host)));
    }

    private static String siteKey(String name) {
        return name.toLowerCase(Locale.ROOT).replaceFirst("\\.(com|net|org|vn)(\\.vn)?$", "")
                .replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static String meta(Document doc, String query) {
        Element e = doc.selectFirst(query);
        return e == null ? null : e.attr("content");
    }

    private static String text(Element e) {
        return e == null ? null : e.text();
    }

    /** First non-blank value, trimmed. */
    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) return v.trim();
        }
        return null;
    }
}
