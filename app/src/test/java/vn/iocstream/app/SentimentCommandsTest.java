package vn.iocstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ioc nlp train-sentiment and ioc eval sentiment: a site's own model on top of the shipped one, and its gain. */
class SentimentCommandsTest extends ConsoleTest {

    @TempDir
    Path dir;

    /** Comments to a water utility's page, the kind of posts a site labels itself. */
    private static final String SITE = """
            text,label
            "Khu phố tôi lại cúp nước từ sáng tới giờ, không báo trước",negative
            "nước đục ngầu, có mùi clo nồng nặc, ai dám uống",negative
            cup nuoc 3 ngay roi ma ko ai tra loi,negative
            "Hóa đơn tháng này tăng gấp đôi, gọi tổng đài không ai nghe máy",negative
            "Đường ống bể cả tuần, nước chảy lênh láng mà chưa ai tới sửa",negative
            "áp lực nước yếu, tầng 2 không có nước để tắm",negative
            "Cảm ơn đội sửa chữa đã tới ngay trong đêm, có nước lại rồi",positive
            "Nhân viên ghi chỉ số lịch sự, giải thích hóa đơn rõ ràng",positive
            "Nước trong, không còn mùi như trước, cảm ơn công ty",positive
            "Báo sự cố qua ứng dụng, 2 tiếng sau đã có người xử lý, rất nhanh",positive
            "Thanh toán hóa đơn qua ví điện tử tiện lợi quá",positive
            "Tổng đài tư vấn nhiệt tình, chu đáo",positive
            "Lịch tạm ngưng cấp nước phường 4 ngày 12/7 từ 8h đến 16h",neutral
            "Công ty thông báo thay đồng hồ nước định kỳ tại khu vực quận 3",neutral
            "Giá nước sinh hoạt bậc 1 năm nay giữ nguyên theo quyết định của tỉnh",neutral
            """;

    private static final String SITE_DEV = """
            text,label
            "Lại cúp nước không báo, dân khổ quá",negative
            "nước có mùi lạ, đục, không dám nấu ăn",negative
            "Đội sửa chữa làm nhanh, có nước ngay trong chiều",positive
            "Nhân viên thu tiền vui vẻ, hướng dẫn tận tình",positive
            "Thông báo lịch ngưng cấp nước khu vực chợ Bến Thành ngày mai",neutral
            """;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void siteModelOnTopOfTheShipped_isWrittenAndComparedWithIt() throws IOException {
        Path site = write("site.csv", SITE), dev = write("dev.csv", SITE_DEV), model = dir.resolve("models/site.tsv");
        assertThat(Main.run(new String[] {"nlp", "train-sentiment", "--csv", site.toString(), "--base", "shipped", "--out", model.toString()})).isZero();
        assertThat(String.join("\n", lines())).contains("15 examples", "on top of shipped", "wrote " + model);
        assertThat(Files.readString(model)).contains("ioc-sentiment-linear\t2");

        out.reset();
        assertThat(Main.run(new String[] {"eval", "sentiment", "--csv", dev.toString(), "--model", model.toString(), "--compare", "shipped"})).isZero();
        List<String> lines = lines();
        assertThat(lines).contains("base shipped:", "model " + model + ":");
        assertThat(lines.get(lines.size() - 2)).matches("gain over base: macroF1 [+-]\\d\\.\\d{4} weightedF1 [+-]\\d\\.\\d{4} accuracy [+-]\\d\\.\\d{4}");
        assertThat(lines.get(lines.size() - 1)).matches("sentiment macroF1=\\d\\.\\d{4} weightedF1=\\d\\.\\d{4} accuracy=\\d\\.\\d{4}");
    }

    @Test
    void corpora_reportDevelopmentAndHeldOutParts() throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpora/nuoc"));
        StringBuilder all = new StringBuilder("text,label\n");
        for (String row : SITE.lines().skip(1).toList()) for (int i = 0; i < 8; i++) all.append(row.replace("\",", " (" + i + ")\",")).append('\n');
        Files.writeString(corpus.resolve("all.csv"), all, StandardCharsets.UTF_8);
        assertThat(Main.run(new String[] {"eval", "sentiment", "--corpora", dir.resolve("corpora").toString()})).isZero();
        List<String> lines = lines();
        assertThat(String.join("\n", lines)).contains("nuoc", "handwritten");
        assertThat(lines.get(lines.size() - 1)).matches("sentiment corpora devWeightedF1=\\d\\.\\d{4} heldOutWeightedF1=\\d\\.\\d{4}");
    }

    @Test
    void badSentimentArguments_areOneLineErrors() throws IOException {
        Path site = write("site.csv", SITE);
        assertThat(Main.run(new String[] {"nlp", "train-sentiment", "--csv", site.toString(), "--corpora", dir.toString()})).isEqualTo(2);
        assertThat(Main.run(new String[] {"eval", "sentiment", "--csv", site.toString(), "--compare", "/khong-co/mo-hinh.tsv"})).isEqualTo(2);
        assertThat(Main.run(new String[] {"nlp", "train-sentiment", "--csv", site.toString(), "--base", write("hong.tsv", "không phải mô hình\n").toString()})).isEqualTo(2);
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("give either --csv FILE or --corpora DIR", "--compare: no such file: /khong-co/mo-hinh.tsv", "--base: ")
                .doesNotContain("Exception", "\tat ");
    }
}
