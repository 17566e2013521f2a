package vn.iocstream.nlp.sentiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Labelled corpora of several domains, each cut into a training part, a development part (for choosing
 * constants and thresholds) and a held-out part (for reporting only). A folder of a corpora directory
 * (such as {@code ../shared/data/train}) is one corpus:
 * <ul>
 *   <li>{@code train.csv} and {@code test.csv}: the corpus's own test split is held out; {@value #DEV_PERCENT}%
 *       of {@code train.csv} is development;</li>
 *   <li>{@code all.csv} alone: {@value #TEST_PERCENT}% is held out, {@value #DEV_PERCENT}% development.</li>
 * </ul>
 * A row's part is decided by a seeded hash of its text ({@link #bucket}), not by its position: the same
 * file always splits the same way, and so does a text moved to another file.
 */
public final class SentimentCorpora {
    private SentimentCorpora() {}

    static final int DEV_PERCENT = 15;
    static final int TEST_PERCENT = 30;
    /** Fixed once for issue 13; changing it reshuffles every split. */
    static final long SEED = 0x13_5E_17L;

    /** One domain's labelled texts by part; {@code test} may be empty (no held-out part). */
    public record Corpus(String name, List<LabelledText> train, List<LabelledText> dev, List<LabelledText> test) {
        public Corpus {
            train = List.copyOf(train);
            dev = List.copyOf(dev);
            test = List.copyOf(test);
        }
    }

    /** Every corpus folder under {@code dir}, by name. */
    public static List<Corpus> load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("no such folder: " + dir);
        List<Path> folders;
        try (Stream<Path> s = Files.list(dir)) {
            folders = s.filter(Files::isDirectory).sorted().toList();
        }
        List<Corpus> out = new ArrayList<>();
        for (Path folder : folders) {
            if (Files.isRegularFile(folder.resolve("train.csv")) || Files.isRegularFile(folder.resolve("all.csv"))) {
                out.add(load(folder.getFileName().toString(), folder));
            }
        }
        if (out.isEmpty()) throw new IllegalArgumentException("no corpus (a folder with train.csv or all.csv) under " + dir);
        return out;
    }

    private static Corpus load(String name, Path folder) throws IOException {
        Path train = folder.resolve("train.csv"), test = folder.resolve("test.csv"), all = folder.resolve("all.csv");
        if (Files.isRegularFile(train)) {
            List<LabelledText> held = Files.isRegularFile(test) ? SentimentCsv.read(test) : List.of();
            return split(name, SentimentCsv.read(train), held);
        }
        List<LabelledText> rest = new ArrayList<>(), held = new ArrayList<>();
        for (LabelledText d : SentimentCsv.read(all)) (bucket(d.text(), SEED + 1) < TEST_PERCENT ? held : rest).add(d);
        return split(name, rest, held);
    }

    /** Cuts {@code trainable} into training and development parts; {@code test} is held out as it is. */
    public static Corpus split(String name, List<LabelledText> trainable, List<LabelledText> test) {
        List<LabelledText> train = new ArrayList<>(), dev = new ArrayList<>();
        for (LabelledText d : trainable) (bucket(d.text(), SEED) < DEV_PERCENT ? dev : train).add(d);
        return new Corpus(name, train, dev, test);
    }

    /** The hand-written public-issue set shipped in this jar: train.csv and its development twin dev.csv. */
    public static Corpus handwritten() {
        return new Corpus("handwritten", SentimentCsv.resource(HANDWRITTEN_TRAIN), SentimentCsv.resource(HANDWRITTEN_DEV), List.of());
    }

    static final String HANDWRITTEN_TRAIN = "/vn/iocstream/nlp/sentiment/train.csv";
    static final String HANDWRITTEN_DEV = "/vn/iocstream/nlp/sentiment/dev.csv";

    /** A number in [0, 100) from the text and a seed. */
    static int bucket(String text, long seed) {
        return (int) Long.remainderUnsigned(hash(text, seed), 100);
    }

    /** A 64-bit hash of the text and a seed: FNV-1a over its UTF-8 bytes, then a final mix. */
    static long hash(String text, long seed) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /**
     * {@code n} texts of {@code rows} picked by a seeded hash of their text, in the order of that hash: a
     * sample that does not depend on how the file is sorted (some corpora list all positives first).
     */
    public static List<LabelledText> sample(List<LabelledText> rows, int n, long seed) {
        return rows.stream().sorted(java.util.Comparator.comparingLong((LabelledText d) -> hash(d.text(), seed))
                .thenComparingInt(LabelledText::line)).limit(n).toList();
    }
}
