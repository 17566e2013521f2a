package vn.iocstream.app.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.iocstream.core.Topics;
import vn.iocstream.core.json.Json;
import vn.iocstream.jobs.security.SecurityEnvelope;

/**
 * Generated security log lines in a province's shape, as the shippers put them on {@code ioc.raw.security}: web
 * requests to a provincial portal, Zeek connections, sshd lines and Suricata alerts, sources drawn from a few thousand
 * addresses. Deterministic for a seed.
 */
final class SecurityTraffic {
    /** The Suricata signature of {@link #probe}: one IDS alert per probe, keyed by its source. */
    static final String PROBE_SIGNATURE = "ET POLICY IOC bench probe";
    private static final DateTimeFormatter ACCESS = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
    private static final DateTimeFormatter SYSLOG = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ENGLISH);

    private final Random rnd;

    SecurityTraffic(long seed) {
        this.rnd = new Random(seed);
    }

    /**
     * The whole mix, attacks included: 40% web requests (a few to wp-login.php), 35% Zeek connections, 20% failed SSH
     * logins (a tenth from five brute-forcing addresses), 5% Suricata scan alerts.
     */
    SecurityEnvelope mixed(long timeMs, long serial) {
        int kind = rnd.nextInt(100);
        if (kind < 40) return request(timeMs, serial, rnd.nextInt(500) == 0 ? "/wp-login.php" : page());
        if (kind < 75) return connection(timeMs, serial);
        String src = source();
        if (kind < 95) {
            String attacker = rnd.nextInt(10) == 0 ? "45.76.12." + rnd.nextInt(5) : src;
            return new SecurityEnvelope("auth", "auth.log", SYSLOG.format(utc(timeMs)) + " dvc-tayninh sshd[" + rnd.nextInt(30000)
                    + "]: Failed password for root from " + attacker + " port " + port() + " ssh2", serial, utc(timeMs).getYear());
        }
        return suricata(timeMs, serial, src, "ET SCAN Nmap Scripting Engine", 2);
    }

    /**
     * Sends {@code events} lines of {@link #mixed} spread over the hour before now, as fast as the producer goes, and
     * returns when the broker has them all.
     *
     * @param producer the producer's connection properties (bootstrap and security)
     */
    static void sendMixedHour(Properties producer, int events, long seed) {
        SecurityTraffic traffic = new SecurityTraffic(seed);
        long from = System.currentTimeMillis() - 3_600_000L;
        producer.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        producer.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (KafkaProducer<String, byte[]> out = new KafkaProducer<>(producer, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < events; i++) {
                out.send(new ProducerRecord<>(Topics.RAW_SECURITY, "mix-" + i, Json.bytes(traffic.mixed(from + (long) i * 3_600_000L / events, i))));
            }
        }
    }

    /** Ordinary traffic that raises no alert: page views and connections to the portal's servers. */
    SecurityEnvelope benign(long timeMs, long serial) {
        return rnd.nextInt(100) < 55 ? request(timeMs, serial, page()) : connection(timeMs, serial);
    }

    /** A Suricata alert from its own source address (serial < 65,536): a new incident, so exactly one security alert. */
    static SecurityEnvelope probe(long timeMs, long serial, int n) {
        return suricata(timeMs, serial, probeSource(n), PROBE_SIGNATURE, 1);
    }

    /** The source address of probe {@code n}. */
    static String probeSource(int n) {
        return "198.18." + (n >> 8 & 0xff) + "." + (n & 0xff);
    }

    private SecurityEnvelope request(long timeMs, long serial, String path) {
        return new SecurityEnvelope("access", "congthongtin.tayninh.gov.vn", source() + " - - [" + ACCESS.format(utc(timeMs))
                + "] \"GET " + path + " HTTP/1.1\" 200 " + rnd.nextInt(50000) + " \"-\" \"Mozilla/5.0\"", serial, null);
    }

    private SecurityEnvelope connection(long timeMs, long serial) {
        return new SecurityEnvelope("zeek", "conn.log", "{\"_path\":\"conn\",\"ts\":" + timeMs / 1000.0 + ",\"uid\":\"C" + serial
                + "\",\"id.orig_h\":\"" + source() + "\",\"id.orig_p\":" + port() + ",\"id.resp_h\":\"10.20.0." + rnd.nextInt(30)
                + "\",\"id.resp_p\":" + (rnd.nextBoolean() ? 443 : 80) + ",\"proto\":\"tcp\",\"conn_state\":\"SF\"}", serial, null);
    }

    private static SecurityEnvelope suricata(long timeMs, long serial, String src, String signature, int severity) {
        return new SecurityEnvelope("suricata", "eve.json", "{\"timestamp\":\"" + Instant.ofEpochMilli(timeMs) + "\",\"event_type\":\"alert\","
                + "\"src_ip\":\"" + src + "\",\"src_port\":4444,\"dest_ip\":\"10.20.0.80\",\"dest_port\":80,\"proto\":\"TCP\","
                + "\"alert\":{\"signature\":\"" + signature + "\",\"severity\":" + severity + "}}", serial, null);
    }

    private String source() {
        return "113.161." + rnd.nextInt(20) + "." + rnd.nextInt(250);
    }

    private String page() {
        return "/tin-tuc/bai-" + rnd.nextInt(5000) + ".html";
    }

    private int port() {
        return 1024 + rnd.nextInt(60000);
    }

    private static java.time.ZonedDateTime utc(long timeMs) {
        return Instant.ofEpochMilli(timeMs).atZone(ZoneOffset.UTC);
    }
}
