package vn.iocstream.nlp.sentiment;

import java.util.List;
import vn.iocstream.nlp.Sentiment;
import vn.iocstream.nlp.Token;
import vn.iocstream.nlp.Tokenizer;

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

    /**
     * The same as {@link #classify(String)}, given also the text's {@link Tokenizer#tokens}: the analyzer has
     * tokenized the whole document already, and tokenizing each sentence again was a good part of its cost.
     */
    default Sentiment classify(String normalizedText, List<Token> tokens) {
        return classify(normalizedText);
    }
}
