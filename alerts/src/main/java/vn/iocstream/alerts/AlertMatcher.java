package vn.iocstream.alerts;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.iocstream.core.model.AlertKinds;
import vn.iocstream.core.model.Locality;

/**
 * Which alerts a route or a silence applies to. Every part is optional (null or empty = any) and the parts are
 * ANDed; within a list the values are ORed.
 *
 * @param kinds      kinds or globs: {@code security.*}, {@code media.trend}, {@code *}
 * @param severities info, warning, critical
 * @param province   a province (old names accepted, stored as the current unit): matches every alert in it, its
 *                   communes included
 * @param commune    a commune/ward of {@code province} (prefix and case do not matter)
 * @param labels     label name → value or glob ({@code dvc-*}); {@code rule} and {@code key} can be matched as labels
 * @param dedupKey   exactly this dedup key (silence one noisy alert)
 */
public record AlertMatcher(List<String> kinds, Set<String> severities, String province, String commune,
                           Map<String, String> labels, String dedupKey) {
    private static final Pattern KIND_GLOB = Pattern.compile("\\*|[a-z_]+(\\.([a-z_]+|\\*))?");
    /** Matches everything (a route without {@code match}). */
    public static final AlertMatcher ANY = new AlertMatcher(null, null, null, null, null, null);

    public AlertMatcher {
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        for (String k : kinds) {
            if (k == null || !KIND_GLOB.matcher(k).matches()) {
                throw new IllegalArgumentException("bad kind '" + k + "' (a kind such as security.scan, or security.*)");
            }
        }
        severities = severities == null ? Set.of() : Set.copyOf(severities);
        for (String s : severities) {
            if (!AlertKinds.isSeverity(s)) throw new IllegalArgumentException("unknown severity '" + s + "' (info, warning, critical)");
        }
        province = province == null || province.isBlank() ? null : Localities.province(province);
        commune = commune == null || commune.isBlank() ? null : commune.strip();
        if (commune != null && province == null) throw new IllegalArgumentException("a commune needs its province");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        dedupKey = dedupKey == null || dedupKey.isBlank() ? null : dedupKey;
    }

    /** True when no part is set: it would match every alert. */
    public boolean matchesEverything() {
        return kinds.isEmpty() && severities.isEmpty() && province == null && labels.isEmpty() && dedupKey == null;
    }

    /** The locality this matcher is confined to, or {@link Locality#UNKNOWN} when it names none. */
    public Locality locality() {
        return new Locality(province, commune);
    }

    public boolean matches(String kind, String severity, Locality locality, Map<String, String> alertLabels,
                           String rule, String key, String alertDedupKey) {
        if (!kinds.isEmpty() && kinds.stream().noneMatch(k -> kindMatches(k, kind))) return false;
        if (!severities.isEmpty() && !severities.contains(severity)) return false;
        if (province != null) {
            Locality l = Localities.normalise(locality);
            if (!province.equals(l.province())) return false;
            if (commune != null && (l.commune() == null
                    || !Localities.communeKey(commune).equals(Localities.communeKey(l.commune())))) return false;
        }
        for (Map.Entry<String, String> e : labels.entrySet()) {
            String value = switch (e.getKey()) {
                case "rule" -> rule;
                case "key" -> key;
                default -> alertLabels.get(e.getKey());
            };
            if (value == null || !Globs.matches(e.getValue(), value)) return false;
        }
        return dedupKey == null || dedupKey.equals(alertDedupKey);
    }

    public boolean matches(AlertView a) {
        return matches(a.kind(), a.severity(), a.locality(), a.labels(), a.rule(), a.key(), a.dedupKey());
    }

    private static boolean kindMatches(String glob, String kind) {
        if (kind == null) return false;
        if (glob.equals("*")) return true;
        if (glob.endsWith(".*")) return kind.startsWith(glob.substring(0, glob.length() - 1));
        return glob.equals(kind);
    }
}
