package vn.iocstream.app.access;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.geo.Gazetteer;

/**
 * Where the rows that carry no place of their own are, from the same configuration that gives their alerts a
 * locality: road segments ({@code traffic.segments}, unlisted ones at {@code traffic.site}) and the security
 * sensors ({@code security.site}: one site for every security event).
 *
 * @param segments    segment id → place
 * @param otherSegments the place of segments not listed ({@link Locality#NOWHERE}: seen by scope {@code all} only)
 * @param security    the place of every security event
 */
public record Places(Map<String, Locality> segments, Locality otherSegments, Locality security) {
    public Places {
        segments = Map.copyOf(segments);
    }

    public static final Places NONE = new Places(Map.of(), Locality.NOWHERE, Locality.NOWHERE);

    public static Places of(IocConfig config, Gazetteer gazetteer) {
        Map<String, Locality> segments = new LinkedHashMap<>();
        config.traffic().segments().forEach((id, site) -> segments.put(id, locality(site, gazetteer)));
        return new Places(segments, locality(config.traffic().site(), gazetteer), locality(config.security().site(), gazetteer));
    }

    /** A configured site ({@code {province, commune}}) as a locality; no province is nowhere. */
    static Locality locality(IocConfig.Site site, Gazetteer gazetteer) {
        if (site == null || site.province() == null || site.province().isBlank()) return Locality.NOWHERE;
        String written = site.commune() == null || site.commune().isBlank() ? site.province() : site.commune() + ", " + site.province();
        return Locality.of(Scope.parse(written, gazetteer));
    }
}
