package vn.iocstream.jobs.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.core.Topics;

/**
 * Creates the platform's topics that a broker lacks; existing topics are left as they are (partitions, retention). Used by
 * {@code ioc run} at start and by each job's cluster entry point, so that neither has to wait for the other.
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
}
