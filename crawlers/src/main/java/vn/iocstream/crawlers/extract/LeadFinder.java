package vn.iocstream.crawlers.extract;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The lead (sapo) of a story: Vietnamese outlets print it in bold between the headline and the body, often as an
 * {@code h2} or a {@code p} outside the container that holds the paragraphs, where block scoring leaves it out. It is
 * the first block of prose after the headline when that block says it is a lead (class words such as "sapo",
 * "description", "summary"), repeats the page's description, or is a long {@code h2}.
 *
 * <p>Only on Vietnamese pages: there the sapo is the story's first paragraph, written as prose and printed with it in
 * the paper; the dek or standfirst of English-language pages is a display line under the headline, and the
 * article-extraction benchmark's reference texts leave it out.
 */
final class LeadFinder {
    private static final Pattern LEAD_CLASS = Pattern.compile("(^|[-_\\s])(sapo|chapo|lead|leadin|summary|description|desc|"
            + "intro|excerpt|standfirst|abstract|tom-?tat|mo-?ta|tomtat)([-_\\s]|$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern VIETNAMESE_LETTERS = Pattern.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u1EA0-\u1EF9]");
    /** Tags of inline text inside a block. */
    private static final Set<String> INLINE = Set.of("a", "span", "strong", "b", "em", "i", "u", "font", "small", "mark",
            "abbr", "cite", "q", "sup", "sub", "time", "br");
    /** Shorter own text is a label, a date or a name, passed over on the way to the lead. */
    private static final int MIN_LEAD_CHARS = 40;
    private static final int MAX_LEAD_CHARS = 1_000;
    /** An h2 this long after the headline is a lead even without a telling class. */
    private static final int MIN_H2_LEAD_CHARS = 60;
    /** Elements looked at after the headline before giving up. */
    private static final int LOOKAHEAD = 120;

    private LeadFinder() {}

    /** The lead's text, or null when the first prose after the headline is the body itself (or there is no headline). */
    static String find(Document page) {
        String ogTitle = meta(page, "og:title");
        Element title = StoryScope.titleElement(page, ogTitle);
        if (title == null || !vietnamese(page, title.text())) return null;
        String description = description(page);
        String[] lead = {null};
        NodeTraversor.filter(new NodeFilter() {
            private boolean afterTitle;
            private int seen;

            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element e)) return FilterResult.CONTINUE;
                if (e == title) {
                    afterTitle = true;
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (!afterTitle || INLINE.contains(e.normalName())) return FilterResult.CONTINUE;
                if (++seen > LOOKAHEAD) return FilterResult.STOP;
                if (ownText(e).length() < MIN_LEAD_CHARS) return FilterResult.CONTINUE;
                // The first prose after the headline: the lead, or the body itself.
                String text = MainContentExtractor.collapseWhitespace(e.text());
                boolean isLead = text.length() <= MAX_LEAD_CHARS && linkShare(e, text) <= 0.3 && looksLikeLead(e, text, description);
                lead[0] = isLead ? text : null;
                return FilterResult.STOP;
            }
        }, page);
        return lead[0];
    }

    /** Declared so ({@code <html lang="vi">}, og:locale vi_VN), or a headline with letters only Vietnamese uses. */
    private static boolean vietnamese(Document page, String headline) {
        Element html = page.selectFirst("html");
        String lang = html == null ? "" : html.attr("lang");
        String locale = meta(page, "og:locale");
        if (lang.regionMatches(true, 0, "vi", 0, 2) || locale != null && locale.regionMatches(true, 0, "vi", 0, 2)) return true;
        return VIETNAMESE_LETTERS.matcher(headline).find();
    }

    private static boolean looksLikeLead(Element e, String text, String description) {
        for (Element a = e; a != null && a != e.ownerDocument().body(); a = a.parent()) {
            String hints = a.className() + " " + a.id();
            if (!hints.isBlank() && LEAD_CLASS.matcher(hints).find()) return true;
            if (a.parent() != null && a.parent().children().size() > 1) break; // only the lead's own wrappers
        }
        if (description != null && description.length() >= MIN_LEAD_CHARS && sameProse(text, description)) return true;
        return e.nameIs("h2") && text.length() >= MIN_H2_LEAD_CHARS;
    }

    /** Equal, or one the start of the other (descriptions are cut, or carry " - Outlet" at the end). */
    private static boolean sameProse(String text, String description) {
        String d = (description.endsWith("...") ? description.substring(0, description.length() - 3)
                : description.endsWith("…") ? description.substring(0, description.length() - 1) : description).strip();
        return text.equals(d) || d.length() >= 60 && text.startsWith(d) || text.length() >= 60 && d.startsWith(text);
    }

    /** Text held by the element itself: its text nodes and inline children, not its child blocks. */
    private static String ownText(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t) sb.append(t.text());
            else if (child instanceof Element c && INLINE.contains(c.normalName())) sb.append(c.text());
        }
        return sb.toString().strip();
    }

    private static double linkShare(Element e, String text) {
        int links = 0;
        for (Element a : e.getElementsByTag("a")) links += a.text().length();
        return text.isEmpty() ? 0 : (double) links / text.length();
    }

    private static String description(Document page) {
        String d = meta(page, "og:description");
        return MainContentExtractor.collapseWhitespace(d != null ? d : meta(page, "description") == null ? "" : meta(page, "description"));
    }

    private static String meta(Document page, String key) {
        if (page.head() == null) return null;
        for (Element m : page.head().getElementsByTag("meta")) {
            if ((m.attr("property").equalsIgnoreCase(key) || m.attr("name").equalsIgnoreCase(key)) && !m.attr("content").isBlank()) {
                return m.attr("content").strip();
            }
        }
        return null;
    }
}
