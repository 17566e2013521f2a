package vn.iocstream.crawlers.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.config.SourcesFile;

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

    @Test
    void sourcesFileFileEntry_tailedUnderItsName() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("zeek/current"));
        Files.writeString(logs.resolve("conn.log"), """
                {"ts":1763780460.1,"uid":"C4J4Th3PJpwUYZZ6gc","id.orig_h":"10.70.2.4","id.orig_p":50122,"id.resp_h":"10.70.1.10","id.resp_p":22,"proto":"tcp"}
                {"ts":1763780461.7,"uid":"CmES5u32sYpV7JYN","id.orig_h":"10.70.2.9","id.orig_p":41002,"id.resp_h":"10.70.1.10","id.resp_p":443,"proto":"tcp"}
                """);
        Path sources = dir.resolve("sources.yaml");
        Files.writeString(sources, "sources:\n  - {name: \"Zeek - Trung tâm dữ liệu tỉnh\", type: file, format: zeek, path: \""
                + logs.resolve("*.log") + "\", locality: \"Tây Ninh\"}\n");
        RecordingSink sink = new RecordingSink();
        IocConfig c = config("crawler.sourcesFile=" + sources, "eventFeeds.checkpointDir=" + dir.resolve("cp"));

        try (EventFeedService service = new EventFeedService(c.eventFeeds(), sink)) {
            assertThat(service.pollOnce()).isEqualTo(2);
        }
        assertThat(sink.lines()).extracting(EventLine::text).allSatisfy(l -> assertThat(l).contains("\"proto\":\"tcp\""));
        assertThatThrownBy(() -> new EventFeedService(config("eventFeeds.files=[{kind: zeek, path: '/opt/*/current/conn.log', name: Zeek}]")
                .eventFeeds(), sink)).hasMessageStartingWith("eventFeeds.files Zeek (/opt/*/current/conn.log): only the file name may be a glob");
    }

    @Test
    void sourcesFileFormats_areTheEventKinds() {
        assertThat(SourcesFile.EVENT_FORMATS).containsExactlyInAnyOrder(Arrays.stream(EventKind.values()).map(EventKind::configName).toArray(String[]::new));
    }
}
