package vn.iocstream.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.Topics;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.DeadLetter;
import vn.iocstream.core.testing.ClickHouseTestServer;

/**
 * The poll/dead-letter/commit loop over Kafka's own in-memory consumer and producer; the app module runs
 * the same class against the real broker.
 */
class KafkaAlertListenerTest extends AlertsTestBase {
    private static final TopicPartition PARTITION = new TopicPartition(Topics.ALERTS, 0);

    @Test
    void badRecords_goToDeadLetter_goodOnesAreHandled_allAreCommitted() throws Exception {
        ClickHouseClient clickHouse = ClickHouseTestServer.freshDatabase("alerts_listener");
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        MockProducer<String, byte[]> producer =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        byte[] truncated = "{\"id\":\"a-91\",\"rule\":\"watchlist-volu".getBytes(StandardCharsets.UTF_8);
        byte[] withoutRule = "{\"id\":\"a-92\",\"title\":\"Sạt lở đất ở Quảng Nam\"}".getBytes(StandardCharsets.UTF_8);
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(PARTITION));
            consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
            consumer.addRecord(record(0, "a-91", truncated));
            consumer.addRecord(record(1, trafficAccidentJump().id(), Json.bytes(trafficAccidentJump())));
            consumer.addRecord(record(2, "a-92", withoutRule));
            consumer.addRecord(record(3, trafficAccidentJump().id(), Json.bytes(trafficAccidentJump())));
        });
        IocConfig.Alerts config = new IocConfig.Alerts(List.of(route("*", "info", "control-room")), "", 1);
        List<String> controlRoom = new CopyOnWriteArrayList<>();
        AlertChannel channel = new AlertChannel() {
            @Override public String name() { return "control-room"; }
            @Override public void deliver(Alert alert) { controlRoom.add(alert.title()); }
        };

        try (AlertService service = new AlertService(config, clickHouse, List.of(channel))) {
            KafkaAlertListener listener = new KafkaAlertListener(consumer, producer, service);
            Thread thread = new Thread(listener, "alerts-listener-test");
            thread.start();
            awaitTrue(() -> committedOffset(consumer) == 4);
            listener.close();

            assertThat(thread.isAlive()).isFalse();
            assertThat(consumer.closed()).isTrue();
            assertThat(listener.deadLetters()).isEqualTo(2);
            assertThat(service.stats().received()).isEqualTo(2);
            assertThat(controlRoom).containsExactly("Tăng đột biến bài viết: Tai nạn giao thông");
        }
        List<DeadLetter> letters = producer.history().stream()
                .peek(r -> assertThat(r.topic()).isEqualTo(Topics.DEADLETTER))
                .map(r -> Json.parse(r.value(), DeadLetter.class))
                .toList();
        assertThat(letters).extracting(DeadLetter::reason)
                .satisfiesExactly(r -> assertThat(r).startsWith("invalid JSON for Alert"),
                        r -> assertThat(r).isEqualTo("alert without rule, severity, key, windowStart, windowEnd, postIds, createdAt"));
        assertThat(letters.get(0).payload()).isEqualTo(truncated);
        assertThat(letters).allSatisfy(l -> assertThat(l.sourceTopic()).isEqualTo(Topics.ALERTS));
    }

    @Test
    void clickHouseDown_recordIsRetriedNotCommitted_andCloseEndsThePause() throws Exception {
        // Port 1 on loopback refuses connections: the alert can be neither stored nor checked.
        ClickHouseClient unreachable = new ClickHouseClient("http://127.0.0.1:1", "ioc", "default", "");
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(PARTITION));
            consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
            consumer.addRecord(record(0, sshBruteForce().id(), Json.bytes(sshBruteForce())));
        });
        IocConfig.Alerts config = new IocConfig.Alerts(List.of(route("*", "info", "webhook")), "", 1);
        try (AlertService service = new AlertService(config, unreachable, List.of())) {
            KafkaAlertListener listener = new KafkaAlertListener(consumer, new MockProducer<>(), service);
            Thread thread = new Thread(listener, "alerts-listener-test");
            thread.start();
            awaitTrue(() -> service.stats().received() >= 1);
            assertThat(committedOffset(consumer)).isEqualTo(-1);
            long closeStarted = System.nanoTime();
            listener.close();

            assertThat(Duration.ofNanos(System.nanoTime() - closeStarted)).isLessThan(Duration.ofSeconds(1));
            assertThat(thread.isAlive()).isFalse();
            assertThat(listener.deadLetters()).isZero();
        }
        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void closeBeforeRun_closesTheClients_andMayBeRepeated() {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        MockProducer<String, byte[]> producer = new MockProducer<>();
        KafkaAlertListener listener = new KafkaAlertListener(consumer, producer, null);
        listener.close();
        listener.close();
        assertThat(consumer.closed()).isTrue();
        assertThat(producer.closed()).isTrue();
    }

    private static ConsumerRecord<String, byte[]> record(long offset, String key, byte[] value) {
        return new ConsumerRecord<>(Topics.ALERTS, 0, offset, key, value);
    }

    private static long committedOffset(MockConsumer<String, byte[]> consumer) {
        var committed = consumer.committed(Set.of(PARTITION)).get(PARTITION);
        return committed == null ? -1 : committed.offset();
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 20 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
