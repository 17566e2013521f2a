package vn.iocstream.app.cli;

import java.nio.file.Path;
import java.util.List;
import vn.iocstream.nlp.segment.Lexicon;
import vn.iocstream.nlp.segment.SegmenterTrainer;
import vn.iocstream.nlp.segment.TrainedSegmenter;
import vn.iocstream.nlp.sentiment.SentimentTrainer;

/** {@code ioc nlp …}: training the models a site can select in its configuration. */
public final class NlpCommand {
    static final String USAGE = """
            usage: ioc nlp <task> [options]

              train-segmenter --conllu FILE --out MODEL [--epochs N]
                  trains a word segmenter on your annotated text (CoNLL-U, multi-syllable words as one FORM
                  with spaces). Use it with nlp.segmenter=trained and nlp.segmenterModel=MODEL.

              train-sentiment --csv FILE [--out MODEL] [--no-lexicon] [--epochs N] [--seed N]
                  trains the linear sentiment classifier (syllable n-grams + lexicon evidence) on a CSV with
                  columns text,label (default MODEL: data/models/sentiment-model.tsv). Use it with
                  nlp.sentimentModel=MODEL.""";

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
        Options o = Options.parse(args, List.of("csv", "out", "epochs", "seed"), List.of("no-lexicon"), USAGE);
        Path csv = EvalCommand.existingFile(o, "csv");
        Path out = Path.of(o.get("out", "data/models/sentiment-model.tsv"));
        if (out.getParent() != null) java.nio.file.Files.createDirectories(out.getParent());
        SentimentTrainer.Options d = SentimentTrainer.Options.defaults();
        SentimentTrainer.Options options = new SentimentTrainer.Options((int) o.number("epochs", d.epochs()),
                d.learningRate(), d.l2(), o.number("seed", d.seed()), !o.has("no-lexicon"), d.prune());
        System.out.println(SentimentTrainer.train(csv, out, options).summary());
        System.out.println("wrote " + out + "; use it with nlp.sentimentModel: " + out);
        return 0;
    }
}
