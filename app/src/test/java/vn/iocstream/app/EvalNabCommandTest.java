package vn.iocstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ioc eval nab} on a tiny hand-made corpus in NAB's layout. */
class EvalNabCommandTest extends ConsoleTest {

    /** Hourly requests to a commune's service portal for 25 days, tripled over one afternoon (the window). */
    private static void corpus(Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data/realPortal"));
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        for (int h = 0; h < 600; h++) {
            double v = 100 + 60 * Math.sin(2 * Math.PI * (h % 24) / 24.0) + (h * 7919 % 13);
            if (h >= 500 && h < 506) v *= 3;
            csv.append(String.format("2021-04-%02d %02d:00:00,%.1f%n", 1 + h / 24, h % 24, v));
        }
        Files.writeString(data.resolve("portal_requests.csv"), csv);
        Files.createDirectories(dir.resolve("labels"));
        Files.writeString(dir.resolve("labels/combined_windows.json"),
                "{\"realPortal/portal_requests.csv\": [[\"2021-04-21 15:00:00.000000\", \"2021-04-22 02:00:00.000000\"]]}");
    }

    @Test
    void evalNab_printsCategoriesAndBaseline_andEndsWithTheHeadline(@TempDir Path dir) throws Exception {
        corpus(dir);
        assertThat(Main.run(new String[] {"eval", "nab", "--data", dir.toString()})).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).anyMatch(l -> l.startsWith("realPortal")).anyMatch(l -> l.startsWith("baseline gaussian:"));
        assertThat(lines.get(lines.size() - 1)).matches("nab standard=-?\\d+\\.\\d\\d reward_low_FP=-?\\d+\\.\\d\\d reward_low_FN=-?\\d+\\.\\d\\d");
        // the tripling is caught within the window, well before its end, and nothing else fires
        double standard = Double.parseDouble(lines.get(lines.size() - 1).replaceAll("nab standard=(\\S+) .*", "$1"));
        assertThat(standard).isGreaterThan(90);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("scored 1/1 realPortal/portal_requests.csv");
    }

    @Test
    void evalNab_withoutLabels_isAOneLineUsageError(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        assertThat(Main.run(new String[] {"eval", "nab", "--data", dir.toString()})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow())
                .isEqualTo("ioc: " + dir + " has no labels/combined_windows.json");
    }

    @Test
    void evalNab_unknownDetector_namesTheKnownOnes(@TempDir Path dir) throws Exception {
        corpus(dir);
        assertThat(Main.run(new String[] {"eval", "nab", "--data", dir.toString(), "--detector", "htm"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown detector: htm", "gaussian").doesNotContain("\tat ");
    }
}
