package vn.iocstream.crawlers;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SSRF guard: a feed is untrusted input, and one link or redirect to 169.254.169.254 or an intranet host
 * would make the crawler read it from inside the operator's network. Every address the host resolves to
 * is checked against {@link SpecialAddresses}, because an attacker's DNS name can return a public and a private
 * address. Exemptions are per site ({@code host:port}), never per address, so that letting the crawler read one
 * local site (the demo's) does not open every other service on that machine.
 *
 * <p>Limit: the HTTP client resolves the name again when it connects, so a DNS server that answers
 * differently within seconds (rebinding) is not stopped here; a network-level egress policy is the real fix.
 */
final class AddressGuard {
    private final boolean allowPrivate;
    /** {@code host:port} of sites that may be on a special address ({@code crawler.allowedSites}). */
    private final Set<String> allowedSites;

    AddressGuard(boolean allowPrivate, Set<String> allowedSites) {
        this.allowPrivate = allowPrivate;
        this.allowedSites = allowedSites.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    void check(URI uri) throws BlockedAddressException, UnknownHostException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new BlockedAddressException("refusing to fetch " + uri + ": only http and https URLs are crawled");
        }
        if (uri.getHost() == null) throw new BlockedAddressException("refusing to fetch " + uri + ": no host");
        if (allowPrivate || allowedSites.contains(site(uri, scheme))) return;
        for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
            Optional<String> kind = SpecialAddresses.kind(address);
            if (kind.isPresent()) {
                throw new BlockedAddressException("refusing to fetch " + uri + ": " + uri.getHost() + " resolves to "
                        + address.getHostAddress() + ", a " + kind.get() + " address (SSRF guard; list the site in "
                        + "crawler.allowedSites, or set crawler.allowPrivateAddresses=true to crawl every such host)");
            }
        }
    }

    /** {@code host:port}, with the scheme's port when the URL names none. */
    static String site(URI uri, String scheme) {
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host + ":" + port;
    }
}
