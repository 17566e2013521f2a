package vn.iocstream.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir Path dir;

    @Test
    void defaults_loadWithEmbeddedServicesAndNoSources() {
        IocConfig config = ConfigLoader.defaults();
        assertThat(config.kafka().embedded()).isTrue();
        assertThat(config.clickhouse().database()).isEqualTo("ioc");
        assertThat(config.sources()).isEmpty();
        assertThat(config.crawler().allowPrivateAddresses()).isFalse();
    }

    @Test
    void userFile_overridesOneKeyAndKeepsTheSiblings() throws Exception {
        Path user = dir.resolve("ioc.yaml");
        Files.writeString(user, """
                kafka:
                  partitions: 4
                watchlists:
                  - name: ngap-lut
                    title: Ngập lụt
                    query: '"ngập lụt" OR "triều cường"'
                """);
        IocConfig config = ConfigLoader.load(user, List.of("flink.parallelism=1"));
        assertThat(config.kafka().partitions()).isEqualTo(4);
        assertThat(config.kafka().embedded()).isTrue();
        assertThat(config.flink().parallelism()).isEqualTo(1);
        assertThat(config.watchlists()).extracting(IocConfig.Watchlist::title).containsExactly("Ngập lụt");
    }

    @Test
    void typoInUserFile_isReportedWithTheKey() throws Exception {
        Path user = dir.resolve("ioc.yaml");
        Files.writeString(user, "kafka:\n  partitons: 4\n");
        assertThatThrownBy(() -> ConfigLoader.load(user, List.of()))
                .isInstanceOf(ConfigLoader.ConfigException.class)
                .hasMessageContaining("partitons");
    }

    @Test
    void overrideOfUnknownKey_isRejected() {
        assertThatThrownBy(() -> ConfigLoader.load(null, List.of("kafka.nope=1")))
                .hasMessageContaining("unknown key nope");
    }

    @Test
    void shippedExample_isAValidUserFile() {
        IocConfig config = ConfigLoader.load(Path.of("../config/ioc.example.yaml"), List.of());
        assertThat(config.watchlists()).extracting(IocConfig.Watchlist::name).contains("tai-nan-giao-thong");
        assertThat(config.sources()).allSatisfy(s -> assertThat(s.type()).isEqualTo("rss"));
    }

    private static final String TOKEN_FACEBOOK = "fb-7c1e9a0d44b2e8f1a9";

    private Path sourcesFile(String entries) throws Exception {
        Path file = dir.resolve("sources.yaml");
        Files.writeString(file, "sources:\n  - {name: \"Báo Tây Ninh\", type: rss, url: \"https://baotayninh.vn/rss/home.rss\"}\n" + entries);
        return file;
    }

    private IocConfig load(Path sources, Map<String, String> env, String... overrides) {
        List<String> all = new ArrayList<>(List.of(overrides));
        all.add("crawler.sourcesFile=" + sources);
        return ConfigLoader.load(null, all, env::get);
    }

    @Test
    void sourcesFileEventAndIngestEntries_addedAfterTheConfigsOwn_tokenFromTheEnvironment() throws Exception {
        Path sources = sourcesFile("""
                  - {name: "Nhật ký SSH máy chủ cổng dịch vụ công", type: file, format: auth, path: /var/log/auth.log, locality: "Tây Ninh", verified: true}
                  - {name: "Syslog tường lửa", type: syslog, format: auth, protocol: udp, port: 5514}
                  - {name: "Facebook connector – Sở TT&TT", type: ingest, token: "${IOC_INGEST_TOKEN_FACEBOOK}"}
                """);

        IocConfig config = load(sources, Map.of("IOC_INGEST_TOKEN_FACEBOOK", TOKEN_FACEBOOK),
                "eventFeeds.files=[{kind: zeek, path: '/opt/zeek/logs/current/*.log'}]", "ingest.tokens=[zalo-0a9b8c7d6e5f4321]");

        assertThat(config.sources()).extracting(IocConfig.Source::name).containsExactly("Báo Tây Ninh");
        assertThat(config.eventFeeds().files()).containsExactly(new IocConfig.FileFeed("zeek", "/opt/zeek/logs/current/*.log"),
                new IocConfig.FileFeed("auth", "/var/log/auth.log", "Nhật ký SSH máy chủ cổng dịch vụ công"));
        assertThat(config.eventFeeds().syslog()).containsExactly(new IocConfig.SyslogFeed("auth", "udp", 5514, "Syslog tường lửa"));
        assertThat(config.ingest().tokens()).containsExactly("zalo-0a9b8c7d6e5f4321", TOKEN_FACEBOOK);
    }

    @Test
    void inlineSourcesEventEntry_routedLikeAFileEntry() {
        IocConfig config = ConfigLoader.load(null, List.of(
                "sources=[{name: 'Suricata DMZ', type: file, format: suricata, path: /var/log/suricata/eve.json}]"));

        assertThat(config.sources()).isEmpty();
        assertThat(config.eventFeeds().files()).containsExactly(new IocConfig.FileFeed("suricata", "/var/log/suricata/eve.json", "Suricata DMZ"));
    }

    @Test
    void tokenVariableUnsetOrShort_errorNamesEntryAndVariable() throws Exception {
        Path sources = sourcesFile("  - {name: \"Facebook connector – Sở TT&TT\", type: ingest, token: \"${IOC_INGEST_TOKEN_FACEBOOK}\"}\n");

        assertThatThrownBy(() -> load(sources, Map.of())).isInstanceOf(ConfigLoader.ConfigException.class)
                .hasMessage(sources + ": source #2 (Facebook connector – Sở TT&TT): token names the environment variable "
                        + "IOC_INGEST_TOKEN_FACEBOOK, which is not set");
        assertThatThrownBy(() -> load(sources, Map.of("IOC_INGEST_TOKEN_FACEBOOK", "abc123")))
                .hasMessageContaining("source #2 (Facebook connector – Sở TT&TT)").hasMessageContaining("at least 16 characters")
                .message().doesNotContain("abc123");
    }

    @Test
    void samePathPortOrToken_twice_errorNamesBothAndNeverTheToken() throws Exception {
        Path samePath = sourcesFile("  - {name: \"Nhật ký SSH\", type: file, format: auth, path: /var/log/./auth.log}\n");
        assertThatThrownBy(() -> load(samePath, Map.of(), "eventFeeds.files=[{kind: auth, path: /var/log/auth.log}]"))
                .isInstanceOf(ConfigLoader.ConfigException.class)
                .hasMessage(samePath + ": source #2 (Nhật ký SSH): path /var/log/auth.log is already declared by eventFeeds.files #1");

        Path samePort = sourcesFile("""
                  - {name: "Syslog tường lửa", type: syslog, format: auth, protocol: udp, port: 5514}
                  - {name: "Syslog Zeek", type: syslog, format: zeek, protocol: udp, port: 5514}
                  - {name: "Syslog Zeek TCP", type: syslog, format: zeek, protocol: tcp, port: 5514}
                """);
        assertThatThrownBy(() -> load(samePort, Map.of())).hasMessageContaining("source #3 (Syslog Zeek): udp port 5514 is already declared by ")
                .hasMessageContaining("source #2 (Syslog tường lửa)");

        Path sameToken = sourcesFile("  - {name: \"Facebook connector – Sở TT&TT\", type: ingest, token: \"${IOC_INGEST_TOKEN_FACEBOOK}\"}\n");
        assertThatThrownBy(() -> load(sameToken, Map.of("IOC_INGEST_TOKEN_FACEBOOK", TOKEN_FACEBOOK), "ingest.tokens=[" + TOKEN_FACEBOOK + "]"))
                .hasMessageContaining("source #2 (Facebook connector – Sở TT&TT): the same token is already declared by ingest.tokens #1")
                .message().doesNotContain(TOKEN_FACEBOOK);
    }

    @Test
    void shippedSourcesFileCommentedExamples_validOnceUncommented() throws Exception {
        Path sources = dir.resolve("sources.yaml");
        Files.writeString(sources, Files.readString(Path.of("../config/sources.yaml")).replace("\n  # - {", "\n  - {"));

        IocConfig config = load(sources, Map.of("IOC_INGEST_TOKEN_FACEBOOK", TOKEN_FACEBOOK));

        assertThat(config.eventFeeds().files()).extracting(IocConfig.FileFeed::path).containsExactly("/var/log/auth.log", "/opt/zeek/logs/current/*.log");
        assertThat(config.eventFeeds().syslog()).extracting(IocConfig.SyslogFeed::port).containsExactly(5514);
        assertThat(config.ingest().tokens()).containsExactly(TOKEN_FACEBOOK);
        assertThat(config.sources()).hasSize(SourcesFile.read(Path.of("../config/sources.yaml")).size());
    }
}
