package vn.iocstream.nlp.sentiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.iocstream.nlp.SentimentScorer;
import vn.iocstream.nlp.TextNormalizer;
import vn.iocstream.nlp.Token;
import vn.iocstream.nlp.Tokenizer;

/**
 * Features of a normalised text for {@link LinearSentimentModel}, as name → value:
 * <ul>
 *   <li>{@code w:} syllable unigrams and {@code b:} bigrams as written (lower case), and {@code f:} /
 *       {@code fb:} the same folded, so that text typed without diacritics shares weights with press text;
 *       numbers read as one symbol, emoji as themselves, "!" and "?" as unigrams; other punctuation
 *       breaks bigrams;</li>
 *   <li>{@code n:} the folded syllables within a negation's reach, as the lexicon's rules see it ("không
 *       hài lòng" gives {@code n:hai}, {@code n:long}; "không gian" negates nothing), which n-grams alone
 *       see only as a bigram;</li>
 *   <li>optionally the lexicon's verdict ({@link SentimentScorer.Evidence}): squashed positive and
 *       negative sums, the overall score, and {@code lex:none} when no term matched.</li>
 * </ul>
 * Every n-gram feature has value 1 here, however often it occurs; a model scales them all by the text's
 * length (see {@link LinearSentimentModel}).
 */
final class SentimentFeatures {
    private SentimentFeatures() {}

    private static final String NUMBER = "<số>";

    /**
     * Receives the features of a text in the order {@link #extract} finds them, a syllable's in one call
     * and without their names' prefixes, so that a model can look its weights up without building the
     * names. A feature may come more than once: it counts once, at its first position, with its last value.
     */
    interface Sink {
        /** {@code w:unit} of "!" or "?", which breaks bigrams and negation. */
        void mark(String unit);

        /**
         * A syllable: {@code w:unit}, {@code f:fold} ({@code fold} is {@link TextNormalizer#fold} of
         * {@code unit}); if it {@code continues} the run of syllables of the previous call,
         * {@code b:previousUnit unit} and {@code fb:previousFold fold}; if {@code negated}, {@code n:fold}.
         */
        void syllable(String unit, String fold, boolean continues, boolean negated);

        /** {@code lex:name} */
        void lexicon(String name, double value);
    }

    /** The features of a text by name, and how many units (syllables, numbers, emoji, marks) it has. */
    record Extracted(Map<String, Double> features, int units) {}

    static Extracted extract(String normalizedText, boolean lexicon) {
        Map<String, Double> features = new LinkedHashMap<>();
        int units = extract(normalizedText, lexicon, new Sink() {
            private String previous, previousFold;

            @Override
            public void mark(String unit) {
                features.put("w:" + unit, 1.0);
            }

            @Override
            public void syllable(String unit, String fold, boolean continues, boolean negated) {
                features.put("w:" + unit, 1.0);
                features.put("f:" + fold, 1.0);
                if (continues) {
                    features.put("b:" + previous + " " + unit, 1.0);
                    features.put("fb:" + previousFold + " " + fold, 1.0);
                }
                if (negated) features.put("n:" + fold, 1.0);
                previous = unit;
                previousFold = fold;
            }

            @Override
            public void lexicon(String name, double value) {
                features.put("lex:" + name, value);
            }
        });
        return new Extracted(features, units);
    }

    static int extract(String normalizedText, boolean lexicon, Sink sink) {
        return extract(Tokenizer.tokens(normalizedText), lexicon, sink);
    }

    /**
     * The same, from the {@link Tokenizer#tokens} of the text. Returns how many units the text has (one
     * per {@link Sink#mark} or {@link Sink#syllable} call), by which a model scales its n-grams.
     */
    static int extract(List<Token> tokens, boolean lexicon, Sink sink) {
        // Each token's unit, null if none; the WORD tokens' units are the lower case the lexicon reads too.
        String[] units = new String[tokens.size()];
        for (int k = 0; k < units.length; k++) {
            Token t = tokens.get(k);
            units[k] = switch (t.type()) {
                case WORD -> SentimentScorer.unit(t.text());
                case ABBREVIATION -> t.text().toLowerCase(Locale.ROOT);
                case NUMBER -> NUMBER;
                case EMOJI -> SentimentScorer.emojiKey(t.text());
                case PUNCT -> t.text().equals("!") || t.text().equals("?") ? t.text() : null;
                default -> null;
            };
        }
        boolean[] negated = new boolean[units.length];
        SentimentScorer.Evidence e = SentimentScorer.builtIn().evidence(tokens, units, negated);
        boolean continues = false;
        int count = 0;
        for (int k = 0; k < units.length; k++) {
            String unit = units[k];
            if (unit == null || unit.equals("!") || unit.equals("?")) {
                if (unit != null) {
                    sink.mark(unit);
                    count++;
                }
                continues = false;
                continue;
            }
            sink.syllable(unit, TextNormalizer.fold(unit), continues, negated[k]);
            continues = true;
            count++;
        }
        if (lexicon) {
            sink.lexicon("positive", squash(e.positive()));
            sink.lexicon("negative", squash(e.negative()));
            sink.lexicon("score", e.score());
            if (e.terms() == 0) sink.lexicon("none", 1.0);
        }
        return count;
    }

    /** Maps a non-negative sum of lexicon weights into [0, 1). */
    private static double squash(double x) {
        return x / (x + 2);
    }
}
