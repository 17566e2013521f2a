package vn.iocstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.app.digest.DigestScenario;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.testing.ClickHouseTestServer;

/** {@code ioc digest} from the command line, against a real ClickHouse. */
class DigestCommandTest extends ConsoleTest {
    @Test
    void help_documentsEveryOption() {
        assertThat(Main.run(new String[] {"digest", "--help"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--scope S", "--day YYYY-MM-DD", "--out DIR", "--format LIST",
                "--top N", "--email ADDRESSES", "--channel NAME", "--config FILE", "--clickhouse URL");
    }

    @Test
    void badArguments_getOneLineAndTheUsage() {
        for (String[] args : List.of(new String[] {"digest", "--day", "20/11/2026"}, new String[] {"digest", "--format", "docx"},
                new String[] {"digest", "--scope", "Gotham"}, new String[] {"digest", "--top", "0"},
                new String[] {"digest", "--email", "a@b.vn"}, new String[] {"digest", "--colour"})) {
            err.reset();
            assertThat(Main.run(args)).as(String.join(" ", args)).isEqualTo(2);
            String first = err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
            assertThat(first).startsWith("ioc: ").doesNotContain("Exception");
        }
    }

    @Test
    void digest_writesTheChosenFiles_andSaysWhatItCounted(@TempDir Path dir) throws Exception {
        ClickHouseClient ch = ClickHouseTestServer.freshDatabase("digestcli");
        DigestScenario.insert(ch);
        Path config = dir.resolve("ioc.yaml");
        Files.writeString(config, "clickhouse: {embedded: false, database: " + ch.database() + "}\n");

        assertThat(Main.run(new String[] {"digest", "--config", config.toString(), "--clickhouse", ClickHouseTestServer.server().httpUrl(),
                "--scope", "Bình Phước", "--day", "2026-11-20", "--format", "html,csv", "--top", "2", "--out", dir.resolve("out").toString()}))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("digest")).toList();
        assertThat(lines).containsExactly("digest: " + dir.resolve("out/diem-tin-tinh-dong-nai-2026-11-20.html"),
                "digest: " + dir.resolve("out/bai-viet-tinh-dong-nai-2026-11-20.csv"),
                "digest tỉnh Đồng Nai 2026-11-20: 14 posts, 5 stories (2 listed), 3 alerts");
    }
}
