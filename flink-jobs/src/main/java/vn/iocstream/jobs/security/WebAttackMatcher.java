package vn.iocstream.jobs.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names the web probe or attack a request path shows, or null. Patterns are deliberately few and specific
 * (what scanners and exploit kits actually send) so that ordinary pages stay quiet; the path is matched
 * raw, URL-decoded once and decoded twice, because attacks hide behind (double) percent-encoding.
 */
public final class WebAttackMatcher {
    private record Signature(String name, Pattern pattern) {}

    private static final List<Signature> SIGNATURES = List.of(
            sig("path-traversal", "(\\.\\./|\\.\\.\\\\|%2e%2e%2f|\\.\\.%2f|%2e%2e/)"),
            sig("etc-passwd", "/etc/(passwd|shadow)|boot\\.ini|win\\.ini"),
            sig("sql-injection", "(\\bunion\\b[\\s+/*]+(all[\\s+/*]+)?select\\b|\\bor\\b[\\s+]+['\"]?\\d+['\"]?[\\s+]*=[\\s+]*['\"]?\\d+"
                    + "|'[\\s+]*or[\\s+]+'|\\bsleep\\(\\d+\\)|\\bbenchmark\\(|information_schema|\\bxp_cmdshell\\b|;[\\s+]*drop[\\s+]+table)"),
            sig("xss", "(<script|javascript:|onerror[\\s+]*=|onload[\\s+]*=|<svg[\\s+/]|<img[^>]+src|alert\\()"),
            sig("shell-injection", "(;|\\||`|\\$\\()[\\s+]*(wget|curl|bash|sh|nc|cat)\\b|/bin/(ba)?sh"),
            sig("wp-login", "/wp-login\\.php"),
            sig("xmlrpc", "/xmlrpc\\.php"),
            sig("admin-probe", "/(phpmyadmin|pma|myadmin|wp-admin/setup-config\\.php|administrator/index\\.php|manager/html)(/|$|\\?)"),
            sig("sensitive-file", "/(\\.env|\\.git/|\\.svn/|\\.htaccess|\\.htpasswd|web\\.config|wp-config\\.php)"),
            sig("cgi-probe", "/cgi-bin/.*\\.(sh|cgi|pl)|/shell\\?|/boaform/"));

    private WebAttackMatcher() {}

    private static Signature sig(String name, String regex) {
        return new Signature(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    }

    /** @return the first matching signature's name, or null when the path looks ordinary */
    public static String match(String path) {
        if (path == null || path.isEmpty()) return null;
        String once = decode(path);
        String twice = decode(once);
        // Each distinct text is matched once (most paths have nothing to decode, and matching is the cost): the
        // patterns ignore ASCII case, so an ASCII path without '%' matches exactly as its lowercase decoding
        // does, and a decoding that changed nothing matches as the text it came from.
        boolean matchRaw = !plainAscii(path);
        boolean matchTwice = !twice.equals(once);
        for (Signature s : SIGNATURES) {
            if ((matchRaw && s.pattern.matcher(path).find()) || s.pattern.matcher(once).find()
                    || (matchTwice && s.pattern.matcher(twice).find())) {
                return s.name;
            }
        }
        return null;
    }

    private static boolean plainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c == '%') return false;
        }
        return true;
    }

    private static String decode(String s) {
        try {
            // '+' stays '+': the patterns accept it as a space, and decoding it would hide nothing.
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) { // a stray '%': match the raw text only
            return s;
        }
    }
}
