package vn.iocstream.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.iocstream.core.Topics;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.DeadLetter;

/**
 * Feeds {@code ioc.alerts} into an {@link AlertService}. Run it on its own thread; {@link #close()} stops
 * and waits for it.
 *
 * <p>Offsets are committed only after a record is handled (or dead-lettered), so a crash replays it and the
 * service's delivery log keeps the replay from reaching a channel twice. A record that is not a storable
 * alert goes to {@code ioc.deadletter} and is counted. When ClickHouse is unreachable the listener seeks
 * back to the unhandled record and retries after a pause, instead of skipping alerts.
 */
public final class KafkaAlertListener implements Runnable, AutoCloseable {
    public static final String GROUP_ID = "ioc-alerts";
    private static final Logger LOG = LoggerFactory.getLogger(KafkaAlertListener.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

    private final Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> producer;
    private final AlertService service;
    private final AtomicLong deadLetters = new AtomicLong();
    /** Stands in for the runner when {@link #close()} comes before {@link #run()}; never started, so joins at once. */
    private static final Thread NEVER_RUN = new Thread(() -> {}, "ioc-alerts-never-run");

    /** The thread in {@link #run()}, or {@link #NEVER_RUN}. */
    private final AtomicReference<Thread> runner = new AtomicReference<>();
    private final CountDownLatch closeRequested = new CountDownLatch(1);

    public KafkaAlertListener(String bootstrapServers, AlertService service) {
        this(new KafkaConsumer<>(consumerProperties(bootstrapServers)),
                new KafkaProducer<>(producerProperties(bootstrapServers)), service);
    }

    /** For tests with Kafka's own {@code MockConsumer}/{@code MockProducer}. */
    KafkaAlertListener(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer, AlertService service) {
        this.consumer = consumer;
        this.producer = producer;
        this.service = service;
    }

    /** Records sent to {@code ioc.deadletter} since start. */
    public long deadLetters() {
        return deadLetters.get();
    }

    @Override
    public void run() {
        if (!runner.compareAndSet(null, Thread.currentThread())) {
            throw new IllegalStateException("listener already started or closed");
        }
        try {
            consumer.subscribe(List.of(Topics.ALERTS));
            while (closeRequested.getCount() > 0) {
                if (!handleAndCommit(consumer.poll(POLL_TIMEOUT))) {
                    closeRequested.await(RETRY_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (WakeupException e) {
            // close() asked the consumer to return from a blocking call: stop.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeClients();
        }
    }

    @Override
    public void close() {
        closeRequested.countDown();
        Thread running = runner.compareAndExchange(null, NEVER_RUN);
        if (running == null) {
            closeClients();
            return;
        }
        if (running == NEVER_RUN) return;
        consumer.wakeup();
        try {
            running.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Handles a batch partition by partition and commits what was handled. On a failure the partition is
     * rewound to the failed record, which the next poll returns again. False when something failed.
     */
    private boolean handleAndCommit(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
        boolean allHandled = true;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                try {
                    handle(record);
                } catch (RuntimeException | ExecutionException | InterruptedException e) {
                    if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                    LOG.warn("alert at {}@{} not handled, will retry: {}", partition, record.offset(), e.getMessage());
                    consumer.seek(partition, record.offset());
                    allHandled = false;
                    break;
                }
                handled.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        commit(handled);
        return allHandled;
    }

    /**
     * A failed commit only means these records come again after a rebalance or restart, which the delivery
     * log makes harmless; it is no reason to stop.
     */
    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) return;
        try {
            consumer.commitSync(offsets);
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.warn("commit of {} failed, those alerts will be seen again: {}", offsets, e.getMessage());
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) throws ExecutionException, InterruptedException {
        Alert alert;
        try {
            alert = record.value() == null ? null : Json.parse(record.value(), Alert.class);
        } catch (Json.JsonException e) {
            deadLetter(record, e.getMessage());
            return;
        }
        Optional<String> problem = AlertService.problem(alert);
        if (problem.isPresent()) {
            deadLetter(record, problem.get());
        } else {
            service.handle(alert);
        }
    }

    /** Waits for the broker's ack: the record's offset is committed right after, and must not be lost. */
    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason)
            throws ExecutionException, InterruptedException {
        DeadLetter letter = DeadLetter.of(Topics.ALERTS, reason, record.value(), Instant.now());
        producer.send(new ProducerRecord<>(Topics.DEADLETTER, record.key(), Json.bytes(letter))).get();
        deadLetters.incrementAndGet();
        LOG.debug("alert at {}-{}@{} dead-lettered: {}", record.topic(), record.partition(), record.offset(), reason);
    }

    private void closeClients() {
        consumer.close();
        producer.close();
    }

    private static Properties consumerProperties(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
        // A new group starts at the oldest alert: the delivery log makes the replay harmless.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    private static Properties producerProperties(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }
}
