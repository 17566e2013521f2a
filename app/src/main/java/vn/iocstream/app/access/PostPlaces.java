package vn.iocstream.app.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.iocstream.core.model.EnrichedPost;
import vn.iocstream.core.model.EntityMention;

/**
 * The places of a post as access keys for the search index, by the same rule as {@link ScopeSql#posts()}:
 * {@code p:<province>} for its province and every province its place entities resolve to, and
 * {@code c:<place as written, lower case>|<province>} for each place it names, in each of its
 * provinces. {@link #keysOf(Scope)} gives the keys a scope may see; a post is visible when they meet.
 */
public final class PostPlaces {
    private PostPlaces() {}

    public static List<String> keys(EnrichedPost post) {
        Set<String> provinces = new LinkedHashSet<>();
        if (post.province() != null && !post.province().isBlank()) provinces.add(Scope.provinceSlug(post.province()));
        Set<String> names = new LinkedHashSet<>();
        if (post.entities() != null) {
            for (EntityMention e : post.entities()) {
                if (!"LOCATION".equals(e.type())) continue;
                if (e.canonicalId() != null && e.canonicalId().startsWith("province:")) provinces.add(e.canonicalId().substring("province:".length()));
                // Lower case only, as ClickHouse's lowerUTF8 compares: the scope's spellings hold the folded form.
                if (e.text() != null && !e.text().isBlank()) names.add(e.text().toLowerCase(Locale.ROOT));
            }
        }
        List<String> keys = new ArrayList<>();
        for (String p : provinces) {
            keys.add("p:" + p);
            for (String n : names) keys.add("c:" + n + "|" + p);
        }
        return keys;
    }

    /** The keys a scope may see; null for an unrestricted scope. */
    public static List<String> keysOf(Scope scope) {
        if (scope.all()) return null;
        List<String> keys = new ArrayList<>();
        scope.provinces().forEach(p -> keys.add("p:" + Scope.provinceSlug(p)));
        for (Scope.Commune c : scope.communes()) {
            for (String spelling : c.spellings()) keys.add("c:" + spelling + "|" + Scope.provinceSlug(c.province()));
        }
        return keys;
    }
}
