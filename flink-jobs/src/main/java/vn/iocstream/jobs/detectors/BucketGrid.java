package vn.iocstream.jobs.detectors;

import java.io.Serializable;

/**
 * The event-time grid of a bucketed detector: buckets of {@code bucketMs}, compared as windows of
 * {@code bucketsPerWindow} buckets against {@code historyWindows} windows before. The operators set their
 * timers on it: one at each bucket end, and a cleanup one millisecond off the grid once a whole horizon has
 * passed without events, so that the two can never be mistaken for each other.
 */
public record BucketGrid(long bucketMs, int bucketsPerWindow, int historyWindows) implements Serializable {
    public long bucketOf(long eventTimeMs) {
        return Math.floorDiv(eventTimeMs, bucketMs);
    }

    /** Last millisecond of a bucket: the event-time timer that closes it. */
    public long bucketEndMs(long bucket) {
        return (bucket + 1) * bucketMs - 1;
    }

    public boolean isBucketEnd(long timestampMs) {
        return Math.floorMod(timestampMs + 1, bucketMs) == 0;
    }

    /** How long after the last event the state is useless: the whole baseline horizon has passed. */
    public long horizonMs() {
        return (historyWindows + 1L) * bucketsPerWindow * bucketMs;
    }

    /** When the state of a key whose last event was at {@code lastEventMs} can be dropped. */
    public long cleanupTime(long lastEventMs) {
        return bucketEndMs(bucketOf(lastEventMs)) + horizonMs() + 1;
    }
}
