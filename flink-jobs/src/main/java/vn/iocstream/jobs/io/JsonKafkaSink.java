package vn.iocstream.jobs.io;

import java.nio.charset.StandardCharsets;
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
                .setKeySerializationSchema((T value) -> key.apply(value).getBytes(StandardCharsets.UTF_8))
                .setValueSerializationSchema((T value) -> Json.bytes(value))
                .build();
        return KafkaSink.<T>builder()
                .setBootstrapServers(bootstrap)
                .setRecordSerializer(schema)
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }
}
