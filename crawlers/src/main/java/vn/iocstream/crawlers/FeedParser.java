package vn.iocstream.crawlers;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * RSS 2.0 (also 0.9x/RDF items) and Atom feeds, parsed leniently with Jsoup's XML parser: outlets' feeds are
 * often not well-formed (raw ampersands, HTML in descriptions without CDATA), and a strict XML parser
 * would reject the whole feed for one bad character.
 */
public final class FeedParser {

    /** One feed entry. {@code publishedAt} is null when the feed gives no readable date. */
    public record FeedItem(String link, String title, Instant publishedAt, String description) {}

    /** Not a feed at all: an HTML error page, an empty body, truncated garbage. */
    public static final class NotAFeedException extends Exception {
        public NotAFeedException(String message) {
            super(message);
        }
    }

    /** Items in feed order; links resolved against {@code feedUrl}; items without a link are skipped. */
    public List<FeedItem> parse(String xml, String feedUrl) throws NotAFeedException {
        Document doc = Jsoup.parse(xml, feedUrl, Parser.xmlParser());
        boolean rss = doc.selectFirst("rss, rdf|RDF, channel") != null;
        boolean atom = doc.selectFirst("feed") != null;
        if (!rss && !atom) throw new NotAFeedException(feedUrl + ": neither RSS nor Atom");
        List<FeedItem> items = new ArrayList<>();
        for (Element e : doc.select(rss ? "item" : "entry")) {
            String link = rss ? rssLink(e) : atomLink(e);
            if (link == null || link.isBlank()) continue;
            items.add(new FeedItem(resolve(feedUrl, link), text(e, "title"),
                    Dates.parse(rss ? text(e, "pubDate", "dc|date") : text(e, "published", "updated")),
                    rss ? text(e, "description", "content|encoded") : text(e, "summary", "content")));
        }
        return items;
    }

    private static String rssLink(Element item) {
        String link = text(item, "link");
        if (link != null && !link.isBlank()) return link;
        // Some feeds only give a permalink guid.
        Element guid = item.selectFirst("guid");
        return guid != null && !"false".equals(guid.attr("isPermaLink")) ? guid.text().trim() : null;
    }

    private static String atomLink(Element entry) {
        Element link = entry.selectFirst("link[rel=alternate], link:not([rel])");
        return link == null ? null : link.attr("href").trim();
    }

    /** Text of the first query that matches, in order of preference; HTML inside (escaped or CDATA) becomes plain text. */
    private static String text(Element parent, String... queries) {
        for (String query : queries) {
            Element e = parent.selectFirst(query);
            if (e == null || e.text().isBlank()) continue;
            String raw = e.text().trim();
            return raw.contains("<") ? Jsoup.parse(raw).text().trim() : raw;
        }
        return null;
    }

    private static String resolve(String base, String link) {
        try {
            return URI.create(base).resolve(link.trim()).toString();
        } catch (IllegalArgumentException badLink) {
            return link.trim();
        }
    }
}
