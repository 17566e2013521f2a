package vn.iocstream.jobs.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectBenchTest {
    @Test
    void series_isSeededAndHasADailyCycle() {
        double[] a = DetectBench.series(2880, 7);
        assertThat(a).containsExactly(DetectBench.series(2880, 7));
        assertThat(a[360]).isGreaterThan(a[1080]); // 06:00 near the daily top, 18:00 near the bottom
    }

    @Test
    void shortRun_measuresBothDetectors_andPrintsTheHeadlineLast() {
        DetectBench.Result r = DetectBench.run(0.2, 7);
        assertThat(r.baseline().pointsPerSecond()).isPositive();
        assertThat(r.detector().points()).isGreaterThanOrEqualTo(r.seriesLength());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DetectBench.print(r, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(lines.size() - 1)).startsWith("detect seasonal-likelihood=").contains("gaussian baseline");
    }
}
