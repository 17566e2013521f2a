package vn.iocstream.crawlers;

/**
 * What one poll of a source (or, summed, a round or a crawler's lifetime) did.
 *
 * @param feeds       polls: source documents requested (feeds, sitemaps, listing pages; including those that answered 304)
 * @param feedErrors  polls that failed: the source could not be fetched or parsed, or the sink rejected its posts
 * @param itemsSeen   article links the source listed, old and new (for sitemaps: those within the recent window)
 * @param newPosts    posts emitted: articles and their reader comments
 * @param pageErrors  new articles (or child sitemaps) that could not be fetched or read (tried again next poll)
 * @param notModified polls answered 304 Not Modified
 * @param pages       documents fetched with a body: the source's own (a sitemap index adds its children) and articles
 */
public record CrawlStats(long feeds, long feedErrors, long itemsSeen, long newPosts, long pageErrors, long notModified,
                         long pages) {
    public static final CrawlStats ZERO = new CrawlStats(0, 0, 0, 0, 0, 0, 0);

    public CrawlStats plus(CrawlStats o) {
        return new CrawlStats(feeds + o.feeds, feedErrors + o.feedErrors, itemsSeen + o.itemsSeen,
                newPosts + o.newPosts, pageErrors + o.pageErrors, notModified + o.notModified, pages + o.pages);
    }

    /** Failed polls and failed articles together, as progress lines count them. */
    public long errors() {
        return feedErrors + pageErrors;
    }
}
