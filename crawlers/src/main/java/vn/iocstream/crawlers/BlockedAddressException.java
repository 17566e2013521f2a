package vn.iocstream.crawlers;

/** The URL (or a redirect hop) resolves to an address the crawler must not reach (SSRF guard). */
public final class BlockedAddressException extends FetchException {
    public BlockedAddressException(String message) {
        super(message, -1);
    }
}
