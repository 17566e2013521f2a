package vn.iocstream.jobs.io;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.core.Topics;
import vn.iocstream.core.json.Json;

/** Kafka sinks that write JSON values keyed by a stable id, as the topic contract says. */
public final class JsonKafkaSink {
    private JsonKafkaSink() {}

    public static <T> KafkaSink<T> create(KafkaConnection kafka, String topic, SerializableFunction<T, String> key) {
        Properties producer = kafka.properties();
        // Dead letters carry a refused record in base64 (Topics.DEADLETTER_MAX_BYTES); on other topics the broker's
        // own limit still applies.
        producer.put("max.request.size", Integer.toString(Topics.DEADLETTER_MAX_BYTES));
        return KafkaSink.<T>builder()
                .setKafkaProducerConfig(producer)
                .setBootstrapServers(kafka.bootstrap())
                .setRecordSerializer(new JsonRecords<>(topic, key))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }

    /**
     * Key and JSON value; the Kafka timestamp is left to the producer (the time of writing). The element's event
     * time would be the default, and a broker rejects a timestamp more than an hour ahead of its clock, which
     * would fail the sink, and with it the job, on one record from a sensor whose clock runs fast.
     */
    static final class JsonRecords<T> implements KafkaRecordSerializationSchema<T> {
        private static final long serialVersionUID = 1L;
        private final String topic;
        private final SerializableFunction<T, String> key;

        JsonRecords(String topic, SerializableFunction<T, String> key) {
            this.topic = topic;
            this.key = key;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
            return new ProducerRecord<>(topic, null, null, key.apply(element).getBytes(StandardCharsets.UTF_8), Json.bytes(element));
        }
    }
}
