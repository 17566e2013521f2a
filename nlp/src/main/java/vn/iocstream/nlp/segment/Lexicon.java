package vn.iocstream.nlp.segment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.iocstream.nlp.BoundedCache;
import vn.iocstream.nlp.TextNormalizer;
import vn.iocstream.nlp.Token;

/**
 * A set of words, each stored as its normalised lower-case syllables joined by single spaces, so that
 * "Uỷ Ban" in a text finds "uỷ ban" in a list written with the old tone placement. Immutable.
 */
public final class Lexicon {

    /**
     * Class-path resource holding the Viet74K list of npm {@code @vntk/dictionary} 1.0.0 (MIT according to
     * the package; where its word lists come from is not stated). The nlp build fetches the package,
     * checks its sha512 and bundles the list into the jar (see nlp/pom.xml); it is never committed.
     */
    static final String VNTK_VIET74K_RESOURCE = "vn/iocstream/nlp/segment/vntk-dictionary/Viet74K.txt";
    /** Name of the 73,901-entry Viet74K list, as recorded in model files. */
    public static final String VNTK_VIET74K = "vntk-viet74k";
    /** Name of the empty lexicon. */
    public static final String NONE = "none";

    private static Lexicon vntk;

    private final String name;
    private final Set<String> words;
    /**
     * The words of 2 or more syllables as a trie over syllable numbers, for {@link #spans}: walking it
     * syllable by syllable costs one lookup of a number pair per step, where looking up the joined
     * syllables built and hashed a new string per step. Node 0 is the root.
     */
    private final Map<String, Integer> syllableIds = new HashMap<>();
    private final Children children;
    /** Root's child per syllable id, 0 for a syllable that starts no word: the first step of every walk. */
    private final int[] firstNodes;
    private final BitSet wordNodes = new BitSet();
    /**
     * Syllable id (-1 for none) of a syllable as written: what {@link #spans(List)} asks per syllable,
     * one lookup where the syllable's {@link #key} and then its id were two.
     */
    private final BoundedCache<Integer> writtenIds =
            new BoundedCache<>(50_000, 24, syllable -> syllableIds.getOrDefault(key(syllable), -1));
    private final int maxSyllables;

    /** {@link #key} of single syllables: the segmenter asks for every syllable of every post. */
    private static final BoundedCache<String> SYLLABLE_KEYS = new BoundedCache<>(50_000, 24, Lexicon::computeKey);

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
        Map<Long, Integer> edges = new HashMap<>();
        for (String k : keys) {
            if (k.indexOf(' ') < 0) continue;
            int node = 0;
            for (String syllable : k.split(" ")) {
                Integer id = syllableIds.computeIfAbsent(syllable, x -> syllableIds.size());
                node = edges.computeIfAbsent(Children.key(node, id), x -> edges.size() + 1);
            }
            wordNodes.set(node);
        }
        this.children = new Children(edges);
        this.firstNodes = new int[syllableIds.size()];
        syllableIds.values().forEach(id -> firstNodes[id] = children.get(0, id));
        this.maxSyllables = keys.stream().mapToInt(k -> k.split(" ").length).max().orElse(1);
    }

    /**
     * The Viet74K list bundled in the nlp jar, read once per JVM.
     *
     * @throws IllegalStateException when the jar was built without it, naming the resource and the command
     *                               that rebuilds it: a smaller word list would segment worse unnoticed
     */
    public static synchronized Lexicon vntk() {
        if (vntk == null) vntk = vntk(Lexicon.class.getClassLoader());
        return vntk;
    }

    static Lexicon vntk(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(VNTK_VIET74K_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("word list " + VNTK_VIET74K_RESOURCE + " (npm @vntk/dictionary 1.0.0)"
                        + " is not on the class path: the nlp jar was built without it. Rebuild from the project root"
                        + " with: mvn -B -DskipTests package");
            }
            return new Lexicon(VNTK_VIET74K, List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word list " + VNTK_VIET74K_RESOURCE, e);
        }
    }

    /** The lexicon a model file names: {@value #VNTK_VIET74K} or {@value #NONE}. */
    public static Lexicon named(String name) {
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
        int[] ids = new int[keys.length];
        for (int i = 0; i < keys.length; i++) ids[i] = syllableIds.getOrDefault(keys[i], -1);
        return spans(ids);
    }

    /** The same as {@code spans(Syllables.keys(run))}. */
    boolean[][] spans(List<Token> run) {
        int[] ids = new int[run.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = writtenIds.get(run.get(i).text());
        return spans(ids);
    }

    private boolean[][] spans(int[] ids) {
        boolean[][] out = new boolean[ids.length][maxSyllables + 1];
        for (int i = 0; i < ids.length; i++) {
            int node = ids[i] < 0 ? 0 : firstNodes[ids[i]];
            for (int n = 2; node > 0 && n <= maxSyllables && i + n <= ids.length; n++) {
                int id = ids[i + n - 1];
                node = id < 0 ? 0 : children.get(node, id);
                out[i][n] = node > 0 && wordNodes.get(node);
            }
        }
        return out;
    }

    /** The trie's edges, (node, syllable id) → child node, in a primitive open-addressing table. */
    private static final class Children {
        private final long[] keys;
        /** Child node per slot; 0 (the root, never a child) marks an empty slot. */
        private final int[] nodes;
        private final int mask;

        Children(Map<Long, Integer> edges) {
            int capacity = Integer.highestOneBit(Math.max(2, edges.size() * 2 - 1)) << 1;
            keys = new long[capacity];
            nodes = new int[capacity];
            mask = capacity - 1;
            edges.forEach((key, node) -> {
                int slot = slot(key);
                while (nodes[slot] != 0) slot = (slot + 1) & mask;
                keys[slot] = key;
                nodes[slot] = node;
            });
        }

        static long key(int node, int syllableId) {
            return (long) node << 32 | syllableId;
        }

        /** The child of {@code node} along {@code syllableId}, or 0 if there is none. */
        int get(int node, int syllableId) {
            long key = key(node, syllableId);
            for (int slot = slot(key); nodes[slot] != 0; slot = (slot + 1) & mask) {
                if (keys[slot] == key) return nodes[slot];
            }
            return 0;
        }

        private int slot(long key) {
            return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask;
        }
    }
}
