package vn.iocstream.crawlers;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.core.Topics;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.RawPost;

/** Writes posts to {@link Topics#RAW_POSTS}, keyed by post id so that every version of a post lands in one partition. */
public final class KafkaPostSink implements PostSink, AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    /** First asynchronous send failure since the last flush; flush() reports it. */
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public KafkaPostSink(KafkaConnection kafka) {
        Properties props = kafka.properties();
        // acks=all + idempotence: a post the crawler counts as emitted survives a broker failover,
        // and producer retries never write it twice.
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "ioc-crawler");
        producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void accept(RawPost post) {
        producer.send(new ProducerRecord<>(Topics.RAW_POSTS, post.id(), Json.bytes(post)), (meta, e) -> {
            if (e != null) failure.compareAndSet(null, e);
        });
    }

    @Override
    public void flush() {
        producer.flush();
        Exception e = failure.getAndSet(null);
        if (e != null) throw new IllegalStateException("sending to " + Topics.RAW_POSTS + " failed: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            flush();
        } finally {
            producer.close(Duration.ofSeconds(10));
        }
    }
}
