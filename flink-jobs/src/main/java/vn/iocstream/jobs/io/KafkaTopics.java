package vn.iocstream.jobs.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.core.Topics;

/**
 * Creates the platform's topics that a broker lacks; existing topics are left as they are (partitions, retention). Used by
 * {@code ioc run} at start and by each job's cluster entry point, so that neither has to wait for the other. Also counts
 * a topic's records (benchmarks and tests).
 */
public final class KafkaTopics {
    private KafkaTopics() {}

    /** @throws IllegalStateException with the broker's reason (unreachable, not authorised, too few brokers) */
    public static void ensure(KafkaConnection kafka, List<String> topics, int partitions, int replicationFactor) {
        try (Admin admin = Admin.create(kafka.properties())) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : topics) {
                if (existing.contains(topic)) continue;
                NewTopic t = new NewTopic(topic, partitions, (short) replicationFactor);
                if (topic.equals(Topics.DEADLETTER)) t.configs(Map.of("max.message.bytes", Integer.toString(Topics.DEADLETTER_MAX_BYTES)));
                missing.add(t);
            }
            if (!missing.isEmpty()) admin.createTopics(missing).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topics at " + kafka + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /** How many records {@code topic} holds now: the sum of its partitions' end offsets (the topics are never compacted). */
    public static long records(KafkaConnection kafka, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafka.properties(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
