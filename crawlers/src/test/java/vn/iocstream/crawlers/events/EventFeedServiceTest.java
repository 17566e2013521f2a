package vn.iocstream.crawlers.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;

class EventFeedServiceTest {
    @TempDir
    Path dir;

    private IocConfig config(String... overrides) {
        return ConfigLoader.load(null, List.of(overrides));
    }

    @Test
    void defaults_noFeedsAndSensorColumns() {
        IocConfig.EventFeeds feeds = ConfigLoader.defaults().eventFeeds();
        assertThat(feeds.files()).isEmpty();
        assertThat(feeds.syslog()).isEmpty();
        assertThat(feeds.syslogHost()).isEqualTo("127.0.0.1");
        assertThat(feeds.trafficCsvColumns()).isEqualTo(TrafficCsv.DEFAULT_COLUMNS);
    }

    @Test
    void configuredFiles_polledWithOneCheckpointEachNamedForTheFeed() throws Exception {
        Path log = dir.resolve("secure");
        Files.writeString(log, "Nov 22 10:01:00 hcc-danang-web01 sshd[812]: Accepted publickey for lethic from 10.70.2.4 port 50122 ssh2\n");
        RecordingSink sink = new RecordingSink();
        IocConfig c = config("eventFeeds.files=[{kind: auth, path: '" + log + "'}]", "eventFeeds.checkpointDir=" + dir.resolve("cp"));
        try (EventFeedService service = new EventFeedService(c.eventFeeds(), sink)) {
            assertThat(service.pollOnce()).isEqualTo(1);
            assertThat(service.status()).startsWith("files=1 lines=1 rotations=0");
        }
        try (var files = Files.list(dir.resolve("cp"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).singleElement().asString().matches("auth-secure-[0-9a-f]{16}\\.json");
        }
    }

    @Test
    void unknownKindOrProtocol_isAConfigErrorNamingTheEntry() {
        assertThatThrownBy(() -> new EventFeedService(config("eventFeeds.files=[{kind: nginx, path: /var/log/nginx/access.log}]").eventFeeds(),
                new RecordingSink())).isInstanceOf(ConfigLoader.ConfigException.class)
                .hasMessageContaining("/var/log/nginx/access.log").hasMessageContaining("unknown event kind 'nginx'");
        assertThatThrownBy(() -> new EventFeedService(config("eventFeeds.syslog=[{kind: auth, protocol: tls, port: 6514}]").eventFeeds(),
                new RecordingSink())).isInstanceOf(ConfigLoader.ConfigException.class).hasMessageContaining("udp or tcp");
    }
}
