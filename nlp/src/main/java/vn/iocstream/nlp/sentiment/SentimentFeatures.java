package vn.iocstream.nlp.sentiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 *   <li>{@code n:} the folded syllables within three of a negator of the same clause ("không hài lòng"
 *       gives {@code n:hai}, {@code n:long}), which n-grams alone see only as a bigram;</li>
 *   <li>optionally the lexicon's verdict ({@link SentimentScorer.Evidence}): squashed positive and
 *       negative sums, the overall score and the label it implies.</li>
 * </ul>
 * Every n-gram feature has value 1, however often it occurs.
 */
final class SentimentFeatures {
    private SentimentFeatures() {}

    private static final Set<String> NEGATORS = Set.of("không", "chẳng", "chưa", "chả", "đừng", "khỏi", "khong", "chang");
    private static final int NEGATION_WINDOW = 3;
    private static final String NUMBER = "<số>";

    static Map<String, Double> extract(String normalizedText, boolean lexicon) {
        List<Token> tokens = Tokenizer.tokens(normalizedText);
        // Up to five features per token: sized once rather than rehashed as it grows.
        Map<String, Double> features = new LinkedHashMap<>(tokens.size() * 8 + 16);
        String previous = null;
        int negatedUntil = -1, position = 0;
        for (Token t : tokens) {
            String unit = switch (t.type()) {
                case WORD, ABBREVIATION -> t.text().toLowerCase(Locale.ROOT);
                case NUMBER -> NUMBER;
                case EMOJI -> t.text().replaceAll("[\\x{FE0F}\\x{1F3FB}-\\x{1F3FF}]", "");
                case PUNCT -> t.text().equals("!") || t.text().equals("?") ? t.text() : null;
                default -> null;
            };
            if (unit == null || unit.equals("!") || unit.equals("?")) {
                if (unit != null) features.put("w:" + unit, 1.0);
                previous = null;
                negatedUntil = -1;
                continue;
            }
            String fold = TextNormalizer.fold(unit);
            features.put("w:" + unit, 1.0);
            features.put("f:" + fold, 1.0);
            if (previous != null) {
                features.put("b:" + previous + " " + unit, 1.0);
                features.put("fb:" + TextNormalizer.fold(previous) + " " + fold, 1.0);
            }
            if (position <= negatedUntil) features.put("n:" + fold, 1.0);
            if (NEGATORS.contains(unit)) negatedUntil = position + NEGATION_WINDOW;
            previous = unit;
            position++;
        }
        if (lexicon) {
            SentimentScorer.Evidence e = SentimentScorer.builtIn().evidence(tokens);
            double score = e.score();
            features.put("lex:positive", squash(e.positive()));
            features.put("lex:negative", squash(e.negative()));
            features.put("lex:score", score);
            features.put("lex:" + SentimentScorer.labelOf(score), 1.0);
        }
        return features;
    }

    /** Maps a non-negative sum of lexicon weights into [0, 1). */
    private static double squash(double x) {
        return x / (x + 2);
    }
}
