package vn.iocstream.crawlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every block of the IANA special-purpose registries, and every IPv6 form that carries an IPv4 address, against the
 * guard: the first and last address of each block, and public neighbours that must stay open.
 */
class SpecialAddressesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0.0.0.0            | "this network"
            0.255.255.255      | "this network"
            10.0.0.1           | private
            10.255.255.255     | private
            100.64.0.1         | shared (carrier-grade NAT)
            100.127.255.255    | shared (carrier-grade NAT)
            127.0.0.1          | loopback
            127.255.255.254    | loopback
            169.254.169.254    | link-local
            172.16.0.1         | private
            172.31.255.255     | private
            192.0.0.8          | IETF protocol assignments
            192.0.0.170        | IETF protocol assignments
            192.0.2.1          | documentation (TEST-NET-1)
            192.31.196.1       | AS112
            192.52.193.1       | AMT
            192.88.99.1        | deprecated 6to4 relay anycast
            192.168.1.1        | private
            192.175.48.1       | AS112 direct delegation
            198.18.0.1         | benchmarking
            198.19.255.255     | benchmarking
            198.51.100.7       | documentation (TEST-NET-2)
            203.0.113.9        | documentation (TEST-NET-3)
            224.0.0.251        | multicast
            239.255.255.250    | multicast
            240.0.0.1          | reserved
            255.255.255.255    | limited broadcast
            ::                 | unspecified
            ::1                | loopback
            100::1             | discard-only
            64:ff9b:1::a00:1   | local-use IPv4/IPv6 translation
            2001:0:4136:e378:8000:63bf:3fff:fdd2 | Teredo (embeds an IPv4 address)
            2001:2::1          | IETF protocol assignments
            2001:db8::1        | documentation
            2002:a00:1::1      | 6to4 (embeds an IPv4 address)
            2002:808:808::1    | 6to4 (embeds an IPv4 address)
            2620:4f:8000::1    | AS112 direct delegation
            3fff::1            | documentation
            5f00::1            | segment routing (SRv6) SIDs
            fc00::1            | unique local
            fd12:3456::1       | unique local
            fe80::1            | link-local
            fec0::1            | deprecated site-local
            ff02::1            | multicast
            ::10.0.0.1         | IPv4-compatible form of 10.0.0.1 (private)
            ::127.0.0.1        | IPv4-compatible form of 127.0.0.1 (loopback)
            64:ff9b::a9fe:a9fe | NAT64 form of 169.254.169.254 (link-local)
            64:ff9b::c0a8:101  | NAT64 form of 192.168.1.1 (private)
            2401:db00::5efe:a00:1   | ISATAP form of 10.0.0.1 (private)
            2401:db00::200:5efe:c0a8:101 | ISATAP form of 192.168.1.1 (private)
            """)
    void specialAddress_isNamed(String address, String kind) throws Exception {
        assertThat(SpecialAddresses.kind(InetAddress.getByName(address))).contains(kind);
    }

    /** IPv4-mapped literals become IPv4 addresses in Java; the 16-byte form is judged the same way. */
    @ParameterizedTest
    @CsvSource({"10.0.0.1, IPv4-mapped form of 10.0.0.1 (private)", "169.254.169.254, IPv4-mapped form of 169.254.169.254 (link-local)"})
    void ipv4MappedBytes_areJudgedByTheirIpv4Address(String ipv4, String kind) throws Exception {
        byte[] v4 = InetAddress.getByName(ipv4).getAddress();
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(v4, 0, mapped, 12, 4);
        assertThat(SpecialAddresses.kind(mapped)).contains(kind);
        assertThat(SpecialAddresses.kind(InetAddress.getByName("::ffff:" + ipv4))).isPresent();
    }

    @ParameterizedTest
    @CsvSource({"8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.0", "172.15.255.255", "172.32.0.0", "192.0.1.1",
            "198.17.255.255", "198.20.0.0", "223.255.255.255", "2404:6800:4005:80c::200e", "2001:200::1",
            "64:ff9b::808:808", "::8.8.8.8", "2401:db00::5efe:808:808", "103.28.36.1"})
    void publicAddress_isOpen(String address) throws Exception {
        assertThat(SpecialAddresses.kind(InetAddress.getByName(address))).isEmpty();
    }
}
