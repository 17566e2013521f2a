package vn.iocstream.jobs.functions;

import java.time.Instant;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import vn.iocstream.core.Topics;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.DeadLetter;
import vn.iocstream.core.model.EnrichedPost;
import vn.iocstream.jobs.detectors.trend.TrendHit;
import vn.iocstream.jobs.detectors.trend.TrendKeys;
import vn.iocstream.nlp.segment.Segmenters;

/** Fans a post out to one hit per trend key (watchlist, entity, locality, story, key phrase). */
public final class ToTrendHits extends ProcessFunction<EnrichedPost, TrendHit> {
    private static final long serialVersionUID = 1L;
    private final IocConfig.Nlp nlp;
    private final Map<String, String> watchlistTitles;
    private final int maxPhrases;
    private transient TrendKeys keys;

    public ToTrendHits(IocConfig.Nlp nlp, Map<String, String> watchlistTitles, int maxPhrases) {
        this.nlp = nlp;
        this.watchlistTitles = Map.copyOf(watchlistTitles);
        this.maxPhrases = maxPhrases;
    }

    @Override
    public void open(OpenContext openContext) {
        // The segmenter the analysis uses, so phrases split where the post's words split.
        keys = new TrendKeys(Segmenters.create(nlp.segmenter(), nlp.segmenterModel()), watchlistTitles, maxPhrases);
    }

    @Override
    public void processElement(EnrichedPost post, Context ctx, Collector<TrendHit> out) {
        for (TrendHit hit : keys.hits(post)) out.collect(hit);
    }
}
