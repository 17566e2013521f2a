package vn.iocstream.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.core.geo.Gazetteer;

class SourcesFileTest {
    private static final Path SHIPPED = Path.of("../config/sources.yaml");

    @Test
    void shippedList_everyEntryWellFormed() {
        List<IocConfig.Source> sources = SourcesFile.read(SHIPPED);
        Gazetteer gazetteer = Gazetteer.load();

        assertThat(sources).hasSizeGreaterThanOrEqualTo(30);
        assertThat(sources).extracting(IocConfig.Source::name).doesNotHaveDuplicates().allSatisfy(n -> assertThat(n).isNotBlank());
        assertThat(sources).allSatisfy(s -> {
            assertThat(SourcesFile.TYPES).contains(s.type());
            assertThat(s.url()).matches("https?://[^\\s/]+/.*");
            assertThat(s.outlet()).isNotBlank();
            assertThat(s.schedule()).matches("\\d+[smh]");
            // Nobody could fetch them from the machine the list was written on.
            assertThat(s.verified()).isFalse();
            if (!s.locality().isEmpty()) {
                assertThat(gazetteer.lookup(s.locality())).as(s.name()).hasValueSatisfying(p -> {
                    assertThat(p.former()).as(s.name() + ": locality must be a current province").isFalse();
                    assertThat(p.currentProvince()).isEqualTo(s.locality());
                });
            }
        });
        assertThat(sources).extracting(IocConfig.Source::outlet)
                .contains("VnExpress", "Tuổi Trẻ", "Thanh Niên", "Dân Trí", "VietnamNet", "VOV", "Nhân Dân", "Lao Động",
                        "Người Lao Động", "Báo Tây Ninh", "Báo Đồng Nai", "Báo Đà Nẵng", "Báo Quảng Nam");
    }

    @Test
    void configNamingSourcesFile_addsItsSourcesToInlineOnes() {
        IocConfig config = ConfigLoader.load(Path.of("../config/ioc.example.yaml"), List.of("crawler.sourcesFile=../config/sources.yaml"));
        int inline = ConfigLoader.load(Path.of("../config/ioc.example.yaml"), List.of()).sources().size();

        assertThat(config.sources()).hasSize(inline + SourcesFile.read(SHIPPED).size());
        assertThat(config.sources()).anySatisfy(s -> assertThat(s.outlet()).isEqualTo("Báo Tây Ninh"));
    }

    @Test
    void defaults_noSourcesFile() {
        assertThat(ConfigLoader.defaults().crawler().sourcesFile()).isEmpty();
    }

    @Test
    void entryWithUnknownType_rejectedNamingFileAndEntry(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sources.yaml");
        Files.writeString(file, """
                sources:
                  - {name: "Báo Tây Ninh", type: rss, url: "https://baotayninh.vn/rss/home.rss"}
                  - {name: "Báo Long An", type: facebook, url: "https://baolongan.vn/"}
                """);

        assertThatThrownBy(() -> SourcesFile.read(file)).isInstanceOf(ConfigLoader.ConfigException.class)
                .hasMessageContaining("source #2 (Báo Long An)").hasMessageContaining("type must be one of");
    }

    @Test
    void entryWithFileUrl_rejected(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sources.yaml");
        Files.writeString(file, "sources:\n  - {name: x, type: rss, url: \"file:///etc/passwd\"}\n");

        assertThatThrownBy(() -> SourcesFile.read(file)).hasMessageContaining("http(s) URL");
    }

    @Test
    void linkSelectorOnAFeed_rejected_onAListingAccepted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sources.yaml");
        Files.writeString(file, """
                sources:
                  - {name: "Báo Tây Ninh - Thời sự", type: listing, url: "https://baotayninh.vn/thoi-su/", linkSelector: "h3.title a"}
                  - {name: "Báo Tây Ninh - RSS", type: rss, url: "https://baotayninh.vn/rss/home.rss", linkSelector: "h3 a"}
                """);

        assertThatThrownBy(() -> SourcesFile.read(file)).hasMessageContaining("source #2 (Báo Tây Ninh - RSS)")
                .hasMessageContaining("linkSelector is for type listing only");
    }

    @Test
    void shippedList_hasAForumAndVnExpressJsonComments() {
        List<IocConfig.Source> sources = SourcesFile.read(SHIPPED);

        assertThat(sources).anySatisfy(s -> assertThat(s.type()).isEqualTo("forum"));
        assertThat(sources).filteredOn(s -> "VnExpress".equals(s.outlet())).allSatisfy(s -> {
            assertThat(s.comments()).isEqualTo("vnexpress");
            assertThat(s.commentsUrl()).startsWith("https://usi-saas.vnexpress.net/").contains("{articleId}");
        });
    }

    @Test
    void forumSection_accepted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sources.yaml");
        Files.writeString(file, "sources:\n  - {name: \"Otofun - Giao thông\", type: forum, url: \"https://www.otofun.net/forums/giao-thong-duong-sa.112/\"}\n");

        assertThat(SourcesFile.read(file)).extracting(IocConfig.Source::type).containsExactly("forum");
    }

    @Test
    void commentFields_checkedWithTheEntryNamed(@TempDir Path dir) throws Exception {
        String feed = "{name: \"Báo Tây Ninh\", type: rss, url: \"https://baotayninh.vn/rss/home.rss\", ";
        String api = "commentsUrl: \"https://baotayninh.vn/api/binh-luan?id={articleId}\"";
        List<String[]> cases = List.of(
                new String[] {feed + "comments: tuoitre, " + api + "}", "comments must be one of [vnexpress], got: tuoitre"},
                new String[] {feed + "comments: vnexpress}", "comments needs commentsUrl"},
                new String[] {feed + api + "}", "need comments"},
                new String[] {feed + "comments: vnexpress, commentsUrl: \"https://baotayninh.vn/api/binh-luan\"}", "containing {articleId}"},
                new String[] {feed + "comments: vnexpress, " + api + ", articleIdPattern: \"a\\\\d+\"}", "needs a group"},
                new String[] {feed + "comments: vnexpress, " + api + ", articleIdPattern: \"a(\\\\d+\"}", "not a valid regular expression"},
                new String[] {"{name: \"VOZ\", type: forum, url: \"https://voz.vn/f/diem-bao.33/\", comments: vnexpress, " + api + "}",
                        "for article sources, this source is forum"});
        for (String[] c : cases) {
            Path file = dir.resolve("sources.yaml");
            Files.writeString(file, "sources:\n  - " + c[0] + "\n");

            assertThatThrownBy(() -> SourcesFile.read(file)).as(c[0]).isInstanceOf(ConfigLoader.ConfigException.class)
                    .hasMessageContaining("source #1 (").hasMessageContaining(c[1]);
        }
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, "sources:\n  - " + feed + "comments: vnexpress, " + api + ", articleIdPattern: \"-a(\\\\d+)\\\\.html\"}\n");
        assertThat(SourcesFile.read(good).get(0).articleIdPattern()).isEqualTo("-a(\\d+)\\.html");
    }

    @Test
    void zeroSchedule_rejected(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sources.yaml");
        Files.writeString(file, "sources:\n  - {name: x, type: sitemap, url: \"https://baodongnai.com.vn/sitemap.xml\", schedule: 0m}\n");

        assertThatThrownBy(() -> SourcesFile.read(file)).hasMessageContaining("schedule must look like");
    }

    @Test
    void defaults_crawlerSchedulingKeys() {
        IocConfig.Crawler crawler = ConfigLoader.defaults().crawler();

        assertThat(crawler.threads()).isEqualTo(4);
        assertThat(crawler.minRefetchSeconds()).isLessThan(crawler.maxRefetchSeconds());
        assertThat(crawler.sitemapMaxAgeHours()).isEqualTo(48);
        assertThat(crawler.forumMaxPages()).isEqualTo(5);
        // The convenience constructor tests use must agree with the shipped defaults, but keeps its state in memory.
        IocConfig.Crawler convenience = new IocConfig.Crawler(crawler.pollIntervalSeconds(), crawler.perHostDelayMs(), crawler.timeoutSeconds(),
                crawler.maxBodyBytes(), crawler.userAgent(), crawler.allowPrivateAddresses());
        assertThat(crawler.stateDir()).isEqualTo("data/crawler");
        assertThat(convenience.stateDir()).isEmpty();
        assertThat(convenience).usingRecursiveComparison().ignoringFields("stateDir").isEqualTo(crawler);
    }

    @Test
    void missingFile_reportedAsConfigError(@TempDir Path dir) {
        assertThatThrownBy(() -> ConfigLoader.load(null, List.of("crawler.sourcesFile=" + dir.resolve("nope.yaml"))))
                .isInstanceOf(ConfigLoader.ConfigException.class).hasMessageContaining("sources file not found");
    }

    @Test
    void fileSyslogAndIngestEntries_checkedWithTheEntryNamed(@TempDir Path dir) throws Exception {
        List<String[]> cases = List.of(
                new String[] {"{name: \"Nhật ký SSH\", type: file, format: sshd, path: /var/log/auth.log}",
                        "format must be one of [access, auth, suricata, traffic-csv, traffic-json, zeek], got: sshd"},
                new String[] {"{name: \"Nhật ký SSH\", type: file, format: auth}", "path is missing"},
                new String[] {"{name: \"Nhật ký SSH\", type: file, format: auth, url: \"https://ioc.invalid/auth.log\"}",
                        "type file takes no url (its fields: [format, locality, name, path, type, verified])"},
                new String[] {"{name: \"Syslog tường lửa\", type: syslog, format: auth, protocol: tls, port: 6514}", "protocol must be udp or tcp, got: tls"},
                new String[] {"{name: \"Syslog tường lửa\", type: syslog, format: auth, protocol: udp, port: 70000}", "port must be a number from 1 to 65535"},
                new String[] {"{name: \"Facebook connector – Sở TT&TT\", type: ingest, token: ngan-qua}", "token must be at least 16 characters"},
                new String[] {"{name: \"Facebook connector – Sở TT&TT\", type: ingest, token: \"fb-${IOC_TOKEN}\"}", "a single ${VARIABLE}"},
                new String[] {"{name: \"Facebook connector – Sở TT&TT\", type: ingest}", "token is missing"},
                new String[] {"{type: ingest, token: \"${IOC_INGEST_TOKEN_FACEBOOK}\"}", "name is missing"});
        for (String[] c : cases) {
            Path file = dir.resolve("sources.yaml");
            Files.writeString(file, "sources:\n  - {name: \"Báo Tây Ninh\", type: rss, url: \"https://baotayninh.vn/rss/home.rss\"}\n  - " + c[0] + "\n");

            assertThatThrownBy(() -> SourcesFile.read(file)).as(c[0]).isInstanceOf(ConfigLoader.ConfigException.class)
                    .hasMessageStartingWith(file + ": source #2").hasMessageContaining(c[1]);
        }
    }

    @Test
    void fileSyslogAndIngestEntries_acceptedButNotReadAsCrawledSources(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sources.yaml");
        Files.writeString(file, """
                sources:
                  - {name: "Báo Tây Ninh", type: rss, url: "https://baotayninh.vn/rss/home.rss"}
                  - {name: "Zeek - Trung tâm dữ liệu tỉnh", type: file, format: zeek, path: "/opt/zeek/logs/current/*.log", locality: "Tây Ninh", verified: false}
                  - {name: "Syslog tường lửa", type: syslog, format: auth, protocol: tcp, port: 5514}
                  - {name: "Facebook connector – Sở TT&TT", type: ingest, token: "${IOC_INGEST_TOKEN_FACEBOOK}"}
                """);

        assertThat(SourcesFile.read(file)).extracting(IocConfig.Source::name).containsExactly("Báo Tây Ninh");
    }
}
