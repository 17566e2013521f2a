package vn.iocstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ioc eval extract} on a hand-made two-page folder in the article-extraction benchmark's layout. */
class EvalExtractCommandTest extends ConsoleTest {
    private static final String STORY_1 = "Sáng 14/10, mực nước trên sông Vàm Cỏ Tây tại trạm Tân An đạt 2,05 m, vượt mức báo động 3"
            + " khoảng 5 cm, cao nhất từ đầu mùa mưa đến nay.";
    private static final String STORY_2 = "Nhiều tuyến đường như Hùng Vương nối dài, Nguyễn Cửu Vân, Châu Thị Kim ngập từ 20 đến"
            + " 40 cm. Người dân phải dắt bộ xe máy qua các đoạn ngập sâu, nhiều xe chết máy giữa đường.";

    private static void page(Path dir, String id, String html) throws Exception {
        Files.createDirectories(dir.resolve("html"));
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("html/" + id + ".html.gz")))) {
            gz.write(html.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void benchmark(Path dir) throws Exception {
        String menu = "<nav><a href=/>Trang chủ</a> <a href=/thoi-su>Thời sự</a></nav>";
        page(dir, "trieucuong", "<html><head><meta charset=utf-8><title>Triều cường</title></head><body>" + menu
                + "<div class=detail-content><p>" + STORY_1 + "</p><p>" + STORY_2 + "</p></div>"
                + "<div class=tin-lien-quan><a href=/a>Giá lúa tăng mạnh, nông dân phấn khởi vì được mùa</a></div></body></html>");
        page(dir, "trong", "<html><body>" + menu + "</body></html>");
        Files.writeString(dir.resolve("ground-truth.json"), "{"
                + "\"trieucuong\": {\"url\": \"https://baolongan.vn/trieu-cuong.html\", \"articleBody\": \"" + STORY_1 + "\\n\\n" + STORY_2 + "\"},"
                + "\"trong\": {\"url\": \"https://baolongan.vn/trong.html\", \"articleBody\": \"" + STORY_2 + "\"}}");
    }

    @Test
    void evalExtract_verbose_printsARowPerPage_progressOnStderr_andEndsWithTheHeadline(@TempDir Path dir) throws Exception {
        benchmark(dir);

        assertThat(Main.run(new String[] {"eval", "extract", "--dir", dir.toString(), "--verbose"})).isZero();

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).anyMatch(l -> l.matches("trieucuong\\s+1\\.000\\s+1\\.000\\s+1\\.000\\s+3/3"))
                .anyMatch(l -> l.matches("trong\\s+0\\.000\\s+0\\.000\\s+0\\.000\\s+0/2"));
        // precision is undefined on the empty page and skipped; recall averages 1 and 0; of the 5 reference sentences
        // (STORY_1 is one, STORY_2 two) the 3 of the first page are found
        assertThat(lines.get(lines.size() - 1)).isEqualTo("extract F1=0.667 precision=1.000 recall=0.500 sentences=0.600");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("extract: 2/2 pages");
    }

    @Test
    void evalExtract_onAFolderWithoutGroundTruth_isAOneLineUsageError(@TempDir Path dir) {
        assertThat(Main.run(new String[] {"eval", "extract", "--dir", dir.toString()})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow())
                .isEqualTo("ioc: --dir: no ground-truth.json in " + dir);
        assertThat(Main.run(new String[] {"eval", "extract"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ioc: --dir DIR is required");
    }
}
