package vn.iocstream.nlp.sentiment;

import java.util.ArrayList;
import java.util.List;

/**
 * How the shipped model is made from corpora of several domains ({@link SentimentCorpora}): trained on
 * their training parts, each domain weighing the same, with n-gram dropout and length scaling
 * ({@link #OPTIONS}, chosen by leave-one-domain-out on the development parts), then its per-class
 * offsets calibrated on their development parts ({@link SentimentCalibration}). The held-out parts are
 * never read here.
 */
public final class SentimentRecipe {
    private SentimentRecipe() {}

    /**
     * Chosen on the development parts of ../shared/data/train and the hand-written set, by the mean
     * weighted-F1 of leave-one-domain-out runs (see the sentiment README): a domain of n texts weighs as
     * √n texts would, four in five n-grams are dropped in each epoch, n-grams of texts longer than 16
     * units are scaled down, and 30% of the texts are learnt a second time without diacritics.
     */
    public static final SentimentTrainer.Options OPTIONS =
            new SentimentTrainer.Options(10, 0.2, 1e-3, 20250701L, true, 0.05, 0.5, 0.8, 16, 0.3);

    /** Trains on the training parts of {@code corpora} and calibrates on their development parts. */
    public static LinearSentimentModel train(List<SentimentCorpora.Corpus> corpora) {
        return train(corpora, OPTIONS);
    }

    static LinearSentimentModel train(List<SentimentCorpora.Corpus> corpora, SentimentTrainer.Options options) {
        List<List<LabelledText>> train = new ArrayList<>(), dev = new ArrayList<>();
        for (SentimentCorpora.Corpus c : corpora) {
            train.add(c.train());
            dev.add(c.dev());
        }
        return SentimentCalibration.calibrate(SentimentTrainer.fitGroups(train, options), dev);
    }

    /** The shipped recipe's corpora: those under a folder, and the hand-written set shipped in this jar. */
    public static List<SentimentCorpora.Corpus> withHandwritten(List<SentimentCorpora.Corpus> corpora) {
        List<SentimentCorpora.Corpus> all = new ArrayList<>(corpora);
        all.add(SentimentCorpora.handwritten());
        return all;
    }
}
