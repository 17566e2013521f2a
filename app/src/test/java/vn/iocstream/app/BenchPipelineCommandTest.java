package vn.iocstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code ioc bench pipeline}: bad arguments are one-line usage errors before anything starts; the help names every option. */
class BenchPipelineCommandTest extends ConsoleTest {
    @Test
    void benchPipeline_badArguments_areOneLineUsageErrors() {
        String[][] cases = {
                {"--flink", "yarn"}, {"--alert-rate", "0"}, {"--alert-seconds", "0"}, {"--events", "-1"}, {"--posts", "0"},
                {"--dantri", "/no/such/file.jsonl.gz"}};
        String[] expected = {
                "ioc: --flink must be minicluster or standalone, not yarn", "ioc: --alert-rate must be between 10 and 100000",
                "ioc: --alert-seconds must be between 1 and 3600", "ioc: --events must be between 1 and 100000000",
                "ioc: --posts must be between 1 and 10000000", "ioc: --dantri: no such file: /no/such/file.jsonl.gz"};
        for (int i = 0; i < cases.length; i++) {
            err.reset();
            String[] args = {"bench", "pipeline", cases[i][0], cases[i][1]};
            assertThat(Main.run(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow()).isEqualTo(expected[i]);
        }
    }

    @Test
    void benchPipeline_help_namesTheClusterRunAndTheLastLine() {
        assertThat(Main.run(new String[] {"bench", "pipeline", "--help"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("[--flink minicluster|standalone]", "--alert-rate R", "mvn -B -Pcluster -DskipTests package",
                        "pipeline posts=<n>/s security=<n>/s alertP99=<ms> baselinePosts=<n>/s baselineSecurity=<n>/s");
    }
}
