package vn.iocstream.nlp.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.iocstream.nlp.Fingerprints;

/**
 * Groups posts into stories by their fingerprints: a post joins the story of the first remembered post (in the
 * order posts were assigned) whose fingerprint is within {@code maxDistance} bits, else it starts a story of its own
 * (story id = its id). Posts older than {@code windowMs} (event time) before the newest one are forgotten. A post
 * without words (fingerprint 0) is a story of its own and is not remembered: empty posts are not one story.
 *
 * <p>Every remembered post within {@code maxDistance} bits is found, not most of them: the 64 bits are cut into
 * four blocks of 16, and two fingerprints at most k bits apart differ in at most ⌊k/4⌋ bits in one of the blocks
 * (pigeonhole). Each block has a table from its 16-bit value to the posts that have it, oldest first; a lookup
 * probes, in each table, every value within ⌊k/4⌋ bits of the post's block (multi-probe, as in Manku, Jain and
 * Das Sarma 2007, with the permuted tables replaced by probes) and checks the whole distance of what it finds,
 * stopping in each list at its first match. For k = 10 that is 4 × 137 probes; a list holds N/65,536 posts on
 * average. The answer is exactly that of comparing the post with every remembered one in order, so ids do not
 * depend on how the index is laid out.
 *
 * <p>State: per remembered post its fingerprint, time, story id and one link per block, in arrays that double when
 * full (about 40 bytes a post besides the ids); the tables are 2 × 4 × 65,536 ints. Pure Java, not thread-safe; the
 * Flink operator keeps one per subtask.
 */
public final class StoryIndex {
    /**
     * The largest supported distance: 4 × 2,517 probes a post. Beyond it unrelated posts join by chance: two
     * random fingerprints are within 16 bits with probability 3.9 × 10⁻⁵, so among 100,000 posts a new one would
     * find about four.
     */
    public static final int MAX_DISTANCE = 16;
    private static final int BLOCKS = 4;
    private static final int BLOCK_BITS = 16;
    private static final int NONE = -1;

    private final int maxDistance;
    private final long windowMs;
    /** Every 16-bit value within ⌊maxDistance/4⌋ bits of 0, to XOR onto a block. */
    private final int[] probes;
    /** Per block and block value, the oldest and the newest slot with that value, or NONE. */
    private final int[][] first = new int[BLOCKS][1 << BLOCK_BITS];
    private final int[][] last = new int[BLOCKS][1 << BLOCK_BITS];

    // Remembered posts in arrival order, in a ring of slots: head is the oldest, size how many.
    private long[] fingerprints;
    private long[] times;
    private String[] stories;
    /** Per slot and block (slot * BLOCKS + block), the next newer slot with the same block value, or NONE. */
    private int[] next;
    private int head;
    private int size;
    private long newestMs = Long.MIN_VALUE;

    public StoryIndex(int maxDistance, long windowMs) {
        if (maxDistance < 0 || maxDistance > MAX_DISTANCE) {
            throw new IllegalArgumentException("story distance must be 0.." + MAX_DISTANCE + " bits, not " + maxDistance);
        }
        this.maxDistance = maxDistance;
        this.windowMs = windowMs;
        this.probes = masksWithin(maxDistance / BLOCKS);
        allocate(64);
    }

    /** Assigns a story to a post and remembers it; the same inputs in the same order give the same ids. */
    public String assign(String postId, long fingerprint, long eventTimeMs) {
        evictOlderThan(Math.max(newestMs, eventTimeMs) - windowMs);
        if (fingerprint == 0) return postId;
        int best = NONE;
        int bestAge = Integer.MAX_VALUE;
        for (int block = 0; block < BLOCKS; block++) {
            int value = blockValue(fingerprint, block);
            int[] firsts = first[block];
            for (int mask : probes) {
                for (int slot = firsts[value ^ mask]; slot != NONE; slot = next[slot * BLOCKS + block]) {
                    if (Fingerprints.hamming(fingerprints[slot], fingerprint) <= maxDistance) {
                        int age = order(slot);
                        if (age < bestAge) {
                            best = slot;
                            bestAge = age;
                        }
                        break; // the rest of this list came later
                    }
                }
            }
        }
        String story = best == NONE ? postId : stories[best];
        remember(story, fingerprint, eventTimeMs);
        return story;
    }

    /** Posts remembered (for state-size checks). */
    public int size() {
        return size;
    }

    /** Everything remembered, oldest first: what a checkpoint stores. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int slot = slot(i);
            out.add(new Entry(stories[slot], fingerprints[slot], times[slot]));
        }
        return out;
    }

    /** Rebuilds an index from {@link #entries()}. */
    public static StoryIndex restore(int maxDistance, long windowMs, List<Entry> entries) {
        StoryIndex index = new StoryIndex(maxDistance, windowMs);
        for (Entry e : entries) index.remember(e.storyId(), e.fingerprint(), e.timeMs());
        return index;
    }

    /** Position of a slot in arrival order, 0 for the oldest remembered post. */
    private int order(int slot) {
        return Math.floorMod(slot - head, fingerprints.length);
    }

    private void remember(String story, long fingerprint, long timeMs) {
        if (size == fingerprints.length) grow();
        newestMs = Math.max(newestMs, timeMs);
        int slot = slot(size++);
        fingerprints[slot] = fingerprint;
        times[slot] = timeMs;
        stories[slot] = story;
        for (int block = 0; block < BLOCKS; block++) {
            int value = blockValue(fingerprint, block);
            next[slot * BLOCKS + block] = NONE;
            int newest = last[block][value];
            if (newest == NONE) first[block][value] = slot;
            else next[newest * BLOCKS + block] = slot;
            last[block][value] = slot;
        }
    }

    private void evictOlderThan(long cutoffMs) {
        // Slots are in arrival order, which is close to but not exactly event order: stop at the first young one.
        // The oldest slot is first in each of its lists.
        while (size > 0 && times[head] < cutoffMs) {
            for (int block = 0; block < BLOCKS; block++) {
                int value = blockValue(fingerprints[head], block);
                int newer = next[head * BLOCKS + block];
                first[block][value] = newer;
                if (newer == NONE) last[block][value] = NONE;
            }
            stories[head] = null;
            head = (head + 1) % fingerprints.length;
            size--;
        }
    }

    /** Twice the room; slots are renumbered from the oldest and the tables rebuilt. */
    private void grow() {
        long[] f = fingerprints;
        long[] t = times;
        String[] s = stories;
        int oldHead = head;
        int count = size;
        allocate(f.length * 2);
        for (int i = 0; i < count; i++) {
            int from = (oldHead + i) % f.length;
            remember(s[from], f[from], t[from]);
        }
    }

    private void allocate(int capacity) {
        fingerprints = new long[capacity];
        times = new long[capacity];
        stories = new String[capacity];
        next = new int[capacity * BLOCKS];
        for (int[] table : first) Arrays.fill(table, NONE);
        for (int[] table : last) Arrays.fill(table, NONE);
        head = 0;
        size = 0;
    }

    private int slot(int i) {
        return (head + i) % fingerprints.length;
    }

    private static int blockValue(long fingerprint, int block) {
        return (int) (fingerprint >>> (block * BLOCK_BITS)) & ((1 << BLOCK_BITS) - 1);
    }

    /** Every 16-bit mask with at most {@code bits} ones, fewest ones first. */
    static int[] masksWithin(int bits) {
        List<Integer> masks = new ArrayList<>();
        for (int ones = 0; ones <= bits; ones++) {
            for (int m = 0; m < 1 << BLOCK_BITS; m++) {
                if (Integer.bitCount(m) == ones) masks.add(m);
            }
        }
        return masks.stream().mapToInt(Integer::intValue).toArray();
    }

    /** One remembered post: the story it joined, its fingerprint and event time. */
    public record Entry(String storyId, long fingerprint, long timeMs) {}
}
