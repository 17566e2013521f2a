package vn.iocstream.nlp.dedup;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.iocstream.nlp.Fingerprints;
import vn.iocstream.nlp.TextNormalizer;
import vn.iocstream.nlp.Tokenizer;

/**
 * Story grouping as it was before issue 13, kept only as the baseline that {@code ioc eval stories} and
 * {@code ioc bench stories} measure beside the current one: a 64-bit SimHash (Charikar) of the whole body, and a
 * post compared only with posts that share one of four 16-bit bands of it exactly.
 */
final class PreviousStories {
    private static final int BANDS = 4;
    private static final int BAND_BITS = 16;

    private final int maxDistance;
    private final long windowMs;
    private final Map<Long, List<Entry>> byBand = new HashMap<>();
    private final Deque<Entry> byTime = new ArrayDeque<>();
    private long newestMs = Long.MIN_VALUE;

    private record Entry(String storyId, long fingerprint, long timeMs) {}

    PreviousStories(int maxDistance, long windowMs) {
        this.maxDistance = maxDistance;
        this.windowMs = windowMs;
    }

    /** The SimHash of a body: each 3-syllable shingle of the folded text votes for the bits of its hash. */
    static long fingerprint(String body) {
        long[] shingles = Fingerprints.shingles(Tokenizer.tokens(TextNormalizer.normalize(body)));
        if (shingles.length == 0) return 0;
        int[] ones = new int[64];
        for (long h : shingles) {
            for (long bits = h; bits != 0; bits &= bits - 1) ones[Long.numberOfTrailingZeros(bits)]++;
        }
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (2 * ones[bit] > shingles.length) fingerprint |= 1L << bit;
        }
        return fingerprint;
    }

    String assign(String postId, long fingerprint, long eventTimeMs) {
        long cutoff = Math.max(newestMs, eventTimeMs) - windowMs;
        while (!byTime.isEmpty() && byTime.peekFirst().timeMs() < cutoff) {
            Entry old = byTime.removeFirst();
            for (int band = 0; band < BANDS; band++) {
                List<Entry> list = byBand.get(bandKey(band, old.fingerprint()));
                list.remove(old);
                if (list.isEmpty()) byBand.remove(bandKey(band, old.fingerprint()));
            }
        }
        Entry best = null;
        for (int band = 0; band < BANDS; band++) {
            for (Entry e : byBand.getOrDefault(bandKey(band, fingerprint), List.of())) {
                if (Fingerprints.hamming(e.fingerprint(), fingerprint) <= maxDistance && (best == null || e.timeMs() < best.timeMs()
                        || e.timeMs() == best.timeMs() && e.storyId().compareTo(best.storyId()) < 0)) {
                    best = e;
                }
            }
        }
        Entry entry = new Entry(best == null ? postId : best.storyId(), fingerprint, eventTimeMs);
        newestMs = Math.max(newestMs, eventTimeMs);
        byTime.addLast(entry);
        for (int band = 0; band < BANDS; band++) byBand.computeIfAbsent(bandKey(band, fingerprint), k -> new ArrayList<>()).add(entry);
        return entry.storyId();
    }

    private static long bandKey(int band, long fingerprint) {
        return ((long) band << BAND_BITS) | ((fingerprint >>> (band * BAND_BITS)) & ((1L << BAND_BITS) - 1));
    }
}
