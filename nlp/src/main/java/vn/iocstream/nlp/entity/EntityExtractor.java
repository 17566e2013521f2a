package vn.iocstream.nlp.entity;

import java.util.List;
import vn.iocstream.nlp.WordSegmenter;
import vn.iocstream.nlp.pipeline.PipelineAnnotations;
import vn.iocstream.nlp.pipeline.VietnamesePipeline;

/**
 * Entities of normalised Vietnamese text, through a {@link VietnamesePipeline}. Thread-confined like
 * the pipeline it owns: one per thread (a Flink subtask creates one in {@code open()}).
 */
public final class EntityExtractor {

    private final VietnamesePipeline pipeline;

    public EntityExtractor() {
        this(new VietnamesePipeline());
    }

    public EntityExtractor(WordSegmenter segmenter) {
        this(new VietnamesePipeline(segmenter));
    }

    public EntityExtractor(VietnamesePipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** Entities left to right, offsets into {@code normalizedText}. */
    public List<Entity> extract(String normalizedText) {
        if (normalizedText.isBlank()) return List.of();
        return pipeline.annotate(normalizedText).get(PipelineAnnotations.EntitiesAnnotation.class);
    }
}
