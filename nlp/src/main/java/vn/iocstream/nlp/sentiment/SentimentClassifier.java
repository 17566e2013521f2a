package vn.iocstream.nlp.sentiment;

import vn.iocstream.nlp.Sentiment;

/**
 * Anything that labels a text negative, neutral or positive: the lexicon scorer
 * ({@link vn.iocstream.nlp.SentimentScorer}) and trained models ({@link LinearSentimentModel}).
 * Implementations are thread-safe.
 */
public interface SentimentClassifier {

    /** The three labels, in the order reports and models list them. */
    java.util.List<String> LABELS = java.util.List.of("negative", "neutral", "positive");

    /** Classifies text already normalised with {@link vn.iocstream.nlp.TextNormalizer#normalizeSocial}. */
    Sentiment classify(String normalizedText);
}
