package vn.iocstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.app.demo.DemoSite;
import vn.iocstream.app.runtime.EmbeddedKafka;
import vn.iocstream.core.Topics;
import vn.iocstream.core.model.RawPost;

/** {@code ioc crawl --once --dry-run} against the local demo news site, the crawler running unchanged. */
class CrawlCommandTest extends ConsoleTest {
    private static final Pattern SUMMARY = Pattern.compile(
            "crawl: (\\d+) sources, (\\d+) pages, (\\d+) new items, (\\d+) errors, (\\d+) blocked by robots.txt in [0-9.]+ s");
    private DemoSite site;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        // Half an hour after T0: every fixture article and comment is published.
        site = DemoSite.start(PipelineFixture.articles(), Clock.fixed(PipelineFixture.T0.plus(Duration.ofMinutes(30)), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        site.close();
    }

    /** A config allowing the loopback site, with the given extra source lines under sources:. */
    private Path config(String extraSources) throws Exception {
        Path file = dir.resolve("ioc.yaml");
        Files.writeString(file, "crawler: {allowPrivateAddresses: true, perHostDelayMs: 0, timeoutSeconds: 5}\n"
                + "sources:\n"
                + "  - {name: \"Tin Tỉnh Nhà\", type: rss, url: \"" + site.feedUrl() + "\", kind: press, locality: \"Tây Ninh\"}\n"
                + extraSources);
        return file;
    }

    private Matcher summary() {
        String[] lines = err.toString(StandardCharsets.UTF_8).strip().split("\n");
        Matcher m = SUMMARY.matcher(lines[lines.length - 1].strip());
        assertThat(m.matches()).as("last stderr line: " + lines[lines.length - 1]).isTrue();
        return m;
    }

    @Test
    void dryRun_printsEveryPostAndCounts() throws Exception {
        int articles = PipelineFixture.articles().size();
        long comments = PipelineFixture.commentCount();

        int exit = Main.run(new String[] {"crawl", "--once", "--dry-run", "--config", config("").toString()});

        assertThat(exit).isZero();
        Matcher m = summary();
        assertThat(m.group(1)).isEqualTo("1");
        assertThat(Long.parseLong(m.group(2))).isEqualTo(1 + articles); // the feed and every article it lists
        assertThat(Long.parseLong(m.group(3))).isEqualTo(articles + comments);
        assertThat(m.group(4)).isEqualTo("0");
        assertThat(out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("would send to ioc.raw.posts: "))).hasSize((int) (articles + comments));
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("[1/1] Tin Tỉnh Nhà: " + articles + " items");
    }

    @Test
    void unreachableSource_countedAsErrorOthersStillCrawled() throws Exception {
        // Port 1 on loopback: connection refused at once.
        String bad = "  - {name: \"Báo Hỏng\", type: rss, url: \"http://127.0.0.1:1/rss.xml\", kind: press, locality: \"\"}\n";

        int exit = Main.run(new String[] {"crawl", "--once", "--dry-run", "--config", config(bad).toString()});

        assertThat(exit).isZero();
        Matcher m = summary();
        assertThat(m.group(1)).isEqualTo("2");
        assertThat(m.group(4)).isEqualTo("1");
        assertThat(Long.parseLong(m.group(2))).isEqualTo(1 + PipelineFixture.articles().size()); // nothing read from the bad one
        assertThat(Long.parseLong(m.group(3))).isEqualTo(PipelineFixture.articles().size() + PipelineFixture.commentCount());
        // Hosts are crawled in parallel: lines come in the order sources finish.
        assertThat(err.toString(StandardCharsets.UTF_8)).containsPattern("\\[[12]/2\\] Báo Hỏng: FAILED").doesNotContain("\tat ");
    }

    @Test
    void perSourceLine_countsPagesNewItemsAndErrors_otherTypesSkippedWithANote() throws Exception {
        int articles = PipelineFixture.articles().size();
        long comments = PipelineFixture.commentCount();
        String zalo = "  - {name: \"Kênh Zalo OA Tây Ninh\", type: zalo, url: \"https://ioc.invalid/zalo\", kind: social, locality: \"\"}\n";

        int exit = Main.run(new String[] {"crawl", "--once", "--dry-run", "--config", config(zalo).toString()});

        assertThat(exit).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("crawl: 1 source(s) skipped, their type is not crawled here: Kênh Zalo OA Tây Ninh (zalo)")
                .contains("[1/1] Tin Tỉnh Nhà: " + articles + " items listed, " + (1 + articles) + " pages, "
                        + (articles + comments) + " new items, 0 errors");
        assertThat(summary().group(1)).isEqualTo("1");
    }

    @Test
    void runningPipeline_postsLandInRawTopicOnce() throws Exception {
        Path kafkaDir = dir.resolve("kafka");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(kafkaDir, 0, 2, -1)) {
            kafka.createTopics(Topics.ALL, 2);
            // What a running `ioc run` leaves for other commands: the broker address under kafka.dataDir.
            Files.writeString(kafkaDir.resolve("bootstrap.txt"), kafka.bootstrap() + "\n");
            Path config = config("");
            Files.writeString(config, Files.readString(config) + "kafka: {dataDir: \"" + kafkaDir + "\"}\n");

            int exit = Main.run(new String[] {"crawl", "--once", "--config", config.toString()});

            assertThat(exit).isZero();
            List<RawPost> posts = TopicReader.read(kafka.bootstrap(), Topics.RAW_POSTS, RawPost.class);
            assertThat(posts).hasSize((int) (PipelineFixture.articles().size() + PipelineFixture.commentCount()));
            assertThat(posts).extracting(RawPost::id).doesNotHaveDuplicates();
            assertThat(posts).allSatisfy(p -> assertThat(p.source()).isEqualTo("Tin Tỉnh Nhà"));
            assertThat(summary().group(3)).isEqualTo(Integer.toString(posts.size()));
        }
    }

    @Test
    void withoutOnce_usageError() throws Exception {
        assertThat(Main.run(new String[] {"crawl", "--config", config("").toString()})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ioc: give --once");
    }

    @Test
    void missingSourcesFile_usageError() {
        assertThat(Main.run(new String[] {"crawl", "--once", "--dry-run", "--sources", dir.resolve("nope.yaml").toString()})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--sources: file not found");
    }

    @Test
    void help_exitsZeroWithUsage() {
        assertThat(Main.run(new String[] {"crawl", "--help"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: ioc crawl --once");
    }
}
