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
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Provincial place names of Vietnam: the 34 units in force since 1 July 2025, the pre-merger provinces
 * and some former districts mapped to the unit that now contains them, and common aliases. Data:
 * {@code gazetteer/provinces.tsv} (its header explains the columns).
 *
 * <p>Names match without regard to case, diacritics or tone-mark placement ("binh phuoc", "BÌNH
 * PHƯỚC"), except names flagged {@code strict} whose folded or lower-case form is an everyday word
 * ("hòa bình" is peace, "hai phong" is two rooms): those only match written with their diacritics
 * (any tone placement) and capitalised, trading recall on unaccented social text for precision.
 * Immutable and thread-safe.
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

    /**
     * A syllable of the text being searched, with its offsets and both comparison keys, computed once
     * per syllable rather than once per candidate name (find() tries several lengths at each syllable).
     */
    private record Syllable(String text, int start, int end, String folded, String toneKey) {}

    /** A TSV row; blocked phrases have no place. */
    private record Entry(Place place, boolean strict) {}

    private static final String RESOURCE = "/gazetteer/provinces.tsv";
    private static final Pattern SYLLABLE = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
    /** What may stand between two syllables of one name: spaces, or one dot or dash ("TP.HCM", "BR-VT"). */
    private static final Pattern JOINER = Pattern.compile("[ \\t]+|[ \\t]*[.\\-–][ \\t]*");

    private final Map<String, Entry> looseByFolded = new HashMap<>();
    private final Map<String, Entry> strictByToneKey = new HashMap<>();
    /** Every entry by folded key, for {@link #lookup}: a name asked for explicitly is never ambiguous. */
    private final Map<String, Entry> allByFolded = new HashMap<>();
    private final int maxSyllables;

    private Gazetteer(List<String[]> rows) {
        int max = 1;
        for (String[] row : rows) {
            boolean strict = row.length > 3 && row[3].equals("strict");
            Place place = row[2].equals("block") ? null : new Place(row[0], row[1], row[2].equals("former"));
            Entry entry = new Entry(place, strict);
            // The first row for a key wins, so a current unit is never shadowed by an alias spelling.
            List<Syllable> name = syllables(row[0]);
            String folded = key(name, false);
            if (strict) strictByToneKey.putIfAbsent(key(name, true), entry);
            else looseByFolded.putIfAbsent(folded, entry);
            allByFolded.putIfAbsent(folded, entry);
            max = Math.max(max, name.size());
        }
        this.maxSyllables = max;
    }

    /** Loads the gazetteer shipped in the core jar. */
    public static Gazetteer load() {
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
        List<Syllable> s = syllables(name);
        if (s.isEmpty()) return Optional.empty();
        return Optional.ofNullable(allByFolded.get(key(s, false))).map(Entry::place);
    }

    /** All place mentions in {@code text}, left to right, longest match first, never overlapping. */
    public List<Mention> find(String text) {
        List<Syllable> s = syllables(text);
        List<Mention> mentions = new ArrayList<>();
        int i = 0;
        while (i < s.size()) {
            int matched = 0;
            for (int n = Math.min(maxSyllables, s.size() - i); n >= 1 && matched == 0; n--) {
                if (!joined(text, s, i, n)) continue;
                Entry entry = entryAt(s, i, n);
                if (entry == null) continue;
                matched = n;
                if (entry.place() != null) {
                    int start = s.get(i).start(), end = s.get(i + n - 1).end();
                    mentions.add(new Mention(start, end, text.substring(start, end), entry.place()));
                }
            }
            i += Math.max(matched, 1);
        }
        return mentions;
    }

    private Entry entryAt(List<Syllable> s, int from, int n) {
        List<Syllable> span = s.subList(from, from + n);
        Entry strict = strictByToneKey.get(key(span, true));
        if (strict != null && span.stream().allMatch(x -> Character.isUpperCase(x.text().charAt(0)))) {
            return strict;
        }
        return looseByFolded.get(key(span, false));
    }

    /** True if syllables from..from+n-1 are separated only by what may appear inside a name. */
    private static boolean joined(String text, List<Syllable> s, int from, int n) {
        for (int k = from + 1; k < from + n; k++) {
            int a = s.get(k - 1).end(), b = s.get(k).start();
            if (b - a == 1 && text.charAt(a) == ' ') continue; // the usual case, without a regex
            if (!JOINER.matcher(text.substring(a, b)).matches()) return false;
        }
        return true;
    }

    private static String key(List<Syllable> span, boolean withDiacritics) {
        StringBuilder key = new StringBuilder();
        for (Syllable syllable : span) {
            if (key.length() > 0) key.append(' ');
            key.append(withDiacritics ? syllable.toneKey() : syllable.folded());
        }
        return key.toString();
    }

    private static List<Syllable> syllables(String text) {
        List<Syllable> out = new ArrayList<>();
        Matcher m = SYLLABLE.matcher(text);
        while (m.find()) {
            String t = m.group();
            out.add(new Syllable(t, m.start(), m.end(), VietnameseKeys.fold(t), VietnameseKeys.toneKey(t)));
        }
        return out;
    }
}
