package vn.iocstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ioc bench crawl}: a short run prints the table and the headline; bad numbers are a one-line usage error. */
class BenchCrawlCommandTest extends ConsoleTest {
    @Test
    void benchCrawl_shortRun_printsBothStagesAndEndsWithTheHeadline() throws Exception {
        assertThat(Main.run(new String[] {"bench", "crawl", "--seconds", "1", "--pages", "5"})).isZero();

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).anyMatch(l -> l.matches("5 generated pages, \\d+\\.\\d KB on average, one thread"))
                .anyMatch(l -> l.startsWith("Jsoup.parse (baseline)"))
                .anyMatch(l -> l.startsWith("parse + extract (ArticleExtractor)"));
        assertThat(lines.get(lines.size() - 1)).matches("crawl pagesPerSecond=\\d+ baseline=\\d+ ratio=\\d\\.\\d\\d pagesPerCpuSecond=\\d+ \\(target 200\\)");
    }

    @Test
    void benchCrawl_nonPositiveOrNonNumericArguments_areOneLineUsageErrors() {
        assertThat(Main.run(new String[] {"bench", "crawl", "--seconds", "0"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow())
                .isEqualTo("ioc: --seconds must be positive");
        assertThat(Main.run(new String[] {"bench", "crawl", "--pages", "many"})).isEqualTo(2);
        assertThat(Main.run(new String[] {"bench", "crawl", "--help"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("crawl [--seconds S] [--pages N] [--seed N]");
    }
}
