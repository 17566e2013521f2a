package vn.iocstream.crawlers.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The elements the article extractor reads, found in one walk over the page: its headlines, JSON-LD blocks, meta
 * tags, pictures, tag boxes and tag links, reader comments, and the bylines, datelines and credits it prints, with
 * their positions in document order. A page is thousands of elements and a handful of them are read, so one walk
 * serves all (a selector or a tag search per field walks the whole page each time), and class attributes are split
 * and matched only when they hold a telling word.
 */
public final class PageIndex {
    /** What an element prints where the story's metadata is read. */
    enum Printed { NONE, DATELINE, BYLINE, CREDIT }

    /** A printed byline, dateline or credit and its position in document order. */
    record Found(Element element, int position, Printed kind) {}

    /** Classes of tag boxes, whose links are the tags. */
    private static final Set<String> TAG_BOXES = Set.of("tags", "tag", "tags-list", "keywords", "tag-list", "box-tag", "the-tags");
    /** Class words of a printed publication time: "post-time", "detail-time", "publish-date", "ngay-dang". */
    private static final Pattern DATE_CLASS = Pattern.compile(
            "(^|[-_])(date|time|datetime|dateline|publish\\w*|posted|pubdate|ngay-?dang|thoi-?gian|ngay-?gio)([-_]|$)");
    /** Class words of a byline: "author-info", "detail-author", "article-detail-author__info", "author_mail". */
    private static final Pattern BYLINE_CLASS = Pattern.compile(
            "(^|[-_])(author|authors|byline|tac-?gia|tacgia|writer|reporter|phong-?vien|nguoi-?viet)([-_]|$)");
    /** Classes beside an author word that are not the name: the avatar, the time, the follow button. */
    private static final Pattern NOT_NAME_CLASS = Pattern.compile("avatar|img|image|photo|thumb|time|date|bio|follow|social|"
            + "share|count|icon|logo|more|list|box-?news");
    /** Class words of a credit printed on its own: "source", "nguon" ("Theo Nhịp sống thị trường", "Nguồn: TTXVN"). */
    private static final Pattern CREDIT_CLASS = Pattern.compile("(^|[-_])(source|nguon|nguon-?tin)([-_]|$)");
    /** Fragments of every word the class tests above look for, tested before any class is split. */
    private static final List<String> TELLING_CLASS_WORDS = List.of("date", "time", "publish", "posted", "ngay", "gian", "gio",
            "author", "byline", "tac", "writer", "reporter", "phong", "viet", "source", "nguon", "tag", "keyword", "comment");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final List<Element> h1s = new ArrayList<>();
    private final List<Element> jsonLd = new ArrayList<>();
    private final List<Element> metas = new ArrayList<>();
    private final Set<Element> headMetas = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Element> images = new ArrayList<>();
    private final List<Element> tagBoxes = new ArrayList<>();
    private final List<Element> tagLinks = new ArrayList<>();
    private final List<Element> comments = new ArrayList<>();
    private final List<Found> printed = new ArrayList<>();
    private final Map<Element, Integer> positions = new IdentityHashMap<>();

    private PageIndex() {}

    public static PageIndex of(Document doc) {
        PageIndex index = new PageIndex();
        NodeTraversor.traverse(new NodeVisitor() {
            private int position;
            private boolean inHead;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) index.add(e, ++position, inHead);
                if (node instanceof Element e && e.nameIs("head")) inHead = true;
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.nameIs("head")) inHead = false;
            }
        }, doc);
        return index;
    }

    private void add(Element e, int position, boolean inHead) {
        switch (e.normalName()) {
            case "h1" -> {
                h1s.add(e);
                positions.put(e, position);
            }
            case "meta" -> {
                metas.add(e);
                if (inHead) headMetas.add(e);
                return;
            }
            case "script" -> {
                if (e.attr("type").trim().equalsIgnoreCase("application/ld+json")) jsonLd.add(e);
                return;
            }
            case "img" -> images.add(e);
            case "time" -> {
                printed.add(new Found(e, position, Printed.DATELINE));
                return;
            }
            case "link", "style" -> {
                return;
            }
            default -> { }
        }
        if (e.attributesSize() == 0) return;
        // The parser lower-cases attribute names, so exact-case look-ups are enough (and cheaper).
        Attributes attributes = e.attributes();
        if (e.nameIs("a") && attributes.get("rel").equalsIgnoreCase("tag")) tagLinks.add(e);
        Printed kind = byAttributes(attributes);
        String classes = attributes.get("class").toLowerCase(Locale.ROOT);
        if (!classes.isEmpty() && mayTell(classes)) {
            String[] words = SPACES.split(classes.strip());
            if (kind == Printed.NONE) kind = byClass(words);
            for (String c : words) {
                if (TAG_BOXES.contains(c)) tagBoxes.add(e);
                if (c.equals("comment")) comments.add(e);
            }
        }
        if (kind != Printed.NONE) printed.add(new Found(e, position, kind));
    }

    private static Printed byAttributes(Attributes attributes) {
        String itemprop = attributes.get("itemprop");
        if (itemprop.equalsIgnoreCase("datePublished")) return Printed.DATELINE;
        if (itemprop.equalsIgnoreCase("author") || attributes.get("rel").equalsIgnoreCase("author")) return Printed.BYLINE;
        String role = attributes.get("data-role");
        if (role.equalsIgnoreCase("publishdate")) return Printed.DATELINE;
        if (role.equalsIgnoreCase("source")) return Printed.CREDIT;
        return Printed.NONE;
    }

    private static Printed byClass(String[] words) {
        for (String c : words) {
            if (DATE_CLASS.matcher(c).find()) return Printed.DATELINE;
        }
        for (String c : words) {
            if (BYLINE_CLASS.matcher(c).find() && !NOT_NAME_CLASS.matcher(c).find()) return Printed.BYLINE;
            if (CREDIT_CLASS.matcher(c).find()) return Printed.CREDIT;
        }
        return Printed.NONE;
    }

    /** What {@code e} prints, judged as the walk judges it (for an element met outside the walk). */
    static Printed printed(Element e) {
        if (e.nameIs("time")) return Printed.DATELINE;
        if (e.attributesSize() == 0) return Printed.NONE;
        Printed kind = byAttributes(e.attributes());
        String classes = e.attributes().get("class").toLowerCase(Locale.ROOT);
        return kind != Printed.NONE || classes.isEmpty() || !mayTell(classes) ? kind : byClass(SPACES.split(classes.strip()));
    }

    private static boolean mayTell(String classes) {
        for (String word : TELLING_CLASS_WORDS) {
            if (classes.contains(word)) return true;
        }
        return false;
    }

    List<Element> h1s() {
        return h1s;
    }

    List<Element> jsonLd() {
        return jsonLd;
    }

    List<Element> metas() {
        return metas;
    }

    Set<Element> headMetas() {
        return headMetas;
    }

    List<Found> printed() {
        return printed;
    }

    /** Position in document order of an h1, or -1. */
    int position(Element h1) {
        return h1 == null ? -1 : positions.getOrDefault(h1, -1);
    }

    /** Every {@code img}, in page order. */
    public List<Element> images() {
        return images;
    }

    /** Elements with a tag-box class ("tags", "keywords", …), in page order. */
    public List<Element> tagBoxes() {
        return tagBoxes;
    }

    /** Links marked {@code rel=tag}, in page order. */
    public List<Element> tagLinks() {
        return tagLinks;
    }

    /** Elements with class "comment" (replies included), in page order. */
    public List<Element> comments() {
        return comments;
    }
}
