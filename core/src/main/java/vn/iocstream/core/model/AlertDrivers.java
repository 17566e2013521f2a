package vn.iocstream.core.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * What caused an alert, in the form a person reads in ten seconds. Every list is short (the producer keeps the
 * top few) and ordered by count, highest first; lists that do not apply to a rule are empty.
 *
 * @param phrases          key phrases of the posts behind a media alert
 * @param entities         people and organisations they name
 * @param outlets          the outlets or pages that published them
 * @param communes         communes/wards (or provinces when no commune is known) they concern
 * @param first            the earliest post behind the alert, or null
 * @param pickupLagSeconds for a social → press pickup: seconds from the first social post to the first press
 *                         post; null otherwise
 * @param sources          security: attacking addresses (or sensors) with their event counts
 * @param targets          security: hosts, ports, paths or accounts targeted, with counts
 * @param facts            one-line statements with numbers a rule knows (e.g. {@code Tốc độ 12 km/h, thường 46 km/h})
 */
public record AlertDrivers(List<Facet> phrases, List<Facet> entities, List<Facet> outlets, List<Facet> communes,
                           FirstPost first, Long pickupLagSeconds, List<Facet> sources, List<Facet> targets,
                           List<String> facts) implements Serializable {
    public static final AlertDrivers NONE = new AlertDrivers(null, null, null, null, null, null, null, null, null);

    public AlertDrivers {
        phrases = copy(phrases);
        entities = copy(entities);
        outlets = copy(outlets);
        communes = copy(communes);
        sources = copy(sources);
        targets = copy(targets);
        facts = copy(facts);
    }

    /** Drivers of a security alert: who attacked what. */
    public static AlertDrivers security(List<Facet> sources, List<Facet> targets, List<String> facts) {
        return new AlertDrivers(null, null, null, null, null, null, sources, targets, facts);
    }

    /** Drivers that are only statements (traffic, source health). */
    public static AlertDrivers facts(List<String> facts) {
        return new AlertDrivers(null, null, null, null, null, null, null, null, facts);
    }

    /** The {@code n} names with the highest counts, highest first (ties by name, so a replay gives the same list). */
    public static List<Facet> top(java.util.Map<String, Long> counts, int n) {
        return counts.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(java.util.Map.Entry.comparingByKey()))
                .limit(n).map(e -> new Facet(e.getKey(), e.getValue())).toList();
    }

    /** A name and how many of the alert's events carry it. */
    public record Facet(String name, long count) implements Serializable {}

    /** The earliest post behind a media alert. */
    public record FirstPost(String id, String title, String url, String outlet, Instant at) implements Serializable {}

    private static <T> List<T> copy(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
