package vn.iocstream.crawlers;

/**
 * What one poll (or, summed, a crawler's lifetime) did.
 *
 * @param feeds       feeds fetched (including those that answered 304)
 * @param feedErrors  feeds that could not be fetched or parsed, or whose posts the sink rejected
 * @param itemsSeen   feed items read, old and new
 * @param newPosts    posts emitted: articles and their reader comments
 * @param pageErrors  new items whose article page could not be fetched (tried again next poll)
 * @param notModified feeds that answered 304 Not Modified
 */
public record CrawlStats(long feeds, long feedErrors, long itemsSeen, long newPosts, long pageErrors, long notModified) {
    public static final CrawlStats ZERO = new CrawlStats(0, 0, 0, 0, 0, 0);

    public CrawlStats plus(CrawlStats o) {
        return new CrawlStats(feeds + o.feeds, feedErrors + o.feedErrors, itemsSeen + o.itemsSeen,
                newPosts + o.newPosts, pageErrors + o.pageErrors, notModified + o.notModified);
    }
}
