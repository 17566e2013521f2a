package vn.iocstream.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.core.Topics;

/** `./ioc run` keeps its data across restarts: the broker must come back on the same log directory. */
class EmbeddedKafkaTest {
    @TempDir Path dir;

    @Test
    void restartOnTheSameDirectory_keepsTopicsAndRecords() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0, 1, -1)) {
            kafka.createTopics(Topics.ALL, 1);
            Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.RAW_POSTS, "p1", "{\"title\":\"Ngập sâu ở Cần Thơ\"}")).get();
            }
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0, 1, -1)) {
            kafka.createTopics(Topics.ALL, 1); // already there: a no-op, not an error
            Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap(),
                    ConsumerConfig.GROUP_ID_CONFIG, "restart-test", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            List<String> values = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(Topics.RAW_POSTS));
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (values.isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
                }
            }
            assertThat(values).containsExactly("{\"title\":\"Ngập sâu ở Cần Thơ\"}");
        }
    }
}
