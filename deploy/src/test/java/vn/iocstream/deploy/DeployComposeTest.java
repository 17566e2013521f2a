package vn.iocstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.config.ConfigLoader;

/**
 * {@code deploy/compose.yaml} checked as far as a machine without a Docker daemon can: Compose itself validates and
 * renders it ({@code docker compose config}, or Debian's {@code docker-compose} where the client has no compose plugin:
 * {@code ./ioc test} installs it beside a Docker client), and its structure is checked: every part of the platform is a
 * service, images are pinned, ports are published on the loopback only, every file it mounts exists in the repository,
 * passwords come from the environment, and the IOC Stream configuration it mounts loads (and asks for its passwords).
 */
class DeployComposeTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, String> PASSWORDS = Map.of("IOC_KAFKA_PASSWORD", "kafka-Secret-1",
            "IOC_CLICKHOUSE_PASSWORD", "clickhouse-Secret-2", "GF_ADMIN_PASSWORD", "grafana-Secret-3");

    @Test
    void composeConfig_validWithThePasswordsSet_refusedNamingAMissingOne() throws Exception {
        List<String> compose = composeCommand();
        assumeTrue(compose != null, "neither docker compose nor docker-compose here (./ioc test installs docker-compose beside a"
                + " Docker client when it runs as root)");

        Run services = run(compose, PASSWORDS, "config", "--services");
        assertThat(services.exit()).as(services.output()).isZero();
        assertThat(services.output().lines().map(String::trim).toList())
                .contains("kafka", "clickhouse", "jobmanager", "taskmanager", "submit-jobs", "ioc", "grafana");
        assertThat(run(compose, PASSWORDS, "config", "-q").exit()).isZero();

        Map<String, String> withoutClickHouse = new java.util.HashMap<>(PASSWORDS);
        withoutClickHouse.remove("IOC_CLICKHOUSE_PASSWORD");
        Run missing = run(compose, withoutClickHouse, "config", "-q");
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.output()).contains("IOC_CLICKHOUSE_PASSWORD");
    }

    private record Run(int exit, String output) {}

    /** {@code compose -p ioc-stream -f compose.yaml ARGS} with exactly these passwords in its environment. */
    private static Run run(List<String> compose, Map<String, String> passwords, String... args) throws Exception {
        List<String> command = new ArrayList<>(compose);
        command.addAll(List.of("-p", "ioc-stream", "-f", "compose.yaml"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        PASSWORDS.keySet().forEach(pb.environment()::remove);
        pb.environment().putAll(passwords);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), output);
    }

    /** {@code docker compose} if the client has the plugin, else {@code docker-compose}, else null. */
    private static List<String> composeCommand() throws InterruptedException {
        if (exitsZero("docker", "compose", "version")) return List.of("docker", "compose");
        if (exitsZero("docker-compose", "version")) return List.of("docker-compose");
        return null;
    }

    private static boolean exitsZero(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException notThere) {
            return false;
        }
    }

    @Test
    void composeFile_everyService_pinnedLoopbackMountsPresentSecretsFromEnv() throws Exception {
        JsonNode services = YAML.readTree(Path.of("compose.yaml").toFile()).path("services");
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        assertThat(names).contains("kafka", "clickhouse", "jobmanager", "taskmanager", "submit-jobs", "ioc", "grafana");
        for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> service = it.next();
            String image = service.getValue().path("image").asText();
            assertThat(image).as(service.getKey() + " image pinned").matches("[\\w./-]+:[\\w.-]+").doesNotEndWith(":latest");
            for (JsonNode port : service.getValue().path("ports")) {
                assertThat(port.asText()).as(service.getKey() + " port").startsWith("127.0.0.1:");
            }
            for (JsonNode volume : service.getValue().path("volumes")) {
                String source = volume.asText().split(":")[0];
                if (source.startsWith(".")) assertThat(Path.of(source)).as(service.getKey() + " mounts " + source).exists();
            }
            for (Iterator<Map.Entry<String, JsonNode>> env = service.getValue().path("environment").fields(); env.hasNext(); ) {
                Map.Entry<String, JsonNode> e = env.next();
                if (e.getKey().contains("PASSWORD")) assertThat(e.getValue().asText()).as(e.getKey()).startsWith("${").endsWith("}");
            }
        }
        // The jobs jar and the ioc jar the services mount are the build's (built by -Pcluster / package).
        assertThat(services.path("submit-jobs").path("command").get(0).asText()).contains("ioc-flink-jobs-0.1.0-SNAPSHOT-flink.jar");
        assertThat(services.path("ioc").path("command").toString()).contains("/opt/ioc/app/ioc.jar");
        assertThat(Files.readString(Path.of("compose.yaml"))).doesNotContain("0.0.0.0:");

        assertThatThrownBy(() -> ConfigLoader.load(Path.of("ioc-cluster.yaml"), List.of()))
                .hasMessageContaining("IOC_");
    }
}
