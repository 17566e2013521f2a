package vn.iocstream.nlp.segment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.iocstream.nlp.BoundedCache;
import vn.iocstream.nlp.TextNormalizer;
import vn.iocstream.nlp.segment.NpmPackageCache.NpmPackage;

/**
 * A set of words, each stored as its normalised lower-case syllables joined by single spaces, so that
 * "Uỷ Ban" in a text finds "uỷ ban" in a list written with the old tone placement. Immutable.
 */
public final class Lexicon {

    /**
     * npm {@code @vntk/dictionary} 1.0.0, MIT according to the package; where its word lists come from
     * is not stated. Fetched on first use, never committed.
     */
    public static final NpmPackage VNTK_DICTIONARY = new NpmPackage("@vntk/dictionary", "1.0.0",
            "sha512-KT5b8pDjU9pNrkBfOwz6SJUrCwVc1R3ZeFU7Ara4xaNZXMUMUI7dD9do3QxT+ZmobBUbBd6OJVCTpP894AwfxQ==");
    /** Name of the 73,901-entry Viet74K list of {@link #VNTK_DICTIONARY}, as recorded in model files. */
    public static final String VNTK_VIET74K = "vntk-viet74k";
    /** Name of the empty lexicon. */
    public static final String NONE = "none";

    private static Lexicon vntk;

    private final String name;
    private final Set<String> words;
    /** Every word's leading syllables, 2 or more (the word itself included): lets a lookup stop early. */
    private final Set<String> prefixes;
    private final int maxSyllables;

    /** {@link #key} of single syllables: the segmenter asks for every syllable of every post. */
    private static final BoundedCache SYLLABLE_KEYS = new BoundedCache(50_000, 24, Lexicon::computeKey);

    /** @param words words in any case and tone placement, syllables separated by spaces */
    public Lexicon(String name, Collection<String> words) {
        this.name = name;
        Set<String> keys = new HashSet<>();
        for (String w : words) {
            String k = key(w.strip());
            if (!k.isEmpty()) keys.add(k);
        }
        // Hashed sets, not Set.copyOf: most lookups miss, and its probing runs String.equals on every
        // occupied slot it passes where a HashSet compares the cached hashes first.
        this.words = keys;
        Set<String> heads = new HashSet<>();
        for (String k : keys) {
            int first = k.indexOf(' ');
            if (first < 0) continue;
            for (int space = k.indexOf(' ', first + 1); space >= 0; space = k.indexOf(' ', space + 1)) {
                heads.add(k.substring(0, space));
            }
            heads.add(k);
        }
        this.prefixes = heads;
        this.maxSyllables = keys.stream().mapToInt(k -> k.split(" ").length).max().orElse(1);
    }

    /** The Viet74K list of {@code @vntk/dictionary}, downloaded once into the standard cache. */
    public static synchronized Lexicon vntk() throws IOException {
        if (vntk == null) vntk = vntk(NpmPackageCache.standard());
        return vntk;
    }

    static Lexicon vntk(NpmPackageCache cache) throws IOException {
        byte[] data = cache.read(VNTK_DICTIONARY, "package/data/Viet74K.txt");
        return new Lexicon(VNTK_VIET74K, List.of(new String(data, StandardCharsets.UTF_8).split("\n")));
    }

    /** The lexicon a model file names: {@value #VNTK_VIET74K} or {@value #NONE}. */
    public static Lexicon named(String name) throws IOException {
        return switch (name) {
            case VNTK_VIET74K -> vntk();
            case NONE -> new Lexicon(NONE, List.of());
            default -> throw new IllegalArgumentException("unknown lexicon '" + name + "' (known: "
                    + VNTK_VIET74K + ", " + NONE + ")");
        };
    }

    /** Lookup form of a syllable or word: normalised (tone placement, NFC) and lower case. */
    public static String key(String text) {
        return text.indexOf(' ') < 0 ? SYLLABLE_KEYS.get(text) : computeKey(text);
    }

    private static String computeKey(String text) {
        return TextNormalizer.normalize(text).toLowerCase(Locale.ROOT);
    }

    public String name() {
        return name;
    }

    public int size() {
        return words.size();
    }

    /** Longest word in syllables. */
    public int maxSyllables() {
        return maxSyllables;
    }

    /** Whether {@code keys[from..to)} (syllable keys, see {@link #key}) form one word. */
    public boolean contains(String[] keys, int from, int to) {
        if (to - from > maxSyllables) return false;
        return words.contains(String.join(" ", Arrays.asList(keys).subList(from, to)));
    }

    /**
     * Which spans of {@code keys} (syllable keys) are words: {@code result[i][n]}, for n ≥ 2, is
     * {@link #contains contains(keys, i, i + n)}. One pass per start that stops as soon as no word
     * begins with the syllables so far, instead of one lookup per span.
     */
    public boolean[][] spans(String[] keys) {
        boolean[][] out = new boolean[keys.length][maxSyllables + 1];
        StringBuilder span = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            span.setLength(0);
            span.append(keys[i]);
            for (int n = 2; n <= maxSyllables && i + n <= keys.length; n++) {
                String s = span.append(' ').append(keys[i + n - 1]).toString();
                if (!prefixes.contains(s)) break;
                out[i][n] = words.contains(s);
            }
        }
        return out;
    }
}
