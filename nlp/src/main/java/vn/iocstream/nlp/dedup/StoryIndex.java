package vn.iocstream.nlp.dedup;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.iocstream.nlp.Fingerprints;

/**
 * Groups posts into stories by their SimHash fingerprints: a post joins the earliest recent story whose
 * fingerprint is within {@code maxDistance} bits, else it starts a story of its own (story id = its id).
 *
 * <p>Lookup is locality-sensitive: the 64 bits are cut into {@link #BANDS} bands, and only posts that share at
 * least one band exactly are compared. With 4 bands of 16 bits, two fingerprints within 3 bits always share a
 * band (pigeonhole); within 4–8 bits they usually do. Posts older than {@code windowMs} (event time) before
 * the newest one are forgotten, which bounds the state: syndicated copies appear within hours, not weeks.
 *
 * <p>Pure Java, not thread-safe; the Flink operator keeps one per subtask in keyed state.
 */
public final class StoryIndex {
    public static final int BANDS = 4;
    private static final int BAND_BITS = 64 / BANDS;

    private final int maxDistance;
    private final long windowMs;
    private final Map<Long, List<Entry>> byBand = new HashMap<>();
    private final Deque<Entry> byTime = new ArrayDeque<>();
    private long newestMs = Long.MIN_VALUE;

    public StoryIndex(int maxDistance, long windowMs) {
        this.maxDistance = maxDistance;
        this.windowMs = windowMs;
    }

    /** Assigns a story to a post and remembers it; the same inputs in the same order give the same ids. */
    public String assign(String postId, long fingerprint, long eventTimeMs) {
        evictOlderThan(Math.max(newestMs, eventTimeMs) - windowMs);
        Entry best = null;
        for (int band = 0; band < BANDS; band++) {
            for (Entry e : byBand.getOrDefault(bandKey(band, fingerprint), List.of())) {
                if (Fingerprints.hamming(e.fingerprint, fingerprint) <= maxDistance
                        && (best == null || e.timeMs < best.timeMs || (e.timeMs == best.timeMs && e.storyId.compareTo(best.storyId) < 0))) {
                    best = e;
                }
            }
        }
        Entry entry = new Entry(best == null ? postId : best.storyId, fingerprint, eventTimeMs);
        remember(entry);
        return entry.storyId;
    }

    /** Posts remembered (for state-size checks). */
    public int size() {
        return byTime.size();
    }

    /** Everything remembered, oldest first: what a checkpoint stores. */
    public List<Entry> entries() {
        return List.copyOf(byTime);
    }

    /** Rebuilds an index from {@link #entries()}. */
    public static StoryIndex restore(int maxDistance, long windowMs, List<Entry> entries) {
        StoryIndex index = new StoryIndex(maxDistance, windowMs);
        for (Entry e : entries) index.remember(e);
        return index;
    }

    private void remember(Entry entry) {
        newestMs = Math.max(newestMs, entry.timeMs);
        byTime.addLast(entry);
        for (int band = 0; band < BANDS; band++) byBand.computeIfAbsent(bandKey(band, entry.fingerprint), k -> new ArrayList<>()).add(entry);
    }

    private void evictOlderThan(long cutoffMs) {
        // byTime is in arrival order, which is close to but not exactly event order: stop at the first young one.
        while (!byTime.isEmpty() && byTime.peekFirst().timeMs < cutoffMs) {
            Entry old = byTime.removeFirst();
            for (int band = 0; band < BANDS; band++) {
                long key = bandKey(band, old.fingerprint);
                List<Entry> list = byBand.get(key);
                list.remove(old);
                if (list.isEmpty()) byBand.remove(key);
            }
        }
    }

    private static long bandKey(int band, long fingerprint) {
        long bits = (fingerprint >>> (band * BAND_BITS)) & ((1L << BAND_BITS) - 1);
        return ((long) band << BAND_BITS) | bits;
    }

    /** One remembered post: the story it joined, its fingerprint and event time. */
    public record Entry(String storyId, long fingerprint, long timeMs) {}
}
