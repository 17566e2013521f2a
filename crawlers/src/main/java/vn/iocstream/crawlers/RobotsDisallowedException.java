package vn.iocstream.crawlers;

/** The site's robots.txt disallows the URL for this crawler: no request was sent, and none should be retried. */
public final class RobotsDisallowedException extends FetchException {
    public RobotsDisallowedException(String message) {
        super(message, -1);
    }
}
