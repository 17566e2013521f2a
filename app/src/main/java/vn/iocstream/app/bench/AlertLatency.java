package vn.iocstream.app.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.iocstream.app.web.WebhookReceiver;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.core.Topics;
import vn.iocstream.core.json.Json;
import vn.iocstream.jobs.security.SecurityEnvelope;

/**
 * From a security event entering Kafka to its alert reaching a webhook, under a steady load: {@code rate} log lines a
 * second of ordinary traffic ({@link SecurityTraffic#benign}) into {@code ioc.raw.security}, each stamped with the
 * time it is sent, among which {@code probesPerSecond} Suricata alerts from sources of their own
 * ({@link SecurityTraffic#probe}), each opening an incident and so one security alert. A probe's latency is from the
 * moment its record is handed to the producer to the moment the webhook receiver (Standard Webhooks signature
 * checked) has its alert: SecurityJob, {@code ioc.alerts}, the alerts service and its routing, the webhook channel.
 */
final class AlertLatency {
    /** Probes sent, alerts received for them, and the latency of those received. */
    record Result(int rate, int seconds, int probes, int received, double p50Ms, double p99Ms, double maxMs) {
        int lost() {
            return probes - received;
        }
    }

    private final Map<String, Long> sentNanos = new ConcurrentHashMap<>();
    private final Map<String, Long> latencyNanos = new ConcurrentHashMap<>();

    AlertLatency(WebhookReceiver webhook) {
        webhook.onReceive(r -> {
            Long sent = sentNanos.get(r.alert().key());
            if (sent != null) latencyNanos.putIfAbsent(r.alert().key(), r.receivedNanos() - sent);
        });
    }

    /**
     * @param wait how long after the last probe its alert may still come (the rules that wait for the watermark
     *             answer {@code security.outOfOrdernessSeconds} late)
     */
    Result run(KafkaConnection kafka, int rate, int seconds, int probesPerSecond, Duration wait, long seed, PrintStream progress)
            throws InterruptedException {
        SecurityTraffic traffic = new SecurityTraffic(seed);
        int every = Math.max(1, rate / probesPerSecond);
        long total = (long) rate * seconds;
        int probes = 0;
        Properties p = kafka.properties();
        // A log shipper's producer: Kafka's default batching (linger 5 ms), every record acknowledged by the broker.
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            long start = System.nanoTime();
            for (long i = 0; i < total; i++) {
                long due = start + i * 1_000_000_000L / rate;
                long ahead = due - System.nanoTime();
                if (ahead > 1_000_000) Thread.sleep(ahead / 1_000_000);
                long now = System.currentTimeMillis();
                SecurityEnvelope event;
                if (i % every == 0) {
                    event = SecurityTraffic.probe(now, i, probes);
                    sentNanos.put(SecurityTraffic.probeSource(probes) + " " + SecurityTraffic.PROBE_SIGNATURE, System.nanoTime());
                    probes++;
                } else {
                    event = traffic.benign(now, i);
                }
                producer.send(new ProducerRecord<>(Topics.RAW_SECURITY, "latency-" + i, Json.bytes(event)));
                if (i > 0 && i % (rate * 10L) == 0) {
                    progress.printf(Locale.ROOT, "  %d s sent, %d of %d probes' alerts received%n", i / rate, latencyNanos.size(), probes);
                }
            }
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (latencyNanos.size() < probes && System.nanoTime() < deadline) Thread.sleep(100);
        List<Long> sorted = new ArrayList<>(latencyNanos.values());
        sorted.sort(null);
        if (sorted.isEmpty()) return new Result(rate, seconds, probes, 0, Double.NaN, Double.NaN, Double.NaN);
        return new Result(rate, seconds, probes, sorted.size(), Latencies.percentileMs(sorted, 0.50),
                Latencies.percentileMs(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }
}
