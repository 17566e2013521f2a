package vn.iocstream.jobs;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.core.Topics;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.core.validation.RecordLimits;
import vn.iocstream.jobs.functions.ParseRecord;
import vn.iocstream.jobs.io.JobIo;
import vn.iocstream.jobs.io.RawPosts;
import vn.iocstream.jobs.io.RawRecord;
import vn.iocstream.jobs.security.SecurityEvent;
import vn.iocstream.jobs.security.SecurityParsers;

/**
 * Kafka → parse, nothing else: the baseline that {@code ioc bench pipeline} and {@code ioc bench detect} set beside a
 * job, on the same topic and the same Flink. It reads the topic from its start to the offsets present when it starts,
 * parses every record as the topic's job does ({@code ioc.raw.posts} as MediaJob, {@code ioc.raw.security} as
 * SecurityJob), discards the result and finishes. On a cluster:
 * <pre>
 * flink run -c vn.iocstream.jobs.ParseOnlyJob flink-jobs/target/ioc-flink-jobs-*-flink.jar config.yaml ioc.raw.posts
 * </pre>
 */
public final class ParseOnlyJob {
    /** The topics it can parse. */
    public static final List<String> TOPICS = List.of(Topics.RAW_POSTS, Topics.RAW_SECURITY);

    private final KafkaConnection kafka;
    private final String topic;
    private final IocConfig config;

    public ParseOnlyJob(KafkaConnection kafka, String topic, IocConfig config) {
        if (!TOPICS.contains(topic)) throw new IllegalArgumentException("ParseOnlyJob parses " + TOPICS + ", not " + topic);
        this.kafka = kafka;
        this.topic = topic;
        this.config = config;
    }

    public void build(StreamExecutionEnvironment env) {
        // A group id of its own: the baseline must not move the measured job's offsets.
        DataStream<RawRecord> raw = env.fromSource(JobIo.rawSource(kafka, topic, "ioc-parse-only", true),
                WatermarkStrategy.noWatermarks(), topic);
        RecordLimits limits = RecordLimits.of(config.validation());
        if (topic.equals(Topics.RAW_POSTS)) {
            raw.process(new ParseRecord<>(new RawPosts(limits)::parse)).returns(TypeInformation.of(RawPost.class))
                    .name("parse-post-record").sinkTo(new DiscardingSink<>());
        } else {
            IocConfig.Security sec = config.security();
            raw.process(new ParseRecord<>(new SecurityParsers(sec.syslogYear(), sec.syslogZone(), limits)::parsed))
                    .returns(TypeInformation.of(SecurityEvent.class)).name("parse-security-record").sinkTo(new DiscardingSink<>());
        }
    }

    /** Cluster entry point: {@code flink run -c vn.iocstream.jobs.ParseOnlyJob <jar> config.yaml TOPIC [key.path=value …]}. */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) throw new IllegalArgumentException("ParseOnlyJob needs: config.yaml TOPIC [key.path=value …], TOPIC one of " + TOPICS);
        String topic = args[1];
        List<String> rest = new ArrayList<>(List.of(args));
        rest.remove(1);
        JobIo.runOnCluster(rest.toArray(String[]::new), "ParseOnlyJob " + topic,
                (config, kafka, clickHouse, env) -> new ParseOnlyJob(kafka, topic, config).build(env));
    }
}
