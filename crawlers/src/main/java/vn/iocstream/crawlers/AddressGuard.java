package vn.iocstream.crawlers;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * SSRF guard: a feed is untrusted input, and one link or redirect to 169.254.169.254 or an intranet host
 * would make the crawler read it from inside the operator's network. Every address the host resolves to
 * is checked, because an attacker's DNS name can return a public and a private address.
 *
 * <p>Limit: the HTTP client resolves the name again when it connects, so a DNS server that answers
 * differently within seconds (rebinding) is not stopped here; a network-level egress policy is the real fix.
 */
final class AddressGuard {
    private final boolean allowPrivate;
    /** Addresses allowed despite being private: lets tests put a local fixture site in front of the guard. */
    private final Set<InetAddress> exempt;

    AddressGuard(boolean allowPrivate, Set<InetAddress> exempt) {
        this.allowPrivate = allowPrivate;
        this.exempt = Set.copyOf(exempt);
    }

    void check(URI uri) throws BlockedAddressException, UnknownHostException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new BlockedAddressException("refusing to fetch " + uri + ": only http and https URLs are crawled");
        }
        if (uri.getHost() == null) throw new BlockedAddressException("refusing to fetch " + uri + ": no host");
        if (allowPrivate) return;
        for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
            String kind = privateKind(address);
            if (kind != null && !exempt.contains(address)) {
                throw new BlockedAddressException("refusing to fetch " + uri + ": " + uri.getHost() + " resolves to "
                        + address.getHostAddress() + ", a " + kind
                        + " address (SSRF guard; set crawler.allowPrivateAddresses=true to crawl such hosts)");
            }
        }
    }

    /** Why the address is not public, or null when it is. */
    static String privateKind(InetAddress a) {
        if (a.isLoopbackAddress()) return "loopback";
        if (a.isAnyLocalAddress()) return "wildcard";
        if (a.isLinkLocalAddress()) return "link-local";
        if (a.isSiteLocalAddress()) return "private (site-local)";
        if (a.isMulticastAddress()) return "multicast";
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) return "private (unique local)";
        if (b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) return "carrier-grade NAT";
        return null;
    }
}
