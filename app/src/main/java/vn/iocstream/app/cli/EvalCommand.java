package vn.iocstream.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import vn.iocstream.core.model.EntityMention;
import vn.iocstream.crawlers.ArticleExtractor;
import vn.iocstream.crawlers.extract.ExtractionEvaluation;
import vn.iocstream.jobs.detectors.AnomalyDetector;
import vn.iocstream.jobs.detectors.Detectors;
import vn.iocstream.jobs.detectors.nab.NabCorpus;
import vn.iocstream.jobs.detectors.nab.NabEvaluation;
import vn.iocstream.jobs.detectors.nab.NabTuning;
import vn.iocstream.nlp.Analysis;
import vn.iocstream.nlp.SentimentScorer;
import vn.iocstream.nlp.VietnameseAnalyzer;
import vn.iocstream.nlp.WordSegmenter;
import vn.iocstream.nlp.entity.AdminPrefix;
import vn.iocstream.nlp.entity.ConllFile;
import vn.iocstream.nlp.entity.DantriAnnotations;
import vn.iocstream.nlp.entity.DantriCorpus;
import vn.iocstream.nlp.entity.Entity;
import vn.iocstream.nlp.entity.EntityEvaluation;
import vn.iocstream.nlp.entity.EntityExtractor;
import vn.iocstream.nlp.entity.EntityReport;
import vn.iocstream.nlp.entity.LocalityEvaluation;
import vn.iocstream.nlp.segment.SegmentEvaluation;
import vn.iocstream.nlp.segment.Segmenters;
import vn.iocstream.nlp.sentiment.LinearSentimentModel;
import vn.iocstream.nlp.sentiment.SentimentBenchmark;
import vn.iocstream.nlp.sentiment.SentimentClassifier;
import vn.iocstream.nlp.sentiment.SentimentCorpora;
import vn.iocstream.nlp.sentiment.SentimentEvaluation;
import vn.iocstream.nlp.sentiment.SentimentRecipe;
import vn.iocstream.nlp.sentiment.SentimentReport;

/**
 * {@code ioc eval …}: quality measured on a file. Each prints a table and, last, its headline line; each
 * exits 0 whatever the figure (a low score is a result, not an error).
 */
public final class EvalCommand {
    static final String USAGE = """
            usage: ioc eval <what> [options]

              segment --conllu FILE [--model MODEL | --segmenter KIND]
                  word precision/recall/F1 (CoNLL 2018 definition) of the word segmenter on a CoNLL-U file;
                  KIND is default, lexicon, trained (needs --model) or vncorenlp (--model = its folder).
                  Last line: segment F1=0.xxxx

              sentiment --csv FILE [--model MODEL | --lexicon] [--compare BASE_MODEL|shipped|lexicon]
                  accuracy, macro-F1, weighted-F1 and confusion matrix on a CSV with columns text,label
                  (negative/neutral/positive, or two of them: a neutral prediction then counts as an error);
                  default: the shipped model. --compare: the same for BASE_MODEL first, then the gain of
                  MODEL over it (e.g. a model trained with ioc nlp train-sentiment --base shipped).
                  Last line: sentiment macroF1=0.xxxx weightedF1=0.xxxx accuracy=0.xxxx

              sentiment --corpora DIR [--model MODEL | --lexicon] [--cross-domain]
                  weighted- and macro-F1 on the development and held-out parts of each corpus under DIR (as
                  ioc nlp train-sentiment --corpora splits them; e.g. ../shared/data/train) and of the
                  hand-written set. --cross-domain: also, for each corpus, a model made by the shipped recipe
                  from that corpus alone, and one from all the others, measured on what it never saw, and the
                  latter fine-tuned on 300 texts of the corpus it left out (slow: eight models, four fine-tunings).
                  Last line: sentiment corpora devWeightedF1=0.xxxx heldOutWeightedF1=0.xxxx

              entities (--conll FILE [--tag-column N] | --dantri FILE [--split dev|heldout|all] [--data DIR]
                        [--locality FILE]) [--admin-prefix as-is|strip|include] [--verbose]
                  per-type and micro precision/recall/F1 of LOCATION, ORGANIZATION, PERSON, by exact match (CoNLL
                  2003) and by partial (overlap) match. --conll: a CoNLL/BIO file, tab or space separated, token
                  first, words may be joined by _, extra columns allowed (the NER column is found, or given by
                  --tag-column, 1-based), tags B-/I-/E-/S- or bare, LOC/ORG/PER or LOCATION/ORGANIZATION/PERSON,
                  MISC and other types counted apart. --dantri: the hand annotation of Dân Trí sentences
                  (nlp/src/test/resources/entity/dantri/annotations.tsv), rebuilt from the corpus under --data
                  (default ../shared/data), split dev (default), heldout or all; --locality FILE (locality.tsv
                  there) also scores the province analyze() gives each article of the split. --admin-prefix maps
                  both sides to one convention for "tỉnh/huyện/xã/phường …" before a place (default as-is).
                  --verbose prints each sentence's missed and spurious spans.
                  Last line: entities microF1=0.xxxx partialF1=0.xxxx

              nab --data DIR [--detector NAME] [--loco [--space robust|full]]
                  runs an anomaly detector over every CSV under DIR/data (a NAB corpus), scores it with
                  DIR/labels/combined_windows.json and the profiles of DIR/config/profiles.json (NAB's three
                  by default): probation, scaled sigmoid, one threshold per profile optimised over the corpus,
                  normalised between the null (0) and the perfect (100) detector. Prints per-category and total
                  scores, the thresholds, and the scores at the detector's shipped alarm threshold (no
                  optimisation: what a user gets). NAME: default (seasonal-likelihood), contextual (CAD OSE,
                  slow), likelihood-contextual (the higher score of both) or gaussian (NAB's baseline, also
                  scored in the same run beside any other detector).
                  Last line: nab standard=NN.NN reward_low_FP=NN.NN reward_low_FN=NN.NN
                  --loco: how the default detector's constants and alarm threshold are chosen, and what that is
                  worth on unseen kinds of series: for each category, the search runs on the other categories
                  and the held-out one is scored with its result (constants and thresholds); prints each fold,
                  the search on all categories (the shipped constants) and the threshold NAB's standard profile
                  picks on the held-out scores (the shipped one). --space full also searches every other
                  constant (for comparison; it generalises worse).
                  Last line: nab loco standard=NN.NN reward_low_FP=NN.NN reward_low_FN=NN.NN

              extract --dir DIR [--verbose]
                  runs the default article extractor (no outlet rules) on every page DIR/html/ID.html.gz of an
                  article-extraction benchmark folder and scores the body against DIR/ground-truth.json ({"ID":
                  {"url", "articleBody"}}) as the Scrapinghub benchmark does: multisets of 4-token (Unicode \\w+)
                  shingles, precision and recall per page averaged over pages, F1 of the two averages; beside it the
                  share of the reference's sentences found verbatim (whitespace aside) in the extracted body.
                  --verbose: one row per page, worst first.
                  Last line: extract F1=0.xxx precision=0.xxx recall=0.xxx sentences=0.xxx

            """ + EvalStories.USAGE;

    public int run(List<String> args) throws Exception {
        Integer helped = Options.helpFor(args, USAGE);
        if (helped != null) return helped;
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "segment" -> segment(rest);
            case "sentiment" -> sentiment(rest);
            case "entities" -> entities(rest);
            case "nab" -> nab(rest);
            case "extract" -> extract(rest);
            case "stories" -> EvalStories.run(rest, USAGE);
            default -> throw new UsageException("unknown evaluation: " + args.get(0), USAGE);
        };
    }

    private int segment(List<String> args) throws Exception {
        Options o = Options.parse(args, List.of("conllu", "model", "segmenter"), List.of(), USAGE);
        Path conllu = existingFile(o, "conllu");
        String kind = o.get("segmenter", o.has("model") ? "trained" : "default");
        WordSegmenter segmenter = Segmenters.create(kind, o.get("model", null));
        SegmentEvaluation.evaluate(conllu, segmenter).print(System.out);
        return 0;
    }

    private int sentiment(List<String> args) throws Exception {
        Options o = Options.parse(args, List.of("csv", "corpora", "model", "compare"), List.of("lexicon", "cross-domain"), USAGE);
        if (o.has("csv") == o.has("corpora")) throw new UsageException("give either --csv FILE or --corpora DIR", USAGE);
        if (o.has("model") && o.has("lexicon")) throw new UsageException("--model and --lexicon exclude each other", USAGE);
        SentimentClassifier classifier = o.has("lexicon") ? SentimentScorer.builtIn() : model(o.get("model", "shipped"), "model");
        if (o.has("corpora")) {
            if (o.has("compare")) throw new UsageException("--compare goes with --csv", USAGE);
            List<SentimentCorpora.Corpus> corpora = SentimentRecipe.withHandwritten(corpora(o));
            List<SentimentBenchmark.Row> rows = SentimentBenchmark.evaluate(classifier, corpora);
            if (o.has("cross-domain")) {
                for (SentimentBenchmark.Cross c : SentimentBenchmark.crossDomain(corpora, SentimentRecipe.OPTIONS)) {
                    SentimentBenchmark.print("trained on " + c.trainedOn() + " by the shipped recipe:", c.rows(), System.out);
                }
            }
            SentimentBenchmark.print(o.has("lexicon") ? "lexicon:" : "model " + o.get("model", "shipped") + ":", rows, System.out);
            System.out.println(SentimentBenchmark.headline(rows));
            return 0;
        }
        if (o.has("cross-domain")) throw new UsageException("--cross-domain goes with --corpora", USAGE);
        Path csv = existingFile(o, "csv");
        SentimentReport report = SentimentEvaluation.evaluate(csv, classifier);
        if (o.has("compare")) {
            String name = o.get("compare", null);
            SentimentReport base = SentimentEvaluation.evaluate(csv, name.equals("lexicon") ? SentimentScorer.builtIn() : model(name, "compare"));
            System.out.println("base " + name + ":");
            base.print(System.out);
            System.out.println();
            System.out.println(o.has("lexicon") ? "lexicon:" : "model " + o.get("model", "shipped") + ":");
            report.print(System.out);
            System.out.println(report.gainOver(base));
            System.out.println(report.headline()); // again, so that the last line is the model's, as without --compare
        } else {
            report.print(System.out);
        }
        return 0;
    }

    /** The model a {@code --name} option names: {@code shipped} or a model file. */
    static LinearSentimentModel model(String value, String name) throws IOException {
        if (value.equals("shipped")) return LinearSentimentModel.builtIn();
        Path path = Path.of(value);
        if (!Files.isRegularFile(path)) throw new UsageException("--" + name + ": no such file: " + value, USAGE);
        try {
            return LinearSentimentModel.load(path);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + name + ": " + e.getMessage(), USAGE);
        }
    }

    /** The corpora under {@code --corpora DIR}. */
    static List<SentimentCorpora.Corpus> corpora(Options o) throws IOException {
        try {
            return SentimentCorpora.load(Path.of(o.get("corpora", null)));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--corpora: " + e.getMessage(), USAGE);
        }
    }

    private int entities(List<String> args) {
        Options o = Options.parse(args, List.of("conll", "tag-column", "dantri", "split", "data", "locality", "admin-prefix"),
                List.of("verbose"), USAGE);
        if (o.has("conll") == o.has("dantri")) throw new UsageException("give one of --conll FILE and --dantri FILE", USAGE);
        if (o.has("locality") && !o.has("dantri")) throw new UsageException("--locality goes with --dantri", USAGE);
        String tagColumn = o.get("tag-column", "0");
        if (!tagColumn.matches("\\d{1,3}")) throw new UsageException("--tag-column must be a column number (1 = the token)", USAGE);
        List<EntityEvaluation.Sentence> sentences;
        AdminPrefix prefix;
        DantriCorpus corpus = null;
        String split = o.get("split", "dev");
        try {
            prefix = AdminPrefix.parse(o.get("admin-prefix", "as-is"));
            if (o.has("conll")) {
                sentences = ConllFile.read(existingFile(o, "conll"), Integer.parseInt(tagColumn));
            } else {
                if (!split.equals("all") && !DantriAnnotations.SPLITS.contains(split)) throw new IllegalArgumentException("--split must be dev, heldout or all");
                corpus = DantriCorpus.load(Path.of(o.get("data", "../shared/data")));
                sentences = DantriAnnotations.sentences(DantriAnnotations.rows(existingFile(o, "dantri")), corpus, split.equals("all") ? null : split);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), USAGE);
        }
        EntityExtractor extractor = new EntityExtractor(Segmenters.defaultSegmenter());
        EntityReport report = EntityEvaluation.evaluate(sentences, extractor, prefix, o.has("verbose") ? System.out : null);
        if (o.has("locality")) locality(o, corpus, split);
        report.print(System.out);
        return 0;
    }

    /** The province analyze() gives each article of the split, against the hand annotation. */
    private static void locality(Options o, DantriCorpus corpus, String split) {
        Set<String> docIds = new HashSet<>();
        for (DantriAnnotations.Row row : DantriAnnotations.rows(existingFile(o, "dantri"))) {
            if (split.equals("all") || row.split().equals(split)) docIds.add(row.docId());
        }
        VietnameseAnalyzer analyzer = new VietnameseAnalyzer(List.of());
        LocalityEvaluation.evaluate(LocalityEvaluation.read(existingFile(o, "locality")), corpus, docIds, text -> {
            Analysis a = analyzer.analyze(text, "press", "dantri");
            List<String> places = a.entities().stream().filter(e -> e.type().equals(Entity.LOCATION)).map(EntityMention::text).toList();
            return new LocalityEvaluation.Found(a.province(), places);
        }).print(System.out);
    }

    private int nab(List<String> args) throws Exception {
        Options o = Options.parse(args, List.of("data", "detector", "space"), List.of("loco"), USAGE);
        String dir = o.get("data", null);
        if (dir == null) throw new UsageException("--data DIR is required", USAGE);
        if (o.has("loco") && o.has("detector")) throw new UsageException("--loco tunes the default detector; --detector does not apply", USAGE);
        if (o.has("space") && !o.has("loco")) throw new UsageException("--space goes with --loco", USAGE);
        Supplier<AnomalyDetector> detector;
        NabCorpus corpus;
        try {
            detector = Detectors.named(o.get("detector", "default"));
            corpus = NabCorpus.load(Path.of(dir));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), USAGE);
        }
        if (o.has("loco")) {
            Map<String, double[]> space = switch (o.get("space", "robust")) {
                case "robust" -> NabTuning.ROBUST;
                case "full" -> NabTuning.FULL;
                default -> throw new UsageException("--space must be robust or full", USAGE);
            };
            NabTuning tuning = new NabTuning(corpus, space, System.err);
            tuning.print(tuning.run(), System.out);
            return 0;
        }
        String name = o.get("detector", "default").equals("default") ? Detectors.DEFAULT : o.get("detector", null);
        NabEvaluation.Result result = NabEvaluation.evaluate(name, corpus, NabEvaluation.run(corpus, detector, System.err),
                Detectors.alarm(name).orElse(Double.NaN));
        NabEvaluation.Result baseline = name.equals("gaussian") ? null
                : NabEvaluation.evaluate("gaussian", corpus, NabEvaluation.run(corpus, Detectors.named("gaussian"), System.err));
        NabEvaluation.print(result, baseline, System.out);
        return 0;
    }

    private int extract(List<String> args) {
        Options o = Options.parse(args, List.of("dir"), List.of("verbose"), USAGE);
        String dir = o.get("dir", null);
        if (dir == null) throw new UsageException("--dir DIR is required", USAGE);
        ExtractionEvaluation.Result result;
        try {
            ArticleExtractor extractor = new ArticleExtractor();
            result = ExtractionEvaluation.evaluate(Path.of(dir), page -> extractor.extract(page).text(), System.err);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--dir: " + e.getMessage(), USAGE);
        }
        result.print(System.out, o.has("verbose"));
        return 0;
    }

    static Path existingFile(Options o, String name) {
        String value = o.get(name, null);
        if (value == null) throw new UsageException("--" + name + " FILE is required", USAGE);
        Path path = Path.of(value);
        if (!Files.isRegularFile(path)) throw new UsageException("--" + name + ": no such file: " + value, USAGE);
        return path;
    }
}
