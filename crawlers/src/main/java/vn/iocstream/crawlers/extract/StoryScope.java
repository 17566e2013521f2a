package vn.iocstream.crawlers.extract;

import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import vn.iocstream.core.geo.VietnameseKeys;

/**
 * Which parts of a page belong to its story. A byline or a dateline is read only from the story: pages also print
 * the times and authors of related stories, most-read lists, comments and a clock in the site header, and a date
 * taken from one of those is wrong while looking right.
 */
final class StoryScope {
    /** Containers of other stories and of site chrome, by class or id words (English and Vietnamese). */
    private static final Pattern ELSEWHERE = Pattern.compile("(^|[-_\\s])(related|relate|relates|lien-?quan|tin-?lien-?quan|"
            + "tinlienquan|tin-?khac|tin-?cung|cung-?chuyen-?muc|xem-?them|doc-?them|doc-?nhieu|xem-?nhieu|most-?\\w*|"
            + "tieu-?diem|noi-?bat|sidebar|side-?bar|comments?|binh-?luan|box-?news|list-?news|news-?list|item-?news|"
            + "news-?item|story-?item|teasers?|recommend\\w*|suggest\\w*|more-?news|other-?news|footer|menu|nav\\w*|"
            + "widget|site-?header|top-?bar|topbar|masthead|tin-?moi|latest|trending|"
            + "rightcol|right-?col|col-?right|aside)([-_\\s]|$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** What two addresses of one page may differ by: scheme, www, query, fragment, trailing slash. */
    private static final Pattern NOT_ADDRESS = Pattern.compile("^[a-z]+://(www\\.)?|[?#].*$|/+$");
    /** A link this long is a headline: its box is a teaser of another story. */
    private static final int HEADLINE_LINK_CHARS = 30;
    /** How far up a teaser box is looked for: a dateline's own box is small, a teaser's too. */
    private static final int TEASER_BOX_CHARS = 400;

    private final Document doc;
    private final Element title;
    private final String page;

    /** @param title the page's title element (its h1), or null when it has none */
    StoryScope(Document doc, Element title) {
        this.doc = doc;
        this.title = title;
        this.page = address(doc.location());
    }

    /** The page's headline element: the h1 whose text is the title, else the first h1 outside the site's chrome. */
    static Element titleElement(Document doc, String title) {
        return titleElement(doc.getElementsByTag("h1"), title);
    }

    /** As {@link #titleElement(Document, String)}, among the page's h1 elements. */
    static Element titleElement(List<Element> h1s, String title) {
        String key = title == null ? "" : SPACES.matcher(VietnameseKeys.fold(title)).replaceAll(" ").strip();
        Element first = null;
        for (Element h1 : h1s) {
            String text = VietnameseKeys.fold(h1.text()).strip();
            if (text.isEmpty()) continue;
            if (!key.isEmpty() && (key.equals(text) || key.startsWith(text) && text.length() >= 15)) return h1;
            if (first == null && h1.closest("header, nav, footer, aside") == null && text.length() >= 15) first = h1;
        }
        return first;
    }

    Element title() {
        return title;
    }

    /**
     * True when {@code e} belongs to the story: not inside chrome (header, nav, footer, aside tags that do not hold the
     * headline), not in a box of other stories or comments by its class, and not in a teaser box (a small box with a
     * headline-long link to another page).
     */
    boolean inStory(Element e) {
        for (Element a = e; a != null && a != doc.body(); a = a.parent()) {
            if (a != e && containsTitle(a)) break; // the story's own container
            if (a.nameIs("nav") || a.nameIs("footer") || a.nameIs("aside") || a.nameIs("header") && !containsTitle(a)) return false;
            String hints = a.className() + " " + a.id();
            if (!hints.isBlank() && ELSEWHERE.matcher(hints).find()) return false;
            if (a.nameIs("article") && title != null && !containsTitle(a) && a.parent() != null && a.parent().closest("article") != null) {
                return false; // a story card nested in the page's article
            }
        }
        return !inTeaser(e);
    }

    /**
     * The element's text (whitespace runs as one space, trimmed), or null when it is longer than {@code max}: read
     * only as far as needed, as a box may hold the whole page.
     */
    static String textUpTo(Element e, int max) {
        StringBuilder sb = new StringBuilder();
        boolean[] tooLong = {false};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    sb.append(t.getWholeText());
                    // Whitespace is counted loosely first; the exact test runs only on a long run of text.
                    if (sb.length() > 4 * max + 64 && MainContentExtractor.collapseWhitespace(sb.toString()).length() > max) {
                        tooLong[0] = true;
                        return FilterResult.STOP;
                    }
                } else if (node instanceof Element el && el.isBlock()) {
                    sb.append(' ');
                }
                return FilterResult.CONTINUE;
            }
        }, e);
        if (tooLong[0]) return null;
        String text = MainContentExtractor.collapseWhitespace(sb.toString());
        return text.length() > max ? null : text;
    }

    private boolean inTeaser(Element e) {
        for (Element box = e.parent(); box != null && box != doc.body(); box = box.parent()) {
            if (textUpTo(box, TEASER_BOX_CHARS) == null) return false;

            if (containsTitle(box)) return false;
            for (Element link : box.getElementsByTag("a")) {
                if (link.text().length() >= HEADLINE_LINK_CHARS && !link.attr("href").isBlank()
                        && !address(link.absUrl("href")).equals(page)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean containsTitle(Element a) {
        return title != null && isAncestorOf(a, title);
    }

    private static boolean isAncestorOf(Element a, Element e) {
        for (Element p = e; p != null; p = p.parent()) if (p == a) return true;
        return false;
    }

    private static String address(String url) {
        return url == null ? "" : NOT_ADDRESS.matcher(url).replaceAll("");
    }
}
