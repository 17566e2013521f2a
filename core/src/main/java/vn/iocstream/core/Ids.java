package vn.iocstream.core;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Deterministic ids. Every replay must produce the same ids, so that ClickHouse's ReplacingMergeTree
 * collapses re-delivered rows instead of counting them twice.
 */
public final class Ids {
    private Ids() {}

    /** 16 hex characters of SHA-256 over the parts joined by U+001F (cannot occur in a URL or name). */
    public static String of(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) sha.update((byte) 0x1f);
                sha.update(parts[i].getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** Id of a post known by its URL: the hash of the canonical URL. */
    public static String forUrl(String url) {
        return of(canonicalUrl(url));
    }

    /**
     * Canonical form of a URL: lower-case scheme and host, no default port, no fragment, no tracking
     * parameters (utm_*, fbclid, gclid), so that the same article reached by two links gets one id.
     */
    public static String canonicalUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim()).normalize();
        } catch (IllegalArgumentException e) {
            return url.trim();
        }
        if (uri.getScheme() == null || uri.getHost() == null) return url.trim();
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        StringBuilder out = new StringBuilder(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
        if (!defaultPort) out.append(':').append(port);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        out.append(path);
        String query = uri.getRawQuery();
        if (query != null) {
            StringBuilder kept = new StringBuilder();
            for (String param : query.split("&")) {
                String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
                if (name.startsWith("utm_") || name.equals("fbclid") || name.equals("gclid") || param.isEmpty()) continue;
                if (kept.length() > 0) kept.append('&');
                kept.append(param);
            }
            if (kept.length() > 0) out.append('?').append(kept);
        }
        return out.toString();
    }
}
