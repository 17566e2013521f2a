package vn.iocstream.jobs;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.cep.CEP;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.core.Topics;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.DeadLetter;
import vn.iocstream.core.validation.RecordLimits;
import vn.iocstream.jobs.functions.DeadLetters;
import vn.iocstream.jobs.functions.EventTimes;
import vn.iocstream.jobs.functions.Guarded;
import vn.iocstream.jobs.functions.ParseRecord;
import vn.iocstream.jobs.io.ClickHouseSink;
import vn.iocstream.jobs.io.JobIo;
import vn.iocstream.jobs.io.RawRecord;
import vn.iocstream.jobs.security.RequestRateTracker;
import vn.iocstream.jobs.security.SecurityEvent;
import vn.iocstream.jobs.security.SecurityEventsTable;
import vn.iocstream.jobs.security.SecurityParsers;
import vn.iocstream.jobs.security.SecurityRules;
import vn.iocstream.jobs.security.functions.CompromisePattern;
import vn.iocstream.jobs.security.functions.IncidentAlerts;
import vn.iocstream.jobs.security.functions.RequestRateAlerts;
import vn.iocstream.jobs.security.functions.ToRuleHits;

/**
 * SecurityJob: log lines from {@code ioc.raw.security} (Zeek, Suricata EVE, sshd/syslog auth, web access
 * logs, each wrapped in a {@link vn.iocstream.jobs.security.SecurityEnvelope}) are parsed into normalised
 * events, stored in ClickHouse {@code security_events}, and run through the rules of the {@code security:}
 * configuration; alerts go to {@code ioc.alerts}, unparseable lines to {@code ioc.deadletter}.
 *
 * <pre>
 * raw → parse ─(dead letters)→ deadletter topic
 *     → watermarks(event time, idleness) ─→ security_events
 *        ├→ rule hits → keyBy(rule, key) → incidents (brute force, scans, web probes, IDS, notices) ─→ ioc.alerts
 *        ├→ logins → keyBy(source) → CEP failures-then-success ─→ ioc.alerts
 *        └→ requests → keyBy(destination) → request-rate anomaly ─→ ioc.alerts
 * </pre>
 *
 * <p>How to run it: {@code ./ioc run} starts it with MediaJob; {@code ./ioc replay security --auth FILE} feeds
 * it. On a Flink cluster:
 * <pre>
 * flink run -c vn.iocstream.jobs.SecurityJob flink-jobs/target/ioc-flink-jobs-*-flink.jar config/ioc.yaml
 * </pre>
 */
public final class SecurityJob {
    /** Where the job's results go. */
    public record Sinks(Sink<SecurityEvent> events, Sink<Alert> alerts, Sink<DeadLetter> deadLetters) {}

    private final Source<RawRecord, ?, ?> source;
    private final Sinks sinks;
    private final IocConfig config;

    public SecurityJob(Source<RawRecord, ?, ?> source, Sinks sinks, IocConfig config) {
        this.source = source;
        this.sinks = sinks;
        this.config = config;
    }

    /** Adds the job's graph to {@code env}; call {@code env.execute()} or {@code executeAsync()} after. */
    public void build(StreamExecutionEnvironment env) {
        // Chained operators pass records on without a defensive copy each (one per branch of the fan-out after
        // parsing): every record type of this job is immutable and no operator keeps a record it may change.
        env.getConfig().enableObjectReuse();
        IocConfig.Security sec = config.security();
        SingleOutputStreamOperator<SecurityEvent> parsed = env
                .fromSource(source, WatermarkStrategy.noWatermarks(), "raw-security").uid("raw-security-source")
                .process(new ParseRecord<>(new SecurityParsers(sec.syslogYear(), sec.syslogZone(), RecordLimits.of(config.validation()))::parsed))
                .returns(TypeInformation.of(SecurityEvent.class))
                .name("parse-security-record").uid("parse-security-record");

        WatermarkStrategy<SecurityEvent> watermarks = EventTimes.watermarks(Duration.ofSeconds(sec.outOfOrdernessSeconds()),
                Duration.ofSeconds(config.flink().idlenessSeconds()), SecurityEvent::time);
        DataStream<SecurityEvent> events = parsed.assignTimestampsAndWatermarks(watermarks)
                .name("event-time-watermarks").uid("security-event-time-watermarks");

        events.sinkTo(sinks.events()).name("security-events-to-clickhouse").uid("security-events-to-clickhouse");

        SecurityRules rules = new SecurityRules(sec);
        SingleOutputStreamOperator<Alert> incidents = events
                .flatMap(new ToRuleHits(rules)).name("security-rule-hits").uid("security-rule-hits")
                .keyBy(hit -> hit.stateKey())
                .process(Guarded.keyed(new IncidentAlerts(rules.rules(), sec.site()), Topics.RAW_SECURITY))
                .name("security-incidents").uid("security-incidents");
        DataStream<DeadLetter> deadLetters = parsed.getSideOutput(DeadLetters.TAG).union(incidents.getSideOutput(DeadLetters.TAG));
        DataStream<Alert> alerts = incidents;

        if (sec.compromise().enabled()) {
            DataStream<CompromisePattern.Login> logins = events.filter(CompromisePattern::isLogin)
                    .name("logins").uid("security-logins")
                    .map(CompromisePattern.Login::of).name("login-fields").uid("security-login-fields");
            DataStream<Alert> compromises = CEP.pattern(logins.keyBy(CompromisePattern.Login::srcIp),
                            CompromisePattern.pattern(sec.compromise().threshold(), Duration.ofSeconds(sec.compromise().windowSeconds())))
                    .process(new CompromisePattern.ToAlert(sec.compromise().severity(), sec.site()))
                    .name("failures-then-success").uid("security-failures-then-success");
            alerts = alerts.union(compromises);
        }
        IocConfig.RequestRate rate = sec.requestRate();
        if (rate.enabled()) {
            SingleOutputStreamOperator<Alert> spikes = events
                    .filter(e -> e.action().equals("http-request") || e.action().equals("web-login"))
                    .name("requests").uid("security-requests")
                    .map(RequestRateAlerts.Request::of).name("request-fields").uid("security-request-fields")
                    .keyBy(RequestRateAlerts.Request::destination)
                    .process(Guarded.keyed(new RequestRateAlerts(new RequestRateTracker(rate), rate.severity(), sec.site()), Topics.RAW_SECURITY))
                    .name("request-rate-anomaly").uid("security-request-rate-anomaly");
            alerts = alerts.union(spikes);
            deadLetters = deadLetters.union(spikes.getSideOutput(DeadLetters.TAG));
        }
        alerts.sinkTo(sinks.alerts()).name("security-alerts-to-kafka").uid("security-alerts-to-kafka");

        deadLetters.sinkTo(sinks.deadLetters()).name("security-dead-letters-to-kafka").uid("security-dead-letters-to-kafka");
    }

    /**
     * The production wiring: Kafka in, ClickHouse and Kafka out.
     *
     * @param bounded read the topic from its start to the offsets present at start, then finish (replays, tests)
     */
    public static SecurityJob production(IocConfig config, KafkaConnection kafka, ClickHouseClient clickHouse, boolean bounded) {
        Duration retry = Duration.ofSeconds(config.clickhouse().sinkRetrySeconds());
        Sinks sinks = new Sinks(
                new ClickHouseSink<>(clickHouse, SecurityEventsTable.INSTANCE, ClickHouseSink.ROW_BATCH, ClickHouseSink.MAX_DELAY_MS, retry),
                JobIo.alerts(kafka),
                JobIo.deadLetters(kafka));
        return new SecurityJob(JobIo.rawSource(kafka, Topics.RAW_SECURITY, "ioc-security-job", bounded), sinks, config);
    }

    /** Cluster entry point: {@code flink run -c vn.iocstream.jobs.SecurityJob <jar> config.yaml}. */
    public static void main(String[] args) throws Exception {
        JobIo.runOnCluster(args, "SecurityJob", (config, kafka, clickHouse, env) -> production(config, kafka, clickHouse, false).build(env));
    }
}
