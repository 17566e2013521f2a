package vn.iocstream.nlp;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.iocstream.core.geo.VietnameseKeys;

/**
 * First step for every text: one canonical form, so that later steps compare strings, not spellings.
 * <ul>
 *   <li>HTML entities decoded (unknown named ones removed);</li>
 *   <li>control, format and zero-width characters removed (they hide inside words copied from the web
 *       and break matching); this also drops the zero-width joiner of combined emoji, which then read
 *       as their parts;</li>
 *   <li>Unicode NFC, so decomposed (NFD) input and legacy composed input compare equal;</li>
 *   <li>one tone-mark placement, the one most Vietnamese outlets use: on the main vowel, with open
 *       oa/oe/uy taking it on the first vowel (hòa, khỏe, thủy, ủy; but hoàn, khoét, tuyết);</li>
 *   <li>runs of spaces collapsed to one, runs of line breaks to one newline (kept, as they end
 *       sentences).</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class TextNormalizer {
    private TextNormalizer() {}

    private static final Pattern ENTITY = Pattern.compile("&(?:#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));");
    private static final Map<String, String> NAMED_ENTITIES = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("ndash", "–"), Map.entry("mdash", "—"),
            Map.entry("hellip", "…"), Map.entry("laquo", "«"), Map.entry("raquo", "»"), Map.entry("ldquo", "“"),
            Map.entry("rdquo", "”"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"), Map.entry("bull", "•"),
            Map.entry("middot", "·"), Map.entry("copy", "©"), Map.entry("deg", "°"));

    /** Vietnamese initial consonants, longest first so that "ngh" wins over "ng" and "n". */
    private static final List<String> ONSETS = List.of("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th",
            "tr", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x");
    private static final List<String> CODAS = List.of("", "c", "ch", "m", "n", "ng", "nh", "p", "t");
    private static final String VOWELS = "aeiouy";
    private static final byte OTHER = 0, CONSONANT = 1, VOWEL = 2, TONED_VOWEL = 3;
    /**
     * Kind of each letter below U+1F00 as {@link #placeTone} decomposes it: a consonant (ASCII, đ) or
     * vowel (a e i o u y) with at most vowel-shape marks (ă â ê ô ơ ư), or such a vowel with one tone
     * mark (ạ, ờ…); OTHER for anything else (ç, ñ, marks, non-letters).
     */
    private static final byte[] LETTER_KINDS = letterKinds();
    /** The fold of each letter {@link #LETTER_KINDS} knows: its lower-case base letter (d for đ); 0 for others. */
    private static final char[] FOLDED_LETTERS = foldedLetters();

    /**
     * Per-syllable results: decomposing every syllable of every post dominated normalisation. Tone
     * placement is kept only where it moves the mark (null where the syllable stays as it is, as most
     * do), so that text needing no change is not copied.
     */
    private static final BoundedCache<String> MOVED_TONES = new BoundedCache<>(50_000, 24, syllable -> {
        String placed = placeTone(syllable);
        return placed.equals(syllable) ? null : placed;
    });
    private static final BoundedCache<String> FOLDS = new BoundedCache<>(50_000, 24, VietnameseKeys::fold);

    /** Teencode and abbreviations of social posts, whole tokens only (lower case → expansion). */
    private static final Map<String, String> TEENCODE = loadTeencode();

    /** Canonical form of press text. */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) return "";
        String s = decodeEntities(text);
        s = removeInvisible(s);
        s = Normalizer.normalize(s, Normalizer.Form.NFC);
        s = placeTones(s);
        return collapseSpaces(s).strip();
    }

    /**
     * Canonical form of social posts and comments: {@link #normalize} plus teencode expansion
     * (ko → không, dc → được, ng → người…) of whole words; URLs, mentions and hashtags are left alone.
     */
    public static String normalizeSocial(String text) {
        String s = normalize(text);
        StringBuilder out = new StringBuilder(s.length() + 16);
        int last = 0;
        for (Token t : Tokenizer.tokens(s)) {
            if (t.type() != Token.Type.WORD) continue;
            String expansion = TEENCODE.get(t.text().toLowerCase(Locale.ROOT));
            if (expansion == null) continue;
            out.append(s, last, t.start()).append(matchCase(t.text(), expansion));
            last = t.end();
        }
        return out.append(s, last, s.length()).toString();
    }

    /** Lower case without diacritics, đ → d, for matching text written without them. */
    public static String fold(String text) {
        // Character by character, without decomposition or a cache lookup, when each is ASCII (whose
        // fold is its lower case) or a letter of FOLDED_LETTERS; the cache for anything else.
        char[] out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char f;
            if (c < 0x80) f = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            else if (c < FOLDED_LETTERS.length && FOLDED_LETTERS[c] != 0) f = FOLDED_LETTERS[c];
            else return FOLDS.get(text);
            if (f != c) {
                if (out == null) out = text.toCharArray();
                out[i] = f;
            }
        }
        return out == null ? text : new String(out);
    }

    private static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) return s;
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String replacement;
            if (m.group(3) != null) {
                replacement = NAMED_ENTITIES.getOrDefault(m.group(3).toLowerCase(Locale.ROOT), "");
            } else {
                int cp = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
                replacement = Character.isValidCodePoint(cp) ? Character.toString(cp) : "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Drops controls (tabs and line breaks become spaces/newlines) and zero-width/format characters.
     * Like {@link #placeTones} and {@link #collapseSpaces}, it copies the unchanged stretches between
     * edits in bulk, and returns {@code s} itself when there is nothing to edit (most texts).
     */
    private static String removeInvisible(String s) {
        StringBuilder out = null;
        int copied = 0; // s[copied, i) is still to be copied as it is
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // Printable ASCII, most of any text, is neither control nor format: no type lookup.
            if (c >= ' ' && c < 0x7F || c == '\n' || c == '\t') continue;
            String replacement;
            if (c == '\r' || c == '\u2028' || c == '\u2029') {
                replacement = "\n";
            } else if (c == '\u00A0') {
                replacement = " ";
            } else {
                int type = Character.getType(c);
                if (type != Character.CONTROL && type != Character.FORMAT) continue;
                replacement = "";
            }
            if (out == null) out = new StringBuilder(s.length());
            out.append(s, copied, i).append(replacement);
            copied = i + 1;
        }
        return out == null ? s : out.append(s, copied, s.length()).toString();
    }

    /**
     * Each run of letters and marks (a syllable, or a foreign word) with its tone mark placed. Most runs
     * are left as they are without a cache lookup, as {@link #placeTone} would leave them: those of
     * {@link #LETTER_KINDS} letters only with no tone mark, or with one vowel, which the tone is on.
     */
    private static String placeTones(String s) {
        StringBuilder out = null;
        int copied = 0;
        int n = s.length(), i = 0;
        while (i < n) {
            int start = i;
            int vowels = 0;
            boolean toned = false, other = false;
            while (i < n) {
                char c = s.charAt(i);
                byte kind = c < LETTER_KINDS.length ? LETTER_KINDS[c] : OTHER;
                if (kind != OTHER) {
                    if (kind != CONSONANT) vowels++;
                    toned |= kind == TONED_VOWEL;
                    i++;
                    continue;
                }
                int cp = s.codePointAt(i);
                if (!isLetterOrMark(cp)) break;
                other = true;
                i += Character.charCount(cp);
            }
            if (i == start) {
                i += Character.charCount(s.codePointAt(i));
                continue;
            }
            String moved = !other && (!toned || vowels == 1) ? null : MOVED_TONES.get(s, start, i);
            if (moved == null) continue;
            if (out == null) out = new StringBuilder(n + 8);
            out.append(s, copied, start).append(moved);
            copied = i;
        }
        return out == null ? s : out.append(s, copied, n).toString();
    }

    private static byte[] letterKinds() {
        byte[] kinds = new byte[0x1F00];
        for (char c = 0; c < kinds.length; c++) {
            if (!Character.isLetter(c)) continue;
            String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            char base = d.charAt(0);
            if (!(base < 0x80 || c == 'đ' || c == 'Đ')) continue;
            int tones = 0;
            boolean shapes = true;
            for (int i = 1; i < d.length(); i++) {
                char mark = d.charAt(i);
                if (VietnameseKeys.isToneMark(mark)) tones++;
                else shapes &= mark == '\u0302' || mark == '\u0306' || mark == '\u031B';
            }
            if (!shapes || tones > 1) continue;
            if ("aeiouyAEIOUY".indexOf(base) >= 0) kinds[c] = tones == 0 ? VOWEL : TONED_VOWEL;
            else if (d.length() == 1) kinds[c] = CONSONANT;
        }
        return kinds;
    }

    private static char[] foldedLetters() {
        char[] folded = new char[LETTER_KINDS.length];
        for (char c = 0x80; c < folded.length; c++) {
            if (LETTER_KINDS[c] == OTHER) continue;
            char base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0);
            folded[c] = c == 'đ' || c == 'Đ' ? 'd' : Character.toLowerCase(base);
        }
        return folded;
    }

    private static boolean isLetterOrMark(int cp) {
        int type = Character.getType(cp);
        return Character.isLetter(cp) || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /**
     * Runs of spaces and tabs become one space, and any run of them that holds a line break becomes
     * that one newline: in one pass, as regex replacements over the whole text cost more than the rest
     * of normalisation.
     */
    private static String collapseSpaces(String s) {
        StringBuilder out = null;
        int copied = 0;
        int n = s.length(), i = 0;
        while (i < n) {
            char c = s.charAt(i);
            // The only ASCII space separator is ' ', so other printable ASCII needs no type lookup.
            if (c > ' ' && c < 0x7F || c != '\n' && c != '\t' && Character.getType(c) != Character.SPACE_SEPARATOR) {
                i++;
                continue;
            }
            int start = i;
            boolean newline = false;
            while (i < n && ((c = s.charAt(i)) == '\n' || c == '\t' || Character.getType(c) == Character.SPACE_SEPARATOR)) {
                newline |= c == '\n';
                i++;
            }
            char single = newline ? '\n' : ' ';
            if (i - start == 1 && s.charAt(start) == single) continue; // already what it becomes
            if (out == null) out = new StringBuilder(n);
            out.append(s, copied, start).append(single);
            copied = i;
        }
        return out == null ? s : out.append(s, copied, n).toString();
    }

    /**
     * Moves the tone mark of one syllable to its canonical vowel. Words that do not parse as a
     * Vietnamese syllable (onset + vowels + coda) are returned unchanged, so "café" stays as written.
     */
    static String placeTone(String syllable) {
        String d = Normalizer.normalize(syllable, Normalizer.Form.NFD);
        StringBuilder bases = new StringBuilder();
        List<StringBuilder> shapes = new ArrayList<>();
        char tone = 0;
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (VietnameseKeys.isToneMark(c)) {
                if (tone != 0 || bases.length() == 0) return syllable;
                tone = c;
            } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
                if (bases.length() == 0) return syllable;
                shapes.get(shapes.size() - 1).append(c);
            } else {
                bases.append(c);
                shapes.add(new StringBuilder());
            }
        }
        if (tone == 0) return syllable;
        String lower = bases.toString().toLowerCase(Locale.ROOT);
        int vowelsStart = onsetLength(lower);
        int vowelsEnd = vowelsStart;
        while (vowelsEnd < lower.length() && VOWELS.indexOf(lower.charAt(vowelsEnd)) >= 0) vowelsEnd++;
        int count = vowelsEnd - vowelsStart;
        if (count == 0 || count > 3 || !CODAS.contains(lower.substring(vowelsEnd))) return syllable;
        int target = toneVowel(shapes, vowelsStart, count, vowelsEnd == lower.length());
        StringBuilder out = new StringBuilder(d.length());
        for (int i = 0; i < bases.length(); i++) {
            out.append(bases.charAt(i)).append(shapes.get(i));
            if (i == target) out.append(tone);
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    private static int onsetLength(String lower) {
        for (String onset : ONSETS) {
            if (!lower.startsWith(onset) || lower.length() == onset.length()) continue;
            // "gi" and "qu" are onsets only when a vowel follows: in "gì" the i is the vowel.
            boolean vowelNext = VOWELS.indexOf(lower.charAt(onset.length())) >= 0;
            if ((onset.equals("gi") || onset.equals("qu")) && !vowelNext) continue;
            return onset.length();
        }
        return 0;
    }

    /** Index of the vowel that carries the tone. */
    private static int toneVowel(List<StringBuilder> shapes, int start, int count, boolean open) {
        for (int i = start + count - 1; i >= start; i--) {
            if (shapes.get(i).length() > 0) return i; // ê, ơ, ô, â, ă, ư take it (ươ: on ơ)
        }
        if (count == 3) return start + 1;             // oai, uyu, oay: the middle vowel
        if (count == 2) return open ? start : start + 1; // hòa, thủy, mùa; hoàn, toán
        return start;
    }

    private static String matchCase(String original, String expansion) {
        if (original.length() > 1 && original.equals(original.toUpperCase(Locale.ROOT))) {
            return expansion.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(original.charAt(0))) {
            return Character.toUpperCase(expansion.charAt(0)) + expansion.substring(1);
        }
        return expansion;
    }

    private static Map<String, String> loadTeencode() {
        Map<String, String> map = new HashMap<>();
        for (String[] row : Resources.rows("teencode.tsv")) {
            map.put(row[0].toLowerCase(Locale.ROOT), normalize(row[1]));
        }
        return map; // not Map.copyOf: looked up for every word of social text, mostly in vain (see segment.Lexicon)
    }
}
