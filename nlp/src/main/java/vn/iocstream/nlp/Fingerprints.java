package vn.iocstream.nlp;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Near-duplicate fingerprints: 64-bit SimHash (Charikar) over 3-syllable shingles of the folded text.
 * Syndicated copies of one article (a changed headline word, an added byline) stay a few bits apart;
 * unrelated texts differ in about half of the 64 bits. Folding first makes a copy that lost its
 * diacritics land next to the original. Stateless.
 */
public final class Fingerprints {
    private Fingerprints() {}

    static final int SHINGLE = 3;

    /** SimHash of normalised text; 0 for text without words. */
    public static long simhash(String normalizedText) {
        return simhash(Tokenizer.tokens(normalizedText));
    }

    /** The same, from the {@link Tokenizer#tokens} of the text. */
    public static long simhash(List<Token> tokens) {
        List<String> syllables = Tokenizer.foldedSyllables(tokens);
        if (syllables.isEmpty()) return 0;
        int[] ones = new int[64];
        int shingles = Math.max(1, syllables.size() - SHINGLE + 1);
        for (int i = 0; i < shingles; i++) {
            // The hash of the shingle's syllables joined by spaces, fed piece by piece instead of joined.
            long h = FNV_OFFSET;
            for (int j = i; j < Math.min(syllables.size(), i + SHINGLE); j++) {
                if (j > i) h = fnv(h, ' ');
                h = fnv(h, syllables.get(j));
            }
            for (long bits = mix(h); bits != 0; bits &= bits - 1) ones[Long.numberOfTrailingZeros(bits)]++;
        }
        // Each shingle votes for the bits its hash has and against the others: a bit wins when most have it.
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (2 * ones[bit] > shingles) fingerprint |= 1L << bit;
        }
        return fingerprint;
    }

    /** Number of differing bits. */
    public static int hamming(long a, long b) {
        return Long.bitCount(a ^ b);
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
