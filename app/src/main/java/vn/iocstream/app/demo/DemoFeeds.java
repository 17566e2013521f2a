package vn.iocstream.app.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.core.Topics;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.CitizenReport;
import vn.iocstream.core.model.TrafficReading;

/**
 * The demo's traffic sensors and citizen reports, published to {@code ioc.raw.traffic} and
 * {@code ioc.raw.reports}: at start the last day of readings (the congestion rule learns each segment's usual
 * speed per hour from it) and the last hours of reports, then live data as its time comes.
 *
 * <p>The scenario: a crash on QL1A through Biên Hòa {@link #CRASH_BEFORE_START} before the demo starts,
 * still blocking the road (its congestion alert comes from the catch-up, seconds after start), and from
 * {@code clusterOffset} after start, citizens of phường Tam Hiệp report flooding one after another.
 */
public final class DemoFeeds implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoFeeds.class);
    static final Duration TRAFFIC_HISTORY = Duration.ofHours(24);
    static final Duration REPORT_HISTORY = Duration.ofHours(6);
    static final Duration READING_INTERVAL = Duration.ofSeconds(60);
    static final Duration CRASH_BEFORE_START = Duration.ofMinutes(12);
    /** Background reports: a few per hour over the province in the history, a busy evening live. */
    static final Duration HISTORY_REPORT_GAP = Duration.ofMinutes(3);
    static final Duration LIVE_REPORT_GAP = Duration.ofSeconds(6);
    static final int CLUSTER_REPORTS = 6;
    static final Duration CLUSTER_SPACING = Duration.ofSeconds(8);
    private static final long PUBLISH_EVERY_MS = 2000;

    private final KafkaProducer<String, byte[]> producer;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-feeds");
        t.setDaemon(true);
        return t;
    });
    private final TrafficGenerator traffic;
    private final List<TrafficGenerator.Incident> incidents;
    private final List<CitizenReport> liveReports;
    private final Clock clock;
    private Instant publishedUpTo;
    private int nextLiveReport;

    private DemoFeeds(KafkaConnection kafka, Instant start, long seed, Duration clusterOffset, Duration liveFor, Clock clock) {
        Properties p = kafka.properties();
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.clock = clock;
        this.traffic = new TrafficGenerator(seed, READING_INTERVAL);
        this.incidents = List.of(new TrafficGenerator.Incident("ql1a-bien-hoa", start.minus(CRASH_BEFORE_START),
                Duration.ofMinutes(45), 0.12));
        ReportGenerator reports = new ReportGenerator(seed);
        List<CitizenReport> history = reports.reports(start.minus(REPORT_HISTORY), start, HISTORY_REPORT_GAP, List.of());
        this.liveReports = reports.reports(start, start.plus(liveFor), LIVE_REPORT_GAP,
                List.of(new ReportGenerator.Cluster(ReportGenerator.TAM_HIEP, "ngap-nuoc", start.plus(clusterOffset),
                        CLUSTER_REPORTS, CLUSTER_SPACING)));
        history.forEach(this::send);
        traffic.readings(start.minus(TRAFFIC_HISTORY), start, incidents).forEach(this::send);
        producer.flush();
        this.publishedUpTo = start;
    }

    /** Publishes the history now and the live data every two seconds until closed. */
    public static DemoFeeds start(KafkaConnection kafka, Instant start, long seed, Duration clusterOffset, Duration liveFor) {
        DemoFeeds feeds = new DemoFeeds(kafka, start.truncatedTo(ChronoUnit.SECONDS), seed, clusterOffset, liveFor, Clock.systemUTC());
        feeds.scheduler.scheduleAtFixedRate(feeds::publishLive, PUBLISH_EVERY_MS, PUBLISH_EVERY_MS, TimeUnit.MILLISECONDS);
        return feeds;
    }

    private void publishLive() {
        try {
            Instant now = clock.instant();
            traffic.readings(publishedUpTo, now, incidents).forEach(this::send);
            while (nextLiveReport < liveReports.size() && !liveReports.get(nextLiveReport).time().isAfter(now)) {
                send(liveReports.get(nextLiveReport++));
            }
            publishedUpTo = now;
            producer.flush();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and try again on the next tick.
            LOG.warn("demo feeds: {}", e.toString());
        }
    }

    private void send(TrafficReading r) {
        producer.send(new ProducerRecord<>(Topics.RAW_TRAFFIC, r.segmentId(), Json.bytes(r)));
    }

    private void send(CitizenReport r) {
        producer.send(new ProducerRecord<>(Topics.RAW_REPORTS, r.id(), Json.bytes(r)));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        producer.close(Duration.ofSeconds(5));
    }
}
