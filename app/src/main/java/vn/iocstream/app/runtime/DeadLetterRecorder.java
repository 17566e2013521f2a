package vn.iocstream.app.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.iocstream.core.Ids;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.core.Topics;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.clickhouse.TabSeparated;
import vn.iocstream.core.clickhouse.TsvRow;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.DeadLetter;

/**
 * Copies {@code ioc.deadletter} into ClickHouse {@code dead_letters} (topic, reason, time, a preview, the size), so
 * that dead letters can be counted by topic and reason on the pipeline-health dashboard and alerted on from Grafana.
 * The original bytes stay on the topic. Rows are keyed by partition and offset, so a record read again after a
 * restart rewrites its row; offsets are committed after the insert.
 */
public final class DeadLetterRecorder implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterRecorder.class);
    private static final int PREVIEW_CHARS = 200;

    record Row(String id, DeadLetter letter, int bytes, Instant fallbackTime) {}

    static final TsvRow<Row> TABLE = new TsvRow<>() {
        @Override public String table() { return "dead_letters"; }

        @Override public List<String> columns() {
            return List.of("id", "source_topic", "reason", "received_at", "preview", "bytes");
        }

        @Override public void write(TabSeparated out, Row r) {
            DeadLetter d = r.letter();
            String preview = d.preview() == null ? "" : d.preview();
            out.string(r.id()).string(d.sourceTopic() == null ? "" : d.sourceTopic()).string(d.reason() == null ? "" : d.reason())
                    .dateTime(d.receivedAt() == null ? r.fallbackTime() : d.receivedAt())
                    .string(preview.length() > PREVIEW_CHARS ? preview.substring(0, PREVIEW_CHARS) : preview).number(r.bytes());
        }
    };

    private final KafkaConsumer<String, byte[]> consumer;
    private final ClickHouseClient clickHouse;
    private final AtomicLong recorded = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    public DeadLetterRecorder(KafkaConnection kafka, ClickHouseClient clickHouse) {
        this.clickHouse = clickHouse;
        Map<String, Object> props = kafka.map();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "ioc-dead-letter-recorder");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this, "dead-letter-recorder");
        thread.setDaemon(true);
    }

    public DeadLetterRecorder start() {
        thread.start();
        return this;
    }

    public long recorded() {
        return recorded.get();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(Topics.DEADLETTER));
            while (running) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) continue;
                List<Row> rows = new ArrayList<>(records.count());
                for (ConsumerRecord<String, byte[]> r : records) rows.add(row(r));
                try {
                    clickHouse.insert(TABLE, rows);
                } catch (RuntimeException e) {
                    // ClickHouse away: read the same records again (no commit) after a pause, like a sink's retry.
                    LOG.warn("dead letters not recorded, trying again: {}", e.getMessage());
                    for (var tp : records.partitions()) consumer.seek(tp, records.records(tp).get(0).offset());
                    Thread.sleep(5_000);
                    continue;
                }
                consumer.commitSync();
                recorded.addAndGet(rows.size());
            }
        } catch (WakeupException | InterruptedException e) {
            // close() asked us to stop
        } finally {
            consumer.close();
        }
    }

    /** A dead letter that is not even a DeadLetter (written by something else) is recorded with the reason why. */
    static Row row(ConsumerRecord<String, byte[]> r) {
        String id = Ids.of(Topics.DEADLETTER, Integer.toString(r.partition()), Long.toString(r.offset()));
        Instant at = Instant.ofEpochMilli(Math.max(0, r.timestamp()));
        byte[] value = r.value() == null ? new byte[0] : r.value();
        try {
            DeadLetter d = Json.parse(value, DeadLetter.class);
            return new Row(id, d, d.payloadBase64() == null ? 0 : d.payload().length, at);
        } catch (RuntimeException e) {
            return new Row(id, DeadLetter.of("", "unreadable dead letter: " + e.getMessage(), value, at), value.length, at);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
