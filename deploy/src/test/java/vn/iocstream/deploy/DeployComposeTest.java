package vn.iocstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * {@code deploy/compose.yaml} checked as far as this machine can (it has a Docker client but no compose plugin, so no
 * {@code docker compose config}): every part of the platform is a service, images are pinned, ports are published on
 * the loopback only, every file it mounts exists in the repository, passwords come from the environment, and the
 * IOC Stream configuration it mounts loads (and asks for its passwords).
 */
class DeployComposeTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

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
