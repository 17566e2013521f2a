package vn.iocstream.crawlers;

import crawlercommons.domains.EffectiveTldFinder;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code <link rel="canonical">} of an HTML page, trusted only within the page's own site (same registrable
 * domain, e.g. m.baotayninh.vn → baotayninh.vn): a canonical pointing elsewhere is a syndicated copy's credit
 * or a hijack attempt, and must not make the crawler take this page for another site's URL.
 */
final class CanonicalLink {
    private static final Pattern LINK = Pattern.compile("(?is)<link\\b[^>]*>");
    private static final Pattern REL = Pattern.compile("(?i)\\srel\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))");
    private static final Pattern HREF = Pattern.compile("(?i)\\shref\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))");

    private CanonicalLink() {}

    /** The canonical URL the page declares in its head on its own site, else the page's URL. */
    static URI of(URI page, String html) {
        int headEnd = html.toLowerCase(Locale.ROOT).indexOf("</head");
        // Search engines ignore rel=canonical outside the head: a comment or a user's post could carry one.
        Matcher link = LINK.matcher(headEnd < 0 ? html : html.substring(0, headEnd));
        while (link.find()) {
            String tag = link.group();
            String rel = attribute(REL, tag);
            if (rel == null || Arrays.stream(rel.trim().split("\\s+")).noneMatch("canonical"::equalsIgnoreCase)) continue;
            String href = attribute(HREF, tag);
            if (href == null) return page;
            try {
                URI canonical = page.resolve(href.trim().replace("&amp;", "&"));
                return sameSite(page, canonical) ? canonical : page;
            } catch (IllegalArgumentException malformed) {
                return page;
            }
        }
        return page;
    }

    private static String attribute(Pattern p, String tag) {
        Matcher m = p.matcher(tag);
        if (!m.find()) return null;
        return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    }

    private static boolean sameSite(URI page, URI canonical) {
        String scheme = canonical.getScheme() == null ? "" : canonical.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || canonical.getHost() == null) return false;
        String a = page.getHost().toLowerCase(Locale.ROOT);
        String b = canonical.getHost().toLowerCase(Locale.ROOT);
        // IP addresses and single names come back unchanged, so they match only themselves.
        if (a.equals(b)) return true;
        String domain = EffectiveTldFinder.getAssignedDomain(a);
        return domain != null && domain.equals(EffectiveTldFinder.getAssignedDomain(b));
    }
}
