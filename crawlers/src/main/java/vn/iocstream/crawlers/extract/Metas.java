package vn.iocstream.crawlers.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Every meta tag's content by its property, name or itemprop (lower case), read in one pass: a selector per field
 * would walk the whole page each time, and pages are mostly markup. Meta tags in the body count only inside the
 * story: related stories carry their own {@code itemprop=datePublished}.
 */
public final class Metas {
    private final Map<String, List<String>> byKey = new HashMap<>();

    private Metas() {}

    /**
     * @param all  the page's meta elements in page order
     * @param head those of them in the head
     */
    static Metas of(List<Element> all, Set<Element> head, StoryScope scope) {
        Metas metas = new Metas();
        for (Element m : all) {
            String key = first(m.attr("property"), m.attr("name"), m.attr("itemprop"));
            if (key == null || !m.hasAttr("content") || !head.contains(m) && !scope.inStory(m)) continue;
            metas.byKey.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(m.attr("content"));
        }
        return metas;
    }

    /** The first non-blank content of {@code key}, trimmed, or null. */
    public String first(String key) {
        for (String v : byKey.getOrDefault(key, List.of())) {
            if (!v.isBlank()) return v.trim();
        }
        return null;
    }

    /** Every content of {@code key}, in page order. */
    public List<String> all(String key) {
        return byKey.getOrDefault(key, List.of());
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) return v.trim();
        }
        return null;
    }
}
