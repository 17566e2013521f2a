package vn.iocstream.crawlers;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import java.io.StringReader;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.xml.sax.InputSource;

/**
 * XML sitemaps and Google News sitemaps (types {@code sitemap} and {@code news-sitemap}), parsed by crawler-commons,
 * cut to the recent past: an outlet's sitemap lists its whole archive, and a first poll must not fetch years of
 * articles. An entry is recent when its {@code news:publication_date}, else its {@code lastmod}, lies within
 * {@code maxAge} before now; entries with neither are skipped, since nothing says they are new.
 */
final class SitemapReader {
    /** A little slack for outlets whose clocks (or time zones) run ahead. */
    private static final Duration FUTURE_SLACK = Duration.ofHours(1);

    /**
     * @param recent   the recent entries, as feed items (title and publication time from the news extension, if any)
     * @param children for a sitemap index: its child sitemaps modified within the window or undated, newest first
     * @param skipped  entries (or child sitemaps) left out as too old or undated
     */
    record Sitemap(List<FeedParser.FeedItem> recent, List<String> children, int skipped) {}

    private final Duration maxAge;

    SitemapReader(Duration maxAge) {
        this.maxAge = maxAge;
    }

    /** @throws UnknownFormatException the body is not a sitemap (an HTML error page, say) */
    Sitemap parse(String xml, String url, Instant now) throws UnknownFormatException, MalformedURLException {
        AbstractSiteMap parsed = new StringParser().parse(URI.create(url).toURL(), xml);
        Instant oldest = now.minus(maxAge);
        Instant newest = now.plus(FUTURE_SLACK);
        if (parsed instanceof SiteMapIndex index) {
            List<AbstractSiteMap> children = new ArrayList<>();
            int skipped = 0;
            for (AbstractSiteMap child : index.getSitemaps()) {
                Date lastmod = child.getLastModified();
                // An undated child may hold today's articles: read it, its entries are filtered by their own dates.
                if (lastmod == null || within(lastmod.toInstant(), oldest, newest)) children.add(child);
                else skipped++;
            }
            children.sort(Comparator.comparing(AbstractSiteMap::getLastModified, Comparator.nullsLast(Comparator.reverseOrder())));
            return new Sitemap(List.of(), children.stream().map(c -> c.getUrl().toString()).toList(), skipped);
        }
        List<FeedParser.FeedItem> recent = new ArrayList<>();
        int skipped = 0;
        for (SiteMapURL entry : ((SiteMap) parsed).getSiteMapUrls()) {
            NewsAttributes news = news(entry);
            Instant published = news == null || news.getPublicationDate() == null ? null : news.getPublicationDate().toInstant();
            Instant dated = published != null ? published : entry.getLastModified() == null ? null : entry.getLastModified().toInstant();
            if (dated == null || !within(dated, oldest, newest)) {
                skipped++;
                continue;
            }
            // lastmod is the last edit, not the publication: only news:publication_date becomes the fallback time.
            recent.add(new FeedParser.FeedItem(entry.getUrl().toString(), news == null ? null : news.getTitle(), published, null));
        }
        return new Sitemap(recent, List.of(), skipped);
    }

    private static boolean within(Instant t, Instant oldest, Instant newest) {
        return !t.isBefore(oldest) && !t.isAfter(newest);
    }

    private static NewsAttributes news(SiteMapURL entry) {
        ExtensionMetadata[] meta = entry.getAttributesForExtension(Extension.NEWS);
        return meta == null || meta.length == 0 ? null : (NewsAttributes) meta[0];
    }

    /**
     * Parses the already decoded text: the Fetcher has applied the charset, and handing bytes back to the XML
     * parser would let a stale encoding declaration decode Vietnamese titles a second time. Not strict: outlets
     * list articles outside the sitemap's folder (/sitemaps/news.xml lists /thoi-su/...).
     */
    private static final class StringParser extends SiteMapParser {
        StringParser() {
            super(false);
            enableExtension(Extension.NEWS);
        }

        AbstractSiteMap parse(URL url, String xml) throws UnknownFormatException {
            return processXml(url, new InputSource(new StringReader(xml)));
        }
    }
}
