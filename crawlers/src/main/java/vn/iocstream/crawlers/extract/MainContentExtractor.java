package vn.iocstream.crawlers.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The main text of a page, as paragraphs, by block scoring in the manner of Readability: boilerplate is
 * removed by tag and by class/id hints (English and Vietnamese), every paragraph-like block scores its
 * parent and grandparent by its length and commas, scores are discounted by link density, and the best
 * container is kept with those of its siblings that score close to it. Inside the kept containers,
 * link-dense lists and boxes are dropped, and paragraphs, headings, list items and quotes are kept. The lead (sapo),
 * often printed outside that container, is found apart ({@link LeadFinder}) and put first; inline links keep their
 * words whatever their class.
 */
public final class MainContentExtractor {
    /** Elements never part of a story, whatever their text: code, embeds, chrome, forms, hidden elements. */
    private static final Set<String> ALWAYS_NOISE = Set.of("script", "style", "noscript", "template", "iframe", "svg",
            "canvas", "nav", "aside", "footer", "button", "select", "input", "textarea");
    private static final Pattern DISPLAY_NONE = Pattern.compile("display:\\s*none");
    /** Class or id words of boilerplate: navigation, sharing, related links, comments, ads, bylines. */
    private static final Pattern NEGATIVE = Pattern.compile(
            "(^|[-_\\s])(nav|navbar|menu|breadcrumbs?|sidebar|side-bar|widget|footer|masthead|comments?|commentlist|"
                    + "disqus|reply|respond|share|sharing|social|sns|related|relate|recommend(ed|ations)?|more-?stories|"
                    + "read-?more|promo|sponsor(ed)?|ads?|advert(isement)?|banner|outbrain|taboola|newsletter|subscribe|"
                    + "signup|popup|modal|cookie|consent|tags|tagcloud|author-?bio|byline|author|meta|print|toolbar|"
                    + "pagination|pager|rating|skip|hidden|date|dateline|timestamp|captions?|credits?|gallery|slideshow|"
                    + "carousel|slider|swiper|teasers?|"
                    + "tin-?lien-?quan|lien-?quan|tin-?khac|doc-?them|xem-?them|binh-?luan|chia-?se|quang-?cao|"
                    + "box-?tinlienquan|tinlienquan|tieu-?diem|doc-?nhieu|xem-?nhieu)([-_\\s]|$)",
            Pattern.CASE_INSENSITIVE);
    /** Class or id words of the story itself. */
    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|main|page|post|text|blog|story|detail|noi-?dung|chi-?tiet|fck|cms",
            Pattern.CASE_INSENSITIVE);
    /** Lines that are only a widget's label: "Advertisement", "Comments", "Tags", "Quảng cáo", "Xem thêm". */
    private static final Pattern LABEL_LINE = Pattern.compile(
            "(advert(isement)?|ads?|sponsored|comments?|tags?|caption|close|share( this)?|print|email|"
                    + "read more|more|continue reading|related|quảng cáo|bình luận|chia sẻ|xem thêm|đọc thêm|"
                    + "tin liên quan|từ khóa)[\\s:.…]*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Short calls to action after a story: newsletters, subscriptions, follow-us prompts. */
    private static final Pattern PROMPT_LINE = Pattern.compile(
            "\\b(subscri(be|ptions?)|newsletters?|sign up|inbox|join our|"
                    + "follow (us|him|her|me|\\w+ on (twitter|facebook|instagram))|"
                    // Not "đăng ký" alone: stories are full of it ("đăng ký xe", "đăng ký kinh doanh").
                    + "đăng ký (nhận|theo dõi|kênh|để nhận)|theo dõi (chúng tôi|báo|kênh|fanpage|trang))\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    /** Picture credits left beside the text: "Photo: Hau Dinh, AP", "Ảnh: Ngọc Thành", "… | Getty Images". */
    private static final Pattern CREDIT_LINE = Pattern.compile(
            "((photo|image|picture|credit|ảnh)s?( by)?\\s*[:/].*|.*\\b(getty images|shutterstock|istock(photo)?)\\b.*)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    /**
     * Datelines and credits of the story's making: "Updated at 1:23 p.m.", "Cập nhật 09:49", "… contributed reporting";
     * a Vietnamese line only with a time after the label ("Cập nhật thông tin…" is a sentence).
     */
    private static final Pattern DATELINE = Pattern.compile(
            "((posted|published|updated|last updated)\\b.*|(cập nhật|đăng ngày|đăng lúc|ngày đăng)\\s*:?\\s*(lúc\\s*)?\\d.*"
                    + "|.*\\b(contributed reporting|additional reporting|reading time|min(ute)?s? read)\\b.*)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    /**
     * A line that is only a printed time, as datelines stand above a story: "Thứ Bảy, 07/03/2026 - 13:15", "08:01 |
     * 07/03/2026", "7/3/2026, 08:01 (GMT+7)".
     */
    private static final Pattern TIME_ONLY_LINE = Pattern.compile("((thứ\\s+\\p{L}+|chủ nhật)\\s*,?\\s*)?(ngày\\s*)?"
            + "(\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4}\\s*[,|-]?\\s*(\\d{1,2}[:h]\\d{2}(\\s*(AM|PM|SA|CH))?)?"
            + "|\\d{1,2}[:h]\\d{2}\\s*[,|-]?\\s*(ngày\\s*)?\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4})\\s*(\\(?(GMT|UTC)\\s*[+-]\\d{1,2}\\)?)?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Pointers to other stories and tag lists inside the text: "Read more: …", "Xem thêm: …", "Từ khóa: …". */
    private static final Pattern POINTER_LINE = Pattern.compile(
            "\\(?(read (more|also)|see also|also|related|more|tags?|topics|keywords|"
                    + "xem thêm|đọc thêm|tin liên quan|từ khóa)\\s*:.*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "li", "ul", "ol", "dl",
            "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th", "tbody",
            "figure", "figcaption", "header", "br", "hr", "center", "address", "form", "fieldset", "details", "summary");
    private static final Set<String> SCORED = Set.of("p", "pre", "td", "blockquote");
    /** Inline tags: inside a sentence they are part of it. */
    private static final Set<String> INLINE = Set.of("a", "span", "strong", "b", "em", "i", "u", "font", "small", "mark",
            "abbr", "cite", "q", "sup", "sub", "time", "label");
    /** Class words of what is hidden or paid for even inside a sentence. */
    private static final Pattern HIDDEN = Pattern.compile("(^|[-_\\s])(hidden|hide|sr-only|ads?|advert\\w*)([-_\\s]|$)",
            Pattern.CASE_INSENSITIVE);
    /** Headings and prose blocks lying between two kept parts of the story are part of it. */
    private static final Set<String> BETWEEN = Set.of("p", "h2", "h3", "h4", "h5", "h6", "blockquote");
    private static final Set<String> BOXES = Set.of("div", "section", "ul", "ol", "dl", "table", "form", "header", "figure");
    private static final int MIN_BLOCK = 25;

    /** Paragraphs of the main content joined by newlines; empty when the page has none. The page is left as it was. */
    public String text(Document page) {
        return textRemovingNoise(page.clone());
    }

    /**
     * {@link #text(Document)} without the copy: the noise is removed from {@code page} itself, so a caller that reads
     * the page afterwards must not use this. Copying a 100 KB page costs about a quarter of parsing it.
     */
    public String textRemovingNoise(Document page) {
        Element body = page.body();
        if (body == null) return "";
        String lead = LeadFinder.find(page);
        outermost(body, MainContentExtractor::alwaysNoise).forEach(Element::remove);
        removeByHints(body);
        removeNestedArticles(body);
        Element top = bestCandidate(body);
        if (top == null) return "";
        return withLead(lead, paragraphs(withContinuations(body, top, withSiblings(top))));
    }

    /**
     * Paragraphs of containers chosen by an outlet's own rule (CSS selectors), cleaned as the generic path cleans
     * the container it finds: hidden and script elements, link-dense boxes, captions and boilerplate lines go.
     *
     * @param drop CSS selector of what the outlet puts inside its body and is not the story, or null
     */
    public String text(List<Element> containers, String drop) {
        Document page = containers.isEmpty() ? null : containers.get(0).ownerDocument();
        String lead = page == null ? null : LeadFinder.find(page);
        List<Element> copies = new ArrayList<>();
        for (Element e : containers) {
            // Wrapped, so that a container which itself matches the noise selector can be removed from its copy.
            Element copy = new Element("div").appendChild(e.clone());
            outermost(copy, MainContentExtractor::alwaysNoise).forEach(Element::remove);
            if (drop != null && !drop.isBlank()) copy.select(drop).remove();
            copies.add(copy);
        }
        return withLead(lead, paragraphs(copies));
    }

    /** The lead as the first paragraph, unless the text already holds it. */
    private static String withLead(String lead, String text) {
        if (lead == null || lead.isEmpty() || text.isEmpty() || text.contains(lead) || boilerplateLine(lead)) return text;
        return lead + "\n" + text;
    }

    private static String paragraphs(List<Element> kept) {
        StringBuilder out = new StringBuilder();
        for (Element e : kept) {
            // The title is the article's own field; captions describe pictures, not the story.
            e.select("h1, figcaption").remove();
            cleanBoxes(e);
            appendText(e, out);
            out.append('\n');
        }
        List<String> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            String t = collapseWhitespace(line);
            if (!t.isEmpty() && !boilerplateLine(t)) lines.add(t);
        }
        return String.join("\n", lines);
    }

    /**
     * As {@code line.replaceAll("[\\ufeff\\u200b]", "").replaceAll("[\\s\\u00a0]+", " ").trim()}, without a regex per
     * line: zero-width characters (a byte-order mark left mid-page, zero-width spaces) show nothing and go.
     */
    static String collapseWhitespace(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        boolean space = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\ufeff' || c == '\u200b') continue;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r' || c == '\u00a0') {
                space = true;
            } else {
                if (space && sb.length() > 0) sb.append(' ');
                space = false;
                sb.append(c);
            }
        }
        return sb.toString().trim();
    }

    private static boolean boilerplateLine(String line) {
        return LABEL_LINE.matcher(line).matches()
                || line.length() < 200 && POINTER_LINE.matcher(line).matches()
                || line.length() < 160 && PROMPT_LINE.matcher(line).find()
                || line.length() < 100 && (CREDIT_LINE.matcher(line).matches() || DATELINE.matcher(line).matches()
                        || TIME_ONLY_LINE.matcher(line).matches());
    }

    private static boolean alwaysNoise(Element e) {
        if (ALWAYS_NOISE.contains(e.normalName()) || e.hasAttr("hidden")) return true;
        if (e.hasAttr("aria-hidden") && e.attr("aria-hidden").trim().equalsIgnoreCase("true")) return true;
        return e.hasAttr("style") && DISPLAY_NONE.matcher(e.attr("style")).find();
    }

    private static void removeByHints(Element body) {
        int pageText = body.text().length();
        outermost(body, e -> {
            String hints = e.className() + " " + e.id();
            // Themes put words like "sidebar" or "modal" on page wrappers ("no-sidebar", "modal-enabled"):
            // an element holding much of the page's prose is kept whatever its name says.
            if (hints.isBlank() || !NEGATIVE.matcher(hints).find()) return false;
            if (inSentence(e) && !HIDDEN.matcher(hints).find()) return false;
            if (e.text().length() > 0.4 * pageText && linkDensity(e) < 0.35) return false;
            // Embedded posts quoted by the story ("social-media-embed" around a blockquote) are part of it.
            return !isQuoteEmbed(e);
        }).forEach(Element::remove);
    }

    /**
     * The elements under {@code root} (not itself) that match, without looking inside a match: what is inside goes
     * with it, and pages hide most of their markup in menus, footers and comment threads that match at the top.
     */
    private static List<Element> outermost(Element root, Predicate<Element> matches) {
        List<Element> found = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node == root || !(node instanceof Element e)) return FilterResult.CONTINUE;
                if (!matches.test(e)) return FilterResult.CONTINUE;
                found.add(e);
                return FilterResult.SKIP_ENTIRELY;
            }
        }, root);
        return found;
    }

    /**
     * An inline element inside running text, such as a keyword link in a sentence ("tưởng niệm <a class="tag-link">anh
     * hùng liệt sĩ</a>"): its words are the sentence's, whatever its class says.
     */
    private static boolean inSentence(Element e) {
        if (!INLINE.contains(e.normalName())) return false;
        for (Node sibling : e.siblingNodes()) {
            if (sibling instanceof TextNode t && !t.isBlank()) return true;
        }
        return false;
    }

    private static boolean isQuoteEmbed(Element e) {
        Element quote = e.tagName().equals("blockquote") ? e : e.selectFirst("blockquote");
        return quote != null && quote.text().length() >= 0.8 * e.text().length() && !quote.text().isEmpty();
    }

    /**
     * An {@code <article>} inside another that holds only part of its text is a teaser of another story or a
     * comment (HTML5 marks comments so); one holding most of it is the story in a page-wide wrapper.
     */
    private static void removeNestedArticles(Element body) {
        List<Element> nested = new ArrayList<>();
        for (Element inner : body.select("article article")) {
            Element outer = inner.parent().closest("article");
            if (outer != null && inner.text().length() < 0.5 * outer.text().length()) nested.add(inner);
        }
        nested.forEach(Element::remove);
    }

    private static Element bestCandidate(Element body) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element e : body.getAllElements()) {
            boolean paragraph = SCORED.contains(e.tagName());
            String text = paragraph ? e.text() : ownBlockText(e);
            if (text.length() < MIN_BLOCK) continue;
            double score = 1 + commaSeparatedParts(text) - 1 + Math.min(text.length() / 100.0, 3);
            // A div holding prose directly (br-separated runs) is its own paragraph container.
            Element parent = paragraph ? e.parent() : e;
            for (int level = 0; parent != null && level < 3; level++, parent = parent.parent()) {
                double share = level == 0 ? score : level == 1 ? score / 2 : score / 6;
                scores.merge(parent, initialScore(parent) + share, (a, b) -> a + share);
            }
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            double s = e.getValue() * (1 - linkDensity(e.getKey()));
            e.setValue(s);
            if (s > bestScore) {
                bestScore = s;
                best = e.getKey();
            }
        }
        if (best == null) return null;
        scores.forEach((el, s) -> el.attr("data-ioc-score", String.valueOf(s)));
        return best;
    }

    /** As {@code text.split("[,，、]").length} (trailing empty parts not counted), without a regex per block. */
    static int commaSeparatedParts(String text) {
        int commas = 0;
        int trailing = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean comma = c == ',' || c == '，' || c == '、';
            if (comma) commas++;
            trailing = comma ? trailing + 1 : 0;
        }
        return trailing == text.length() ? (text.isEmpty() ? 1 : 0) : commas + 1 - trailing;
    }

    /** Text of a div or section held directly (bare text and inline children), as in br-separated pages. */
    private static String ownBlockText(Element e) {
        if (!e.tagName().equals("div") && !e.tagName().equals("section")) return "";
        StringBuilder sb = new StringBuilder();
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t) sb.append(t.text());
            else if (child instanceof Element c && !BLOCKS.contains(c.tagName())) sb.append(c.text());
        }
        return sb.toString().trim();
    }

    private static double initialScore(Element e) {
        double s = switch (e.tagName()) {
            case "div", "article", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "form", "ol", "ul", "dl", "li", "address" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        String hints = e.className() + " " + e.id();
        if (POSITIVE.matcher(hints).find()) s += 25;
        if ("articleBody".equals(e.attr("itemprop"))) s += 25;
        return s;
    }

    /**
     * The candidate and the siblings that score near it or are plain well-formed paragraphs, and between two of those
     * the sub-headings and short paragraphs that do not score (a heading has no commas, "Ảnh hưởng đến 3.000 hộ" no
     * full stop).
     */
    private static List<Element> withSiblings(Element top) {
        Element parent = top.parent();
        if (parent == null) return List.of(top);
        double topScore = score(top);
        double threshold = siblingThreshold(top);
        List<Element> siblings = parent.children();
        boolean[] keep = new boolean[siblings.size()];
        int first = -1;
        int last = -1;
        for (int i = 0; i < siblings.size(); i++) {
            Element sibling = siblings.get(i);
            if (sibling == top) {
                keep[i] = true;
            } else {
                double bonus = !top.className().isEmpty() && top.className().equals(sibling.className()) ? topScore * 0.2 : 0;
                keep[i] = score(sibling) + bonus >= threshold;
                if (!keep[i] && sibling.tagName().equals("p")) {
                    String text = sibling.text();
                    double ld = linkDensity(sibling);
                    keep[i] = text.length() > 80 && ld < 0.25 || text.length() > 0 && ld == 0 && text.matches("(?s).*[.!?…]$");
                }
            }
            if (keep[i]) {
                if (first < 0) first = i;
                last = i;
            }
        }
        List<Element> kept = new ArrayList<>();
        for (int i = 0; i < siblings.size(); i++) {
            if (keep[i] || i > first && i < last && between(siblings.get(i))) kept.add(siblings.get(i));
        }
        return kept;
    }

    private static boolean between(Element e) {
        if (!BETWEEN.contains(e.normalName()) || !e.hasText()) return false;
        double ld = linkDensity(e);
        return e.normalName().startsWith("h") ? ld < 0.5 : ld < 0.25;
    }

    /**
     * Adds the story's continuations elsewhere in the page: bodies split by full-width ads or embeds repeat the
     * candidate's class on each part (several "article__body" grids), each part scored as prose.
     */
    private static List<Element> withContinuations(Element body, Element top, List<Element> kept) {
        if (top.className().isBlank()) return kept;
        Set<Element> chosen = Collections.newSetFromMap(new IdentityHashMap<>());
        chosen.addAll(kept);
        // A part may add a modifier class ("block-text block-text_initial-letter" before "block-text").
        Set<String> classes = top.classNames();
        List<Element> parts = body.getElementsByTag(top.tagName()).stream()
                .filter(e -> e.classNames().containsAll(classes)).toList();
        boolean added = false;
        for (Element part : parts) {
            if (chosen.contains(part) || score(part) < siblingThreshold(top) || overlaps(part, kept)) continue;
            chosen.add(part);
            added = true;
        }
        if (!added) return kept;
        List<Element> ordered = new ArrayList<>();
        for (Element e : body.getAllElements()) if (chosen.contains(e)) ordered.add(e);
        return ordered;
    }

    private static boolean overlaps(Element e, List<Element> kept) {
        for (Element k : kept) if (e.parents().contains(k) || k.parents().contains(e)) return true;
        return false;
    }

    /** The score a sibling or a continuation needs to be kept with the candidate. */
    private static double siblingThreshold(Element top) {
        return Math.max(10, score(top) * 0.2);
    }

    private static double score(Element e) {
        String s = e.attr("data-ioc-score");
        return s.isEmpty() ? 0 : Double.parseDouble(s);
    }

    /**
     * Drops link-dense boxes (menus, related lists) and boxes of pictures without text inside the content; a
     * quoted post keeps its links (a tweet is mostly its handle, its date and a t.co link).
     */
    private static void cleanBoxes(Element root) {
        List<Element> drop = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            if (e == root || !BOXES.contains(e.tagName()) || isQuoteEmbed(e)) continue;
            int length = e.text().length();
            double ld = linkDensity(e);
            if (ld > 0.5 || ld > 0.25 && length < 300) drop.add(e);
        }
        drop.forEach(Element::remove);
    }

    private static void appendText(Element root, StringBuilder out) {
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) out.append(t.getWholeText());
                else if (node instanceof Element e && BLOCKS.contains(e.tagName())) out.append('\n');
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.tagName())) out.append('\n');
            }
        }, root);
    }

    private static double linkDensity(Element e) {
        int length = e.text().length();
        if (length == 0) return 0;
        int links = 0;
        for (Element a : e.getElementsByTag("a")) links += a.text().length();
        return Math.min(1, (double) links / length);
    }
}
