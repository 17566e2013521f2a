package vn.iocstream.crawlers;

/**
 * robots.txt disallows the URL for this crawler: no request was sent, and none should be retried at once.
 * {@link #siteSaysNo()} tells the two causes apart: the site's robots.txt was read and excludes the URL (a refusal,
 * not an error), or it could not be read (5xx, unreachable server), when RFC 9309 disallows everything for a while
 * (a failure of the site, counted as one).
 */
public final class RobotsDisallowedException extends FetchException {
    private final boolean siteSaysNo;

    public RobotsDisallowedException(String message, boolean siteSaysNo) {
        super(message, -1);
        this.siteSaysNo = siteSaysNo;
    }

    /** Whether the site's own robots.txt excludes the URL (false: robots.txt unreadable, everything disallowed for now). */
    public boolean siteSaysNo() {
        return siteSaysNo;
    }

    /** Whether {@code e} is a refusal by the site's robots.txt, which crawl statistics count apart from errors. */
    static boolean refusal(Exception e) {
        return e instanceof RobotsDisallowedException r && r.siteSaysNo();
    }
}
