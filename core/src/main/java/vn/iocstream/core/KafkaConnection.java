package vn.iocstream.core;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import vn.iocstream.core.config.IocConfig;

/**
 * Where Kafka is and how a client logs in: the bootstrap servers and the client security settings (TLS, SASL) of the
 * {@code kafka:} section. Every producer, consumer and admin client of the platform — crawlers, event feeds, the ingest
 * API, the alerts listener, search indexing and the Flink jobs' sources and sinks — starts from {@link #properties()}.
 * Serializable so that a Flink job can carry it to its tasks; the names are Kafka's own client settings, so this core
 * class needs no Kafka library.
 */
public record KafkaConnection(String bootstrap, Map<String, String> security) implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    /** SASL mechanisms and the login module each needs. */
    private static final Map<String, String> LOGIN_MODULES = Map.of(
            "PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule",
            "SCRAM-SHA-256", "org.apache.kafka.common.security.scram.ScramLoginModule",
            "SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule");

    public KafkaConnection {
        security = Map.copyOf(security);
    }

    /** A broker without TLS or SASL, such as the embedded one (loopback only). */
    public static KafkaConnection plain(String bootstrap) {
        return new KafkaConnection(bootstrap, Map.of());
    }

    /**
     * The external cluster the {@code kafka:} section names.
     *
     * @throws IllegalArgumentException naming the key at fault (unknown protocol or mechanism, SASL without a user)
     */
    public static KafkaConnection of(IocConfig.Kafka kafka) {
        return new KafkaConnection(kafka.bootstrap(), security(kafka));
    }

    /** This connection to other servers of the same cluster (the security settings stay). */
    public KafkaConnection withBootstrap(String otherBootstrap) {
        return new KafkaConnection(otherBootstrap, security);
    }

    /** {@code bootstrap.servers} and the security settings, for a new client; add the client's own settings to it. */
    public Properties properties() {
        Properties p = new Properties();
        p.putAll(map());
        return p;
    }

    /** As {@link #properties()}, as a map. */
    public Map<String, Object> map() {
        Map<String, Object> m = new LinkedHashMap<>(security);
        m.put("bootstrap.servers", bootstrap);
        return m;
    }

    /** The password is not printed. */
    @Override
    public String toString() {
        return bootstrap + " (" + security.getOrDefault("security.protocol", "PLAINTEXT")
                + (security.containsKey("sasl.mechanism") ? ", " + security.get("sasl.mechanism") : "") + ")";
    }

    private static Map<String, String> security(IocConfig.Kafka k) {
        String protocol = k.securityProtocol() == null || k.securityProtocol().isBlank() ? "PLAINTEXT" : k.securityProtocol().strip();
        if (!PROTOCOLS.contains(protocol)) {
            throw new IllegalArgumentException("kafka.securityProtocol must be PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL, not '" + protocol + "'");
        }
        Map<String, String> s = new LinkedHashMap<>();
        if (protocol.equals("PLAINTEXT")) return s;
        s.put("security.protocol", protocol);
        if (protocol.startsWith("SASL_")) {
            String loginModule = LOGIN_MODULES.get(k.saslMechanism());
            if (loginModule == null) {
                throw new IllegalArgumentException("kafka.saslMechanism must be PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512, not '" + k.saslMechanism() + "'");
            }
            if (k.username() == null || k.username().isBlank()) throw new IllegalArgumentException("kafka.username is required with " + protocol);
            s.put("sasl.mechanism", k.saslMechanism());
            s.put("sasl.jaas.config", loginModule + " required username=\"" + jaasEscape(k.username()) + "\" password=\""
                    + jaasEscape(k.password() == null ? "" : k.password()) + "\";");
        }
        if (protocol.endsWith("SSL") && k.truststoreFile() != null && !k.truststoreFile().isBlank()) {
            s.put("ssl.truststore.location", k.truststoreFile());
            s.put("ssl.truststore.type", k.truststoreFile().toLowerCase(java.util.Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12");
            if (k.truststorePassword() != null && !k.truststorePassword().isEmpty()) s.put("ssl.truststore.password", k.truststorePassword());
        }
        return s;
    }

    /** JAAS option values are double-quoted strings: a quote or backslash in a password must not end them. */
    private static String jaasEscape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
