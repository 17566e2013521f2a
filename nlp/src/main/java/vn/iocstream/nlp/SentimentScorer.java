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
 * Lexicon-based sentiment for press and social text about public issues ({@code sentiment.tsv}).
 * Rules, in the spirit of VADER: a negator (không, chẳng, chưa…) flips the next sentiment term within
 * {@value #NEGATION_WINDOW} tokens of the same clause, at {@value #NEGATED} of its weight ("không tệ" is
 * milder praise than "tốt"); phrases such as "không chỉ", "không ngờ" are not negations; an intensifier
 * (rất, quá, cực kỳ, ghê…) before or right after a term multiplies it by {@value #INTENSITY}; after a
 * contrast word (nhưng, tuy nhiên, ai ngờ) the rest of the sentence weighs {@value #AFTER_CONTRAST} times
 * as much and what came before is divided by as much. A decrease word (giảm, triệt phá, thoát, dập tắt)
 * turns a bad thing into good news: it negates the last negative term of its clause ("tai nạn giảm
 * mạnh") or else the next negative term of the clause ("thoát cảnh ô nhiễm"). A topic word (phòng chống, tập huấn, diễn tập)
 * marks the rest of the sentence as a subject, not an event: its terms count for nothing ("hội nghị
 * phòng chống tham nhũng"). Emoji count as terms and are never negated.
 *
 * <p>Text without diacritics is matched on folded forms. A span written with diacritics is matched
 * exactly, so "chạy" (run) never reads as "cháy" (fire); entries flagged {@code exact} in the lexicon
 * are ambiguous when folded and are skipped for text without diacritics.
 *
 * <p>Limits: no sarcasm, no target (a post that praises the police for catching a thief contains
 * both); scores are comparable across posts, not calibrated probabilities. Immutable, thread-safe.
 */
public final class SentimentScorer implements SentimentClassifier {

    static final int NEGATION_WINDOW = 3;
    static final double NEGATED = -0.75;
    static final double INTENSITY = 1.5;
    static final double AFTER_CONTRAST = 1.5;
    /** Squashes the sum into (-1, 1): x / sqrt(x² + ALPHA); one strong term alone gives about ±0.7. */
    private static final double ALPHA = 4;
    private static final double NEUTRAL_BAND = 0.1;

    private enum Kind { TERM, NEGATOR, INTENSIFIER, CONTRAST, DECREASE, TOPIC, IGNORE }

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
            if (tokens.get(k).type() == Token.Type.WORD) lower[k] = tokens.get(k).text().toLowerCase(Locale.ROOT);
        }
        return evidence(tokens, lower);
    }

    /**
     * The same, given each WORD token in lower case ({@code lower[k]} for token k; other entries are not
     * read), for a caller that has lower-cased them already.
     */
    public Evidence evidence(List<Token> tokens, String[] lower) {
        double positive = 0, negative = 0, sentencePositive = 0, sentenceNegative = 0, contrast = 1, lastTerm = 0;
        // Token indexes up to which a negator or intensifier seen earlier still applies.
        int negatedUntil = 0, decreasedUntil = 0, intensifiedUntil = 0, lastTermEnd = -1, clauseStart = 0, terms = 0;
        boolean topic = false;
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.type() == Token.Type.PUNCT) {
                if (isSentenceEnd(t.text())) {
                    positive += sentencePositive;
                    negative += sentenceNegative;
                    sentencePositive = sentenceNegative = 0;
                    contrast = 1;
                    topic = false;
                }
                negatedUntil = decreasedUntil = intensifiedUntil = 0; // negation and intensity stop at the end of a clause
                clauseStart = i + 1;
                i++;
                continue;
            }
            Match match = match(tokens, lower, i);
            if (match == null) {
                i++;
                continue;
            }
            int end = i + match.length();
            switch (match.entry().kind()) {
                case IGNORE -> { }
                case NEGATOR -> negatedUntil = end + NEGATION_WINDOW;
                case TOPIC -> topic = true;
                case DECREASE -> {
                    if (lastTermEnd > clauseStart && lastTerm < 0) { // "tai nạn giảm": the bad thing decreased
                        sentenceNegative += lastTerm;
                        sentencePositive += lastTerm * NEGATED;
                        lastTerm *= NEGATED;
                    } else {
                        decreasedUntil = Integer.MAX_VALUE; // the next bad thing of the clause
                    }
                }
                case INTENSIFIER -> {
                    if (lastTermEnd == i) { // "tệ quá": after the term
                        if (lastTerm > 0) sentencePositive += lastTerm * (INTENSITY - 1);
                        else sentenceNegative -= lastTerm * (INTENSITY - 1);
                    } else {
                        intensifiedUntil = end + 2;
                    }
                }
                case CONTRAST -> {
                    sentencePositive /= AFTER_CONTRAST;
                    sentenceNegative /= AFTER_CONTRAST;
                    contrast = AFTER_CONTRAST;
                    negatedUntil = intensifiedUntil = 0;
                }
                case TERM -> {
                    double v = match.entry().weight() * contrast;
                    if (i < intensifiedUntil) v *= INTENSITY;
                    if (i < negatedUntil && t.type() != Token.Type.EMOJI) v *= NEGATED;
                    if (i < decreasedUntil && v < 0) {
                        v *= NEGATED;
                        decreasedUntil = 0;
                    }
                    if (topic) v = 0;
                    if (v > 0) sentencePositive += v;
                    else sentenceNegative -= v;
                    terms++;
                    lastTerm = v;
                    lastTermEnd = end;
                    negatedUntil = intensifiedUntil = 0;
                }
            }
            i = end;
        }
        return new Evidence(positive + sentencePositive, negative + sentenceNegative, terms);
    }

    /**
     * The longest lexicon entry starting at token i, or null. {@code lower} holds the WORD tokens in
     * lower case. A span is looked up folded if it has no diacritics, as written otherwise; folding
     * works syllable by syllable, so a span's folded form is its syllables' folded forms joined.
     */
    private Match match(List<Token> tokens, String[] lower, int i) {
        Token first = tokens.get(i);
        if (first.type() == Token.Type.EMOJI) {
            Entry e = exact.get(emojiKey(first.text()));
            return e == null ? null : new Match(e, 1);
        }
        if (first.type() != Token.Type.WORD || !prefixes.contains(lower[i])) return null;
        int count = 0;
        while (i + count < tokens.size() && count < maxSyllables && tokens.get(i + count).type() == Token.Type.WORD) count++;
        String[] spans = new String[count + 1];
        boolean[] plain = new boolean[count + 1];
        StringBuilder span = new StringBuilder();
        plain[0] = true;
        for (int n = 1; n <= count; n++) {
            String syllable = lower[i + n - 1];
            if (n == 1) {
                spans[1] = syllable;
                span.append(syllable);
            } else {
                spans[n] = span.append(' ').append(syllable).toString();
                if (!prefixes.contains(spans[n])) {
                    count = n - 1;
                    break;
                }
            }
            plain[n] = plain[n - 1] && TextNormalizer.fold(syllable).equals(syllable);
        }
        for (int n = count; n >= 1; n--) {
            Entry e = plain[n] ? folded.get(spans[n]) : exact.get(spans[n]);
            if (e != null) return new Match(e, n);
        }
        return null;
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
            Entry entry = switch (row[1]) {
                case "negate" -> new Entry(Kind.NEGATOR, 0);
                case "intensify" -> new Entry(Kind.INTENSIFIER, 0);
                case "contrast" -> new Entry(Kind.CONTRAST, 0);
                case "decrease" -> new Entry(Kind.DECREASE, 0);
                case "topic" -> new Entry(Kind.TOPIC, 0);
                case "ignore" -> new Entry(Kind.IGNORE, 0);
                default -> new Entry(Kind.TERM, Double.parseDouble(row[1]));
            };
            String term = TextNormalizer.normalize(row[0]).toLowerCase(Locale.ROOT);
            exact.put(emojiKey(term), entry);
            boolean exactOnly = row.length > 2 && row[2].equals("exact");
            if (!exactOnly) folded.putIfAbsent(TextNormalizer.fold(term), entry);
        }
        return new SentimentScorer(exact, folded);
    }
}
