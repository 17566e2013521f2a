package vn.iocstream.nlp.sentiment;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Weighted-F1 of sentiment classifiers on each corpus's development and held-out parts
 * ({@link SentimentCorpora}), and across domains: a model made by {@link SentimentRecipe} from one corpus,
 * or from all but one, measured on the corpora it never saw; and the latter fine-tuned on
 * {@value #SITE_POSTS} texts of the corpus it left out, as a site would with its own posts.
 */
public final class SentimentBenchmark {
    private SentimentBenchmark() {}

    /** "A few hundred of a site's own posts": this many of the left-out corpus's training part, a seeded sample. */
    static final int SITE_POSTS = 300;
    private static final long SITE_SEED = 300L;

    /** Figures on one corpus; {@code test} is null when the corpus has no held-out part. */
    public record Row(String corpus, SentimentReport dev, SentimentReport test) {}

    /** What a model trained on {@code trainedOn} scored on each other corpus. */
    public record Cross(String trainedOn, List<Row> rows) {}

    /** The classifier on each corpus's development and held-out parts. */
    public static List<Row> evaluate(SentimentClassifier classifier, List<SentimentCorpora.Corpus> corpora) {
        List<Row> rows = new ArrayList<>();
        for (SentimentCorpora.Corpus c : corpora) {
            rows.add(new Row(c.name(), SentimentEvaluation.evaluate(c.dev(), classifier),
                    c.test().isEmpty() ? null : SentimentEvaluation.evaluate(c.test(), classifier)));
        }
        return rows;
    }

    /**
     * For each corpus, a model made from it alone, and one made from all the others, each measured on
     * the corpora it was not made from; then the latter fine-tuned ({@link SentimentTrainer#fineTune}) on
     * {@value #SITE_POSTS} texts of the corpus's training part (a seeded sample), measured on the same parts.
     * Calibration uses the development parts of the training corpora only, so no figure here but the
     * fine-tuned ones has seen its own domain, and those only through the site's posts.
     */
    public static List<Cross> crossDomain(List<SentimentCorpora.Corpus> corpora, SentimentTrainer.Options options) {
        List<Cross> out = new ArrayList<>();
        for (SentimentCorpora.Corpus c : corpora) {
            List<SentimentCorpora.Corpus> others = corpora.stream().filter(o -> o != c).toList();
            LinearSentimentModel alone = SentimentRecipe.train(List.of(c), options);
            out.add(new Cross(c.name(), evaluate(alone, others)));
        }
        for (SentimentCorpora.Corpus c : corpora) {
            List<SentimentCorpora.Corpus> others = corpora.stream().filter(o -> o != c).toList();
            LinearSentimentModel allBut = SentimentRecipe.train(others, options);
            out.add(new Cross("all but " + c.name(), evaluate(allBut, List.of(c))));
            List<LabelledText> site = SentimentCorpora.sample(c.train(), SITE_POSTS, SITE_SEED);
            LinearSentimentModel tuned = SentimentTrainer.fineTune(allBut, site, SentimentTrainer.FINE_TUNING);
            out.add(new Cross("all but " + c.name() + " + " + site.size() + " of it", evaluate(tuned, List.of(c))));
        }
        return out;
    }

    /** One line per corpus: dev and held-out weighted-F1 (and macro-F1), then the means. */
    public static void print(String title, List<Row> rows, PrintStream out) {
        out.println(title);
        out.printf(Locale.ROOT, "  %-14s %6s %-13s %6s %-13s%n", "corpus", "dev n", "dev wF1/mF1", "test n", "test wF1/mF1");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "  %-14s %6d %6.4f/%6.4f %6s %13s%n", r.corpus(), r.dev().total(), r.dev().weightedF1(), r.dev().macroF1(),
                    r.test() == null ? "-" : String.valueOf(r.test().total()),
                    r.test() == null ? "-" : String.format(Locale.ROOT, "%5.4f/%5.4f", r.test().weightedF1(), r.test().macroF1()));
        }
    }

    /** {@code sentiment corpora devWeightedF1=… heldOutWeightedF1=…}: unweighted means over the corpora that have each part. */
    public static String headline(List<Row> rows) {
        double dev = rows.stream().mapToDouble(r -> r.dev().weightedF1()).average().orElse(0);
        double test = rows.stream().filter(r -> r.test() != null).mapToDouble(r -> r.test().weightedF1()).average().orElse(0);
        return String.format(Locale.ROOT, "sentiment corpora devWeightedF1=%.4f heldOutWeightedF1=%.4f", dev, test);
    }
}
