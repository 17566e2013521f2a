package vn.iocstream.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.iocstream.app.web.ControlRoomFixture.LEADER;
import static vn.iocstream.app.web.ControlRoomFixture.PASSWORD;
import static vn.iocstream.app.web.ControlRoomFixture.TAM_HIEP;
import static vn.iocstream.app.web.ControlRoomFixture.XSS;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.model.Alert;

/**
 * The control room in a real browser (Debian's headless Chromium driven by Playwright) on the shared running
 * platform: what a commune's duty officer and the province's leader see and do, live push, CSRF, logout, the
 * XSS title on every screen that shows titles, and the kiosk and phone layouts. Screenshots go to
 * {@code target/screenshots/} (and to {@code -Dioc.screenshots.docs=DIR} when given, for the README).
 * Skipped without {@code /usr/bin/chromium} unless {@code CI=true}, where a missing browser fails.
 */
class ControlRoomBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SHOTS = Path.of("target/screenshots");
    private static ControlRoomFixture f;
    private static Playwright playwright;
    private static Browser browser;
    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<String> dialogs = new CopyOnWriteArrayList<>();
    private final List<String> scriptErrors = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) || "true".equals(System.getenv("CI")),
                "no /usr/bin/chromium (./ioc test installs it)");
        f = ControlRoomFixture.get();
        Files.createDirectories(SHOTS);
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setChromiumSandbox(false).setArgs(List.of("--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        assertThat(dialogs).as("no script ran from crawled text (alert dialogs)").isEmpty();
        assertThat(scriptErrors).as("the page's own script raised no error").isEmpty();
    }

    private Page open(int width, int height, boolean phone) {
        BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setIsMobile(phone)
                .setHasTouch(phone).setLocale("vi-VN").setTimezoneId("Asia/Ho_Chi_Minh"));
        contexts.add(ctx);
        Page page = ctx.newPage();
        page.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
        page.onPageError(scriptErrors::add);
        page.onConsoleMessage(m -> {
            // Refused requests (the CSRF and logout checks) are logged as resource errors: those are not script errors.
            if (m.type().equals("error") && !m.text().startsWith("Failed to load resource")) scriptErrors.add(m.text());
        });
        page.setDefaultTimeout(15_000);
        return page;
    }

    private Page loggedIn(String user, String path) {
        Page page = open(1400, 900, false);
        login(page, user, path);
        return page;
    }

    private void login(Page page, String user, String path) {
        page.navigate(f.url + path);
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login.*"));
        page.fill("#user", user);
        page.fill("#password", PASSWORD);
        page.click("#login-button");
        page.waitForSelector("#screen-title");
    }

    private static List<String> rowIds(Page page) {
        page.waitForSelector("#alert-list tr.alert");
        return page.locator("#alert-list tr.alert").evaluateAll("rows => rows.map(r => r.dataset.id)") instanceof List<?> l
                ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private static void shot(Page page, String name) throws Exception {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")));
        String docs = System.getProperty("ioc.screenshots.docs");
        if (docs != null) {
            Files.createDirectories(Path.of(docs));
            Files.copy(SHOTS.resolve(name + ".png"), Path.of(docs).resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void communeOperatorSeesOnlyItsAlertsAndPosts_acknowledgesWithAComment_theLeaderSeesItAndAllCommunes() throws Exception {
        Page op = loggedIn(TAM_HIEP, "#alerts");
        List<String> seen = rowIds(op);
        assertThat(seen).contains(f.clusterTamHiep.id(), f.mediaTamHiep.id()).doesNotContain(f.clusterTanPhong.id(), f.congestionHcm.id());
        shot(op, "alerts-operator");

        op.click("tr[data-id='" + f.clusterTamHiep.id() + "'] a.alert-title");
        assertThat(op.locator("#alert-detail h2")).hasText(f.clusterTamHiep.title());
        assertThat(op.locator("#alert-detail .evidence li")).hasCount(3);
        op.fill("#alert-comment", "Đã cử tổ phản ứng nhanh phường Tam Hiệp tới hiện trường");
        op.click("#ack");
        assertThat(op.locator("tr[data-id='" + f.clusterTamHiep.id() + "'] td.state")).hasText("đã xác nhận");
        assertThat(op.locator("#alert-detail .history")).containsText("Đã cử tổ phản ứng nhanh phường Tam Hiệp tới hiện trường");

        op.navigate(f.url + "#posts?watchlist=ngap-lut");
        op.waitForSelector("#posts li");
        assertThat(op.locator("#posts")).containsText("Mưa lớn gây ngập sâu ở phường Tam Hiệp");
        assertThat(op.locator("#posts")).not().containsText("Kẹt xe trên đường Phạm Văn Đồng");

        Page leader = loggedIn(LEADER, "#alerts");
        List<String> all = rowIds(leader);
        assertThat(all).contains(f.clusterTamHiep.id(), f.clusterTanPhong.id()).hasSizeGreaterThan(seen.size());
        leader.click("tr[data-id='" + f.clusterTamHiep.id() + "'] a.alert-title");
        assertThat(leader.locator("#alert-detail .history")).containsText(TAM_HIEP);
        assertThat(leader.locator("#alert-detail .history")).containsText("Đã cử tổ phản ứng nhanh phường Tam Hiệp tới hiện trường");
        assertThat(leader.locator("#alert-detail .actions")).hasCount(0); // a leader reads, does not handle
        shot(leader, "alert-history-leader");
    }

    @Test
    void searchResultAndDrillDown_downloadAsFiles_inTheUsersScope() throws Exception {
        Page op = loggedIn(TAM_HIEP, "#search");
        op.fill("#q", "ngập");
        op.click("#search-form button[type=submit]");
        op.waitForSelector("#search-downloads a.download[data-format=csv]");
        com.microsoft.playwright.Download csv = op.waitForDownload(() -> op.click("#search-downloads a.download[data-format=csv]"));
        assertThat(csv.suggestedFilename()).matches("tim-kiem-.*\\.csv");
        String text = Files.readString(csv.path(), java.nio.charset.StandardCharsets.UTF_8);
        List<List<String>> rows = vn.iocstream.app.export.CsvFile.rowsAfterHeading(vn.iocstream.app.export.CsvFile.parse(text.substring(1)));
        assertThat(rows.stream().map(r -> r.get(r.size() - 1)).toList()).contains(f.postTamHiep).doesNotContain(f.postHcm, f.postTanPhong);

        op.navigate(f.url + "#posts?watchlist=ngap-lut");
        op.waitForSelector("#posts li");
        com.microsoft.playwright.Download xlsx = op.waitForDownload(() -> op.click("a.download[data-format=xlsx]"));
        assertThat(xlsx.suggestedFilename()).matches("bai-viet-.*\\.xlsx");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(xlsx.path()))) {
            assertThat(book.getSheet("Thông tin").getRow(1).getCell(1).getStringCellValue()).isEqualTo("watchlist=ngap-lut");
            assertThat(book.getSheet("Dữ liệu").getLastRowNum()).isPositive();
        }
    }

    @Test
    void anAlertPushedWhileThePageIsOpen_appearsWithoutAReloadWithin2s() throws Exception {
        Page op = loggedIn(TAM_HIEP, "#alerts");
        rowIds(op);
        op.waitForTimeout(1000); // the event stream opens after the list
        Alert pushed = f.alert("order.report_cluster", "tam-hiep|dong-nai|chay-no", "critical", ControlRoomFixture.TAM_HIEP_PLACE,
                "4 phản ánh về cháy nổ tại phường Tam Hiệp (Đồng Nai) trong 3 phút", f.now.plusSeconds(1), List.of());
        long t0 = System.nanoTime();
        f.publish(pushed);
        op.waitForSelector("tr[data-id='" + pushed.id() + "']", new Page.WaitForSelectorOptions().setTimeout(10_000));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ms).as("from ioc.alerts to the row on the page").isLessThanOrEqualTo(2000);
        assertThat(op.locator("tr[data-id='" + pushed.id() + "'] .alert-title")).hasText(pushed.title());
        assertThat(op.locator("#toast")).containsText("Cảnh báo mới");
    }

    @Test
    void withoutTheCsrfTokenAnAcknowledgeIsRefused_andALoggedOutBrowserGetsTheLoginPage() {
        Page op = loggedIn(TAM_HIEP, "#alerts");
        rowIds(op);
        Object status = op.evaluate("id => fetch('/api/alerts/' + id + '/ack', {method: 'POST', headers: {'Content-Type': 'application/json'},"
                + " body: JSON.stringify({comment: 'giả mạo'})}).then(r => r.status)", f.mediaTamHiep.id());
        assertThat(status).isEqualTo(403);
        assertThat(op.evaluate("id => fetch('/api/alerts/' + id).then(r => r.json()).then(d => d.alert.state)", f.mediaTamHiep.id()))
                .isEqualTo("open");

        op.click("#logout");
        op.waitForURL(java.util.regex.Pattern.compile(".*/login$"));
        op.navigate(f.url);
        assertThat(op).hasURL(java.util.regex.Pattern.compile(".*/login$"));
        assertThat(op.locator("#login-form")).isVisible();
        assertThat(op.evaluate("fetch('/api/alerts').then(r => r.status)")).isEqualTo(401);
    }

    @Test
    void theXssTitleRendersAsTextOnEveryScreenThatShowsTitles() throws Exception {
        Alert trend = f.alert("media.trend", "phrase:xss", "warning", ControlRoomFixture.TAM_HIEP_PLACE, "Chủ đề nổi lên: " + XSS,
                f.now.plusSeconds(2), List.of(f.postXss));
        f.publish(trend);
        Page op = loggedIn(TAM_HIEP, "#alerts");
        op.waitForSelector("tr[data-id='" + trend.id() + "']", new Page.WaitForSelectorOptions().setTimeout(15_000));
        assertThat(op.locator("tr[data-id='" + trend.id() + "'] .alert-title")).hasText("Chủ đề nổi lên: " + XSS);
        op.click("tr[data-id='" + f.mediaTamHiep.id() + "'] a.alert-title");
        assertThat(op.locator("#alert-detail .evidence")).containsText(XSS);
        noInjectedImage(op);

        op.navigate(f.url + "#search?q=" + java.net.URLEncoder.encode("ngập", java.nio.charset.StandardCharsets.UTF_8));
        op.waitForSelector("#hits li");
        assertThat(op.locator("#hits .hit-title").filter(new Locator.FilterOptions().setHasText(XSS)).first()).isVisible();
        assertThat(op.locator("#hits .snippet").filter(new Locator.FilterOptions().setHasText(XSS)).first()).isVisible();
        assertThat(op.locator("#hits mark").first()).isVisible();
        noInjectedImage(op);

        op.navigate(f.url + "#posts?watchlist=ngap-lut");
        op.waitForSelector("#posts li");
        assertThat(op.locator("#posts")).containsText(XSS);
        noInjectedImage(op);

        op.navigate(f.url + "#media");
        op.waitForSelector("#chart-volumes canvas");
        assertThat(op.locator("main")).containsText(XSS); // the story title and its outlet's name
        noInjectedImage(op);
        shot(op, "media-operator");
    }

    private static void noInjectedImage(Page page) {
        assertThat(page.locator("img[src='x']")).hasCount(0);
    }

    @Test
    void kioskAndPhoneLayoutsRender() throws Exception {
        Page kiosk = open(1920, 1080, false);
        login(kiosk, LEADER, "?kiosk=1#leaders");
        kiosk.waitForSelector(".unit .figure .value");
        assertThat(kiosk.locator("header#top")).isHidden();
        double valueSize = Double.parseDouble(kiosk.evaluate("parseFloat(getComputedStyle(document.querySelector('.figure .value')).fontSize)").toString());
        assertThat(valueSize).as("readable across the room").isGreaterThanOrEqualTo(64);
        shot(kiosk, "kiosk-leaders");

        Page phone = open(390, 844, true);
        login(phone, TAM_HIEP, "#alerts");
        rowIds(phone);
        assertThat(phone.locator("#nav")).isVisible();
        assertThat(phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")).isEqualTo(true);
        shot(phone, "phone-alerts");
        phone.navigate(f.url + "#leaders");
        phone.waitForSelector(".unit .figure .value", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.VISIBLE));
        shot(phone, "phone-leaders");

        Page screens = loggedIn(ControlRoomFixture.ADMIN, "#traffic");
        screens.waitForSelector("#chart-speeds canvas");
        shot(screens, "traffic-admin");
        screens.navigate(f.url + "#security");
        screens.waitForSelector("#chart-security-rates canvas");
        shot(screens, "security-admin");
        screens.navigate(f.url + "#leaders");
        screens.waitForSelector(".unit");
        shot(screens, "leaders-admin");
        assertThat(Files.size(SHOTS.resolve("phone-alerts.png"))).isGreaterThan(5_000);
    }
}
