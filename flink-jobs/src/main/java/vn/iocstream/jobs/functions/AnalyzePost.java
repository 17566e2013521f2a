package vn.iocstream.jobs.functions;

import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.geo.Gazetteer;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.DeadLetter;
import vn.iocstream.core.model.EnrichedPost;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.core.Topics;
import vn.iocstream.nlp.Analysis;
import vn.iocstream.nlp.VietnameseAnalyzer;
import vn.iocstream.nlp.dedup.StoryText;

/**
 * Runs the Vietnamese analysis on each post. One analyzer per parallel subtask, created in {@code open()}:
 * analyzers are not thread-safe and too costly to build per record.
 */
public final class AnalyzePost extends ProcessFunction<RawPost, EnrichedPost> {
    private static final long serialVersionUID = 1L;
    private final List<IocConfig.Watchlist> watchlists;
    private final IocConfig.Nlp nlp;
    private transient Gazetteer gazetteer;
    private transient VietnameseAnalyzer analyzer;

    public AnalyzePost(List<IocConfig.Watchlist> watchlists, IocConfig.Nlp nlp) {
        this.watchlists = List.copyOf(watchlists);
        this.nlp = nlp;
    }

    @Override
    public void open(OpenContext openContext) {
        gazetteer = Gazetteer.load();
        analyzer = VietnameseAnalyzer.forConfig(watchlists, nlp);
    }

    @Override
    public void processElement(RawPost post, Context ctx, Collector<EnrichedPost> out) {
        out.collect(enrich(post, analyzer.analyze(text(post), post.kind(), post.source())));
    }

    private static String text(RawPost post) {
        String title = post.title() == null ? "" : post.title();
        String body = post.text() == null ? "" : post.text();
        return title.isEmpty() ? body : title + "\n" + body;
    }

    /**
     * Syndicated copies keep the body and rewrite the headline, so a press post with a body is fingerprinted on
     * its story lines ({@link StoryText}: the body without boilerplate and lead); comments and short posts on
     * everything they have.
     */
    private static long fingerprint(RawPost post, Analysis a) {
        boolean hasBody = post.title() != null && !post.title().isBlank() && post.text() != null && !post.text().isBlank();
        return hasBody ? StoryText.fingerprint(post.text()) : a.fingerprint();
    }

    /** The province named in the text wins; else the province the source covers. */
    private EnrichedPost enrich(RawPost post, Analysis a) {
        String province = a.province().isEmpty() && post.locality() != null
                ? gazetteer.lookup(post.locality()).map(Gazetteer.Place::currentProvince).orElse("")
                : a.province();
        // Story id: the post's own until AssignStory groups it with its copies.
        return new EnrichedPost(post.id(), post.url(), post.kind(), post.source(), post.title(), post.text(),
                post.author(), post.publishedAt(), post.fetchedAt(), province, a.places(), a.entities(),
                a.words().size(), a.sentiment(), a.score(), a.watchlists(), fingerprint(post, a), post.id(), post.flags());
    }
}
