package vn.iocstream.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.core.Topics;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.clickhouse.Tables;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.DeadLetter;
import vn.iocstream.core.model.EnrichedPost;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.core.model.Trend;
import vn.iocstream.core.model.WatchlistMinute;
import vn.iocstream.core.validation.RecordLimits;
import vn.iocstream.jobs.detectors.VolumeJumpDetector;
import vn.iocstream.jobs.detectors.trend.TrendDetector;
import vn.iocstream.jobs.detectors.trend.TrendHit;
import vn.iocstream.jobs.functions.AnalyzePost;
import vn.iocstream.jobs.functions.AssignStory;
import vn.iocstream.jobs.functions.DeadLetters;
import vn.iocstream.jobs.functions.DetectTrends;
import vn.iocstream.jobs.functions.EventTimes;
import vn.iocstream.jobs.functions.Guarded;
import vn.iocstream.jobs.functions.ParseRecord;
import vn.iocstream.jobs.functions.ToTrendHits;
import vn.iocstream.jobs.functions.ToWatchlistHits;
import vn.iocstream.jobs.functions.VolumeJumpAlerts;
import vn.iocstream.jobs.functions.WatchlistHit;
import vn.iocstream.jobs.functions.WatchlistMinuteAggregate;
import vn.iocstream.jobs.io.ClickHouseSink;
import vn.iocstream.jobs.io.JobIo;
import vn.iocstream.jobs.io.JsonKafkaSink;
import vn.iocstream.jobs.io.RawPosts;
import vn.iocstream.jobs.io.RawRecord;

/**
 * MediaJob: press and social posts from {@code ioc.raw.posts} are parsed, analysed (Vietnamese NLP,
 * watchlists), stored in ClickHouse {@code posts}, counted per watchlist and minute into
 * {@code watchlist_stats}, and watched for volume jumps that become alerts on {@code ioc.alerts}. Trending keys
 * (watchlists, entities, key phrases, localities, stories) go to {@code trends}, with jump, social-to-press and
 * negative-burst alerts on {@code ioc.alerts}.
 * Malformed records go to {@code ioc.deadletter} with a reason.
 *
 * <pre>
 * raw posts → parse ─(dead letters)→ deadletter topic
 *           → watermarks(published time, idleness) → analyse → story ids ─→ posts table, ioc.enriched.posts
 *                                                    → hits per watchlist → keyBy(watchlist) ─→ 1-minute windows → watchlist_stats
 *                                                  └→ volume-jump detector → ioc.alerts
 *           story ids → hits per trend key → keyBy(type:key) → trend detector ─→ trends table
 *                                                                            └→ trend alerts → ioc.alerts
 * </pre>
 *
 * <p>How to run it: embedded, {@code ./ioc run} (or {@code ./ioc demo}) starts it on a local MiniCluster
 * with everything else. On a Flink cluster, against external Kafka and ClickHouse:
 * <pre>
 * flink run -c vn.iocstream.jobs.MediaJob flink-jobs/target/ioc-flink-jobs-*-flink.jar config/ioc.yaml
 * </pre>
 * where {@code config/ioc.yaml} sets {@code kafka.bootstrap}, {@code clickhouse.url} and the watchlists.
 *
 * <p>The class only wires: the source and sinks come in, so tests drive the same graph with bounded
 * sources and collecting sinks.
 */
public final class MediaJob {
    /** Where the job's results go. */
    public record Sinks(Sink<EnrichedPost> posts, Sink<EnrichedPost> enrichedPosts, Sink<WatchlistMinute> stats,
                        Sink<Trend> trends, Sink<Alert> alerts, Sink<DeadLetter> deadLetters) {}

    private final Source<RawRecord, ?, ?> source;
    private final Sinks sinks;
    private final IocConfig config;

    public MediaJob(Source<RawRecord, ?, ?> source, Sinks sinks, IocConfig config) {
        this.source = source;
        this.sinks = sinks;
        this.config = config;
    }

    /** Adds the job's graph to {@code env}; call {@code env.execute()} or {@code executeAsync()} after. */
    public void build(StreamExecutionEnvironment env) {
        IocConfig.Flink flink = config.flink();
        DataStream<RawRecord> raw = env.fromSource(source, WatermarkStrategy.noWatermarks(), "raw-posts")
                .uid("raw-posts-source");

        SingleOutputStreamOperator<RawPost> posts = raw
                .process(new ParseRecord<>(new RawPosts(RecordLimits.of(config.validation()))::parse))
                .returns(TypeInformation.of(RawPost.class)).name("parse-raw-post").uid("parse-raw-post");

        // Event time is the outlet's published time.
        WatermarkStrategy<RawPost> watermarks = EventTimes.watermarks(Duration.ofSeconds(flink.outOfOrdernessSeconds()),
                Duration.ofSeconds(flink.idlenessSeconds()), RawPost::publishedAt);

        // Every operator after the parser is Guarded: a record one of them fails on is dead-lettered, not retried.
        SingleOutputStreamOperator<EnrichedPost> analyzed = posts
                .assignTimestampsAndWatermarks(watermarks).name("published-time-watermarks").uid("published-time-watermarks")
                .process(Guarded.process(new AnalyzePost(config.watchlists(), config.nlp()), Topics.RAW_POSTS))
                .name("analyze-post").uid("analyze-post");

        IocConfig.Nlp nlp = config.nlp();
        SingleOutputStreamOperator<EnrichedPost> enriched = analyzed
                .keyBy(post -> AssignStory.ALL)
                .process(Guarded.keyed(new AssignStory(nlp.storyMaxDistance(), Duration.ofHours(nlp.storyWindowHours()).toMillis()),
                        Topics.RAW_POSTS))
                .name("assign-story").uid("assign-story");

        enriched.sinkTo(sinks.posts()).name("posts-to-clickhouse").uid("posts-to-clickhouse");
        enriched.sinkTo(sinks.enrichedPosts()).name("enriched-posts-to-kafka").uid("enriched-posts-to-kafka");

        // Counted from the analysed stream: counts need no story id, and posts flushed from AssignStory by its
        // wall-clock timer carry no event timestamp for the windows.
        // The minute counts need no facets (what a volume-jump alert's drivers show): their hits go without, which
        // halves what the two shuffles of hits serialise.
        DataStream<WatchlistHit> hits = analyzed
                .flatMap(new ToWatchlistHits(true)).name("watchlist-hits").uid("watchlist-hits");
        DataStream<WatchlistHit> counted = analyzed
                .flatMap(new ToWatchlistHits(false)).name("watchlist-counts").uid("watchlist-counts");

        counted.keyBy(WatchlistHit::watchlist)
                .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
                // A late post fires its minute again with the new count; the table keeps the last row per key.
                .allowedLateness(Duration.ofSeconds(flink.allowedLatenessSeconds()))
                .aggregate(new WatchlistMinuteAggregate(), new WatchlistMinuteAggregate.ToMinute(),
                        TypeInformation.of(long[].class), TypeInformation.of(long[].class), TypeInformation.of(WatchlistMinute.class))
                .name("watchlist-minutes").uid("watchlist-minutes")
                .sinkTo(sinks.stats()).name("watchlist-stats-to-clickhouse").uid("watchlist-stats-to-clickhouse");

        IocConfig.Detector d = config.detector();
        VolumeJumpDetector detector = new VolumeJumpDetector(d.bucketSeconds(), d.windowSeconds(),
                d.historyWindows(), d.minCount(), d.factor(), d.sigmas());
        SingleOutputStreamOperator<Alert> volumeJumps = hits.keyBy(WatchlistHit::watchlist)
                .process(Guarded.keyed(new VolumeJumpAlerts(detector, titles(config.watchlists())), Topics.RAW_POSTS))
                .name("watchlist-volume-jumps").uid("watchlist-volume-jumps");

        // Trends read the stream after AssignStory (story keys need the story id). The detector runs on event-time
        // timers and the posts' own published times, so posts that AssignStory flushed without a timestamp count too.
        IocConfig.Trends t = config.trends();
        SingleOutputStreamOperator<TrendHit> trendHits = enriched
                .process(Guarded.process(new ToTrendHits(nlp, titles(config.watchlists()), t.maxPhrasesPerPost()), Topics.ENRICHED_POSTS))
                .name("trend-hits").uid("trend-hits");
        SingleOutputStreamOperator<Trend> trends = trendHits
                .keyBy(TrendHit::groupKey)
                .process(Guarded.keyed(new DetectTrends(new TrendDetector(t)), Topics.ENRICHED_POSTS))
                .name("detect-trends").uid("detect-trends");
        trends.sinkTo(sinks.trends()).name("trends-to-clickhouse").uid("trends-to-clickhouse");

        volumeJumps.union(trends.getSideOutput(DetectTrends.ALERTS))
                .sinkTo(sinks.alerts()).name("alerts-to-kafka").uid("alerts-to-kafka");

        posts.getSideOutput(DeadLetters.TAG)
                .union(analyzed.getSideOutput(DeadLetters.TAG), enriched.getSideOutput(DeadLetters.TAG),
                        volumeJumps.getSideOutput(DeadLetters.TAG), trendHits.getSideOutput(DeadLetters.TAG),
                        trends.getSideOutput(DeadLetters.TAG))
                .sinkTo(sinks.deadLetters()).name("dead-letters-to-kafka").uid("dead-letters-to-kafka");
    }

    private static Map<String, String> titles(List<IocConfig.Watchlist> watchlists) {
        return watchlists.stream().collect(Collectors.toMap(IocConfig.Watchlist::name,
                w -> w.title() == null ? w.name() : w.title(), (a, b) -> a));
    }

    /**
     * The production wiring: Kafka in, ClickHouse and Kafka out.
     *
     * @param bounded read the topic from its beginning up to the offsets present at start, then finish
     *                (replays and tests);
     *                otherwise run until cancelled
     */
    public static MediaJob production(IocConfig config, KafkaConnection kafka, ClickHouseClient clickHouse, boolean bounded) {
        Duration retry = Duration.ofSeconds(config.clickhouse().sinkRetrySeconds());
        Sinks sinks = new Sinks(
                new ClickHouseSink<>(clickHouse, Tables.POSTS, ClickHouseSink.TEXT_BATCH, ClickHouseSink.MAX_DELAY_MS, retry),
                JsonKafkaSink.create(kafka, Topics.ENRICHED_POSTS, EnrichedPost::id),
                new ClickHouseSink<>(clickHouse, Tables.WATCHLIST_STATS, ClickHouseSink.ROW_BATCH, ClickHouseSink.MAX_DELAY_MS, retry),
                new ClickHouseSink<>(clickHouse, Tables.TRENDS, ClickHouseSink.ROW_BATCH, ClickHouseSink.MAX_DELAY_MS, retry),
                JobIo.alerts(kafka),
                JobIo.deadLetters(kafka));
        return new MediaJob(JobIo.rawSource(kafka, Topics.RAW_POSTS, "ioc-media-job", bounded), sinks, config);
    }

    /** Cluster entry point: {@code flink run -c vn.iocstream.jobs.MediaJob <jar> config.yaml}. */
    public static void main(String[] args) throws Exception {
        JobIo.runOnCluster(args, "MediaJob", (config, kafka, clickHouse, env) -> production(config, kafka, clickHouse, false).build(env));
    }
}
