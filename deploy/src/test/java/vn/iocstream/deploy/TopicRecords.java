package vn.iocstream.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.jobs.io.KafkaTopics;

/** Every record a topic holds now, read from its start with no consumer group: what producers really sent. */
final class TopicRecords {
    private TopicRecords() {}

    /** The values of all records on {@code topic}, up to the end offsets at the time of the call. */
    static List<String> values(KafkaConnection kafka, String topic) {
        List<String> out = new ArrayList<>();
        forEach(kafka, topic, out::add);
        return out;
    }

    /**
     * Each value of the records on {@code topic} up to its end offsets now, one at a time (large records). Gives up when
     * two minutes pass without a record: gigabytes of large records take longer than any fixed limit would allow.
     */
    static void forEach(KafkaConnection kafka, String topic, Consumer<String> action) {
        Properties p = kafka.properties();
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("no record of " + topic + " for 2 minutes, short of " + end);
                var records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                for (ConsumerRecord<String, String> r : records) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) action.accept(r.value());
                }
            }
        }
    }

    /** How many records {@code topic} holds (the sum of its partitions' end offsets; topics here are never compacted). */
    static long count(KafkaConnection kafka, String topic) {
        return KafkaTopics.records(kafka, topic);
    }
}
