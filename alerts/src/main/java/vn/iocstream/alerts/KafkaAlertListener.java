package vn.iocstream.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
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
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.core.Topics;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.DeadLetter;

/**
 * Feeds {@code ioc.alerts} into an {@link AlertsService}, and applies the terminal's commands
 * ({@value AlertCommands#TOPIC}, answered on {@value AlertCommands#RESULTS}). Run it on its own thread;
 * {@link #close()} stops it.
 *
 * <p>Every record is checked by {@link AlertValidator}; one that fails (broken JSON, an unknown kind or severity,
 * oversized fields, an implausible time: a forged or broken alert) goes to {@code ioc.deadletter} with the reason and
 * is counted, never stored or shown.
 *
 * <p>The service is a single instance that holds state, so the listener takes every partition itself
 * ({@code assign}, no consumer-group rebalancing: a restarted service reads again at once instead of waiting for the
 * old member's session to expire). Offsets are committed to the group {@value #GROUP_ID} only once the rows the
 * records caused are stored in ClickHouse (the store's batches), so a crash replays the unstored tail; the replay is
 * harmless because occurrences carry deterministic ids and deliveries are keyed by deterministic ids. When the store
 * falls far behind (ClickHouse away), reading pauses instead of filling memory.
 */
public final class KafkaAlertListener implements Runnable, AutoCloseable {
    public static final String GROUP_ID = "ioc-alerts";
    private static final Logger LOG = LoggerFactory.getLogger(KafkaAlertListener.class);
    private static final Duration POLL = Duration.ofMillis(100);
    /** Rows waiting for ClickHouse beyond which reading pauses. */
    private static final long MAX_UNSTORED_ROWS = 500_000;

    private final Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> producer;
    private final AlertsService service;
    private final AtomicLong deadLetters = new AtomicLong();
    private final AtomicLong handled = new AtomicLong();
    /** Offsets to commit once the store has written up to the mark. */
    private final Deque<Pending> pending = new ArrayDeque<>();
    private volatile boolean stop;
    private volatile boolean killed;
    private volatile Thread runner;

    private record Pending(long storeMark, Map<TopicPartition, OffsetAndMetadata> offsets) {}

    /** Creates the command topics when missing (the embedded broker does not create topics on use). */
    public KafkaAlertListener(KafkaConnection kafka, AlertsService service) {
        this(new KafkaConsumer<>(consumerProperties(kafka)), new KafkaProducer<>(producerProperties(kafka)), service);
        ensureTopics(kafka);
    }

    /** The two command topics, one partition each: commands are few and their order matters. */
    static void ensureTopics(KafkaConnection kafka) {
        try (Admin admin = Admin.create(kafka.properties())) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String t : List.of(AlertCommands.TOPIC, AlertCommands.RESULTS)) {
                if (!existing.contains(t)) missing.add(new NewTopic(t, 1, (short) 1));
            }
            if (!missing.isEmpty()) admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new KafkaException("cannot create " + AlertCommands.TOPIC + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new KafkaException("Kafka did not answer while creating " + AlertCommands.TOPIC, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted", e);
        }
    }

    KafkaAlertListener(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer, AlertsService service) {
        this.consumer = consumer;
        this.producer = producer;
        this.service = service;
    }

    /** Records sent to {@code ioc.deadletter} since start. */
    public long deadLetters() {
        return deadLetters.get();
    }

    /** Valid alerts handed to the service since start. */
    public long handled() {
        return handled.get();
    }

    @Override
    public void run() {
        runner = Thread.currentThread();
        try {
            assignAll();
            while (!stop) {
                if (service.store().enqueued() - service.store().flushed() > MAX_UNSTORED_ROWS) {
                    commitStored();
                    Thread.sleep(POLL.toMillis());
                    continue;
                }
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                if (!records.isEmpty()) handle(records);
                commitStored();
            }
            if (!killed) {
                service.store().flushNow();
                commitStored();
            }
        } catch (WakeupException | InterruptException e) {
            // close() or kill() woke the consumer: stop.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!killed) LOG.error("alerts listener stopped: {}", e.toString(), e);
        } finally {
            consumer.close(killed ? Duration.ZERO : Duration.ofSeconds(5));
            producer.close(killed ? Duration.ZERO : Duration.ofSeconds(5));
        }
    }

    private void assignAll() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.ALERTS, AlertCommands.TOPIC)) {
            for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(p.topic(), p.partition()));
            }
        }
        consumer.assign(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
        List<TopicPartition> fromStart = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata o = committed.get(tp);
            if (o == null) fromStart.add(tp);
            else consumer.seek(tp, o.offset());
        }
        // A new group starts at the oldest alert: replays are harmless (deterministic ids).
        if (!fromStart.isEmpty()) consumer.seekToBeginning(fromStart);
        LOG.info("alerts listener reading {} partitions of {}", partitions.size(), Topics.ALERTS);
    }

    private void handle(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        List<Future<?>> sends = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.topic().equals(AlertCommands.TOPIC)) {
                sends.add(command(record));
                offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
                continue;
            }
            try {
                Alert alert = service.validator().parse(record.value());
                service.acceptValid(alert);
                handled.incrementAndGet();
            } catch (AlertValidator.InvalidAlert e) {
                sends.add(deadLetter(record, e.getMessage()));
            }
            offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        }
        // Dead letters must be in Kafka before the offsets that skip their records are committed.
        for (Future<?> f : sends) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new KafkaException("cannot write to " + Topics.DEADLETTER + ": " + e.getCause().getMessage(), e.getCause());
            }
        }
        pending.addLast(new Pending(service.store().enqueued(), offsets));
    }

    /** Applies one terminal command and answers it; a command that is not one is dead-lettered. */
    private Future<?> command(ConsumerRecord<String, byte[]> record) {
        AlertCommand c;
        try {
            c = Json.parse(record.value(), AlertCommand.class);
        } catch (Json.JsonException e) {
            return deadLetter(record, e.getMessage());
        }
        AlertCommandResult result = AlertCommands.apply(c, service.desk());
        LOG.info("command {} {} by {}: {}", c.type(), c.id(), c.actor(), result.message());
        return producer.send(new ProducerRecord<>(AlertCommands.RESULTS, c.requestId(), Json.bytes(result)));
    }

    private Future<?> deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        deadLetters.incrementAndGet();
        LOG.debug("alert at {}-{}@{} dead-lettered: {}", record.topic(), record.partition(), record.offset(), reason);
        DeadLetter letter = DeadLetter.of(Topics.ALERTS, reason, record.value(), Instant.now());
        return producer.send(new ProducerRecord<>(Topics.DEADLETTER, record.key(), Json.bytes(letter)));
    }

    /** Commits the offsets whose rows ClickHouse has. A failed commit only means a replay later, which is harmless. */
    private void commitStored() {
        long flushed = service.store().flushed();
        Map<TopicPartition, OffsetAndMetadata> ready = new HashMap<>();
        while (!pending.isEmpty() && pending.peekFirst().storeMark() <= flushed) ready.putAll(pending.removeFirst().offsets());
        if (ready.isEmpty()) return;
        try {
            consumer.commitSync(ready);
        } catch (WakeupException | InterruptException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.warn("commit of alert offsets failed, those alerts will be read again: {}", e.getMessage());
        }
    }

    /** Stops after the current batch, stores what it caused and commits. */
    @Override
    public void close() {
        stop = true;
        Thread r = runner;
        if (r == null) {
            consumer.close(Duration.ZERO);
            producer.close(Duration.ZERO);
            return;
        }
        try {
            r.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops at once without committing anything more: a crash. */
    public void kill() {
        killed = true;
        stop = true;
        consumer.wakeup();
        Thread r = runner;
        if (r != null) {
            try {
                r.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Properties consumerProperties(KafkaConnection kafka) {
        Properties p = kafka.properties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    private static Properties producerProperties(KafkaConnection kafka) {
        Properties p = kafka.properties();
        // It writes dead letters: a refused alert record in base64.
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.DEADLETTER_MAX_BYTES);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }
}
