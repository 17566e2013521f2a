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
        assertThat(lines).anyMatch(l -> l.startsWith("realPortal")).anyMatch(l -> l.startsWith("baseline gaussian:"))
                .anyMatch(l -> l.startsWith("at the shipped threshold 0.6246"));
        assertThat(lines.get(lines.size() - 1)).matches("nab standard=-?\\d+\\.\\d\\d reward_low_FP=-?\\d+\\.\\d\\d reward_low_FN=-?\\d+\\.\\d\\d");
        // the tripling is caught within the window, well before its end, and nothing else fires
        double standard = Double.parseDouble(lines.get(lines.size() - 1).replaceAll("nab standard=(\\S+) .*", "$1"));
        assertThat(standard).isGreaterThan(90);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("scored 1/1 realPortal/portal_requests.csv");
    }

    @Test
    void evalNabLoco_reportsEachHeldOutCategory_andEndsWithTheLocoHeadline(@TempDir Path dir) throws Exception {
        corpus(dir);
        // a second category: the same portal a week later, with its own afternoon surge
        Path other = Files.createDirectories(dir.resolve("data/realGateway"));
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        for (int h = 0; h < 600; h++) {
            double v = 50 + 20 * Math.sin(2 * Math.PI * (h % 24) / 24.0) + (h * 104729 % 7);
            if (h >= 450 && h < 455) v *= 4;
            csv.append(String.format("2021-05-%02d %02d:00:00,%.1f%n", 1 + h / 24, h % 24, v));
        }
        Files.writeString(other.resolve("gateway_requests.csv"), csv);
        Files.writeString(dir.resolve("labels/combined_windows.json"),
                "{\"realPortal/portal_requests.csv\": [[\"2021-04-21 15:00:00.000000\", \"2021-04-22 02:00:00.000000\"]],"
                        + " \"realGateway/gateway_requests.csv\": [[\"2021-05-19 12:00:00.000000\", \"2021-05-20 00:00:00.000000\"]]}");
        assertThat(Main.run(new String[] {"eval", "nab", "--data", dir.toString(), "--loco"})).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).anyMatch(l -> l.startsWith("realPortal ")).anyMatch(l -> l.startsWith("realGateway "))
                .anyMatch(l -> l.startsWith("  shipped threshold"));
        assertThat(lines.get(lines.size() - 1)).matches("nab loco standard=-?\\d+\\.\\d\\d reward_low_FP=-?\\d+\\.\\d\\d reward_low_FN=-?\\d+\\.\\d\\d");
    }

    @Test
    void evalNab_locoWithADetector_isAOneLineUsageError(@TempDir Path dir) throws Exception {
        corpus(dir);
        assertThat(Main.run(new String[] {"eval", "nab", "--data", dir.toString(), "--loco", "--detector", "gaussian"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow()).contains("--loco tunes the default detector");
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
