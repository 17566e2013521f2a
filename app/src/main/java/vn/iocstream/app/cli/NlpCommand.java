package vn.iocstream.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import vn.iocstream.nlp.segment.Lexicon;
import vn.iocstream.nlp.segment.SegmenterTrainer;
import vn.iocstream.nlp.segment.TrainedSegmenter;
import vn.iocstream.nlp.sentiment.LabelledText;
import vn.iocstream.nlp.sentiment.LinearSentimentModel;
import vn.iocstream.nlp.sentiment.SentimentBenchmark;
import vn.iocstream.nlp.sentiment.SentimentCorpora;
import vn.iocstream.nlp.sentiment.SentimentCsv;
import vn.iocstream.nlp.sentiment.SentimentRecipe;
import vn.iocstream.nlp.sentiment.SentimentTrainer;

/** {@code ioc nlp …}: training the models a site can select in its configuration. */
public final class NlpCommand {
    static final String USAGE = """
            usage: ioc nlp <task> [options]

              train-segmenter --conllu FILE --out MODEL [--epochs N]
                  trains a word segmenter on your annotated text (CoNLL-U, multi-syllable words as one FORM
                  with spaces). Use it with nlp.segmenter=trained and nlp.segmenterModel=MODEL.

              train-sentiment --csv FILE [--base shipped|BASE_MODEL] [--out MODEL] [--epochs N] [--seed N]
                  trains the sentiment classifier on a CSV with columns text,label (negative/neutral/positive,
                  or two of them). With --base (a few hundred of your own posts are enough): the shipped model,
                  or BASE_MODEL, trained further on your posts, keeping what it knows of everything else.
                  Without: a new model from your posts alone (syllable n-grams + lexicon evidence; --no-lexicon
                  for n-grams only). Default MODEL: data/models/sentiment-model.tsv; use it with
                  nlp.sentimentModel=MODEL, and measure the gain with
                  ioc eval sentiment --csv YOUR_DEV.csv --model MODEL --compare shipped.

              train-sentiment --corpora DIR [--out MODEL]
                  the shipped model's recipe: trains on the corpora under DIR (folders with train.csv and
                  test.csv, or all.csv; e.g. ../shared/data/train) and the hand-written set in the jar, domains
                  weighing the same, then calibrates per-class offsets on their development parts. Held-out
                  parts are never read. The shipped model is rebuilt with
                  --corpora ../shared/data/train --out nlp/src/main/resources/vn/iocstream/nlp/sentiment/default-model.tsv""";

    public int run(List<String> args) throws Exception {
        Integer helped = Options.helpFor(args, USAGE);
        if (helped != null) return helped;
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "train-segmenter" -> trainSegmenter(rest);
            case "train-sentiment" -> trainSentiment(rest);
            default -> throw new UsageException("unknown task: " + args.get(0), USAGE);
        };
    }

    private int trainSegmenter(List<String> args) throws Exception {
        Options o = Options.parse(args, List.of("conllu", "out", "epochs"), List.of(), USAGE);
        Path conllu = EvalCommand.existingFile(o, "conllu");
        if (!o.has("out")) throw new UsageException("--out MODEL is required", USAGE);
        int epochs = (int) o.number("epochs", SegmenterTrainer.DEFAULT_EPOCHS);
        long t0 = System.nanoTime();
        System.out.println("training on " + conllu + " (" + epochs + " epochs) …");
        TrainedSegmenter model = SegmenterTrainer.train(conllu, Path.of(o.get("out", null)),
                Lexicon.vntk(), epochs);
        System.out.printf("wrote %s: %d features in %.1f s%n", o.get("out", null), model.size(), (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    private int trainSentiment(List<String> args) throws Exception {
        Options o = Options.parse(args, List.of("csv", "corpora", "base", "out", "epochs", "seed"), List.of("no-lexicon"), USAGE);
        if (o.has("csv") == o.has("corpora")) throw new UsageException("give either --csv FILE or --corpora DIR", USAGE);
        Path out = Path.of(o.get("out", "data/models/sentiment-model.tsv"));
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        long t0 = System.nanoTime();
        if (o.has("corpora")) {
            if (o.has("base") || o.has("no-lexicon") || o.has("epochs") || o.has("seed")) {
                throw new UsageException("--corpora trains the shipped recipe as it is: no --base, --no-lexicon, --epochs or --seed", USAGE);
            }
            List<SentimentCorpora.Corpus> corpora = SentimentRecipe.withHandwritten(EvalCommand.corpora(o));
            LinearSentimentModel model = SentimentRecipe.train(corpora);
            model.save(out);
            System.out.printf(Locale.ROOT, "trained on %s in %.0f s: vocabulary %d, offsets %s%n",
                    corpora.stream().map(c -> c.name() + " (" + c.train().size() + ")").toList(), (System.nanoTime() - t0) / 1e9,
                    model.vocabularySize(), Arrays.toString(model.offsets()));
            SentimentBenchmark.print("development parts (the held-out parts: ioc eval sentiment --corpora DIR)",
                    SentimentBenchmark.evaluate(model, corpora).stream().map(r -> new SentimentBenchmark.Row(r.corpus(), r.dev(), null)).toList(),
                    System.out);
        } else {
            Path csv = EvalCommand.existingFile(o, "csv");
            List<LabelledText> data = SentimentCsv.read(csv);
            SentimentTrainer.Options d = o.has("base") ? SentimentTrainer.FINE_TUNING : SentimentTrainer.Options.defaults();
            SentimentTrainer.Options options = d.withEpochs((int) o.number("epochs", d.epochs())).withSeed(o.number("seed", d.seed()));
            LinearSentimentModel model;
            if (o.has("base")) {
                if (o.has("no-lexicon")) throw new UsageException("--no-lexicon applies to a new model, not to --base", USAGE);
                model = SentimentTrainer.fineTune(EvalCommand.model(o.get("base", null), "base"), data, options);
            } else {
                model = SentimentTrainer.fit(data, options.withLexicon(!o.has("no-lexicon")));
            }
            model.save(out);
            System.out.println(SentimentTrainer.report(data, model, options).summary()
                    + (o.has("base") ? ", on top of " + o.get("base", null) : ""));
        }
        System.out.println("wrote " + out + "; use it with nlp.sentimentModel: " + out);
        return 0;
    }
}
