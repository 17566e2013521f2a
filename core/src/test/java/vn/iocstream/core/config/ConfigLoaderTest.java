package vn.iocstream.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}
