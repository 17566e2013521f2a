package vn.iocstream.core.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Provincial place names of Vietnam: the 34 units in force since 1 July 2025, the pre-merger provinces
 * and some former districts mapped to the unit that now contains them, and common aliases. Data:
 * {@code gazetteer/provinces.tsv} (its header explains the columns).
 *
 * <p>Names match without regard to case or tone-mark placement ("BÌNH PHƯỚC", "Bình Phuớc"), and a
 * syllable written without any diacritic matches whatever diacritics the name has ("binh phuoc",
 * unaccented social text); a syllable written with diacritics must have the name's ("diễn biến" is not
 * Điện Biên, "làm động" not Lâm Đồng, "hà nằm" not Hà Nam). Names flagged {@code strict}, whose folded or
 * lower-case form is an everyday word ("hòa bình" is peace, "hai phong" is two rooms), only match
 * written with their diacritics (any tone placement) and capitalised, trading recall on unaccented
 * social text for precision. Immutable and thread-safe.
 */
public final class Gazetteer {

    /** A known name. {@code former} is true for pre-merger provinces and former districts. */
    public record Place(String name, String currentProvince, boolean former) {}

    /**
     * One occurrence of a place in a text: {@code text.substring(start, end)} is {@code written}.
     */
    public record Mention(int start, int end, String written, Place place) {
        public String currentProvince() {
            return place.currentProvince();
        }
    }

    /** A syllable of a text or of a name, with its offsets and its keys. */
    private record Syllable(String text, int start, int end, Keys keys) {}

    /**
     * A syllable's comparison keys, and the name trees' nodes for names that begin with it (null if none,
     * or while the trees are being built): most syllables begin no name, and find() learns that without a
     * lookup. Computed once per syllable rather than once per candidate name. {@code capital}: the
     * syllable starts with a capital, as strict names must. {@code looseKey}: its key in the loose tree,
     * the tone key when it is written with diacritics, the folded form when it has none.
     */
    private record Keys(String folded, String toneKey, String looseKey, boolean capital, Node loose, Node strict) {}

    /** A TSV row; blocked phrases have no place. */
    private record Entry(Place place, boolean strict) {}

    private static final String RESOURCE = "/gazetteer/provinces.tsv";
    /** What may stand between two syllables of one name: spaces, or one dot or dash ("TP.HCM", "BR-VT"). */
    private static final Pattern JOINER = Pattern.compile("[ \\t]+|[ \\t]*[.\\-–][ \\t]*");

    /**
     * Keys of syllables already seen: Unicode decomposition dominated find() on 1 KB posts. Vietnamese
     * has a few thousand syllables in use; the bound keeps odd input (numbers, foreign words) from
     * growing it without limit, after which new syllables are simply computed each time.
     */
    private final Map<String, Keys> keys = new ConcurrentHashMap<>();
    private static final int KEY_CACHE_LIMIT = 50_000;

    /** Every entry by folded key, for {@link #lookup}: a name asked for explicitly is never ambiguous. */
    private final Map<String, Entry> allByFolded = new HashMap<>();
    /**
     * The names as trees of syllables, loose by folded form and strict by tone key: find() follows one
     * child per syllable and stops as soon as no name continues the span, without building a key
     * string and hashing it for every length at every syllable (that dominated find()).
     */
    private final Node loose = new Node(), strict = new Node();

    /** The names that begin with the syllables on the path to this node; {@code entry} if one ends here. */
    private static final class Node {
        final Map<String, Node> next = new HashMap<>();
        Entry entry;
    }

    private Gazetteer(List<String[]> rows) {
        for (String[] row : rows) {
            boolean strict = row.length > 3 && row[3].equals("strict");
            Place place = row[2].equals("block") ? null : new Place(row[0], row[1], row[2].equals("former"));
            Entry entry = new Entry(place, strict);
            List<Syllable> name = syllables(row[0], false);
            if (strict) {
                Node node = this.strict;
                for (Syllable y : name) node = node.next.computeIfAbsent(y.keys().toneKey(), k -> new Node());
                // The first row for a key wins, so a current unit is never shadowed by an alias spelling.
                if (node.entry == null) node.entry = entry;
            } else {
                addLoose(loose, name, 0, entry);
            }
            allByFolded.putIfAbsent(foldedKey(name), entry);
        }
    }

    /**
     * Adds a name to the loose tree under every mix of its syllables' two keys (with diacritics, as
     * written; without any, folded), so that a text may drop all diacritics of a syllable but not alter
     * them. Names have at most five syllables: at most 32 paths.
     */
    private static void addLoose(Node node, List<Syllable> name, int i, Entry entry) {
        if (i == name.size()) {
            if (node.entry == null) node.entry = entry;
            return;
        }
        Keys k = name.get(i).keys();
        addLoose(node.next.computeIfAbsent(TONED + k.toneKey(), x -> new Node()), name, i + 1, entry);
        addLoose(node.next.computeIfAbsent(PLAIN + k.folded(), x -> new Node()), name, i + 1, entry);
    }

    /** Prefixes of the loose tree's keys: a syllable with diacritics, one without. */
    private static final String TONED = "t:", PLAIN = "p:";

    /** The gazetteer shipped in the core jar (one shared instance). */
    public static Gazetteer load() {
        return Shared.INSTANCE;
    }

    /** Parsed once per JVM: the gazetteer is immutable and thread-safe, and every analyzer and rule set uses it. */
    private static final class Shared {
        static final Gazetteer INSTANCE = parse();
    }

    private static Gazetteer parse() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t");
                if (cols.length < 3) throw new IllegalStateException("bad gazetteer row: " + line);
                rows.add(cols);
            }
            return new Gazetteer(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The place called exactly {@code name} (case, diacritics and tone placement aside), if known. */
    public Optional<Place> lookup(String name) {
        List<Syllable> s = syllables(name, true);
        if (s.isEmpty()) return Optional.empty();
        return Optional.ofNullable(allByFolded.get(foldedKey(s))).map(Entry::place);
    }

    /** All place mentions in {@code text}, left to right, longest match first, never overlapping. */
    public List<Mention> find(String text) {
        return in(text).find();
    }

    /**
     * {@code text} with its syllables read once, for searching it whole and in parts (an analyzer
     * searches every sentence and then the whole document).
     */
    public Text in(String text) {
        return new Text(text, syllables(text, true));
    }

    /** A text prepared for {@link #find} in it and in parts of it. Not thread-safe. */
    public final class Text {
        private final String text;
        private final List<Syllable> syllables;

        private Text(String text, List<Syllable> syllables) {
            this.text = text;
            this.syllables = syllables;
        }

        /** {@link Gazetteer#find} of the whole text. */
        public List<Mention> find() {
            return scan(text, syllables, 0, syllables.size());
        }

        /**
         * {@link Gazetteer#find} of {@code text.substring(from, to)}, with offsets into the whole text.
         * The part's syllables are the whole text's when no syllable crosses its ends.
         */
        public List<Mention> find(int from, int to) {
            boolean cut = (from > 0 && isSyllableChar(text.codePointBefore(from)))
                    || (to < text.length() && isSyllableChar(text.codePointAt(to)));
            if (cut) {
                List<Mention> shifted = new ArrayList<>();
                for (Mention m : Gazetteer.this.find(text.substring(from, to))) {
                    shifted.add(new Mention(m.start() + from, m.end() + from, m.written(), m.place()));
                }
                return shifted;
            }
            return scan(text, syllables, firstStartingAt(from), firstStartingAt(to));
        }

        /** Index of the first syllable that starts at or after {@code offset}. */
        private int firstStartingAt(int offset) {
            int lo = 0, hi = syllables.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (syllables.get(mid).start() < offset) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }
    }

    /** The mentions among syllables {@code [from, to)} of {@code text}. */
    private List<Mention> scan(String text, List<Syllable> s, int from, int to) {
        List<Mention> mentions = new ArrayList<>();
        int i = from;
        while (i < to) {
            int matched = 0;
            Entry best = null;
            boolean capitalised = true;
            Node looseAt = null, strictAt = null;
            for (int n = 1; n <= to - i; n++) {
                Syllable y = s.get(i + n - 1);
                if (n > 1 && !joins(text, s.get(i + n - 2).end(), y.start())) break;
                Keys k = y.keys();
                capitalised &= k.capital();
                looseAt = n == 1 ? k.loose() : looseAt == null ? null : looseAt.next.get(k.looseKey());
                strictAt = !capitalised ? null : n == 1 ? k.strict() : strictAt == null ? null : strictAt.next.get(k.toneKey());
                if (looseAt == null && strictAt == null) break; // no longer span can match either
                Entry entry = strictAt != null && strictAt.entry != null ? strictAt.entry : looseAt != null ? looseAt.entry : null;
                if (entry != null) {
                    matched = n;
                    best = entry;
                }
            }
            if (best != null && best.place() != null) {
                int start = s.get(i).start(), end = s.get(i + matched - 1).end();
                mentions.add(new Mention(start, end, text.substring(start, end), best.place()));
            }
            i += Math.max(matched, 1);
        }
        return mentions;
    }

    /** True if the gap between two syllables may appear inside a name. */
    private static boolean joins(String text, int a, int b) {
        if (b - a == 1 && text.charAt(a) == ' ') return true; // the usual case, without a regex
        return JOINER.matcher(text.substring(a, b)).matches();
    }

    private static String foldedKey(List<Syllable> span) {
        StringBuilder key = new StringBuilder();
        for (Syllable syllable : span) {
            if (key.length() > 0) key.append(' ');
            key.append(syllable.keys().folded());
        }
        return key.toString();
    }

    /** {@code built}: the name trees are complete, so keys may be cached with their nodes. */
    private List<Syllable> syllables(String text, boolean built) {
        List<Syllable> out = new ArrayList<>();
        // Runs of letters, marks and digits, scanned by hand: the regex find dominated this method.
        int n = text.length(), i = 0;
        while (i < n) {
            int start = i;
            while (i < n && isSyllableChar(text.codePointAt(i))) i += Character.charCount(text.codePointAt(i));
            if (i == start) {
                i += Character.charCount(text.codePointAt(i));
                continue;
            }
            String t = text.substring(start, i);
            out.add(new Syllable(t, start, i, built ? keys(t) : keysOf(t, null, null)));
        }
        return out;
    }

    private Keys keys(String syllable) {
        Keys k = keys.get(syllable);
        if (k == null) {
            k = keysOf(syllable, loose, strict);
            if (keys.size() < KEY_CACHE_LIMIT) keys.put(syllable, k);
        }
        return k;
    }

    /** The keys of a syllable, with its nodes among the children of the given tree roots (if any). */
    private static Keys keysOf(String syllable, Node looseRoot, Node strictRoot) {
        String folded = VietnameseKeys.fold(syllable), toned = VietnameseKeys.toneKey(syllable);
        // Written without any diacritic when folding changes nothing but the case.
        String looseKey = folded.equals(syllable.toLowerCase(Locale.ROOT)) ? PLAIN + folded : TONED + toned;
        return new Keys(folded, toned, looseKey, Character.isUpperCase(syllable.charAt(0)),
                looseRoot == null ? null : looseRoot.next.get(looseKey), strictRoot == null ? null : strictRoot.next.get(toned));
    }

    /** {@code [\\p{L}\\p{M}\\p{N}]}: a letter, mark or number. */
    private static boolean isSyllableChar(int cp) {
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }
}
