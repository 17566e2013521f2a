package vn.iocstream.crawlers;

/**
 * What one poll of a source (or, summed, a round or a crawler's lifetime) did.
 *
 * @param feeds       polls: source documents requested (feeds, sitemaps, listing pages, forum sections or threads;
 *                    including those that answered 304)
 * @param feedErrors  polls that failed: the source could not be fetched or parsed, or the sink rejected its posts
 * @param itemsSeen   article links the source listed, old and new (for sitemaps: those within the recent window; for
 *                    forums: the threads active within it)
 * @param newPosts    posts emitted: articles and their reader comments, forum posts
 * @param pageErrors  new articles, child sitemaps, thread pages or comment responses that could not be fetched or read
 *                    (tried again next poll)
 * @param notModified polls answered 304 Not Modified
 * @param pages       documents fetched with a body: the source's own (a sitemap index adds its children), articles,
 *                    comment responses and thread pages
 * @param blocked     URLs the site's robots.txt disallows for this crawler, the source's own included: never requested,
 *                    not errors (the site said no); counted on every poll that meets them, since robots.txt may change.
 *                    A robots.txt that cannot be read (5xx, unreachable) disallows everything for a while: that is the
 *                    site failing, counted as an error
 */
public record CrawlStats(long feeds, long feedErrors, long itemsSeen, long newPosts, long pageErrors, long notModified,
                         long pages, long blocked) {
    public static final CrawlStats ZERO = new CrawlStats(0, 0, 0, 0, 0, 0, 0, 0);

    /** A poll that met no robots.txt refusal. */
    public CrawlStats(long feeds, long feedErrors, long itemsSeen, long newPosts, long pageErrors, long notModified, long pages) {
        this(feeds, feedErrors, itemsSeen, newPosts, pageErrors, notModified, pages, 0);
    }

    public CrawlStats plus(CrawlStats o) {
        return new CrawlStats(feeds + o.feeds, feedErrors + o.feedErrors, itemsSeen + o.itemsSeen,
                newPosts + o.newPosts, pageErrors + o.pageErrors, notModified + o.notModified, pages + o.pages,
                blocked + o.blocked);
    }

    /** Failed polls and failed articles together, as progress lines count them; robots.txt refusals are not errors. */
    public long errors() {
        return feedErrors + pageErrors;
    }
}
