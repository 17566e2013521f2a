package vn.iocstream.crawlers;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The addresses a crawler must never fetch from, by CIDR block: every block of the IANA IPv4 and IPv6
 * Special-Purpose Address Registries (RFC 6890 and its updates), multicast and reserved space, and the IPv6 forms
 * that carry an IPv4 address inside them — IPv4-mapped ({@code ::ffff:10.0.0.1}), IPv4-compatible
 * ({@code ::10.0.0.1}), NAT64 ({@code 64:ff9b::10.0.0.1}) and ISATAP interface ids — judged by the IPv4 address
 * they carry. 6to4 ({@code 2002::/16}) and Teredo ({@code 2001::/32}) embed an address too; no news site is reached
 * through them, so both are refused whole. NAT64's well-known prefix stays open for public IPv4 addresses:
 * an IPv6-only network with DNS64 reaches every IPv4-only outlet through it.
 */
final class SpecialAddresses {
    /** A CIDR block of the registries and what it is. */
    record Block(byte[] prefix, int bits, String name) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) return false;
            int full = bits / 8;
            for (int i = 0; i < full; i++) if (address[i] != prefix[i]) return false;
            int rest = bits % 8;
            if (rest == 0) return true;
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (prefix[full] & mask);
        }
    }

    static final List<Block> IPV4 = List.of(
            block("0.0.0.0/8", "\"this network\""),
            block("10.0.0.0/8", "private"),
            block("100.64.0.0/10", "shared (carrier-grade NAT)"),
            block("127.0.0.0/8", "loopback"),
            block("169.254.0.0/16", "link-local"),
            block("172.16.0.0/12", "private"),
            block("192.0.0.0/24", "IETF protocol assignments"),
            block("192.0.2.0/24", "documentation (TEST-NET-1)"),
            block("192.31.196.0/24", "AS112"),
            block("192.52.193.0/24", "AMT"),
            block("192.88.99.0/24", "deprecated 6to4 relay anycast"),
            block("192.168.0.0/16", "private"),
            block("192.175.48.0/24", "AS112 direct delegation"),
            block("198.18.0.0/15", "benchmarking"),
            block("198.51.100.0/24", "documentation (TEST-NET-2)"),
            block("203.0.113.0/24", "documentation (TEST-NET-3)"),
            block("224.0.0.0/4", "multicast"),
            block("255.255.255.255/32", "limited broadcast"),
            block("240.0.0.0/4", "reserved"));

    static final List<Block> IPV6 = List.of(
            block("::/128", "unspecified"),
            block("::1/128", "loopback"),
            block("100::/64", "discard-only"),
            block("100:0:0:1::/64", "dummy prefix"),
            block("64:ff9b:1::/48", "local-use IPv4/IPv6 translation"),
            block("2001::/32", "Teredo (embeds an IPv4 address)"),
            block("2001::/23", "IETF protocol assignments"),
            block("2001:db8::/32", "documentation"),
            block("2002::/16", "6to4 (embeds an IPv4 address)"),
            block("2620:4f:8000::/48", "AS112 direct delegation"),
            block("3fff::/20", "documentation"),
            block("5f00::/16", "segment routing (SRv6) SIDs"),
            block("fc00::/7", "unique local"),
            block("fe80::/10", "link-local"),
            block("fec0::/10", "deprecated site-local"),
            block("ff00::/8", "multicast"));

    private static final Block MAPPED = block("::ffff:0:0/96", "IPv4-mapped");
    private static final Block COMPATIBLE = block("::/96", "IPv4-compatible");
    private static final Block NAT64 = block("64:ff9b::/96", "NAT64");

    private SpecialAddresses() {}

    /** What the address is when it is not an ordinary public one, e.g. "private" or "NAT64 form of 10.0.0.1 (private)". */
    static Optional<String> kind(InetAddress address) {
        return kind(address.getAddress());
    }

    static Optional<String> kind(byte[] a) {
        if (a.length == 4) return find(IPV4, a);
        for (Block embedding : List.of(MAPPED, NAT64, COMPATIBLE)) {
            // ::1 and :: are IPv4-compatible in form only; they are judged as themselves below.
            if (embedding.contains(a) && !(embedding == COMPATIBLE && isLoopbackOrUnspecified(a))) {
                return find(IPV4, last4(a, 12)).map(k -> embedding.name() + " form of " + ipv4(last4(a, 12)) + " (" + k + ")");
            }
        }
        if ((a[8] & 0xfd) == 0 && a[9] == 0 && (a[10] & 0xff) == 0x5e && (a[11] & 0xff) == 0xfe) {
            Optional<String> isatap = find(IPV4, last4(a, 12)).map(k -> "ISATAP form of " + ipv4(last4(a, 12)) + " (" + k + ")");
            if (isatap.isPresent()) return isatap;
        }
        return find(IPV6, a);
    }

    private static Optional<String> find(List<Block> blocks, byte[] a) {
        for (Block b : blocks) {
            if (b.contains(a)) return Optional.of(b.name());
        }
        return Optional.empty();
    }

    private static boolean isLoopbackOrUnspecified(byte[] a) {
        for (int i = 0; i < 15; i++) if (a[i] != 0) return false;
        return a[15] == 0 || a[15] == 1;
    }

    private static byte[] last4(byte[] a, int from) {
        return new byte[] {a[from], a[from + 1], a[from + 2], a[from + 3]};
    }

    private static String ipv4(byte[] b) {
        return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
    }

    private static Block block(String cidr, String name) {
        int slash = cidr.indexOf('/');
        try {
            // Literal addresses only: no name is resolved here.
            byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
            if (cidr.startsWith("::ffff:") && prefix.length == 4) prefix = mappedPrefix();
            return new Block(prefix, Integer.parseInt(cidr.substring(slash + 1)), name);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("bad literal " + cidr, e);
        }
    }

    /** {@code ::ffff:0:0}: Java turns that literal into an IPv4 address, so its 16 bytes are spelt out. */
    private static byte[] mappedPrefix() {
        byte[] p = new byte[16];
        p[10] = (byte) 0xff;
        p[11] = (byte) 0xff;
        return p;
    }
}
