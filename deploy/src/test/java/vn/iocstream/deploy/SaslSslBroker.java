package vn.iocstream.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.core.Ports;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;

/**
 * A real Kafka broker (KRaft, in this JVM) that only speaks SASL_SSL on 127.0.0.1, as a province's cluster reached
 * over a network should: TLS with a certificate for 127.0.0.1 made by {@code keytool} for the test, and SASL/PLAIN
 * logins (the broker's own, and {@link #USER}'s). Clients must trust {@link #truststore()} and log in.
 */
final class SaslSslBroker implements AutoCloseable {
    static final String USER = "ioc-stream";
    static final String PASSWORD = "mat-khau-kafka-\"thu\"\\nghiem";
    static final String TRUSTSTORE_PASSWORD = "kho-tin-cay-7c1e";

    private final KafkaRaftServer server;
    private final int port;
    private final Path truststore;

    private SaslSslBroker(KafkaRaftServer server, int port, Path truststore) {
        this.server = server;
        this.port = port;
        this.truststore = truststore;
    }

    static SaslSslBroker start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String storePassword = "kho-khoa-broker-3f9a";
        Path keystore = dir.resolve("broker.p12");
        Path cert = dir.resolve("broker.crt");
        Path truststore = dir.resolve("truststore.p12");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3",
                "-dname", "CN=127.0.0.1, O=IOC Stream test", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", storePassword, "-keypass", storePassword);
        keytool("-exportcert", "-alias", "broker", "-keystore", keystore.toString(), "-storepass", storePassword, "-rfc", "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "test-ca", "-file", cert.toString(), "-keystore", truststore.toString(),
                "-storetype", "PKCS12", "-storepass", TRUSTSTORE_PASSWORD);

        int port = Ports.free();
        int controller = Ports.free();
        String jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"broker\" password=\"broker-secret\""
                + " user_broker=\"broker-secret\" user_" + USER + "=\"" + PASSWORD.replace("\\", "\\\\").replace("\"", "\\\"") + "\";";
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controller);
        p.put("listeners", "SASL_SSL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller);
        p.put("advertised.listeners", "SASL_SSL://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "SASL_SSL");
        p.put("sasl.enabled.mechanisms", "PLAIN");
        p.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        p.put("listener.name.sasl_ssl.plain.sasl.jaas.config", jaas);
        p.put("ssl.keystore.location", keystore.toString());
        p.put("ssl.keystore.password", storePassword);
        p.put("ssl.keystore.type", "PKCS12");
        p.put("ssl.truststore.location", truststore.toString());
        p.put("ssl.truststore.password", TRUSTSTORE_PASSWORD);
        p.put("ssl.truststore.type", "PKCS12");
        p.put("log.dirs", dir.resolve("logs").toString());
        p.put("num.partitions", "2");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.retention.ms", "-1");
        p.put("auto.create.topics.enable", "false");
        Path propsFile = dir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(propsFile)) {
            p.store(out, "SASL_SSL test broker");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int rc = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", propsFile.toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (rc != 0) throw new IllegalStateException("format failed: " + output.toString(StandardCharsets.UTF_8));
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(p, false), Time.SYSTEM);
        server.startup();
        return new SaslSslBroker(server, port, truststore);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("keytool failed: " + out);
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    Path truststore() {
        return truststore;
    }

    /** The {@code kafka:} settings of a configuration that reaches this broker, as a YAML mapping. */
    String configYaml() {
        return "kafka: {embedded: false, bootstrap: \"" + bootstrap() + "\", securityProtocol: SASL_SSL, saslMechanism: PLAIN, username: "
                + USER + ", password: \"${IOC_TEST_KAFKA_PASSWORD}\", truststoreFile: \"" + truststore + "\", truststorePassword: "
                + TRUSTSTORE_PASSWORD + "}\n";
    }

    /** How this JVM's clients reach it (the same settings the configuration gives). */
    KafkaConnection connection() {
        IocConfig.Kafka k = ConfigLoader.defaults().kafka();
        return KafkaConnection.of(new IocConfig.Kafka(false, bootstrap(), 0, k.dataDir(), 2, 1, -1, "SASL_SSL", "PLAIN", USER, PASSWORD,
                truststore.toString(), TRUSTSTORE_PASSWORD));
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
