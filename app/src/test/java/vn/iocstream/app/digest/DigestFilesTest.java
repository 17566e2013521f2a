package vn.iocstream.app.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.iocstream.app.digest.DigestScenario.DAY;
import static vn.iocstream.app.digest.DigestScenario.at;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.app.export.CsvFile;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.testing.ClickHouseTestServer;

/** The digest's files for {@link DigestScenario}, read back with other libraries than the ones that wrote them. */
class DigestFilesTest {
    @TempDir
    static Path dir;
    private static DigestFiles.Written written;

    @BeforeAll
    static void write() throws IOException {
        ClickHouseClient clickHouse = ClickHouseTestServer.freshDatabase("digestfiles");
        DigestScenario.insert(clickHouse);
        DigestScope scope = DigestScope.parse("Đồng Nai");
        Digest d = new DigestBuilder(clickHouse, Clock.fixed(at(1, "06:30"), ZoneOffset.UTC)).build(scope, DAY, 10);
        written = new DigestFiles(clickHouse).write(d, scope, EnumSet.allOf(DigestFiles.Format.class), dir);
    }

    @Test
    void files_areNamedAfterScopeAndDay() {
        assertThat(written.files()).extracting(p -> p.getFileName().toString()).containsExactly(
                "diem-tin-tinh-dong-nai-2026-11-20.html", "diem-tin-tinh-dong-nai-2026-11-20.pdf", "diem-tin-tinh-dong-nai-2026-11-20.xlsx",
                "bai-viet-tinh-dong-nai-2026-11-20.csv");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void pdf_textHoldsTheVietnameseTitlesIntact_inRankOrder_withTheFontEmbedded() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(file(".pdf").toFile())) {
            String text = Normalizer.normalize(new PDFTextStripper().getText(pdf), Normalizer.Form.NFC).replaceAll("\\s+", " ");

            assertThat(text).contains("Điểm tin ngày 20/11/2026 — tỉnh Đồng Nai", "Câu chuyện nổi bật (5 trong 5 câu chuyện)",
                    "3 nguồn · 4 bài · 4 tiêu cực · đầu tiên: Báo Đồng Nai, 07:10 20/11", "Vấn đề tiêu cực theo địa bàn",
                    "Tăng đột biến bài viết", "Đã xác nhận", "Ngừng cập nhật");
            int previous = -1;
            for (Digest.Story s : written.digest().stories()) {
                int at = text.indexOf(s.rank() + ". " + s.title());
                assertThat(at).as(s.title()).isGreaterThan(previous);
                previous = at;
            }
            List<String> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts.add(font.getName() + (font.isEmbedded() ? "" : " (not embedded)"));
                }
            }
            assertThat(fonts).isNotEmpty().allMatch(f -> f.contains("DejaVuSans") && !f.contains("not embedded"));
            // The two charts are images on the first page.
            assertThat(pdf.getPage(0).getResources().getXObjectNames()).hasSize(2);
        }
    }

    @Test
    void xlsx_postsSheet_holdsTheSameRowsAsTheCsv() throws IOException {
        List<List<String>> csv = CsvFile.read(file(".csv"));
        List<List<String>> csvRows = CsvFile.rowsAfterHeading(csv);
        assertThat(csvRows).hasSize(14);
        assertThat(CsvFile.preamble(csv)).containsEntry("# Dữ liệu", "Bài viết ngày 20/11/2026").containsEntry("# Phạm vi", "tỉnh Đồng Nai")
                .containsEntry("# Từ", "2026-11-20 00:00:00 (giờ Việt Nam)");
        try (InputStream in = Files.newInputStream(file(".xlsx")); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet posts = book.getSheet("Bài viết");
            assertThat(CsvFile.sheet(posts)).containsExactlyElementsOf(CsvFile.unguarded(csv.subList(csv.size() - csvRows.size() - 1, csv.size())));
            assertThat(book.getSheet("Câu chuyện").getLastRowNum()).isEqualTo(5);
            assertThat(book.getSheet("Câu chuyện").getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo("Ngập sâu trên QL1A qua phường Tam Hiệp sau mưa lớn, nhiều xe chết máy");
            assertThat(book.getSheet("Các bản đăng").getLastRowNum()).isEqualTo(14);
            assertThat(book.getSheet("Thông tin").getRow(4).getCell(1).getStringCellValue()).isEqualTo("tỉnh Đồng Nai");
        }
    }

    @Test
    void html_listsEveryStoryOnceWithItsCopies() throws IOException {
        String html = Files.readString(file(".html"), StandardCharsets.UTF_8);

        assertThat(html).contains("<html lang=\"vi\">", "Điểm tin ngày 20/11/2026 — tỉnh Đồng Nai");
        for (Digest.Story s : written.digest().stories()) {
            assertThat(html).contains(">" + DigestHtml.esc(s.title()) + "</a>");
        }
        assertThat(html.split("Ngập sâu trên QL1A qua phường Tam Hiệp", -1)).hasSize(1 + 3); // story, its copy, appendix
    }

    private static Path file(String suffix) {
        return written.files().stream().filter(p -> p.toString().endsWith(suffix)).findFirst().orElseThrow();
    }
}
