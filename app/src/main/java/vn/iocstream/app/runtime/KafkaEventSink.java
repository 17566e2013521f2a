package vn.iocstream.app.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.iocstream.core.Ids;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.core.Topics;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.DeadLetter;
import vn.iocstream.core.model.TrafficReading;
import vn.iocstream.crawlers.events.EventKind;
import vn.iocstream.crawlers.events.EventLine;
import vn.iocstream.crawlers.events.EventSink;
import vn.iocstream.crawlers.events.TrafficCsv;
import vn.iocstream.jobs.security.SecurityEnvelope;

/**
 * Event-feed lines → the raw topics, in the record shapes the jobs parse: security kinds as a
 * {@link SecurityEnvelope} on {@code ioc.raw.security} (exactly what {@code ioc replay security} sends), traffic-csv
 * converted to a {@link TrafficReading} and traffic-json passed as is on {@code ioc.raw.traffic} (keyed by segment,
 * as the demo's sensors are), and rejected input as a {@link DeadLetter} on {@code ioc.deadletter}. A CSV row that
 * cannot become a reading is dead-lettered here with its reason; everything else is judged by the job's parser.
 */
public final class KafkaEventSink implements EventSink, AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final TrafficCsv csv;
    /** First asynchronous send failure since the last flush; flush() reports it. */
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();

    public KafkaEventSink(KafkaConnection kafka, List<String> trafficCsvColumns) {
        this.csv = new TrafficCsv(trafficCsvColumns);
        Properties p = kafka.properties();
        // acks=all + idempotence: a batch the tailer checkpoints survives a broker failover, and producer retries
        // never write a line twice.
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "ioc-event-feeds");
        // A rejected line (up to 1 MiB) goes to the dead-letter topic in base64.
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.DEADLETTER_MAX_BYTES);
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * The {@code ioc.raw.security} record of one log line, shared with {@code ioc replay security} so that a file
     * replayed and the same file tailed give the same keys and event ids.
     *
     * @param offset line number, or null (syslog): identical lines then share an id
     * @param year   year of BSD syslog timestamps, or null for the job's {@code security.syslogYear}
     */
    public static ProducerRecord<String, byte[]> securityRecord(String format, String source, Long offset, String line, Integer year) {
        String key = Ids.of(format, source, offset == null ? line : Long.toString(offset));
        return new ProducerRecord<>(Topics.RAW_SECURITY, key, Json.bytes(new SecurityEnvelope(format, source, line, offset, year)));
    }

    @Override
    public void accept(EventKind kind, EventLine line) {
        ProducerRecord<String, byte[]> record;
        if (kind.security()) {
            record = securityRecord(kind.configName(), line.source(), line.lineNo(), line.text(), null);
        } else if (kind == EventKind.TRAFFIC_CSV) {
            TrafficCsv.Result r = csv.parse(line.text());
            if (r.error() != null) {
                reject(kind, r.error() + " (" + line.source() + (line.lineNo() == null ? "" : ":" + line.lineNo()) + ")",
                        line.text().getBytes(StandardCharsets.UTF_8));
                return;
            }
            record = new ProducerRecord<>(Topics.RAW_TRAFFIC, r.reading().segmentId(), Json.bytes(r.reading()));
        } else {
            record = new ProducerRecord<>(Topics.RAW_TRAFFIC, segmentOrNull(line.text()), line.text().getBytes(StandardCharsets.UTF_8));
        }
        send(record);
        sent.incrementAndGet();
    }

    /** The partition key of a JSON reading; a line that is no reading goes unkeyed and TrafficJob dead-letters it. */
    private static String segmentOrNull(String json) {
        try {
            TrafficReading r = Json.parse(json, TrafficReading.class);
            return r == null ? null : r.segmentId();
        } catch (Json.JsonException e) {
            return null;
        }
    }

    @Override
    public void reject(EventKind kind, String reason, byte[] payload) {
        send(new ProducerRecord<>(Topics.DEADLETTER, null, Json.bytes(DeadLetter.of(kind.topic(), reason, payload, Instant.now()))));
        deadLettered.incrementAndGet();
    }

    private void send(ProducerRecord<String, byte[]> record) {
        producer.send(record, (meta, e) -> {
            if (e != null) failure.compareAndSet(null, e);
        });
    }

    @Override
    public void flush() {
        producer.flush();
        Exception e = failure.getAndSet(null);
        if (e != null) throw new IllegalStateException("sending event lines to Kafka failed: " + e.getMessage(), e);
    }

    /** Lines sent to a raw topic. */
    public long sent() {
        return sent.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    @Override
    public void close() {
        try {
            flush();
        } finally {
            producer.close(Duration.ofSeconds(10));
        }
    }
}
