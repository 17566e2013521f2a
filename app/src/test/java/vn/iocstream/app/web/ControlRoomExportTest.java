package vn.iocstream.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.iocstream.app.web.ControlRoomFixture.ADMIN;
import static vn.iocstream.app.web.ControlRoomFixture.LEADER;
import static vn.iocstream.app.web.ControlRoomFixture.MEDIA_HCM;
import static vn.iocstream.app.web.ControlRoomFixture.PASSWORD;
import static vn.iocstream.app.web.ControlRoomFixture.SECURITY;
import static vn.iocstream.app.web.ControlRoomFixture.TAM_HIEP;
import static vn.iocstream.app.web.ControlRoomFixture.TAN_PHONG;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.iocstream.app.export.CsvFile;

/**
 * The control room's downloads ({@code /api/export/…}) on the shared running platform: each list in the user's scope and
 * nothing else, the same rows as CSV and XLSX, the query, range and scope written in the file, the roles' screens
 * respected, refusals without a session or with bad parameters, and the download audited.
 */
class ControlRoomExportTest {
    private static ControlRoomFixture f;
    private static ApiClient admin, leader, tamHiep, tanPhong, security, mediaHcm, anonymous;

    @BeforeAll
    static void start() throws Exception {
        f = ControlRoomFixture.get();
        admin = ApiClient.login(f.url, ADMIN, PASSWORD);
        leader = ApiClient.login(f.url, LEADER, PASSWORD);
        tamHiep = ApiClient.login(f.url, TAM_HIEP, PASSWORD);
        tanPhong = ApiClient.login(f.url, TAN_PHONG, PASSWORD);
        security = ApiClient.login(f.url, SECURITY, PASSWORD);
        mediaHcm = ApiClient.login(f.url, MEDIA_HCM, PASSWORD);
        anonymous = ApiClient.anonymous(f.url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"posts", "search", "alerts", "security", "traffic", "reports"})
    void withoutASession_is401(String what) throws Exception {
        assertThat(anonymous.get("api/export/" + what).status()).isEqualTo(401);
    }

    @Test
    void posts_ofEachWard_onlyItsOwn_withTheScopeInTheFile() throws Exception {
        ApiClient.Reply r = tamHiep.get("api/export/posts");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(r.raw().headers().firstValue("Content-Disposition").orElse("")).matches("attachment; filename=\"bai-viet-\\d{4}-\\d\\d-\\d\\d-\\d{4}-\\d\\d-\\d\\d\\.csv\"");
        List<List<String>> csv = csv(r.body());
        assertThat(CsvFile.preamble(csv)).containsEntry("# Dữ liệu", "Bài viết").containsEntry("# Truy vấn", "(toàn bộ)")
                .hasEntrySatisfying("# Phạm vi", v -> assertThat(v).contains("Tam Hiệp"));
        assertThat(ids(csv)).contains(f.postTamHiep, f.postBoth, f.postXss).doesNotContain(f.postTanPhong, f.postHcm);
        assertThat(ids(csv(tanPhong.get("api/export/posts").body()))).contains(f.postTanPhong, f.postBoth).doesNotContain(f.postTamHiep, f.postHcm);
        // The drill-down's filters narrow within the scope, and are written into the file.
        List<List<String>> story = csv(tamHiep.get("api/export/posts?ids=" + f.postTamHiep + "," + f.postHcm).body());
        assertThat(ids(story)).containsExactly(f.postTamHiep);
        assertThat(CsvFile.preamble(story).get("# Truy vấn")).isEqualTo("ids=" + f.postTamHiep + "," + f.postHcm);
    }

    @Test
    void xlsx_holdsTheSameRowsAsTheCsv() throws Exception {
        List<List<String>> csv = csv(tamHiep.get("api/export/posts").body());
        HttpResponse<byte[]> x = ApiClient.HTTP.send(tamHiep.request("api/export/posts?format=xlsx").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(x.statusCode()).isEqualTo(200);
        assertThat(x.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(x.body()))) {
            int rows = CsvFile.rowsAfterHeading(csv).size();
            assertThat(CsvFile.sheet(book.getSheet("Dữ liệu"))).containsExactlyElementsOf(CsvFile.unguarded(csv.subList(csv.size() - rows - 1, csv.size())));
        }
    }

    @Test
    void searchResult_inTheUsersScope() throws Exception {
        String q = URLEncoder.encode("ngập OR \"kẹt xe\"", StandardCharsets.UTF_8);
        ApiClient.Reply r = tamHiep.get("api/export/search?q=" + q);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<List<String>> csv = csv(r.body());
        assertThat(ids(csv)).contains(f.postTamHiep, f.postXss).doesNotContain(f.postHcm, f.postTanPhong);
        assertThat(CsvFile.preamble(csv).get("# Truy vấn")).isEqualTo("q=ngập OR \"kẹt xe\"");
        assertThat(ids(csv(mediaHcm.get("api/export/search?q=" + q).body()))).containsExactly(f.postHcm);
        assertThat(tamHiep.get("api/export/search?q=" + URLEncoder.encode("(ngập", StandardCharsets.UTF_8)).status()).isEqualTo(400);
    }

    @Test
    void alertsTrafficReports_inScope_andSecurityOnlyForRolesWithThatScreen() throws Exception {
        List<String> alerts = lastColumn(csv(tamHiep.get("api/export/alerts").body()));
        assertThat(alerts).contains(f.clusterTamHiep.id(), f.congestionTamHiep.id()).doesNotContain(f.clusterTanPhong.id(), f.congestionHcm.id());

        assertThat(column(csv(tamHiep.get("api/export/traffic").body()), 1)).isNotEmpty().containsOnly("ql1a-bien-hoa");
        assertThat(column(csv(admin.get("api/export/traffic").body()), 1)).contains("ql1a-bien-hoa", "pham-van-dong");
        assertThat(lastColumn(csv(tamHiep.get("api/export/reports").body()))).isNotEmpty().allMatch(id -> id.startsWith("1022-th-"));

        long events = f.runtime.clickHouse().queryLong("SELECT count() FROM security_events FINAL");
        assertThat(CsvFile.rowsAfterHeading(csv(security.get("api/export/security").body()))).hasSize((int) events);
        assertThat(tamHiep.get("api/export/security").status()).isEqualTo(403);
        assertThat(leader.get("api/export/security").status()).isEqualTo(403);
        assertThat(security.get("api/export/traffic").status()).isEqualTo(403);
    }

    @Test
    void badParameters_areRefused_andDownloadsAudited() throws Exception {
        assertThat(tamHiep.get("api/export/posts?format=pdf").status()).isEqualTo(400);
        assertThat(tamHiep.get("api/export/users").status()).isEqualTo(404);
        assertThat(tamHiep.get("api/export/posts?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z").status()).isEqualTo(400);
        assertThat(tamHiep.get("api/export/posts?from=yesterday").status()).isEqualTo(400);

        assertThat(tanPhong.get("api/export/alerts?format=xlsx").status()).isEqualTo(200);
        assertThat(admin.get("api/audit").json().get("entries").toString()).contains("\"export\"", "alerts.xlsx", TAN_PHONG);
    }

    private static List<List<String>> csv(String body) {
        assertThat(body).startsWith("\uFEFF");
        return CsvFile.parse(body.substring(1));
    }

    /** Posts: the id is the last column. */
    private static List<String> ids(List<List<String>> csv) {
        return lastColumn(csv);
    }

    private static List<String> lastColumn(List<List<String>> csv) {
        return CsvFile.rowsAfterHeading(csv).stream().map(r -> r.get(r.size() - 1)).toList();
    }

    private static List<String> column(List<List<String>> csv, int index) {
        return CsvFile.rowsAfterHeading(csv).stream().map(r -> r.get(index)).toList();
    }
}
