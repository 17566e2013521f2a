package vn.iocstream.app.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import vn.iocstream.core.KafkaConnection;

/** Creates the platform's topics that a broker lacks; existing topics are left as they are (partitions, retention). */
public final class KafkaTopics {
    private KafkaTopics() {}

    /** @throws IllegalStateException with the broker's reason (unreachable, not authorised, too few brokers) */
    public static void ensure(KafkaConnection kafka, List<String> topics, int partitions, int replicationFactor) {
        try (Admin admin = Admin.create(kafka.properties())) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : topics) {
                if (!existing.contains(topic)) missing.add(new NewTopic(topic, partitions, (short) replicationFactor));
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
