package vn.iocstream.nlp.segment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.iocstream.nlp.LexiconSegmenter;
import vn.iocstream.nlp.WordSegmenter;

/** The word segmenters a configuration can name. */
public final class Segmenters {
    private Segmenters() {}

    private static final Logger LOG = LoggerFactory.getLogger(Segmenters.class);

    private static WordSegmenter defaultSegmenter;

    /**
     * @param kind      {@code default}: maximal matching over the {@code @vntk/dictionary} word list,
     *                  fetched from npm on first use (falls back to {@code lexicon}, with one warning,
     *                  when it cannot be fetched); {@code lexicon}: the small built-in lexicon, no download;
     *                  {@code trained}: a model written by {@link SegmenterTrainer}; {@code vncorenlp}: the
     *                  VnCoreNLP jar and models in a folder, see {@link VnCoreNlpSegmenter} (not thread-safe)
     * @param modelPath the model file ({@code trained}) or folder ({@code vncorenlp}); ignored otherwise
     * @throws IllegalArgumentException for an unknown kind or a missing model
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

    /** The default segmenter, chosen once per JVM; immutable and thread-safe. */
    public static synchronized WordSegmenter defaultSegmenter() {
        if (defaultSegmenter == null) {
            try {
                defaultSegmenter = new DictionarySegmenter(Lexicon.vntk());
            } catch (IOException e) {
                LOG.warn("word list {}@{} unavailable ({}); using the small built-in lexicon, which segments worse",
                        Lexicon.VNTK_DICTIONARY.name(), Lexicon.VNTK_DICTIONARY.version(), e.getMessage());
                defaultSegmenter = LexiconSegmenter.builtIn();
            }
        }
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
