package vn.iocstream.crawlers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import vn.iocstream.crawlers.extract.ExtractionRules;
import vn.iocstream.crawlers.extract.MainContentExtractor;

/**
 * Main text and metadata of a news page: title, author and time from og/meta/JSON-LD (else the visible dateline),
 * the body from {@link MainContentExtractor} (block scoring, measured by {@code ioc eval extract}), the story's
 * pictures with captions, its tags and reader comments. An outlet's {@link ExtractionRules} rule, when it has one,
 * decides the fields it names; a selector that finds nothing leaves the field to the generic path.
 */
public final class ArticleExtractor {
    private final MainContentExtractor mainContent = new MainContentExtractor();
    /** Real JSON-LD is often invalid JSON (trailing commas, raw newlines), so the one field needed is found by pattern. */
    private static final Pattern JSON_LD_PUBLISHED = Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]+)\"");

    /** A closing line of two to five capitalised words, such as "Lê Phương" or "Minh Tâm - Quốc Huy". */
    private static final Pattern SIGNATURE = Pattern.compile("\\p{Lu}[\\p{L}.]*(?:\\s+(?:-\\s+)?\\p{Lu}[\\p{L}.]*){1,4}");

    /** Elements that print the publication time as text ("Thứ năm, 25/1/2024, 09:49 (GMT+7)"), in CMS naming habits. */
    private static final String VISIBLE_DATES = ".date, .time, .datetime, .date-time, .publish-date, .published, "
            + ".post-date, .article-date, .detail-time, .time-update, .ngay-dang, .dateline, [itemprop=datePublished]";
    /** Classes of tag boxes, whose links are the tags. */
    private static final Set<String> TAG_BOXES = Set.of("tags", "tag", "tags-list", "keywords", "tag-list", "box-tag", "the-tags");
    /** Where the story's pictures sit. */
    private static final String STORY_PICTURES = "figure, article, [itemprop=articleBody], picture";
    /** Containers whose pictures are not the story's: site chrome, ads, related stories, comments, avatars. */
    private static final Pattern NOT_STORY_PICTURES = Pattern.compile(
            "(^|[-_\\s])(logo|icons?|avatar|ads?|advert\\w*|banner|sponsor\\w*|quang-?cao|related|lien-?quan|"
                    + "comments?|binh-?luan|share|social|nav\\w*)([-_\\s]|$)", Pattern.CASE_INSENSITIVE);
    /** File names of site chrome and trackers: logos, icons, spacers, 1×1 pixels. */
    private static final Pattern NOT_A_PHOTO = Pattern.compile(
            "(logo|icon|favicon|sprite|spacer|blank|pixel|tracking|avatar|placeholder|loading)[^/]*$|\\.svg(\\?.*)?$|^data:",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_IMAGES = 30;
    private static final int MAX_TAGS = 30;

    private final ExtractionRules rules;

    public ArticleExtractor() {
        this(ExtractionRules.NONE);
    }

    /** @param rules per-outlet selectors that override the generic extraction on their sites */
    public ArticleExtractor(ExtractionRules rules) {
        this.rules = rules;
    }

    /** A reader comment under an article. {@code id} is the page's own id for it, or its 1-based position. */
    public record Comment(String id, String author, Instant postedAt, String text) {}

    /** A picture of the story: absolute URL and its caption (figcaption, else alt text; null when neither). */
    public record Image(String url, String caption) {}

    /**
     * What a page says about itself; any of title, author and publishedAt may be null, text is empty when no
     * paragraphs were found, lists are empty when none.
     */
    public record Article(String title, String text, String author, Instant publishedAt, List<Comment> comments,
                          List<Image> images, List<String> tags) {}

    public Article extract(String html, String url) {
        Document doc = Jsoup.parse(html, url);
        Map<String, List<String>> metas = metas(doc);
        ExtractionRules.Rule rule = rules.forUrl(url).orElse(null);
        String title = first(selected(doc, rule == null ? null : rule.title()),
                meta(metas, "og:title"), text(doc.selectFirst("h1")), doc.title());
        String siteAuthor = meta(metas, "author");
        if (siteAuthor != null && isSiteName(doc, metas, siteAuthor)) siteAuthor = null;
        String ruleAuthor = selected(doc, rule == null ? null : rule.author());
        String author = first(ruleAuthor, siteAuthor, text(doc.selectFirst(".author, .byline")), text(doc.selectFirst("[rel=author]")));
        Instant published = rule == null || blank(rule.date()) ? null : dateIn(doc.selectFirst(rule.date()));
        if (published == null) published = publishedAt(doc, metas);
        List<Comment> comments = comments(doc);
        List<Image> images = images(doc, metas);
        List<String> tags = tags(doc, metas, rule);
        Elements ruleBody = rule == null || blank(rule.body()) ? new Elements() : doc.select(rule.body());
        // Last, because the generic path takes the page apart instead of copying it.
        String text = ruleBody.isEmpty() ? mainContent.textRemovingNoise(doc) : mainContent.text(ruleBody, rule.remove());
        int lastLine = text.lastIndexOf('\n');
        if (lastLine > 0 && SIGNATURE.matcher(text.substring(lastLine + 1)).matches()) {
            // Vietnamese outlets sign the story with the reporter's name as its last, bold line.
            if (ruleAuthor == null && (author == null || isSiteName(doc, metas, author))) author = text.substring(lastLine + 1);
            text = text.substring(0, lastLine);
        }
        return new Article(title, text, author, published, comments, images, tags);
    }

    private static Instant publishedAt(Document doc, Map<String, List<String>> metas) {
        for (Element script : doc.getElementsByTag("script")) {
            if (!script.attr("type").trim().equalsIgnoreCase("application/ld+json")) continue;
            Matcher m = JSON_LD_PUBLISHED.matcher(script.data());
            if (m.find()) {
                Instant t = Dates.parse(m.group(1));
                if (t != null) return t;
            }
        }
        Instant t = Dates.parse(first(meta(metas, "article:published_time"), meta(metas, "datepublished")));
        if (t != null) return t;
        Element time = doc.selectFirst("article time[datetime], time[datetime]");
        t = time == null ? null : Dates.parse(time.attr("datetime"));
        if (t != null) return t;
        // Pages without machine-readable dates print them: "Thứ năm, 25/1/2024, 09:49 (GMT+7)", "09:49 25/01/2024".
        for (Element e : doc.select(VISIBLE_DATES)) {
            if (e.closest(".comment, .comments") != null) continue; // a reader's time, not the article's
            t = dateIn(e);
            if (t != null) return t;
        }
        return null;
    }

    /** A time element's machine-readable attribute, else its visible text. */
    private static Instant dateIn(Element e) {
        if (e == null) return null;
        Instant t = Dates.parse(first(e.attr("datetime"), e.attr("content")));
        return t != null ? t : Dates.parse(e.text());
    }

    /**
     * The story's pictures: og:image first (the outlet's own choice of lead picture), then pictures in figures and in
     * the article, as absolute URLs, without logos, icons, tracking pixels and pictures of ads or other stories.
     */
    private static List<Image> images(Document doc, Map<String, List<String>> metas) {
        Map<String, Image> found = new LinkedHashMap<>();
        String og = absolute(doc, meta(metas, "og:image"));
        if (og != null && !NOT_A_PHOTO.matcher(og).find()) found.put(og, new Image(og, null));
        for (Element img : doc.getElementsByTag("img")) {
            if (found.size() >= MAX_IMAGES) break;
            if (img.closest(STORY_PICTURES) == null) continue;
            String src = absolute(doc, first(img.attr("data-src"), img.attr("data-original"), img.attr("data-lazy-src"),
                    img.attr("src").startsWith("data:") ? null : img.attr("src")));
            if (src == null || NOT_A_PHOTO.matcher(src).find() || tiny(img) || inChrome(img)) continue;
            Element figure = img.closest("figure");
            String caption = first(figure == null ? null : text(figure.selectFirst("figcaption")), img.attr("alt"));
            Image known = found.get(src);
            if (known == null || known.caption() == null) found.put(src, new Image(src, caption));
        }
        return List.copyOf(found.values());
    }

    /** Declared 1×1 … 50×50: tracking pixels and icons. */
    private static boolean tiny(Element img) {
        return img.attr("width").matches("\\d+") && Integer.parseInt(img.attr("width")) <= 50
                || img.attr("height").matches("\\d+") && Integer.parseInt(img.attr("height")) <= 50;
    }

    private static boolean inChrome(Element img) {
        for (Element e = img; e != null; e = e.parent()) {
            if (e.nameIs("header") || e.nameIs("nav") || e.nameIs("footer") || e.nameIs("aside")) return true;
            String hints = e.className() + " " + e.id();
            if (!hints.isBlank() && NOT_STORY_PICTURES.matcher(hints).find()) return true;
        }
        return false;
    }

    private static String absolute(Document doc, String url) {
        if (url == null || url.isBlank()) return null;
        String base = doc.location();
        try {
            return base.isEmpty() ? url.trim() : java.net.URI.create(base).resolve(url.trim().replace(" ", "%20")).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Tags: the outlet rule's, else article:tag metas and tag links, else meta keywords (often the same words, so
     * duplicates are dropped ignoring case).
     */
    private static List<String> tags(Document doc, Map<String, List<String>> metas, ExtractionRules.Rule rule) {
        List<String> candidates = new ArrayList<>();
        if (rule != null && !blank(rule.tags())) doc.select(rule.tags()).forEach(e -> candidates.add(e.text()));
        if (candidates.isEmpty()) {
            candidates.addAll(metas.getOrDefault("article:tag", List.of()));
            for (Element box : withClass(doc, TAG_BOXES)) {
                if (box.closest(".comment, .comments") == null) box.getElementsByTag("a").forEach(a -> candidates.add(a.text()));
            }
            doc.select("a[rel=tag]").forEach(a -> candidates.add(a.text()));
        }
        if (candidates.isEmpty()) {
            String keywords = first(meta(metas, "keywords"), meta(metas, "news_keywords"));
            if (keywords != null) candidates.addAll(List.of(keywords.split("[,;]")));
        }
        Map<String, String> unique = new LinkedHashMap<>();
        for (String c : candidates) {
            String tag = c.replaceAll("[\\s\\u00a0]+", " ").replaceFirst("^#", "").trim();
            if (!tag.isEmpty() && tag.length() <= 80 && unique.size() < MAX_TAGS) unique.putIfAbsent(tag.toLowerCase(Locale.ROOT), tag);
        }
        return List.copyOf(unique.values());
    }

    /**
     * Elements carrying any of the classes, in page order. One walk over the elements that have a class: a selector
     * ".a, .b, …" tests every alternative on every element, and for "… a" every link's ancestors too.
     */
    private static List<Element> withClass(Document doc, Set<String> classes) {
        List<Element> found = new ArrayList<>();
        for (Element e : doc.getElementsByAttribute("class")) {
            for (String c : e.classNames()) {
                if (classes.contains(c)) {
                    found.add(e);
                    break;
                }
            }
        }
        return found;
    }

    private static String selected(Document doc, String selector) {
        return blank(selector) ? null : text(doc.selectFirst(selector));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
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
    private static boolean isSiteName(Document doc, Map<String, List<String>> metas, String name) {
        String key = siteKey(name);
        String site = meta(metas, "og:site_name");
        String host = doc.location().replaceFirst("^[a-z]+://(www\\.)?", "").replaceFirst("[/:?#].*", "");
        return !key.isEmpty() && (site != null && key.equals(siteKey(site)) || key.equals(siteKey(host)));
    }

    private static String siteKey(String name) {
        return name.toLowerCase(Locale.ROOT).replaceFirst("\\.(com|net|org|vn)(\\.vn)?$", "")
                .replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /**
     * Every meta tag's content by its property, name or itemprop (lower case), read in one pass: a selector per
     * field would walk the whole page each time, and pages are mostly markup.
     */
    private static Map<String, List<String>> metas(Document doc) {
        Map<String, List<String>> metas = new HashMap<>();
        for (Element m : doc.getElementsByTag("meta")) {
            String key = first(m.attr("property"), m.attr("name"), m.attr("itemprop"));
            if (key != null && m.hasAttr("content")) {
                metas.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(m.attr("content"));
            }
        }
        return metas;
    }

    /** The first non-blank content of a meta key, or null. */
    private static String meta(Map<String, List<String>> metas, String key) {
        return first(metas.getOrDefault(key, List.of()).toArray(String[]::new));
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
