package vn.iocstream.crawlers.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import vn.iocstream.core.geo.VietnameseKeys;

/**
 * The names a site goes by (its og:site_name, its JSON-LD publisher, its application name, its host), to tell the
 * outlet from a journalist: pages put the outlet where the author belongs ("VnExpress" on vnexpress.net, "Dân Trí"
 * beside an og:site_name of "Báo điện tử Dân Trí").
 */
final class SiteNames {
    /** Host labels that are not the site's own name. */
    private static final Set<String> NOT_NAME_LABELS = Set.of("www", "m", "amp", "vn", "com", "net", "org", "gov", "edu",
            "info", "biz", "int", "example", "test");

    private static final Pattern DOMAIN = Pattern.compile("[\\w.-]+\\.[a-z]{2,}");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

    private final List<String> keys = new ArrayList<>();
    private final List<List<String>> wordLists = new ArrayList<>();

    /** @param names the site's names as the page states them; nulls are skipped */
    SiteNames(String url, String... names) {
        String hostName = hostName(url);
        if (hostName != null && !hostName.isEmpty()) keys.add(hostName);
        for (String n : names) {
            if (n == null || n.isBlank()) continue;
            List<String> words = words(n);
            if (words.isEmpty()) continue;
            wordLists.add(words);
            keys.add(String.join("", words));
            // A domain as the name: og:site_name "vnexpress.net"
            String domain = DOMAIN.matcher(n.trim()).matches() ? hostName("https://" + n.trim()) : null;
            if (domain != null && !domain.isEmpty()) keys.add(domain);
        }
    }

    /**
     * True when {@code name} is the site: the same key as one of its names ("VnExpress", "vnexpress.net"), a name
     * that holds one ("Báo Dân Trí" holds "dantri"), or the tail of a longer one ("Dân Trí" of "Báo điện tử Dân Trí").
     */
    boolean isSite(String name) {
        List<String> words = words(name);
        if (words.isEmpty()) return false;
        String key = String.join("", words);
        for (String site : keys) {
            if (key.equals(site) || site.length() >= 4 && key.contains(site)) return true;
        }
        for (List<String> site : wordLists) {
            if (words.size() >= 2 && Collections.indexOfSubList(site, words) >= 0) return true;
        }
        return false;
    }

    /** Lower-case words without diacritics. */
    static List<String> words(String s) {
        String folded = NOT_WORD.matcher(VietnameseKeys.fold(s)).replaceAll(" ").trim();
        return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
    }

    /** "vnexpress" for https://e.vnexpress.net/…, "dantri" for dantri.com.vn; null when there is no host. */
    static String hostName(String url) {
        String host;
        try {
            host = url == null ? null : URI.create(url.trim()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (host == null) return null;
        String[] labels = host.toLowerCase(java.util.Locale.ROOT).split("\\.");
        for (int i = labels.length - 1; i >= 0; i--) {
            if (!NOT_NAME_LABELS.contains(labels[i])) return NOT_WORD.matcher(labels[i]).replaceAll("");
        }
        return null;
    }
}
