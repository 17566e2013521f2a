package vn.iocstream.nlp.pipeline;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.Properties;
import vn.iocstream.nlp.LexiconSegmenter;
import vn.iocstream.nlp.WordSegmenter;

/**
 * A Stanford CoreNLP pipeline for normalised Vietnamese text: {@code visegment}
 * ({@link VietnameseTokenizerAnnotator}), CoreNLP's own {@code ssplit} (line breaks always end a
 * sentence; "…" ends one too), then {@code vientity} ({@link VietnameseEntityAnnotator}). No English
 * model is loaded, so construction takes milliseconds.
 *
 * <p>Not for sharing between threads: build one per thread, e.g. in a Flink operator's {@code open()}:
 * <pre>{@code
 * VietnamesePipeline pipeline = new VietnamesePipeline();
 * Annotation doc = pipeline.annotate(TextNormalizer.normalize(raw));
 * List<Entity> entities = doc.get(PipelineAnnotations.EntitiesAnnotation.class);
 * }</pre>
 */
public final class VietnamesePipeline {

    private final StanfordCoreNLP coreNlp;

    /** With the built-in word segmenter. */
    public VietnamesePipeline() {
        this(VietnameseTokenizerAnnotator.BUILT_IN);
    }

    /**
     * With another word segmenter. It is registered under a key made from its identity, so pipelines
     * with different segmenters never share a cached tokenizer.
     */
    public VietnamesePipeline(WordSegmenter segmenter) {
        this(segmenter == LexiconSegmenter.builtIn() ? VietnameseTokenizerAnnotator.BUILT_IN : register(segmenter));
    }

    private VietnamesePipeline(String segmenterKey) {
        coreNlp = new StanfordCoreNLP(properties(segmenterKey), true);
    }

    /** The CoreNLP properties of this pipeline: custom annotators registered by class name. */
    static Properties properties(String segmenterKey) {
        Properties p = new Properties();
        // Not "vitokenize": CoreNLP 4.5 drops "ssplit" from any annotator list containing the string
        // "tokenize", assuming its own tokenizer splits sentences.
        p.setProperty("annotators", "visegment,ssplit,vientity");
        p.setProperty("customAnnotatorClass.visegment", VietnameseTokenizerAnnotator.class.getName());
        p.setProperty("visegment.segmenter", segmenterKey);
        p.setProperty("ssplit.newlineIsSentenceBreak", "always");
        p.setProperty("ssplit.boundaryTokenRegex", "[.。]|[!?！？]+|…|\\.{2,}");
        p.setProperty("customAnnotatorClass.vientity", VietnameseEntityAnnotator.class.getName());
        return p;
    }

    private static String register(WordSegmenter segmenter) {
        String key = segmenter.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(segmenter));
        VietnameseTokenizerAnnotator.registerSegmenter(key, segmenter);
        return key;
    }

    /** Tokens, sentences and entities of {@code normalizedText} (see {@link vn.iocstream.nlp.TextNormalizer}). */
    public Annotation annotate(String normalizedText) {
        Annotation doc = new Annotation(normalizedText);
        coreNlp.annotate(doc);
        return doc;
    }

    /** The sentences of an annotated document, as text. */
    public static java.util.List<String> sentences(Annotation doc) {
        return doc.get(CoreAnnotations.SentencesAnnotation.class).stream()
                .map(s -> s.get(CoreAnnotations.TextAnnotation.class)).toList();
    }
}
