package vn.iocstream.jobs.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * State of one rule for one key, kept in Flink keyed state (a POJO: public fields, no-arg constructor).
 * Before the threshold is reached it holds only the hits of the current window, which are fewer than the
 * threshold; after, only counters, a few sample ids and the distinct values seen (capped).
 */
public final class IncidentState {
    /** Pending hits of a counting rule, in time order: time, weight, event id. */
    public List<Long> times = new ArrayList<>();
    public List<Integer> weights = new ArrayList<>();
    public List<String> ids = new ArrayList<>();
    /** Pending distinct values of a distinct rule: value → last time seen, value → an event id. */
    public Map<String, Long> distinctLastSeen = new HashMap<>();
    public Map<String, String> distinctId = new HashMap<>();

    public boolean open;
    /**
     * The time the open incident's alert id is anchored at when it is not {@link #firstMs}: that of an alert sent
     * ahead of the watermark which this incident took over. Null otherwise (also in state saved before it existed).
     */
    public Long anchorMs;
    public long firstMs;
    public long lastMs;
    public long count;
    /** Count when the alert was last emitted: the closing alert is sent only if it grew. */
    public long alertedCount;
    public String severity = "";
    public List<String> samples = new ArrayList<>();
    public Set<String> distinctSeen = new HashSet<>();

    public IncidentState() {}
}
