package vn.iocstream.crawlers.extract;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import vn.iocstream.core.validation.RecordLimits;
import vn.iocstream.crawlers.Dates;

/**
 * Reads a page's title, authors, outlet and times in order of trust: the outlet's own rule, the publisher's JSON-LD
 * article, the OpenGraph/article meta tags, then the byline and dateline printed inside the story, and last the
 * closing signature of the text (given later, as the body is read after the metadata). Every candidate is validated:
 * an author must be a person or a desk (never the site, its CMS or a URL), a time must parse, fall in the plausible
 * window ({@code validation.minTime} … now + {@code validation.maxAheadSeconds}) and not come from another story's
 * box; an implausible time is passed over for the next source, and given only when no source has a plausible one.
 * All is read in the constructor, so the page may be taken apart afterwards.
 */
public final class MetadataReader {
    /** Meta keys naming the author, most trusted first. */
    private static final List<String> AUTHOR_METAS = List.of("dable:author", "article:author", "og:article:author",
            "parsely-author", "sailthru.author", "dc.creator", "author");
    private static final List<String> PUBLISHED_METAS = List.of("article:published_time", "og:article:published_time",
            "datepublished", "pubdate", "publishdate", "publish-date", "article:published", "dc.date.issued",
            "parsely-pub-date", "sailthru.date", "date");
    private static final List<String> MODIFIED_METAS = List.of("article:modified_time", "og:updated_time", "datemodified",
            "lastmod", "last-modified");
    /** A credit's text: "Theo Nhịp sống thị trường", "Nguồn: TTXVN". */
    private static final Pattern CREDIT_TEXT = Pattern.compile("^\\s*(?:theo|nguồn\\s*:)\\s*(.{2,60}?)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A dateline labelled as the last update rather than the publication: read only after the others. */
    private static final Pattern UPDATE_LABEL = Pattern.compile("^\\s*(cập nhật|sửa|updated|last updated|modified)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Set<String> SKIPPED_IN_BYLINE = Set.of("time", "button", "img", "script", "style", "svg", "picture");
    /** A structured time this far from the printed one, to the minute, is local time with a wrong offset. */
    private static final Duration VIETNAM_OFFSET = Duration.ofHours(7);
    private static final Duration SAME_MINUTE = Duration.ofSeconds(60);
    private static final int MAX_DATELINE_CHARS = 120;
    private static final int MAX_BYLINE_CHARS = 300;
    private static final int MAX_CREDIT_CHARS = 80;
    private static final Evaluator NAME_ELEMENTS = QueryParser.parse(
            ".name, .author-name, [itemprop=name], a[rel=author], a[href*=tac-gia], a[href*=author]");

    private record Names(String source, List<String> names) {}

    private record Time(String source, Instant at) {}

    private final SiteNames site;
    private final String title;
    private final String titleSource;
    private final String outlet;
    private final String outletSource;
    private final List<Names> authors = new ArrayList<>();
    private final List<Time> times = new ArrayList<>();
    private final List<Time> implausible = new ArrayList<>();
    /** A credit printed apart from the byline ("Theo TTXVN"), added to whichever source names the authors. */
    private String credit;
    private final Instant modifiedAt;
    private final Metas metas;

    /**
     * @param index  the page's elements as {@link PageIndex#of} found them
     * @param rule   the outlet's rule for this page, or null
     * @param limits the plausible time window
     * @param now    the reference for the window and for relative datelines ("8 giờ trước")
     */
    public MetadataReader(Document doc, PageIndex index, ExtractionRules.Rule rule, RecordLimits limits, Instant now) {
        String ruleTitle = rule == null ? null : selectedText(doc, rule.title());
        Element firstH1 = index.h1s().isEmpty() ? null : index.h1s().get(0);
        String ogTitle = null;
        for (Element m : index.metas()) {
            if (m.attr("property").equalsIgnoreCase("og:title") && !m.attr("content").isBlank()) {
                ogTitle = m.attr("content").trim();
                break;
            }
        }
        JsonLdArticle ld = JsonLdArticle.of(index.jsonLd(), doc.location(), first(ruleTitle, ogTitle, text(firstH1), doc.title()));
        String[] chosen = firstWithSource(new String[] {ruleTitle, ogTitle, ld == null ? null : ld.headline(), text(firstH1),
                doc.title()}, "rule", "og", "json-ld", "h1", "title");
        title = chosen[0];
        titleSource = chosen[1];
        StoryScope scope = new StoryScope(doc, StoryScope.titleElement(index.h1s(), title));
        metas = Metas.of(index.metas(), index.headMetas(), scope);
        String[] out = firstWithSource(new String[] {ld == null ? null : ld.publisher(), metas.first("og:site_name"),
                metas.first("application-name"), metas.first("apple-mobile-web-app-title")}, "json-ld", "og", "meta", "meta");
        outlet = out[0];
        outletSource = out[1];
        site = new SiteNames(doc.location(), outlet, metas.first("og:site_name"), ld == null ? null : ld.publisher(),
                metas.first("application-name"), metas.first("apple-mobile-web-app-title"), metas.first("copyright"),
                metas.first("twitter:site") == null ? null : metas.first("twitter:site").replace("@", ""));

        if (rule != null) {
            // Every element the selector finds: a rule may name one element per reporter.
            if (rule.author() != null && !rule.author().isBlank()) {
                addNames("rule", String.join(" | ", doc.select(rule.author()).eachText()));
            }
            Element ruleDate = rule.date() == null || rule.date().isBlank() ? null : doc.selectFirst(rule.date());
            if (ruleDate != null) addTime("rule", dateIn(ruleDate, now), limits, now);
        }
        if (ld != null) {
            List<String> names = new ArrayList<>();
            for (String a : ld.authors()) {
                for (String name : Bylines.names(a, site)) if (!names.contains(name)) names.add(name);
            }
            authors.add(new Names("json-ld", names));
            addTime("json-ld", Dates.parse(ld.datePublished()), limits, now);
        }
        for (String key : AUTHOR_METAS) {
            for (String value : metas.all(key)) addNames("meta", value);
        }
        for (String key : PUBLISHED_METAS) addTime("meta", Dates.parse(metas.first(key)), limits, now);
        readPrinted(index, scope, limits, now);
        Instant modified = ld == null ? null : plausible(Dates.parse(ld.dateModified()), limits, now);
        for (String key : MODIFIED_METAS) {
            if (modified == null) modified = plausible(Dates.parse(metas.first(key)), limits, now);
        }
        modifiedAt = modified;
    }

    /** The meta tags of the page (head, and the story's own in the body). */
    public Metas metas() {
        return metas;
    }

    /** The names of a closing signature line ("Hà Thu (tổng hợp)"), or empty when the line is not one. */
    public List<String> signature(String line) {
        return Bylines.signature(line, site);
    }

    /** The metadata, with {@code signature} (possibly empty) as the least trusted source of authors. */
    public ArticleMetadata read(List<String> signature) {
        List<Names> all = new ArrayList<>(authors);
        all.add(new Names("signature", signature));
        StringBuilder notes = new StringBuilder();
        Names author = chooseAuthors(all, notes);
        if (credit != null && (author == null || author.names().stream().noneMatch(n -> n.startsWith("Theo ")))) {
            List<String> names = new ArrayList<>(author == null ? List.of() : author.names());
            names.add(credit);
            author = new Names(author == null ? "credit" : author.source() + "+credit", names);
        }
        Time published = chooseTime(notes);
        String sources = "title=" + titleSource + " author=" + (author == null ? "none" : author.source())
                + " time=" + (published == null ? "none" : published.source()) + " outlet=" + (outlet == null ? "none" : outletSource);
        return new ArticleMetadata(title, author == null ? List.of() : author.names(), outlet,
                published == null ? null : published.at(), modifiedAt, notes.isEmpty() ? sources : sources + ";" + notes);
    }

    /**
     * The most trusted source with a valid name wins, unless a less trusted one names all of its names and more (a
     * meta tag with the first of two reporters, the byline with both).
     */
    private static Names chooseAuthors(List<Names> all, StringBuilder notes) {
        Names winner = null;
        for (Names n : all) {
            if (n.names().isEmpty()) continue;
            if (winner == null) {
                winner = n;
            } else if (n.names().size() > winner.names().size() && keys(n.names()).containsAll(keys(winner.names()))) {
                notes.append(" author: ").append(n.source()).append(" extends ").append(winner.source());
                winner = n;
            } else if (!keys(n.names()).containsAll(keys(winner.names()))) {
                notes.append(" author: ").append(n.source()).append(" said ").append(String.join(", ", n.names()));
            }
        }
        return winner;
    }

    /**
     * The most trusted plausible time, except that a structured time exactly seven hours off the printed one is local
     * time with a wrong offset ("08:01Z" for 08:01 in Vietnam): the printed time wins then. When no source gave a
     * plausible time, the most trusted implausible one, which the crawler replaces by the fetch time and flags
     * ({@code RawPost.withPlausibleTime}), so that the article is kept and its fault is visible.
     */
    private Time chooseTime(StringBuilder notes) {
        for (Time t : implausible) notes.append(" time: ").append(t.source()).append(" ").append(t.at()).append(" implausible");
        if (times.isEmpty()) return implausible.isEmpty() ? null : implausible.get(0);
        Time winner = times.get(0);
        Time printed = times.stream().filter(t -> t.source().equals("visible")).findFirst().orElse(null);
        if (printed != null && winner != printed && !winner.source().equals("rule")) {
            Duration gap = Duration.between(printed.at(), winner.at()).abs();
            if (gap.minus(VIETNAM_OFFSET).abs().compareTo(SAME_MINUTE) < 0) {
                notes.append(" time: ").append(winner.source()).append(" ").append(winner.at()).append(" off by the UTC+7 offset");
                winner = printed;
            }
        }
        for (Time t : times) {
            if (t != winner && Duration.between(t.at(), winner.at()).abs().compareTo(SAME_MINUTE) >= 0) {
                notes.append(" time: ").append(t.source()).append(" said ").append(t.at());
            }
        }
        return winner;
    }

    private static List<String> keys(List<String> names) {
        return names.stream().map(n -> String.join(" ", SiteNames.words(n))).toList();
    }

    /**
     * Bylines and datelines printed in the story, nearest the headline first (the dateline under the title, not the
     * one of a story listed below), an update time after the publication times.
     */
    private void readPrinted(PageIndex index, StoryScope scope, RecordLimits limits, Instant now) {
        record Found(Element e, int position, boolean update) {}
        List<Found> dates = new ArrayList<>();
        List<Found> bylines = new ArrayList<>();
        List<Found> credits = new ArrayList<>();
        for (PageIndex.Found f : index.printed()) {
            switch (f.kind()) {
                case DATELINE -> {
                    String text = StoryScope.textUpTo(f.element(), MAX_DATELINE_CHARS);
                    boolean update = text != null && UPDATE_LABEL.matcher(text).find()
                            || f.element().className().toLowerCase(Locale.ROOT).contains("update");
                    dates.add(new Found(f.element(), f.position(), update));
                }
                case BYLINE -> bylines.add(new Found(f.element(), f.position(), false));
                case CREDIT -> credits.add(new Found(f.element(), f.position(), false));
                default -> { }
            }
        }
        int from = index.position(scope.title());
        Comparator<Found> nearest = Comparator.comparing(Found::update).thenComparingInt(f -> Math.abs(f.position() - from));
        dates.sort(nearest);
        bylines.sort(nearest);
        credits.sort(nearest);
        for (Found f : dates) {
            Instant t = dateIn(f.e(), now);
            if (t == null || !scope.inStory(f.e())) continue;
            if (addTime("visible", t, limits, now)) break;
        }
        for (Found f : bylines) {
            if (StoryScope.textUpTo(f.e(), MAX_BYLINE_CHARS) == null || !scope.inStory(f.e())) continue;
            List<String> names = bylineNames(f.e());
            if (!names.isEmpty()) {
                authors.add(new Names("byline", names));
                break;
            }
        }
        for (Found f : credits) {
            String text = StoryScope.textUpTo(f.e(), MAX_CREDIT_CHARS);
            Matcher m = text == null ? null : CREDIT_TEXT.matcher(text);
            if (m == null || !m.matches() || !scope.inStory(f.e())) continue;
            List<String> names = Bylines.names("Theo " + m.group(1), site);
            if (!names.isEmpty()) {
                credit = names.get(0);
                break;
            }
        }
    }

    /** A time element's machine-readable attribute, else its visible text; null when neither is a time. */
    private static Instant dateIn(Element e, Instant now) {
        for (String attr : new String[] {"datetime", "content", "data-time", "title"}) {
            Instant t = Dates.parse(e.attr(attr));
            if (t != null) return t;
        }
        String text = StoryScope.textUpTo(e, MAX_DATELINE_CHARS);
        return text == null ? null : Dates.parse(text, now);
    }

    /** Names of a byline: its name elements' texts, else its text with the times, avatars and buttons left out. */
    private List<String> bylineNames(Element byline) {
        List<String> names = new ArrayList<>();
        for (Element n : byline.select(NAME_ELEMENTS)) {
            for (String name : Bylines.names(n.text(), site)) if (!names.contains(name)) names.add(name);
        }
        if (!names.isEmpty()) return names;
        StringBuilder text = new StringBuilder();
        appendNameText(byline, text);
        return Bylines.names(text.toString(), site);
    }

    /** Text with each child element's text set apart by " | ", so that two names in two spans stay two names. */
    private static void appendNameText(Element e, StringBuilder out) {
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t) {
                out.append(t.text());
            } else if (child instanceof Element c && !SKIPPED_IN_BYLINE.contains(c.normalName()) && PageIndex.printed(c) != PageIndex.Printed.DATELINE) {
                out.append(" | ");
                appendNameText(c, out);
                out.append(" | ");
            }
        }
    }

    private void addNames(String source, String value) {
        List<String> names = Bylines.names(value, site);
        if (!names.isEmpty()) authors.add(new Names(source, names));
    }

    /** Adds a plausible time; an implausible one is noted. */
    private boolean addTime(String source, Instant t, RecordLimits limits, Instant now) {
        if (t == null) return false;
        if (!limits.plausible(t, now)) {
            implausible.add(new Time(source, t));
            return false;
        }
        times.add(new Time(source, t));
        return true;
    }

    private static Instant plausible(Instant t, RecordLimits limits, Instant now) {
        return t != null && limits.plausible(t, now) ? t : null;
    }

    private static String selectedText(Document doc, String selector) {
        return selector == null || selector.isBlank() ? null : text(doc.selectFirst(selector));
    }

    private static String text(Element e) {
        return e == null ? null : e.text();
    }

    /** The first non-blank value, trimmed, and the name of its source; nulls when none. */
    private static String[] firstWithSource(String[] values, String... sources) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && !values[i].isBlank()) return new String[] {values[i].trim(), sources[i]};
        }
        return new String[] {null, null};
    }

    private static String first(String... values) {
        return firstWithSource(values, new String[values.length])[0];
    }
}
