package vn.iocstream.app.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.clickhouse.Tables;
import vn.iocstream.core.model.EnrichedPost;
import vn.iocstream.core.testing.ClickHouseTestServer;

/** Exports from a real ClickHouse: scope inside the query, search results in their order, limits, hostile cells, memory. */
class ExporterTest {
    private static final Instant T = Instant.parse("2026-11-20T03:00:00Z");
    private static final Instant FROM = T.minus(Duration.ofDays(1));
    private static final Instant TO = T.plus(Duration.ofDays(1));
    private static final String HOSTILE = "=HYPERLINK(\"http://example.invalid/x\",\"Bấm vào đây\")";
    private static ClickHouseClient clickHouse;

    @BeforeAll
    static void fixtures() {
        clickHouse = ClickHouseTestServer.freshDatabase("export");
        List<EnrichedPost> posts = List.of(
                post("p1", "Báo Tây Ninh", "Tai nạn liên hoàn trên QL22 qua Trảng Bàng", T, "Tây Ninh"),
                post("p2", "Báo Đồng Nai", "Ngập sâu ở phường Tam Hiệp sau mưa lớn", T.plusSeconds(60), "Đồng Nai"),
                post("p3", "Facebook", HOSTILE, T.plusSeconds(120), "Đồng Nai"),
                post("p4", "VnExpress", "-5% giá xăng, tin vui cho tài xế \"công nghệ\", chiều nay", T.plusSeconds(180), "Đồng Nai"),
                post("p5", "Báo Đồng Nai", "Tin cũ ngoài khoảng thời gian", T.minus(Duration.ofDays(3)), "Đồng Nai"));
        clickHouse.insert(Tables.POSTS, posts);
        clickHouse.insert(Tables.POSTS, posts);
    }

    @Test
    void csv_startsWithTheQueryRangeAndScope_thenTheScopedRowsNewestFirst_eachOnce() throws IOException {
        List<List<String>> csv = csv(request("province = 'Đồng Nai'", null, 100));

        assertThat(CsvFile.preamble(csv)).containsEntry("# Truy vấn", "ngập* AND locality:\"Đồng Nai\"")
                .containsEntry("# Từ", "2026-11-19 10:00:00 (giờ Việt Nam)").containsEntry("# Đến trước", "2026-11-21 10:00:00 (giờ Việt Nam)")
                .containsEntry("# Phạm vi", "Đồng Nai");
        List<List<String>> rows = CsvFile.rowsAfterHeading(csv);
        assertThat(rows).extracting(r -> r.get(11)).containsExactly("p4", "p3", "p2");
        assertThat(rows.get(2).get(0)).isEqualTo("2026-11-20 10:01:00");
        // Commas and quotes survive; a leading minus in text is guarded like a formula.
        assertThat(rows.get(0).get(3)).isEqualTo("'-5% giá xăng, tin vui cho tài xế \"công nghệ\", chiều nay");
        assertThat(rows.get(1).get(3)).isEqualTo("'" + HOSTILE);
    }

    @Test
    void searchResult_keepsItsOrder_andSkipsIdsOutsideTheScopeOrRange() throws IOException {
        List<List<String>> rows = CsvFile.rowsAfterHeading(csv(request("province = 'Đồng Nai'", List.of("p2", "p1", "p5", "nope", "p4"), 100)));

        assertThat(rows).extracting(r -> r.get(11)).containsExactly("p2", "p4");
    }

    @Test
    void rowLimit_cutsTheFileAndSaysSo() throws IOException {
        List<List<String>> csv = csv(request("1", null, 2));

        assertThat(CsvFile.rowsAfterHeading(csv)).hasSize(2);
        assertThat(csv.get(csv.size() - 1).get(0)).isEqualTo("# Đã dừng sau 2 dòng: vượt giới hạn của một lần xuất");
    }

    @Test
    void xlsx_holdsTheSameRowsAsTheCsv_textNeverAFormula_timesAsDates() throws IOException {
        Exporter.Request r = request("1", null, 100);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XlsxRowWriter w = new XlsxRowWriter(bytes)) {
            new Exporter(clickHouse).export(r, w);
        }
        List<List<String>> csv = csv(r);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            Sheet data = book.getSheet("Dữ liệu");
            List<List<String>> csvWithHeading = csv.subList(csv.size() - CsvFile.rowsAfterHeading(csv).size() - 1, csv.size());
            assertThat(CsvFile.sheet(data)).containsExactlyElementsOf(CsvFile.unguarded(csvWithHeading));
            assertThat(data.getRow(2).getCell(3).getCellType()).isEqualTo(CellType.STRING);
            assertThat(data.getRow(2).getCell(3).getStringCellValue()).isEqualTo(HOSTILE);
            assertThat(data.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(book.getSheet("Thông tin").getRow(1).getCell(1).getStringCellValue()).isEqualTo("ngập* AND locality:\"Đồng Nai\"");
        }
    }

    @Test
    void badRequests_areRefused() {
        assertThatThrownBy(() -> request("", null, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Exporter(clickHouse).export(new Exporter.Request(ExportTable.TRAFFIC, FROM, TO, "1", List.of("x"),
                info(), 10), new CsvRowWriter(new ByteArrayOutputStream()))).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * 100,000 posts with ~500-character titles (about 60 MB of CSV) exported as CSV and XLSX by a JVM whose heap is
     * 64 MB: only possible if rows are streamed from the server's answer to the file.
     */
    @Test
    void hundredThousandRows_streamInASmallHeap(@TempDir Path dir) throws Exception {
        ClickHouseClient big = ClickHouseTestServer.freshDatabase("exportbig");
        big.execute("INSERT INTO posts (id, url, kind, source, title, text, author, published_at, fetched_at, province, sentiment, score,"
                + " story_id) SELECT concat('p', toString(number)), concat('https://baodongnai.com.vn/tin/', toString(number), '.html'),"
                + " 'press', 'Báo Đồng Nai', concat('Tin số ', toString(number), ': ', arrayStringConcat(arrayMap(x -> 'ngập sâu ở Biên Hòa',"
                + " range(25)), ', ')), '', 'Phóng viên', toDateTime(1779000000 + number), toDateTime(1779000000 + number), 'Đồng Nai',"
                + " 'negative', -0.5, concat('s', toString(number % 997)) FROM numbers(100000)");
        assertThat(big.queryLong("SELECT count() FROM posts FINAL")).isEqualTo(100_000);

        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), ExportMemoryProbe.class.getName(),
                ClickHouseTestServer.server().httpUrl(), big.database(), dir.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("rows csv=100000 xlsx=100000 maxHeapMb=");
        assertThat(Files.size(dir.resolve("posts.csv"))).isGreaterThan(50L << 20);
        try (var lines = Files.lines(dir.resolve("posts.csv"))) {
            assertThat(lines.count()).isEqualTo(8 + 100_000);
        }
    }

    private static Exporter.Request request(String scope, List<String> ids, long max) {
        return new Exporter.Request(ExportTable.POSTS, FROM, TO, scope, ids, info(), max);
    }

    private static ExportInfo info() {
        return new ExportInfo("Bài viết", "ngập* AND locality:\"Đồng Nai\"", FROM, TO, "Đồng Nai", T);
    }

    private static List<List<String>> csv(Exporter.Request r) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvRowWriter w = new CsvRowWriter(bytes)) {
            new Exporter(clickHouse).export(r, w);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CsvFile.parse(text.substring(1));
    }

    private static EnrichedPost post(String id, String source, String title, Instant at, String province) {
        return new EnrichedPost(id, "https://example.vn/" + id, "press", source, title, title, "", at, at.plusSeconds(30), province,
                List.of(), List.of(), 10, "neutral", 0.0, List.of(), 1, "s-" + id, List.of());
    }
}
