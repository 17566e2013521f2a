package vn.iocstream.jobs.detectors;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.iocstream.core.model.AlertDrivers;
import vn.iocstream.core.model.Locality;

/**
 * The drivers and the locality of a media alert, from the posts behind it (the detectors' evidence samples: the
 * earliest posts of each bucket of the window, so the counts are counts among those posts, not of every post).
 */
public final class MediaDrivers {
    private static final int TOP = 5;

    private MediaDrivers() {}

    /**
     * @param posts            the sampled posts of the window (any order)
     * @param pickupLagSeconds for a social → press pickup, the lag; else null
     */
    public static AlertDrivers of(List<PostFacets> posts, Long pickupLagSeconds) {
        List<PostFacets> known = posts.stream().filter(Objects::nonNull).toList();
        Map<String, Long> phrases = new HashMap<>();
        Map<String, Long> entities = new HashMap<>();
        Map<String, Long> outlets = new HashMap<>();
        Map<String, Long> places = new HashMap<>();
        for (PostFacets p : known) {
            p.phrases.forEach(x -> phrases.merge(x, 1L, Long::sum));
            p.entities.forEach(x -> entities.merge(x, 1L, Long::sum));
            if (!p.outlet.isEmpty()) outlets.merge(p.outlet, 1L, Long::sum);
            if (!p.province.isEmpty()) places.merge(p.province, 1L, Long::sum);
        }
        AlertDrivers.FirstPost first = known.stream()
                .min(Comparator.comparingLong((PostFacets p) -> p.timeMs).thenComparing(p -> p.postId))
                .map(p -> new AlertDrivers.FirstPost(p.postId, p.title, p.url, p.outlet, Instant.ofEpochMilli(p.timeMs)))
                .orElse(null);
        return new AlertDrivers(AlertDrivers.top(phrases, TOP), AlertDrivers.top(entities, TOP), AlertDrivers.top(outlets, TOP),
                AlertDrivers.top(places, TOP), first, pickupLagSeconds, null, null, null);
    }

    /**
     * The province most of the posts concern, when at least half of those with a province share it; a story spread
     * over the country has no locality (only unrestricted users see it).
     */
    public static Locality locality(List<PostFacets> posts) {
        Map<String, Long> provinces = new HashMap<>();
        long withProvince = 0;
        for (PostFacets p : posts) {
            if (p == null || p.province.isEmpty()) continue;
            provinces.merge(p.province, 1L, Long::sum);
            withProvince++;
        }
        long total = withProvince;
        return provinces.entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .filter(e -> 2 * e.getValue() >= total)
                .map(e -> Locality.province(e.getKey()))
                .orElse(Locality.UNKNOWN);
    }
}
