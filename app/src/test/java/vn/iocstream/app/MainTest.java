package vn.iocstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line answers bad input with one line and the usage, never a stack trace. */
class MainTest extends ConsoleTest {

    @Test
    void help_listsEveryCommand() {
        assertThat(Main.run(new String[] {"--help"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("demo", "run", "test", "help");
    }

    @Test
    void unknownCommand_isOneLineAndUsage_exit2() {
        assertThat(Main.run(new String[] {"deploy-now"})).isEqualTo(2);
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst().orElseThrow()).isEqualTo("ioc: unknown command: deploy-now");
        assertThat(text).contains("usage: ioc <command>").doesNotContain("Exception", "\tat ");
    }

    @Test
    void badDuration_namesTheOptionAndTheValue() {
        assertThat(Main.run(new String[] {"demo", "--duration", "chín mươi giây"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow())
                .contains("--duration must be a positive duration like 90s, 5m or 2h, got: chín mươi giây");
    }

    @Test
    void unknownOption_andMissingValue_areRejectedWithTheCommandsUsage() {
        assertThat(Main.run(new String[] {"run", "--verbose"})).isEqualTo(2);
        assertThat(Main.run(new String[] {"demo", "--seed"})).isEqualTo(2);
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("ioc: unknown option: --verbose", "usage: ioc run",
                "ioc: option --seed needs a value", "usage: ioc demo");
    }

    @Test
    void commandHelp_describesItsOptions() {
        assertThat(Main.run(new String[] {"demo", "--help"})).isZero();
        assertThat(Main.run(new String[] {"run", "--help"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--duration", "--seed", "--config", "--set");
    }

    @Test
    void missingConfigFile_isAConfigurationError() {
        assertThat(Main.run(new String[] {"run", "--config", "/nonexistent/ioc.yaml"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("config file not found: /nonexistent/ioc.yaml");
    }

    @Test
    void malformedWatchlist_stopsTheStartWithItsPosition(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path config = dir.resolve("ioc.yaml");
        java.nio.file.Files.writeString(config, """
                watchlists:
                  - name: ngap-lut
                    title: Ngập lụt
                    query: '(ngập OR "triều cường"'
                """);
        assertThat(Main.run(new String[] {"run", "--config", config.toString()})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("watchlist 'ngap-lut'", "position");
    }

    @Test
    void evalSentiment_printsItsHeadlineLast(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path csv = dir.resolve("binh-luan.csv");
        java.nio.file.Files.writeString(csv, """
                text,label
                "Dịch vụ công trực tuyến nhanh gọn, rất hài lòng",positive
                "ngap nua roi, ko ai xu ly a, buc xuc qua",negative
                Lịch cắt điện khu vực phường 5 ngày mai,neutral
                """);
        assertThat(Main.run(new String[] {"eval", "sentiment", "--csv", csv.toString()})).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(lines.size() - 1)).matches("sentiment macroF1=\\d\\.\\d{4} weightedF1=\\d\\.\\d{4} accuracy=\\d\\.\\d{4}");
    }

    @Test
    void evalWithAMissingFile_isAUsageError() {
        assertThat(Main.run(new String[] {"eval", "segment", "--conllu", "/khong-co/dev.conllu"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--conllu: no such file: /khong-co/dev.conllu");
    }
}
