package vn.iocstream.nlp;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Near-duplicate fingerprints: 64 one-bit minwise hashes (b-bit minwise hashing with b = 1, Li and König 2010) of
 * the set of 3-syllable shingles of the folded text. Two texts whose shingle sets have Jaccard similarity J differ in
 * each bit with probability (1 − J)/2: a copy that lost one paragraph in seven (J ≈ 0.86) is about 4–5 bits away,
 * unrelated texts about 32. SimHash, used before, puts that copy about 8 bits away (θ/π of 64 bits for cosine
 * ≈ 0.93) with a wider spread, which is why a 10-bit limit missed a third of such copies.
 *
 * <p>The 64 minimums come from one pass (one-permutation hashing, Li, Owen and Zhang 2012): the top 6 bits of a
 * shingle's hash choose its bin, the bin keeps its smallest hash; a bin no shingle fell into takes the minimum of a
 * bin chosen by a fixed sequence of hashes of its number (optimal densification, Shrivastava 2017). Bit i is one bit
 * of bin i's minimum mixed with a seed of its own. Folding first makes a copy that lost its diacritics land next to
 * the original. Stateless.
 */
public final class Fingerprints {
    private Fingerprints() {}

    static final int SHINGLE = 3;
    private static final int BINS = 64;
    /** One seed per bit, so that bins holding one minimum (densified) still give independent bits. */
    private static final long[] SEEDS = seeds();

    /** The fingerprint of normalised text; 0 for text without words. */
    public static long of(String normalizedText) {
        return of(Tokenizer.tokens(normalizedText));
    }

    /** The same, from the {@link Tokenizer#tokens} of the text. */
    public static long of(List<Token> tokens) {
        long[] shingles = shingles(tokens);
        if (shingles.length == 0) return 0;
        long[] min = new long[BINS];
        java.util.Arrays.fill(min, -1L); // the largest unsigned value: no shingle yet
        boolean[] filled = new boolean[BINS];
        for (long h : shingles) {
            int bin = (int) (h >>> 58);
            long rest = h << 6;
            if (!filled[bin] || Long.compareUnsigned(rest, min[bin]) < 0) min[bin] = rest;
            filled[bin] = true;
        }
        long fingerprint = 0;
        for (int bin = 0; bin < BINS; bin++) {
            long m = min[bin];
            // A set has at least one shingle, so some bin is filled and the search ends.
            for (int attempt = 1; !filled[bin] && attempt > 0; attempt++) {
                int from = (int) (mix(((long) bin << 32) | attempt) >>> 58);
                if (filled[from]) {
                    m = min[from];
                    break;
                }
            }
            // A repeated shingle changes no minimum: the fingerprint is that of the set of shingles.
            fingerprint |= (mix(m ^ SEEDS[bin]) & 1L) << bin;
        }
        return fingerprint;
    }

    /**
     * The well-mixed 64-bit hashes of the text's 3-syllable shingles of folded syllables, in text order (one for a
     * text of fewer syllables; none for a text without words).
     */
    public static long[] shingles(List<Token> tokens) {
        List<String> syllables = Tokenizer.foldedSyllables(tokens);
        if (syllables.isEmpty()) return new long[0];
        long[] shingles = new long[Math.max(1, syllables.size() - SHINGLE + 1)];
        for (int i = 0; i < shingles.length; i++) {
            // The hash of the shingle's syllables joined by spaces, fed piece by piece instead of joined.
            long h = FNV_OFFSET;
            for (int j = i; j < Math.min(syllables.size(), i + SHINGLE); j++) {
                if (j > i) h = fnv(h, ' ');
                h = fnv(h, syllables.get(j));
            }
            shingles[i] = mix(h);
        }
        return shingles;
    }

    /** Number of differing bits. */
    public static int hamming(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    private static long[] seeds() {
        long[] seeds = new long[64];
        for (int i = 0; i < seeds.length; i++) seeds[i] = mix(0x9E3779B97F4A7C15L * (i + 1));
        return seeds;
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;

    /**
     * FNV-1a over the UTF-8 bytes of {@code s}; folded syllables are nearly always ASCII, whose chars are
     * their bytes. Spaces end every piece but the last, so no surrogate pair is split between pieces.
     */
    private static long fnv(long h, String s) {
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) >= 0x80) {
                for (byte b : s.getBytes(StandardCharsets.UTF_8)) h = fnv(h, b & 0xff);
                return h;
            }
        }
        for (int k = 0; k < s.length(); k++) h = fnv(h, s.charAt(k));
        return h;
    }

    private static long fnv(long h, int octet) {
        return (h ^ octet) * 0x100000001b3L;
    }

    /** The MurmurHash3 finaliser, so that every input bit reaches every output bit. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
