package vn.iocstream.crawlers;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Selector;
import vn.iocstream.core.Ids;

/**
 * The article links of an HTML section page (type {@code listing}), for outlets without a feed or sitemap.
 * A source's {@code linkSelector} picks them; without one, headline links are taken when their address looks like
 * an article's on the same site: Vietnamese outlets end article URLs in a slug and a numeric id
 * ({@code ...-trieu-cuong-vuot-bao-dong-3-a190188.html}, {@code ...-4812345.html}, {@code ...-20240125094512345.htm}),
 * while menus and section links ({@code /thoi-su/}, {@code /chinh-tri-xa-hoi}, {@code /kinh-te-2025}) have no such id.
 */
final class ListingReader {
    /** Headlines as outlets' templates mark them. */
    static final String GENERIC_SELECTOR = "article a[href], h1 a[href], h2 a[href], h3 a[href], h4 a[href], "
            + "[class*=title] a[href], a[class*=title][href]";
    /**
     * Last path segment: a slug of at least two words, then the id, at least five digits after an optional prefix
     * ("a190188.1258.html", "post812345.html"); four digits would take pages such as {@code lien-he-quang-cao-2025}.
     */
    private static final Pattern ARTICLE_SLUG = Pattern.compile("(?:[^/-]+-){2,}[a-z]*\\d{5,}[^/-]*");

    /**
     * Links in page order, once each, resolved against the page; titles from the link text.
     *
     * @throws Selector.SelectorParseException the source's linkSelector is not valid CSS
     */
    List<FeedParser.FeedItem> links(String html, String pageUrl, String linkSelector) {
        boolean generic = linkSelector == null || linkSelector.isBlank();
        Document doc = Jsoup.parse(html, pageUrl);
        String site = site(pageUrl);
        // Canonical URL → item: a thumbnail and a headline (one with tracking parameters) link the same article.
        Map<String, FeedParser.FeedItem> items = new LinkedHashMap<>();
        for (Element a : doc.select(generic ? GENERIC_SELECTOR : linkSelector)) {
            String href = a.absUrl("href");
            int hash = href.indexOf('#');
            if (hash >= 0) href = href.substring(0, hash);
            if (!href.startsWith("http://") && !href.startsWith("https://") || href.equals(pageUrl)) continue;
            if (generic && !(site.equals(site(href)) && looksLikeArticle(href))) continue;
            String title = a.text().isBlank() ? a.attr("title").trim() : a.text().trim();
            FeedParser.FeedItem item = new FeedParser.FeedItem(href, title.isEmpty() ? null : title, null, null);
            items.merge(Ids.canonicalUrl(href), item, (first, later) -> first.title() != null ? first
                    : new FeedParser.FeedItem(first.link(), later.title(), null, null));
        }
        return List.copyOf(items.values());
    }

    /** The host without a leading {@code www.}: an outlet links to itself with and without it. */
    private static String site(String url) {
        URI uri = uri(url);
        String host = uri == null || uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static boolean looksLikeArticle(String url) {
        URI uri = uri(url);
        String path = uri == null ? null : uri.getPath();
        if (path == null || path.isEmpty() || path.endsWith("/")) return false;
        return ARTICLE_SLUG.matcher(path.substring(path.lastIndexOf('/') + 1)).matches();
    }

    /** Null for an address that is not a valid URI (unescaped spaces in an old CMS's links). */
    private static URI uri(String url) {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException badUrl) {
            return null;
        }
    }
}
