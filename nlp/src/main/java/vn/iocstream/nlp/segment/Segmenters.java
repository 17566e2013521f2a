package vn.iocstream.nlp.segment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.iocstream.nlp.LexiconSegmenter;
import vn.iocstream.nlp.WordSegmenter;

/** The word segmenters a configuration can name. */
public final class Segmenters {
    private Segmenters() {}

    private static WordSegmenter defaultSegmenter;

    /**
     * @param kind      {@code default}: maximal matching over the {@code @vntk/dictionary} word list bundled
     *                  in the jar (see {@link Lexicon#vntk()}); {@code lexicon}: the small built-in lexicon;
     *                  {@code trained}: a model written by {@link SegmenterTrainer}; {@code vncorenlp}: the
     *                  VnCoreNLP jar and models in a folder, see {@link VnCoreNlpSegmenter} (not thread-safe)
     * @param modelPath the model file ({@code trained}) or folder ({@code vncorenlp}); ignored otherwise
     * @throws IllegalArgumentException for an unknown kind or a missing model
     * @throws IllegalStateException    for {@code default} when the jar lacks its word list
     */
    public static WordSegmenter create(String kind, String modelPath) {
        return switch (kind == null ? "" : kind) {
            case "default" -> defaultSegmenter();
            case "lexicon" -> LexiconSegmenter.builtIn();
            case "trained" -> {
                try {
                    yield TrainedSegmenter.load(existing(kind, modelPath, false));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot load segmenter model " + modelPath, e);
                }
            }
            case "vncorenlp" -> VnCoreNlpSegmenter.load(existing(kind, modelPath, true));
            default -> throw new IllegalArgumentException("unknown segmenter kind '" + kind
                    + "' (known: default, lexicon, trained, vncorenlp)");
        };
    }

    /**
     * The default segmenter, made once per JVM; immutable and thread-safe. Never replaced by a smaller
     * word list: without its own it throws (see {@link Lexicon#vntk()}).
     */
    public static synchronized WordSegmenter defaultSegmenter() {
        if (defaultSegmenter == null) defaultSegmenter = new DictionarySegmenter(Lexicon.vntk());
        return defaultSegmenter;
    }

    private static Path existing(String kind, String modelPath, boolean directory) {
        if (modelPath == null || modelPath.isBlank()) {
            throw new IllegalArgumentException("segmenter kind '" + kind + "' needs a model "
                    + (directory ? "folder" : "file"));
        }
        Path path = Path.of(modelPath);
        if (directory ? !Files.isDirectory(path) : !Files.isRegularFile(path)) {
            throw new IllegalArgumentException("segmenter kind '" + kind + "': no model "
                    + (directory ? "folder" : "file") + " at " + path.toAbsolutePath());
        }
        return path;
    }
}
