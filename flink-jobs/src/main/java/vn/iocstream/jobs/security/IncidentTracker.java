package vn.iocstream.jobs.security;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Threshold-in-a-window with incidents, for one rule and key: when {@code threshold} occurrences (or distinct
 * values) fall within {@code windowMs} of event time, an incident opens and is reported at once; it stays open
 * while hits keep coming within the window of the previous one, and is reported again at close if it grew.
 * Hits must arrive in event-time order (the operator sorts them by watermark), which makes the incident's
 * first time — and so the alert id — the same on every replay. The one exception: an alert already sent ahead of
 * the watermark for a hit that opens an incident by itself ({@link #openedAlone}) keeps its id when an earlier
 * hit turns up after it ({@link #adopt}), because that alert is out and its close report must update it.
 */
public final class IncidentTracker implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Evidence ids kept per incident: enough to drill down, few enough for an alert message. */
    public static final int SAMPLES = 10;
    /** Distinct values remembered in an open incident; a full 65,535-port sweep stops counting here. */
    public static final int MAX_DISTINCT = 10_000;

    /**
     * What an alert reports.
     *
     * @param anchorMs the time the alert id is anchored at: {@code firstMs}, or that of the alert sent ahead
     * @param distinct the distinct values counted (a scan's ports or hosts; capped), sorted; empty for counting rules
     */
    public record Incident(long anchorMs, long firstMs, long lastMs, long count, List<String> sampleIds, String severity,
                           List<String> distinct) {}

    private final int threshold;
    private final long windowMs;

    public IncidentTracker(int threshold, long windowMs) {
        if (threshold < 1 || windowMs < 1) throw new IllegalArgumentException("threshold and window must be positive");
        this.threshold = threshold;
        this.windowMs = windowMs;
    }

    /** Adds a hit; returns the incident when this hit opens one. */
    public Optional<Incident> add(IncidentState s, RuleHit hit) {
        long t = hit.timeMs();
        if (s.open) {
            if (t - s.lastMs > windowMs) { // the previous incident ended; the caller's timer had not fired yet
                s.open = false;
                s.distinctSeen.clear();
                s.samples.clear();
            } else {
                grow(s, hit);
                return Optional.empty();
            }
        }
        return hit.distinct() == null ? addCounted(s, hit) : addDistinct(s, hit);
    }

    /**
     * The incident {@code hit} would open by itself if it were the next hit added to {@code s}, which is what an
     * alert can be sent on before the watermark orders the hits: a counting hit that reaches the threshold alone,
     * with no incident open and no earlier hit pending in its window. Empty for every other hit: a scan, or a hit
     * that needs others to reach the threshold, opens an incident only with the hits that have arrived, so it
     * depends on arrival order and must wait for the watermark.
     */
    public Optional<Incident> openedAlone(IncidentState s, RuleHit hit) {
        long t = hit.timeMs();
        boolean open = s.open && t - s.lastMs <= windowMs;
        boolean earlier = !s.times.isEmpty() && s.times.get(s.times.size() - 1) > t - windowMs;
        if (hit.distinct() != null || hit.weight() < threshold || open || earlier) return Optional.empty();
        return add(new IncidentState(), hit);
    }

    /**
     * Called on the incident {@code s} has just opened while an alert sent ahead for a hit at {@code announcedMs} is
     * still unmatched: if that hit will fall into this incident (within a window of its last hit so far — hits are
     * added in time order, so nothing can close it before), the incident takes the announced time as its alert
     * anchor and returns true: its opening alert is the one already sent.
     */
    public boolean adopt(IncidentState s, long announcedMs) {
        if (!s.open || announcedMs - s.lastMs > windowMs) return false;
        s.anchorMs = announcedMs;
        return true;
    }

    private Optional<Incident> addCounted(IncidentState s, RuleHit hit) {
        long t = hit.timeMs();
        while (!s.times.isEmpty() && s.times.get(0) <= t - windowMs) {
            s.times.remove(0);
            s.weights.remove(0);
            s.ids.remove(0);
        }
        s.times.add(t);
        s.weights.add(hit.weight());
        s.ids.add(hit.eventId());
        long sum = 0;
        for (int w : s.weights) sum += w;
        if (sum < threshold) return Optional.empty();
        Incident opened = open(s, s.times.get(0), t, sum, s.ids, hit.severity());
        s.times.clear();
        s.weights.clear();
        s.ids.clear();
        return Optional.of(opened);
    }

    private Optional<Incident> addDistinct(IncidentState s, RuleHit hit) {
        long t = hit.timeMs();
        s.distinctLastSeen.entrySet().removeIf(e -> e.getValue() <= t - windowMs);
        s.distinctId.keySet().retainAll(s.distinctLastSeen.keySet());
        s.distinctLastSeen.put(hit.distinct(), t);
        s.distinctId.putIfAbsent(hit.distinct(), hit.eventId());
        if (s.distinctLastSeen.size() < threshold) return Optional.empty();
        List<Map.Entry<String, Long>> byTime = new ArrayList<>(s.distinctLastSeen.entrySet());
        byTime.sort(Map.Entry.comparingByValue(Comparator.naturalOrder()));
        List<String> ids = byTime.stream().map(e -> s.distinctId.get(e.getKey())).toList();
        Incident opened = open(s, byTime.get(0).getValue(), t, byTime.size(), ids, hit.severity());
        s.distinctSeen.addAll(s.distinctLastSeen.keySet());
        s.distinctLastSeen.clear();
        s.distinctId.clear();
        return Optional.of(opened);
    }

    private static Incident open(IncidentState s, long first, long last, long count, List<String> ids, String severity) {
        s.open = true;
        s.anchorMs = null;
        s.firstMs = first;
        s.lastMs = last;
        s.count = count;
        s.alertedCount = count;
        s.severity = severity;
        s.samples = new ArrayList<>(ids.subList(0, Math.min(SAMPLES, ids.size())));
        return snapshot(s);
    }

    private static void grow(IncidentState s, RuleHit hit) {
        s.lastMs = Math.max(s.lastMs, hit.timeMs());
        if (hit.distinct() == null) {
            s.count += hit.weight();
        } else if (s.distinctSeen.size() < MAX_DISTINCT && s.distinctSeen.add(hit.distinct())) {
            s.count++;
        } else {
            return;
        }
        if (s.samples.size() < SAMPLES) s.samples.add(hit.eventId());
    }

    /** Event time at which the key's state can go: one window after its last hit. */
    public long expiresAtMs(IncidentState s) {
        if (s.open) return s.lastMs + windowMs;
        // Plain loops: this runs for every hit and every timer of the busiest operator.
        long last = s.times.isEmpty() ? Long.MIN_VALUE : s.times.get(s.times.size() - 1);
        for (long seen : s.distinctLastSeen.values()) last = Math.max(last, seen);
        return last + windowMs;
    }

    /** At expiry: the final report of an open incident that grew since it was reported, if any. */
    public Optional<Incident> close(IncidentState s) {
        return s.open && s.count > s.alertedCount ? Optional.of(snapshot(s)) : Optional.empty();
    }

    private static Incident snapshot(IncidentState s) {
        return new Incident(s.anchorMs == null ? s.firstMs : s.anchorMs, s.firstMs, s.lastMs, s.count, List.copyOf(s.samples), s.severity,
                s.distinctSeen.stream().sorted().toList());
    }
}
