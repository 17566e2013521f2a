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
        List<String> syllables = Tokenizer.foldedSyllables(normalizedText);
        if (syllables.isEmpty()) return 0;
        int[] votes = new int[64];
        int shingles = Math.max(1, syllables.size() - SHINGLE + 1);
        for (int i = 0; i < shingles; i++) {
            String shingle = String.join(" ", syllables.subList(i, Math.min(syllables.size(), i + SHINGLE)));
            long h = hash(shingle);
            for (int bit = 0; bit < 64; bit++) votes[bit] += ((h >>> bit) & 1) == 1 ? 1 : -1;
        }
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) fingerprint |= 1L << bit;
        }
        return fingerprint;
    }

    /** Number of differing bits. */
    public static int hamming(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** FNV-1a, then the MurmurHash3 finaliser so that every input bit reaches every output bit. */
    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
