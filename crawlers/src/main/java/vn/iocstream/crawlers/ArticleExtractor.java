package vn.iocstream.crawlers;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import vn.iocstream.core.validation.RecordLimits;
import vn.iocstream.crawlers.extract.ArticleMetadata;
import vn.iocstream.crawlers.extract.ExtractionRules;
import vn.iocstream.crawlers.extract.MainContentExtractor;
import vn.iocstream.crawlers.extract.MetadataReader;
import vn.iocstream.crawlers.extract.Metas;
import vn.iocstream.crawlers.extract.PageIndex;

/**
 * Main text and metadata of a news page. Title, authors, outlet and times come from {@link MetadataReader} (the
 * outlet's rule, then JSON-LD, then meta tags, then the byline and dateline printed in the story, each validated);
 * the body from {@link MainContentExtractor} (block scoring, the lead put first, measured by {@code ioc eval
 * extract}), without the closing signature, whose names are the last source of authors; then the story's pictures
 * with captions, its tags and reader comments. An outlet's {@link ExtractionRules} rule, when it has one, decides the
 * fields it names; a selector that finds nothing leaves the field to the generic path.
 */
public final class ArticleExtractor {
    private final MainContentExtractor mainContent = new MainContentExtractor();
    /** Closing lines looked at for a signature: a reporter's name, then perhaps a credit "Theo TTXVN". */
    private static final int SIGNATURE_LINES = 2;

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
    private final RecordLimits limits;
    private final Clock clock;

    public ArticleExtractor() {
        this(ExtractionRules.NONE);
    }

    /** @param rules per-outlet selectors that override the generic extraction on their sites */
    public ArticleExtractor(ExtractionRules rules) {
        this(rules, RecordLimits.DEFAULT, Clock.systemUTC());
    }

    /**
     * @param limits the plausible window a page's time must fall in ({@code validation.minTime}, {@code
     *               validation.maxAheadSeconds}); a time outside it is passed over for the next source
     * @param clock  now, for that window and for relative datelines ("8 giờ trước")
     */
    public ArticleExtractor(ExtractionRules rules, RecordLimits limits, Clock clock) {
        this.rules = rules;
        this.limits = limits;
        this.clock = clock;
    }

    /** A reader comment under an article. {@code id} is the page's own id for it, or its 1-based position. */
    public record Comment(String id, String author, Instant postedAt, String text) {}

    /** A picture of the story: absolute URL and its caption (figcaption, else alt text; null when neither). */
    public record Image(String url, String caption) {}

    /**
     * What a page says about itself; title, outlet, publishedAt and modifiedAt may be null, text is empty when no
     * paragraphs were found, lists are empty when none.
     *
     * @param authors people or desks ("Theo X" credits as entries of their own), in page order
     * @param outlet  the publisher as the page names itself
     * @param sources which source won each metadata field, and where sources disagreed (debugging)
     */
    public record Article(String title, String text, List<String> authors, String outlet, Instant publishedAt,
                          Instant modifiedAt, List<Comment> comments, List<Image> images, List<String> tags, String sources) {
        public Article {
            authors = List.copyOf(authors);
        }

        /** The authors as one line ("Hà Thu, Minh Tâm"), or null when none. */
        public String author() {
            return authors.isEmpty() ? null : String.join(", ", authors);
        }
    }

    public Article extract(String html, String url) {
        return extract(Jsoup.parse(html, url));
    }

    /** As {@link #extract(String, String)} on a parsed page, which is taken apart in the process. */
    public Article extract(Document doc) {
        ExtractionRules.Rule rule = rules.forUrl(doc.location()).orElse(null);
        PageIndex index = PageIndex.of(doc);
        MetadataReader metadata = new MetadataReader(doc, index, rule, limits, clock.instant());
        Metas metas = metadata.metas();
        List<Comment> comments = comments(index);
        List<Image> images = images(doc, index, metas);
        List<String> tags = tags(doc, index, metas, rule);
        Elements ruleBody = rule == null || blank(rule.body()) ? new Elements() : doc.select(rule.body());
        // Last, because the generic path takes the page apart instead of copying it.
        String text = ruleBody.isEmpty() ? mainContent.textRemovingNoise(doc) : mainContent.text(ruleBody, rule.remove());
        // Vietnamese outlets sign the story with the reporter's name as its last, often bold, line.
        List<String> signature = new ArrayList<>();
        for (int i = 0; i < SIGNATURE_LINES; i++) {
            int lastLine = text.lastIndexOf('\n');
            if (lastLine <= 0) break;
            List<String> names = metadata.signature(text.substring(lastLine + 1));
            if (names.isEmpty()) break;
            signature.addAll(0, names);
            text = text.substring(0, lastLine);
        }
        ArticleMetadata m = metadata.read(signature);
        return new Article(m.title(), text, m.authors(), m.outlet(), m.publishedAt(), m.modifiedAt(), comments, images,
                tags, m.sources());
    }

    /**
     * The story's pictures: og:image first (the outlet's own choice of lead picture), then pictures in figures and in
     * the article, as absolute URLs, without logos, icons, tracking pixels and pictures of ads or other stories.
     */
    private static List<Image> images(Document doc, PageIndex index, Metas metas) {
        Map<String, Image> found = new LinkedHashMap<>();
        String og = absolute(doc, metas.first("og:image"));
        if (og != null && !NOT_A_PHOTO.matcher(og).find()) found.put(og, new Image(og, null));
        for (Element img : index.images()) {
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
    private static List<String> tags(Document doc, PageIndex index, Metas metas, ExtractionRules.Rule rule) {
        List<String> candidates = new ArrayList<>();
        if (rule != null && !blank(rule.tags())) doc.select(rule.tags()).forEach(e -> candidates.add(e.text()));
        if (candidates.isEmpty()) {
            candidates.addAll(metas.all("article:tag"));
            for (Element box : index.tagBoxes()) {
                if (box.closest(".comment, .comments") == null) box.getElementsByTag("a").forEach(a -> candidates.add(a.text()));
            }
            index.tagLinks().forEach(a -> candidates.add(a.text()));
        }
        if (candidates.isEmpty()) {
            String keywords = first(metas.first("keywords"), metas.first("news_keywords"));
            if (keywords != null) candidates.addAll(List.of(keywords.split("[,;]")));
        }
        Map<String, String> unique = new LinkedHashMap<>();
        for (String c : candidates) {
            String tag = c.replaceAll("[\\s\\u00a0]+", " ").replaceFirst("^#", "").trim();
            if (!tag.isEmpty() && tag.length() <= 80 && unique.size() < MAX_TAGS) unique.putIfAbsent(tag.toLowerCase(Locale.ROOT), tag);
        }
        return List.copyOf(unique.values());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Elements with class "comment"; nested replies are their own comments, each keeps only its own text. */
    private static List<Comment> comments(PageIndex index) {
        List<Comment> out = new ArrayList<>();
        List<Element> all = index.comments();
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
