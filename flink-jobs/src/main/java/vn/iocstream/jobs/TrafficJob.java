package vn.iocstream.jobs;

import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.core.Topics;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.clickhouse.TrafficTables;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.AnalysedReport;
import vn.iocstream.core.model.CitizenReport;
import vn.iocstream.core.model.DeadLetter;
import vn.iocstream.core.model.TrafficReading;
import vn.iocstream.core.model.TrafficStat;
import vn.iocstream.core.validation.RecordLimits;
import vn.iocstream.jobs.detectors.Detectors;
import vn.iocstream.jobs.functions.AnalyseReport;
import vn.iocstream.jobs.functions.ClusterReports;
import vn.iocstream.jobs.functions.DeadLetters;
import vn.iocstream.jobs.functions.DropRepeatedReadings;
import vn.iocstream.jobs.functions.EventTimes;
import vn.iocstream.jobs.functions.Guarded;
import vn.iocstream.jobs.functions.ParseRecord;
import vn.iocstream.jobs.functions.ScoreSegment;
import vn.iocstream.jobs.functions.TrafficBucketAggregate;
import vn.iocstream.jobs.io.ClickHouseSink;
import vn.iocstream.jobs.io.JobIo;
import vn.iocstream.jobs.io.RawRecord;
import vn.iocstream.jobs.traffic.CongestionRule;
import vn.iocstream.jobs.traffic.ReportClusterer;
import vn.iocstream.jobs.traffic.TrafficParsers;

/**
 * TrafficJob: road-segment readings from {@code ioc.raw.traffic} are averaged per segment and bucket, scored
 * by an anomaly detector and judged by the congestion rule into ClickHouse {@code traffic_stats}; citizen
 * reports from {@code ioc.raw.reports} (hotline 1022, app) are analysed (Vietnamese NLP, topic, commune
 * through the gazetteer) and clustered per commune and topic into {@code citizen_reports}. Congestion and
 * report clusters become alerts on {@code ioc.alerts}; malformed or late records go to {@code ioc.deadletter}.
 *
 * <pre>
 * readings → parse ─(dead letters)→ deadletter topic
 *          → watermarks(reading time, idleness) → keyBy(segment) → drop repeated readings → bucket windows ─(late)→ deadletter topic
 *          → keyBy(segment) → detector + congestion rule ─→ traffic_stats
 *                                                       └→ ioc.alerts
 * reports  → parse → watermarks(report time) → analyse → keyBy(commune|topic) → cluster ─→ citizen_reports
 *                                                                                       └→ ioc.alerts
 * </pre>
 *
 * <p>How to run it: embedded, {@code ./ioc run} or {@code ./ioc demo} starts it on a local MiniCluster.
 * On a Flink cluster: {@code flink run -c vn.iocstream.jobs.TrafficJob flink-jobs/target/ioc-flink-jobs-*-flink.jar
 * config/ioc.yaml}; the {@code traffic:} and {@code reports:} sections of the configuration tune it.
 */
public final class TrafficJob {
    /** Where the job's results go. */
    public record Sinks(Sink<TrafficStat> stats, Sink<AnalysedReport> reports, Sink<Alert> alerts,
                        Sink<DeadLetter> deadLetters) {}

    private static final OutputTag<TrafficReading> LATE = new OutputTag<>("late-readings") {};

    private final Source<RawRecord, ?, ?> readings;
    private final Source<RawRecord, ?, ?> reports;
    private final Sinks sinks;
    private final IocConfig config;

    public TrafficJob(Source<RawRecord, ?, ?> readings, Source<RawRecord, ?, ?> reports, Sinks sinks, IocConfig config) {
        this.readings = readings;
        this.reports = reports;
        this.sinks = sinks;
        this.config = config;
        Detectors.named(config.traffic().detector()); // an unknown name fails here, before the job runs
    }

    /** Adds the job's graph to {@code env}; call {@code env.execute()} or {@code executeAsync()} after. */
    public void build(StreamExecutionEnvironment env) {
        IocConfig.Flink flink = config.flink();
        IocConfig.Traffic traffic = config.traffic();
        TrafficParsers parsers = new TrafficParsers(RecordLimits.of(config.validation()));

        SingleOutputStreamOperator<TrafficReading> parsedReadings = env
                .fromSource(readings, WatermarkStrategy.noWatermarks(), "raw-traffic").uid("raw-traffic-source")
                .process(new ParseRecord<>(parsers::reading)).returns(TypeInformation.of(TrafficReading.class))
                .name("parse-traffic-reading").uid("parse-traffic-reading");
        // Idleness: a segment's sensor (and the partition it hashes to) can go silent at night.
        SingleOutputStreamOperator<TrafficStat> buckets = parsedReadings
                .assignTimestampsAndWatermarks(watermarks(flink, TrafficReading::time))
                .name("reading-time-watermarks").uid("reading-time-watermarks")
                .keyBy(TrafficReading::segmentId)
                // A reading delivered twice (a tailer's batch sent again after a crash) counts once.
                .process(new DropRepeatedReadings(traffic.bucketSeconds())).name("drop-repeated-readings").uid("drop-repeated-readings")
                .keyBy(TrafficReading::segmentId)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(traffic.bucketSeconds())))
                // No allowed lateness: the detector and the rule must see each bucket once, in order.
                .sideOutputLateData(LATE)
                .aggregate(new TrafficBucketAggregate(), new TrafficBucketAggregate.ToStat(),
                        TypeInformation.of(double[].class), TypeInformation.of(double[].class), TypeInformation.of(TrafficStat.class))
                .name("traffic-buckets").uid("traffic-buckets");
        SingleOutputStreamOperator<TrafficStat> scored = buckets
                .keyBy(TrafficStat::segmentId)
                .process(Guarded.keyed(new ScoreSegment(traffic.detector(), new CongestionRule(traffic.slowRatio(), traffic.minDropKmh(),
                        traffic.minDurationBuckets(), traffic.minHistoryBuckets()), traffic), Topics.RAW_TRAFFIC))
                .name("score-segment").uid("score-segment");
        scored.sinkTo(sinks.stats()).name("traffic-stats-to-clickhouse").uid("traffic-stats-to-clickhouse");

        SingleOutputStreamOperator<CitizenReport> parsedReports = env
                .fromSource(reports, WatermarkStrategy.noWatermarks(), "raw-reports").uid("raw-reports-source")
                .process(new ParseRecord<>(parsers::report)).returns(TypeInformation.of(CitizenReport.class))
                .name("parse-citizen-report").uid("parse-citizen-report");
        SingleOutputStreamOperator<AnalysedReport> analysed = parsedReports
                .assignTimestampsAndWatermarks(watermarks(flink, CitizenReport::time))
                .name("report-time-watermarks").uid("report-time-watermarks")
                .process(Guarded.process(new AnalyseReport(config.nlp()), Topics.RAW_REPORTS)).name("analyse-report").uid("analyse-report");
        IocConfig.Reports r = config.reports();
        SingleOutputStreamOperator<AnalysedReport> clustered = analysed
                .keyBy(AnalysedReport::clusterKey)
                .process(Guarded.keyed(new ClusterReports(new ReportClusterer(r.clusterMinReports(),
                        Duration.ofMinutes(r.clusterWindowMinutes()).toMillis())), Topics.RAW_REPORTS))
                .name("cluster-reports").uid("cluster-reports");
        clustered.sinkTo(sinks.reports()).name("citizen-reports-to-clickhouse").uid("citizen-reports-to-clickhouse");

        scored.getSideOutput(ScoreSegment.ALERTS)
                .union(clustered.getSideOutput(ClusterReports.ALERTS))
                .sinkTo(sinks.alerts()).name("traffic-alerts-to-kafka").uid("traffic-alerts-to-kafka");

        DataStream<DeadLetter> late = buckets.getSideOutput(LATE)
                .map(reading -> DeadLetter.of(Topics.RAW_TRAFFIC, "late reading: its bucket was already closed",
                        Json.bytes(reading), Instant.now()))
                .returns(DeadLetter.class).name("late-readings").uid("late-readings");
        parsedReadings.getSideOutput(DeadLetters.TAG)
                .union(parsedReports.getSideOutput(DeadLetters.TAG), analysed.getSideOutput(DeadLetters.TAG),
                        scored.getSideOutput(DeadLetters.TAG), clustered.getSideOutput(DeadLetters.TAG), late)
                .sinkTo(sinks.deadLetters()).name("traffic-dead-letters-to-kafka").uid("traffic-dead-letters-to-kafka");
    }

    private static <T> WatermarkStrategy<T> watermarks(IocConfig.Flink flink,
                                                       org.apache.flink.util.function.SerializableFunction<T, Instant> time) {
        return EventTimes.watermarks(Duration.ofSeconds(flink.outOfOrdernessSeconds()), Duration.ofSeconds(flink.idlenessSeconds()), time);
    }

    /**
     * The production wiring: Kafka in, ClickHouse and Kafka out.
     *
     * @param bounded read both topics from their beginning up to the offsets present at start, then finish
     */
    public static TrafficJob production(IocConfig config, KafkaConnection kafka, ClickHouseClient clickHouse, boolean bounded) {
        Duration retry = Duration.ofSeconds(config.clickhouse().sinkRetrySeconds());
        Sinks sinks = new Sinks(
                new ClickHouseSink<>(clickHouse, TrafficTables.TRAFFIC_STATS, ClickHouseSink.ROW_BATCH, ClickHouseSink.MAX_DELAY_MS, retry),
                new ClickHouseSink<>(clickHouse, TrafficTables.CITIZEN_REPORTS, ClickHouseSink.TEXT_BATCH, ClickHouseSink.MAX_DELAY_MS, retry),
                JobIo.alerts(kafka),
                JobIo.deadLetters(kafka));
        return new TrafficJob(JobIo.rawSource(kafka, Topics.RAW_TRAFFIC, "ioc-traffic-job", bounded),
                JobIo.rawSource(kafka, Topics.RAW_REPORTS, "ioc-traffic-job", bounded), sinks, config);
    }

    /** Cluster entry point: {@code flink run -c vn.iocstream.jobs.TrafficJob <jar> config.yaml}. */
    public static void main(String[] args) throws Exception {
        JobIo.runOnCluster(args, "TrafficJob", (config, kafka, clickHouse, env) -> production(config, kafka, clickHouse, false).build(env));
    }
}
