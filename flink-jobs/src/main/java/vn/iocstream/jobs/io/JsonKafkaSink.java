package vn.iocstream.jobs.io;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.util.function.SerializableFunction;
import vn.iocstream.core.json.Json;

/** Kafka sinks that write JSON values keyed by a stable id, as the topic contract says. */
public final class JsonKafkaSink {
    private JsonKafkaSink() {}

    public static <T> KafkaSink<T> create(String bootstrap, String topic, SerializableFunction<T, String> key) {
        KafkaRecordSerializationSchema<T> schema = KafkaRecordSerializationSchema.<T>builder()
                .setTopic(topic)
                .setKeySerializationSchema(new KeyBytes<>(key))
                .setValueSerializationSchema(new JsonBytes<T>())
                .build();
        return KafkaSink.<T>builder()
                .setBootstrapServers(bootstrap)
                .setRecordSerializer(schema)
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }

    // Named classes, not lambdas: Flink cannot infer a lambda's generic SerializationSchema type.
    private static final class KeyBytes<T> implements SerializationSchema<T> {
        private static final long serialVersionUID = 1L;
        private final SerializableFunction<T, String> key;

        KeyBytes(SerializableFunction<T, String> key) {
            this.key = key;
        }

        @Override
        public byte[] serialize(T element) {
            return key.apply(element).getBytes(StandardCharsets.UTF_8);
        }
    }

    private static final class JsonBytes<T> implements SerializationSchema<T> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(T element) {
            return Json.bytes(element);
        }
    }
}
