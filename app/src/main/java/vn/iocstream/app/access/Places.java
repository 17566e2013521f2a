package vn.iocstream.app.access;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.iocstream.core.geo.Gazetteer;

/**
 * Where the things that carry no place of their own are: road segments (traffic readings, congestion alerts)
 * and security sites (a sensor or log source name → its place). Configured as {@code id: "phường Tam Hiệp,
 * tỉnh Đồng Nai"} in the written form of a {@link Scope}; an id not listed is in no scope but {@code all}.
 */
public record Places(Map<String, Locality> segments, Map<String, Locality> sites) {
    public Places {
        segments = Map.copyOf(segments);
        sites = Map.copyOf(sites);
    }

    public static final Places NONE = new Places(Map.of(), Map.of());

    /** @throws IllegalArgumentException naming the entry whose place is not understood */
    public static Places parse(Map<String, String> segments, Map<String, String> sites, Gazetteer gazetteer) {
        return new Places(parse("segments", segments, gazetteer), parse("sites", sites, gazetteer));
    }

    private static Map<String, Locality> parse(String what, Map<String, String> written, Gazetteer gazetteer) {
        Map<String, Locality> out = new LinkedHashMap<>();
        if (written == null) return out;
        written.forEach((id, place) -> {
            try {
                out.put(id, Locality.of(Scope.parse(place, gazetteer)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("controlRoom." + what + "." + id + ": " + e.getMessage());
            }
        });
        return out;
    }
}
