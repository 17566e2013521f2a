package vn.iocstream.nlp;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.iocstream.nlp.sentiment.SentimentClassifier;

/**
 * Lexicon-based sentiment for Vietnamese text of any domain ({@code sentiment.tsv}, written from general
 * knowledge of the language). Rules, in the spirit of VADER, each scoped to a clause (punctuation ends it):
 * <ul>
 *   <li>a negator (không, chưa, chẳng hề…) flips the next term within {@value #NEGATION_WINDOW} tokens:
 *       a praise turns into blame of about the same strength ("không nhiệt tình" is as bad as "tệ"), a
 *       blame into milder praise ("không tệ" is less than "tốt"); "không chỉ", "không gian" are no
 *       negations. A lack word (thiếu) negates the same way and, when no term follows it in its clause,
 *       counts as a mild negative of its own ("thiếu tài liệu");</li>
 *   <li>an intensifier (rất, quá, lắm) right before or after a term strengthens it, a dampener (hơi, khá,
 *       tương đối) weakens it;</li>
 *   <li>after a contrast word (nhưng, tuy nhiên) the rest of the sentence weighs {@value #AFTER_CONTRAST}
 *       times as much and what came before is divided by as much; a concession (mặc dù, tuy, dù) divides
 *       its own clause by as much ("mặc dù hơi đắt, đồ ăn rất ngon");</li>
 *   <li>a decrease word (giảm, triệt phá, thoát) turns a bad thing into good news: it negates the last
 *       negative term of its clause ("tai nạn giảm mạnh") or else the next one ("thoát cảnh ô nhiễm");</li>
 *   <li>a topic word (phòng ngừa, diễn tập) marks the rest of the sentence as a subject, not an event: its
 *       terms count for nothing ("diễn tập phòng cháy chữa cháy");</li>
 *   <li>emoji count as terms and are never negated.</li>
 * </ul>
 *
 * <p>Text without diacritics is matched on folded forms. A span written with diacritics is matched
 * exactly, so "chạy" (run) never reads as "cháy" (fire); entries flagged {@code exact} in the lexicon
 * are ambiguous when folded and are skipped for text without diacritics. In a text written with
 * diacritics a span without any (hay, tuy) is that very word, and matches its exact entry too.
 *
 * <p>Limits: no sarcasm, no target (a post that praises the police for catching a thief contains
 * both); scores are comparable across posts, not calibrated probabilities. Immutable, thread-safe.
 */
public final class SentimentScorer implements SentimentClassifier {

    static final int NEGATION_WINDOW = 3;
    /** What a negated praise is worth, as a multiple of the praise: blame of nearly the same strength. */
    static final double NEGATED_POSITIVE = -0.9;
    /** What a negated blame is worth: milder praise ("không tệ"). */
    static final double NEGATED_NEGATIVE = -0.5;
    /** What a decreased bad thing is worth ("tai nạn giảm"). */
    static final double DECREASED = -0.75;
    static final double INTENSITY = 1.5;
    static final double DAMPENED = 0.6;
    static final double AFTER_CONTRAST = 1.5;
    /** The negative weight of a lack word that negates nothing in its clause. */
    static final double LACKING = 1.0;
    /** Squashes the sum into (-1, 1): x / sqrt(x² + ALPHA); one strong term alone gives about ±0.7. */
    private static final double ALPHA = 4;
    private static final double NEUTRAL_BAND = 0.1;
    /** A text is taken as written with diacritics when at least this share of its syllables have some. */
    private static final double ACCENTED_SHARE = 0.25;

    private enum Kind { TERM, NEGATOR, LACK, INTENSIFIER, DAMPENER, CONTRAST, CONCESSION, DECREASE, TOPIC, IGNORE }

    private record Entry(Kind kind, double weight) {}

    /** A lexicon match: the entry and how many tokens it spans. */
    private record Match(Entry entry, int length) {}

    /**
     * What the lexicon found in a text: the summed weights of its positive and of its negative terms
     * (both ≥ 0) after negation, intensifiers and contrast, and how many terms matched.
     */
    public record Evidence(double positive, double negative, int terms) {
        /** positive − negative squashed into (-1, 1). */
        public double score() {
            double total = positive - negative;
            return total / Math.sqrt(total * total + ALPHA);
        }
    }

    /** Before {@link #BUILT_IN}, whose loading uses it. */
    private static final Pattern EMOJI_MODIFIERS = Pattern.compile("[\\x{FE0F}\\x{1F3FB}-\\x{1F3FF}]");

    private static final SentimentScorer BUILT_IN = load();

    private final Map<String, Entry> exact;
    private final Map<String, Entry> folded;
    /**
     * The first one, two… syllables of every entry, joined by spaces (so each entry too): most tokens
     * start no entry, and most spans that start one are not the start of a longer one, so both are
     * passed over without building or looking up longer spans.
     */
    private final Set<String> prefixes = new HashSet<>();
    /** The spans of {@link #prefixes} that some longer entry begins with. */
    private final Set<String> continued = new HashSet<>();
    private final int maxSyllables;

    private SentimentScorer(Map<String, Entry> exact, Map<String, Entry> folded) {
        // HashMaps, not Map.copyOf, for the reason given in segment.Lexicon: most lookups miss.
        this.exact = new HashMap<>(exact);
        this.folded = new HashMap<>(folded);
        this.maxSyllables = exact.keySet().stream().mapToInt(k -> k.split(" ").length).max().orElse(1);
        for (Map<String, Entry> entries : List.of(exact, folded)) {
            for (String k : entries.keySet()) {
                for (int space = k.indexOf(' '); space >= 0; space = k.indexOf(' ', space + 1)) {
                    prefixes.add(k.substring(0, space));
                    continued.add(k.substring(0, space));
                }
                prefixes.add(k);
            }
        }
    }

    /** The scorer with the lexicon shipped in this jar. */
    public static SentimentScorer builtIn() {
        return BUILT_IN;
    }

    /** Scores normalised text (see {@link TextNormalizer}). */
    public Sentiment score(String normalizedText) {
        return score(Tokenizer.tokens(normalizedText));
    }

    private Sentiment score(List<Token> tokens) {
        double score = evidence(tokens).score();
        return new Sentiment(labelOf(score), score);
    }

    /** The label a score in [-1, 1] stands for: neutral near zero. */
    public static String labelOf(double score) {
        return score > NEUTRAL_BAND ? "positive" : score < -NEUTRAL_BAND ? "negative" : "neutral";
    }

    @Override
    public Sentiment classify(String normalizedText) {
        return score(normalizedText);
    }

    @Override
    public Sentiment classify(String normalizedText, List<Token> tokens) {
        return score(tokens);
    }

    /** The lexicon terms of normalised text, weighted by the rules; the basis of {@link #score}. */
    public Evidence evidence(String normalizedText) {
        return evidence(Tokenizer.tokens(normalizedText));
    }

    /** The same, from the {@link Tokenizer#tokens} of the text. */
    public Evidence evidence(List<Token> tokens) {
        String[] lower = new String[tokens.size()];
        for (int k = 0; k < lower.length; k++) {
            if (tokens.get(k).type() == Token.Type.WORD) lower[k] = unit(tokens.get(k).text());
        }
        return evidence(tokens, lower, null);
    }

    /**
     * A word as the lexicon reads it: lower case, with a letter typed three times or more in a row
     * written once ("ngonnnn", "quáaaa", whose repeats may drop the tone mark): no Vietnamese syllable
     * repeats a letter that often.
     */
    public static String unit(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (int i = 2; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == lower.charAt(i - 1) && c == lower.charAt(i - 2)) {
                // Only then fold, to see the run whole ("áaa"): most words have no run.
                String folded = TextNormalizer.fold(lower);
                return folded.length() == lower.length() ? squeeze(lower, folded) : lower;
            }
        }
        return lower;
    }

    /** {@code lower} with each run of three or more letters that fold alike cut to its first. */
    private static String squeeze(String lower, String folded) {
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); ) {
            int run = 1;
            while (i + run < folded.length() && folded.charAt(i + run) == folded.charAt(i)) run++;
            out.append(lower, i, run >= 3 ? i + 1 : i + run);
            i += run;
        }
        return out.toString();
    }

    /**
     * The same, given each WORD token as {@link #unit} makes it ({@code lower[k]} for token k; other
     * entries are not read), for a caller that has made them already. If {@code negated} is not null, it is set
     * true at each token within a negation's reach (whether or not a term is there), for whoever wants
     * the negation scope of the same rules.
     */
    public Evidence evidence(List<Token> tokens, String[] lower, boolean[] negated) {
        boolean accented = accented(tokens, lower);
        double positive = 0, negative = 0, sentencePositive = 0, sentenceNegative = 0, contrast = 1, lastTerm = 0;
        double modifier = 1;
        // Token indexes up to which a negator, decrease word or modifier seen earlier still applies.
        int negatedUntil = 0, decreasedUntil = 0, modifiedUntil = 0, lastTermEnd = -1, clauseStart = 0, terms = 0;
        boolean topic = false, conceded = false, lackPending = false;
        int i = 0;
        while (i <= tokens.size()) {
            Token t = i < tokens.size() ? tokens.get(i) : null;
            if (t == null || t.type() == Token.Type.PUNCT) {
                if (lackPending && !topic) { // "thiếu tài liệu": nothing it negates, a want of its own
                    sentenceNegative += LACKING * contrast / (conceded ? AFTER_CONTRAST : 1);
                    terms++;
                }
                lackPending = conceded = false;
                if (t == null) break;
                if (isSentenceEnd(t.text())) {
                    positive += sentencePositive;
                    negative += sentenceNegative;
                    sentencePositive = sentenceNegative = 0;
                    contrast = 1;
                    topic = false;
                }
                negatedUntil = decreasedUntil = modifiedUntil = 0; // all rules stop at the end of a clause
                clauseStart = i + 1;
                i++;
                continue;
            }
            Match match = match(tokens, lower, i, accented);
            int end = match == null ? i + 1 : i + match.length();
            if (negated != null && i < negatedUntil) {
                for (int k = i; k < end && k < negated.length; k++) negated[k] = true;
            }
            if (match == null) {
                i++;
                continue;
            }
            switch (match.entry().kind()) {
                case IGNORE -> { }
                case NEGATOR -> negatedUntil = end + NEGATION_WINDOW;
                case LACK -> {
                    negatedUntil = end + NEGATION_WINDOW;
                    lackPending = true;
                }
                case TOPIC -> topic = true;
                case DECREASE -> {
                    if (lastTermEnd > clauseStart && lastTerm < 0) { // "tai nạn giảm": the bad thing decreased
                        sentenceNegative += lastTerm;
                        sentencePositive += lastTerm * DECREASED;
                        lastTerm *= DECREASED;
                    } else {
                        decreasedUntil = Integer.MAX_VALUE; // the next bad thing of the clause
                    }
                }
                case INTENSIFIER, DAMPENER -> {
                    double factor = match.entry().kind() == Kind.INTENSIFIER ? INTENSITY : DAMPENED;
                    if (lastTermEnd == i) { // "tệ quá", "chậm một chút": after the term
                        if (lastTerm > 0) sentencePositive += lastTerm * (factor - 1);
                        else sentenceNegative -= lastTerm * (factor - 1);
                        lastTerm *= factor;
                    } else {
                        modifier = factor;
                        modifiedUntil = end + 2;
                    }
                }
                case CONTRAST -> {
                    sentencePositive /= AFTER_CONTRAST;
                    sentenceNegative /= AFTER_CONTRAST;
                    contrast = AFTER_CONTRAST;
                    conceded = false;
                    negatedUntil = modifiedUntil = 0;
                }
                case CONCESSION -> conceded = true;
                case TERM -> {
                    double v = match.entry().weight() * contrast;
                    if (conceded) v /= AFTER_CONTRAST;
                    if (i < modifiedUntil) v *= modifier;
                    if (i < negatedUntil && t.type() != Token.Type.EMOJI) {
                        v *= v > 0 ? NEGATED_POSITIVE : NEGATED_NEGATIVE;
                        lackPending = false;
                    }
                    if (i < decreasedUntil && v < 0) {
                        v *= DECREASED;
                        decreasedUntil = 0;
                    }
                    if (topic) v = 0;
                    if (v > 0) sentencePositive += v;
                    else sentenceNegative -= v;
                    terms++;
                    lastTerm = v;
                    lastTermEnd = end;
                    negatedUntil = modifiedUntil = 0;
                }
            }
            i = end;
        }
        return new Evidence(positive + sentencePositive, negative + sentenceNegative, terms);
    }

    /**
     * Whether the text is written with diacritics: at least {@value #ACCENTED_SHARE} of its syllables
     * carry some. Tone marks are missing from whole posts, not from single words.
     */
    private static boolean accented(List<Token> tokens, String[] lower) {
        int words = 0, marked = 0;
        for (int k = 0; k < lower.length; k++) {
            String w = lower[k];
            if (w == null || tokens.get(k).type() != Token.Type.WORD) continue;
            words++;
            for (int c = 0; c < w.length(); c++) {
                if (w.charAt(c) >= 0x80) {
                    marked++;
                    break;
                }
            }
        }
        return marked > 0 && marked >= ACCENTED_SHARE * words;
    }

    /**
     * The longest lexicon entry starting at token i, or null. {@code lower} holds the WORD tokens in
     * lower case. A span with diacritics is looked up as written; one without is looked up folded, and
     * first as written when the text is {@code accented}. Folding works syllable by syllable, so a
     * span's folded form is its syllables' folded forms joined.
     */
    private Match match(List<Token> tokens, String[] lower, int i, boolean accented) {
        Token first = tokens.get(i);
        if (first.type() == Token.Type.EMOJI) {
            Entry e = exact.get(emojiKey(first.text()));
            return e == null ? null : new Match(e, 1);
        }
        if (first.type() != Token.Type.WORD || !prefixes.contains(lower[i])) return null;
        // From the first syllable on, a syllable at a time while the span begins a longer entry: most
        // spans that start an entry begin no longer one, and are looked up without building any other.
        String span = lower[i];
        boolean plain = isPlain(span);
        Entry longest = null;
        int length = 0;
        for (int n = 1; ; n++) {
            Entry e = plain && !accented ? folded.get(span) : exact.get(span);
            if (e == null && plain && accented) e = folded.get(span);
            if (e != null) {
                longest = e;
                length = n;
            }
            int next = i + n;
            if (!continued.contains(span) || n == maxSyllables || next >= tokens.size() || tokens.get(next).type() != Token.Type.WORD) break;
            span = span + ' ' + lower[next];
            if (!prefixes.contains(span)) break;
            plain = plain && isPlain(lower[next]);
        }
        return longest == null ? null : new Match(longest, length);
    }

    /** Whether a syllable has no diacritics (its folded form is itself). */
    private static boolean isPlain(String syllable) {
        return TextNormalizer.fold(syllable).equals(syllable);
    }

    private static boolean isSentenceEnd(String punct) {
        return punct.equals(".") || punct.equals("!") || punct.equals("?") || punct.equals("…") || punct.startsWith("..");
    }

    /**
     * An emoji without variation selectors and skin tones, as the lexicon (and the sentiment model's
     * features) know it: ❤️ and ❤ are one entry.
     */
    public static String emojiKey(String emoji) {
        return EMOJI_MODIFIERS.matcher(emoji).replaceAll("");
    }

    private static SentimentScorer load() {
        Map<String, Entry> exact = new HashMap<>();
        Map<String, Entry> folded = new HashMap<>();
        for (String[] row : Resources.rows("sentiment.tsv")) {
            String term = TextNormalizer.normalize(row[0]).toLowerCase(Locale.ROOT);
            Entry entry = switch (row[1]) {
                case "negate" -> new Entry(Kind.NEGATOR, 0);
                case "lack" -> new Entry(Kind.LACK, 0);
                case "intensify" -> new Entry(Kind.INTENSIFIER, 0);
                case "dampen" -> new Entry(Kind.DAMPENER, 0);
                case "contrast" -> new Entry(Kind.CONTRAST, 0);
                case "concede" -> new Entry(Kind.CONCESSION, 0);
                case "decrease" -> new Entry(Kind.DECREASE, 0);
                case "topic" -> new Entry(Kind.TOPIC, 0);
                case "ignore" -> new Entry(Kind.IGNORE, 0);
                default -> new Entry(Kind.TERM, Double.parseDouble(row[1]));
            };
            exact.put(emojiKey(term), entry);
            boolean exactOnly = row.length > 2 && row[2].equals("exact");
            if (!exactOnly) folded.putIfAbsent(TextNormalizer.fold(term), entry);
        }
        return new SentimentScorer(exact, folded);
    }
}
