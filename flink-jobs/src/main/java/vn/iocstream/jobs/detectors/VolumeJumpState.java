package vn.iocstream.jobs.detectors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * State of {@link VolumeJumpDetector} for one key. A Flink POJO (public fields, no-arg constructor) so that
 * keyed state stores it efficiently; at most horizon/bucket entries in {@code counts}.
 */
public class VolumeJumpState {
    /** Events per bucket (bucket index → count). */
    public Map<Long, Long> counts = new HashMap<>();
    /** The earliest bucket ever seen for this key: there is no baseline before it. */
    public Long firstBucket;
    /** Inside a reported episode: no new report until the volume falls back. */
    public boolean alerting;
    /** Event times and ids of the most recent events, parallel lists, oldest first (bounded). */
    public List<Long> evidenceTimes = new ArrayList<>();
    public List<String> evidenceIds = new ArrayList<>();
    /** What each evidence post says (parallel to the ids; null entries for events without facets). */
    public List<PostFacets> evidenceFacets = new ArrayList<>();

    public VolumeJumpState() {}
}
