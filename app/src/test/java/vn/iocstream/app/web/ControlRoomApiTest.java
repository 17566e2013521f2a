package vn.iocstream.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.iocstream.app.web.ControlRoomFixture.ADMIN;
import static vn.iocstream.app.web.ControlRoomFixture.LEADER;
import static vn.iocstream.app.web.ControlRoomFixture.LOCKED;
import static vn.iocstream.app.web.ControlRoomFixture.MEDIA_HCM;
import static vn.iocstream.app.web.ControlRoomFixture.PASSWORD;
import static vn.iocstream.app.web.ControlRoomFixture.SECURITY;
import static vn.iocstream.app.web.ControlRoomFixture.TAM_HIEP;
import static vn.iocstream.app.web.ControlRoomFixture.TAN_PHONG;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.Alert;

/**
 * Every scope rule of the control room's API, endpoint by endpoint: in scope, out of scope, no session; plus
 * CSRF, login protection, limits and the query bombs of issue 10, on the shared running platform.
 */
class ControlRoomApiTest {
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

    private static List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get("id").asText()).toList();
    }

    private static List<String> alertIds(ApiClient c, String query) throws Exception {
        ApiClient.Reply r = c.get("api/alerts" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return ids(r.json().get("alerts"));
    }

    // ---------------------------------------------------------------- sessions

    @ParameterizedTest
    @ValueSource(strings = {"api/alerts", "api/alerts/0123abcd", "api/me", "api/posts", "api/search?q=ngap", "api/media", "api/leaders",
            "api/security", "api/traffic", "api/audit", "api/status", "api/alerts/stream"})
    void everyApiWithoutASession_is401(String path) throws Exception {
        assertThat(anonymous.get(path).status()).isEqualTo(401);
    }

    @Test
    void statePostsWithoutASession_are401_andHealthAndLoginAnswer() throws Exception {
        assertThat(anonymous.post("api/alerts/" + f.clusterTamHiep.id() + "/ack", "{}").status()).isEqualTo(401);
        assertThat(anonymous.post("api/logout", "{}").status()).isEqualTo(401);
        assertThat(anonymous.get("health").status()).isEqualTo(200);
        assertThat(anonymous.post("api/login", "{\"user\":\"" + TAM_HIEP + "\",\"password\":\"sai-mat-khau-roi\"}", false).status()).isEqualTo(401);
    }

    @Test
    void loginSetsAnHttpOnlySameSiteSecureCookie_andLogoutEndsTheSession() throws Exception {
        ApiClient.Reply r = anonymous.post("api/login", "{\"user\":\"" + TAM_HIEP + "\",\"password\":\"" + PASSWORD + "\"}", false);
        assertThat(r.raw().headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly", "SameSite=Strict", "Secure");
        ApiClient c = ApiClient.login(f.url, TAM_HIEP, PASSWORD);
        assertThat(c.get("api/me").json().get("scope").asText()).isEqualTo("phường Tam Hiệp, tỉnh Đồng Nai");
        assertThat(c.post("api/logout", "{}", false).status()).as("logout is a state change: CSRF").isEqualTo(403);
        assertThat(c.post("api/logout", "{}").status()).isEqualTo(200);
        assertThat(c.get("api/me").status()).isEqualTo(401);
    }

    @Test
    void loginAsAFormPost_isRefused() throws Exception {
        var req = anonymous.request("api/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("user=" + TAM_HIEP + "&password=" + PASSWORD));
        assertThat(ApiClient.HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(415);
    }

    @Test
    void fiveWrongPasswords_lockTheAccount_evenForTheRightOne_andEachAttemptIsAudited() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(anonymous.post("api/login", "{\"user\":\"" + LOCKED + "\",\"password\":\"doan-mo-" + i + "\"}", false).status()).isEqualTo(401);
        }
        assertThat(anonymous.post("api/login", "{\"user\":\"" + LOCKED + "\",\"password\":\"" + PASSWORD + "\"}", false).status())
                .as("locked for controlRoom.lockoutMinutes").isEqualTo(401);
        // The audit log is written in batches of a second: wait for this one.
        ControlRoomFixture.await("the failed logins audited", () -> f.runtime.clickHouse()
                .queryLong("SELECT count() FROM audit_log WHERE actor = '" + LOCKED + "' AND action = 'login-failed'") >= 6);
        assertThat(f.runtime.clickHouse().queryLong("SELECT count() FROM audit_log WHERE actor = '" + LOCKED + "' AND action = 'login-failed'"))
                .isEqualTo(6);
        assertThat(f.runtime.clickHouse().queryLong("SELECT count() FROM audit_log WHERE actor = '" + LOCKED + "' AND outcome = 'locked'"))
                .isEqualTo(1);
        assertThat(f.runtime.clickHouse().queryLong("SELECT count() FROM audit_log WHERE actor = '" + TAM_HIEP + "' AND action = 'login'"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aBodyOverTheCap_is413() throws Exception {
        String big = "{\"user\":\"" + "x".repeat(70_000) + "\",\"password\":\"y\"}";
        assertThat(anonymous.post("api/login", big, false).status()).isEqualTo(413);
    }

    // ---------------------------------------------------------------- alerts

    @Test
    void alertList_isScopedByLocality() throws Exception {
        List<String> th = alertIds(tamHiep, "");
        assertThat(th).contains(f.clusterTamHiep.id(), f.congestionTamHiep.id(), f.mediaTamHiep.id())
                .doesNotContain(f.clusterTanPhong.id(), f.congestionHcm.id(), f.bruteForceTayNinh.id());
        List<String> tp = alertIds(tanPhong, "");
        assertThat(tp).contains(f.clusterTanPhong.id()).doesNotContain(f.clusterTamHiep.id(), f.congestionTamHiep.id(), f.congestionHcm.id());
        List<String> dn = alertIds(leader, "");
        assertThat(dn).as("the province sees all its communes")
                .contains(f.clusterTamHiep.id(), f.clusterTanPhong.id(), f.congestionTamHiep.id(), f.mediaTamHiep.id())
                .doesNotContain(f.bruteForceTayNinh.id()).hasSizeGreaterThan(th.size());
        assertThat(alertIds(security, "")).containsExactly(f.bruteForceTayNinh.id());
        assertThat(alertIds(mediaHcm, "")).contains(f.congestionHcm.id()).doesNotContain(f.clusterTamHiep.id(), f.mediaTamHiep.id());
        assertThat(alertIds(admin, "")).contains(f.clusterTamHiep.id(), f.clusterTanPhong.id(), f.congestionTamHiep.id(), f.congestionHcm.id(),
                f.mediaTamHiep.id(), f.bruteForceTayNinh.id());
    }

    @Test
    void alertFilters_narrowWithinTheScope() throws Exception {
        assertThat(alertIds(leader, "?kind=order.report_cluster")).containsExactlyInAnyOrder(f.clusterTamHiep.id(), f.clusterTanPhong.id());
        assertThat(alertIds(admin, "?kind=" + enc("security.*"))).containsExactly(f.bruteForceTayNinh.id());
        assertThat(alertIds(leader, "?severity=critical")).contains(f.congestionTamHiep.id()).doesNotContain(f.clusterTamHiep.id());
        assertThat(alertIds(leader, "?locality=" + enc("phường Tân Phong, tỉnh Đồng Nai"))).contains(f.clusterTanPhong.id())
                .doesNotContain(f.clusterTamHiep.id());
        assertThat(alertIds(tamHiep, "?locality=" + enc("tỉnh Tây Ninh"))).as("a filter never widens the scope").isEmpty();
        assertThat(tamHiep.get("api/alerts?state=closed").status()).isEqualTo(400);
        assertThat(tamHiep.get("api/alerts?kind=" + enc("'; DROP")).status()).isEqualTo(400);
        assertThat(tamHiep.get("api/alerts?from=yesterday").status()).isEqualTo(400);
    }

    @Test
    void alertDetail_inScopeShowsOnlyInScopeEvidence_outOfScopeIs404() throws Exception {
        JsonNode media = tamHiep.get("api/alerts/" + f.mediaTamHiep.id()).json();
        assertThat(media.get("alert").get("locality").get("commune").asText()).isEqualTo("phường Tam Hiệp");
        assertThat(ids(media.get("posts"))).containsExactlyInAnyOrder(f.postTamHiep, f.postXss).doesNotContain(f.postHcm);
        JsonNode cluster = tamHiep.get("api/alerts/" + f.clusterTamHiep.id()).json();
        assertThat(ids(cluster.get("reports"))).containsExactlyInAnyOrder("1022-th-0", "1022-th-1", "1022-th-2");
        assertThat(tamHiep.get("api/alerts/" + f.clusterTanPhong.id()).status()).isEqualTo(404);
        assertThat(tamHiep.get("api/alerts/" + f.congestionHcm.id()).status()).isEqualTo(404);
        assertThat(tamHiep.get("api/alerts/ffffffffffffffff").status()).as("unknown and out of scope look alike").isEqualTo(404);
        assertThat(tamHiep.get("api/alerts/x'%20OR%201=1").status()).isEqualTo(404);
        assertThat(leader.get("api/alerts/" + f.mediaTamHiep.id()).status()).as("a province sees its communes' alerts").isEqualTo(200);
        assertThat(ids(security.get("api/alerts/" + f.bruteForceTayNinh.id()).json().get("events"))).hasSize(3);
        assertThat(leader.get("api/alerts/" + f.bruteForceTayNinh.id()).status()).isEqualTo(404);
    }

    @Test
    void alertActions_needCsrfARoleThatHandlesAlertsAndScope_andAreAuditedAsTheUser() throws Exception {
        String path = "api/alerts/" + f.congestionTamHiep.id() + "/";
        assertThat(tamHiep.post(path + "ack", "{\"comment\":\"đã báo CSGT\"}", false).status()).isEqualTo(403);
        assertThat(tanPhong.post(path + "ack", "{\"comment\":\"x\"}").status()).as("out of scope").isEqualTo(404);
        assertThat(leader.post(path + "ack", "{\"comment\":\"x\"}").status()).as("a leader reads, does not handle").isEqualTo(403);
        assertThat(tamHiep.post(path + "explode", "{}").status()).isEqualTo(404);
        assertThat(tamHiep.post(path + "comment", "{\"comment\":\"\"}").status()).isEqualTo(400);
        assertThat(tamHiep.post(path + "assign", "{\"assignee\":\"khong-ai\"}").status()).isEqualTo(400);

        ApiClient.Reply ack = tamHiep.post(path + "ack", "{\"comment\":\"đã báo CSGT\"}");
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        assertThat(ack.json().get("state").asText()).isEqualTo("acknowledged");
        assertThat(ack.json().get("acknowledgedBy").asText()).isEqualTo(TAM_HIEP);
        assertThat(tamHiep.post(path + "assign", "{\"assignee\":\"" + TAM_HIEP + "\"}").json().get("assignee").asText()).isEqualTo(TAM_HIEP);
        assertThat(alertIds(leader, "?state=acknowledged")).contains(f.congestionTamHiep.id());
        assertThat(alertIds(leader, "?state=open")).doesNotContain(f.congestionTamHiep.id()).contains(f.clusterTanPhong.id());

        JsonNode history = leader.get("api/alerts/" + f.congestionTamHiep.id()).json().get("history");
        assertThat(history.toString()).contains(TAM_HIEP, "acknowledged", "đã báo CSGT", "assigned");
        ApiClient.Reply resolved = tamHiep.post(path + "resolve", "{\"comment\":\"đã thông xe\"}");
        assertThat(resolved.json().get("state").asText()).isEqualTo("resolved");
        assertThat(tamHiep.post(path + "ack", "{}").status()).as("an acknowledgement never reopens a resolved alert").isEqualTo(409);
        assertThat(admin.get("api/audit").body()).contains("alert.resolve", "đã thông xe");
        assertThat(tamHiep.get("api/audit").status()).isEqualTo(403);
    }

    @Test
    void silences_areCreatedAndExpiredWithinTheScope_byRolesThatHandleAlerts_asTheUser() throws Exception {
        String ends = java.time.Instant.now().plus(Duration.ofHours(2)).toString();
        String body = "{\"kinds\":[\"traffic.*\"],\"province\":\"Đồng Nai\",\"commune\":\"phường Tân Phong\",\"endsAt\":\"" + ends
                + "\",\"comment\":\"thi công đường, đã biết\"}";
        assertThat(tamHiep.post("api/silences", body).status()).as("another ward's silence").isEqualTo(400);
        assertThat(leader.post("api/silences", body).status()).as("leaders read only").isEqualTo(403);
        assertThat(tanPhong.post("api/silences", body, false).status()).as("CSRF").isEqualTo(403);
        ApiClient.Reply created = tanPhong.post("api/silences", body);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String id = created.json().get("id").asText();
        assertThat(created.json().get("createdBy").asText()).isEqualTo(TAN_PHONG);
        assertThat(tanPhong.get("api/silences").body()).contains(id);
        assertThat(tamHiep.get("api/silences").body()).doesNotContain(id);
        assertThat(tamHiep.post("api/silences/" + id + "/expire", "{}").status()).isEqualTo(404);
        assertThat(tanPhong.post("api/silences/" + id + "/expire", "{}").json().get("expiredBy").asText()).isEqualTo(TAN_PHONG);
        ControlRoomFixture.await("the silence audited", () -> f.runtime.clickHouse()
                .queryLong("SELECT count() FROM audit_log WHERE actor = '" + TAN_PHONG + "' AND action LIKE 'silence.%'") >= 2);
        assertThat(f.runtime.clickHouse().queryLong("SELECT count() FROM audit_log WHERE actor = '" + TAN_PHONG + "' AND action LIKE 'silence.%'"))
                .isEqualTo(2);
    }

    @Test
    void alertsPushedOverSse_reachOnlyPagesWhoseScopeCoversThem() throws Exception {
        List<String> th = new ArrayList<>(), hcm = new ArrayList<>();
        CompletableFuture<Void> a = listen(tamHiep, th), b = listen(mediaHcm, hcm);
        Thread.sleep(1000);
        Alert inTamHiep = f.alert("traffic.congestion", "ql1a-bien-hoa-push", "warning", ControlRoomFixture.TAM_HIEP_PLACE,
                "Ùn tắc mới trên QL1A (kiểm thử đẩy)", f.now, List.of());
        Alert inHcm = f.alert("traffic.congestion", "pham-van-dong-push", "warning", vn.iocstream.core.model.Locality.province("TP Hồ Chí Minh"),
                "Ùn tắc mới trên Phạm Văn Đồng (kiểm thử đẩy)", f.now, List.of());
        f.publish(inHcm, inTamHiep);
        ControlRoomFixture.await("pushed alerts", () -> seen(th, inTamHiep.id()) && seen(hcm, inHcm.id()));
        Thread.sleep(500);
        assertThat(seen(th, inHcm.id())).isFalse();
        assertThat(seen(hcm, inTamHiep.id())).isFalse();
        a.cancel(true);
        b.cancel(true);
    }

    private static boolean seen(List<String> lines, String id) {
        synchronized (lines) {
            return lines.stream().anyMatch(l -> l.contains(id));
        }
    }

    /** Reads {@code data:} lines of the SSE stream into {@code lines} until cancelled. */
    private static CompletableFuture<Void> listen(ApiClient c, List<String> lines) {
        return ApiClient.HTTP.sendAsync(c.request("api/alerts/stream").header("Accept", "text/event-stream")
                        .timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream()).thenAccept(r -> {
                    try (InputStream in = r.body(); BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                        for (String line; (line = reader.readLine()) != null; ) {
                            synchronized (lines) {
                                lines.add(line);
                            }
                        }
                    } catch (java.io.IOException e) {
                        // the test closed the stream
                    }
                });
    }

    @Test
    void afterARestart_theControlRoomListsTheAlertsClickHouseHolds() throws Exception {
        IocConfig cfg = ConfigLoader.load(null, List.of("controlRoom.port=0", "controlRoom.usersFile=" + f.dir.resolve("users.json"),
                "alerts.journalDir=" + f.dir.resolve("alerts-restarted")));
        List<String> before = alertIds(admin, "");
        try (vn.iocstream.alerts.AlertsService restarted = vn.iocstream.alerts.AlertsService.start(vn.iocstream.alerts.AlertsService.Settings.of(cfg),
                f.runtime.clickHouse(), Clock.systemUTC());
             ControlRoom fresh = ControlRoom.start(cfg, f.runtime.clickHouse(), Map::of, new vn.iocstream.nlp.search.PostSearchIndex(),
                     restarted.desk(), Clock.systemUTC())) {
            List<String> listed = alertIds(ApiClient.login(fresh.url(), ADMIN, PASSWORD), "");
            assertThat(listed).as("a new alerts service and control room, fed nothing, list what ClickHouse holds")
                    .containsExactlyInAnyOrderElementsOf(before).contains(f.clusterTamHiep.id(), f.bruteForceTayNinh.id());
        }
    }

    @Test
    void withSearchOff_searchAndItsExportAnswer503_andThePostsListStillWorks() throws Exception {
        IocConfig cfg = ConfigLoader.load(null, List.of("controlRoom.port=0", "controlRoom.usersFile=" + f.dir.resolve("users.json"),
                "search.enabled=false"));
        try (ControlRoom noSearch = ControlRoom.start(cfg, f.runtime.clickHouse(), Map::of, null, f.runtime.alertsService().desk(),
                Clock.systemUTC())) {
            ApiClient admin = ApiClient.login(noSearch.url(), ADMIN, PASSWORD);
            ApiClient.Reply search = admin.get("api/search?q=" + enc("ngập"));
            assertThat(search.status()).as(search.body()).isEqualTo(503);
            assertThat(search.body()).contains("search.enabled=false");
            assertThat(admin.get("api/export/search?format=csv&q=" + enc("ngập")).status()).isEqualTo(503);
            assertThat(admin.get("api/posts").status()).isEqualTo(200);
        }
    }

    // ---------------------------------------------------------------- posts, search, screens

    @Test
    void postsDrillDown_isScopedByPlaces_aPostNamingTwoCommunesIsVisibleToBoth() throws Exception {
        String all = "api/posts?ids=" + String.join(",", f.postTamHiep, f.postBoth, f.postTanPhong, f.postHcm);
        assertThat(ids(tamHiep.get(all).json().get("posts"))).containsExactlyInAnyOrder(f.postTamHiep, f.postBoth);
        assertThat(ids(tanPhong.get(all).json().get("posts"))).containsExactlyInAnyOrder(f.postBoth, f.postTanPhong);
        assertThat(ids(leader.get(all).json().get("posts"))).containsExactlyInAnyOrder(f.postTamHiep, f.postBoth, f.postTanPhong);
        assertThat(ids(mediaHcm.get(all).json().get("posts"))).containsExactly(f.postHcm);
        assertThat(ids(leader.get(all + "&locality=" + enc("phường Tân Phong, tỉnh Đồng Nai")).json().get("posts")))
                .containsExactlyInAnyOrder(f.postBoth, f.postTanPhong);
        assertThat(ids(tamHiep.get(all + "&locality=" + enc("tỉnh Đồng Nai")).json().get("posts"))).as("a filter never widens the scope")
                .containsExactlyInAnyOrder(f.postTamHiep, f.postBoth);
        assertThat(tamHiep.get("api/posts?watchlist=giao-thong").json().get("total").asLong()).isZero();
        assertThat(tanPhong.get("api/posts?watchlist=giao-thong").json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void search_isScopedInsideTheQuery() throws Exception {
        assertThat(ids(tamHiep.get("api/search?q=" + enc("ngập OR \"ùn tắc\" OR \"kẹt xe\"")).json().get("hits")))
                .contains(f.postTamHiep, f.postBoth, f.postXss).doesNotContain(f.postTanPhong, f.postHcm);
        assertThat(ids(tanPhong.get("api/search?q=" + enc("ngập OR \"ùn tắc\"")).json().get("hits")))
                .containsExactlyInAnyOrder(f.postBoth, f.postTanPhong);
        assertThat(ids(mediaHcm.get("api/search?q=").json().get("hits"))).containsExactly(f.postHcm);
        assertThat(security.get("api/search?q=ngap").status()).as("no search screen for security").isEqualTo(403);
    }

    @Test
    void screens_countOnlyRowsInScope_andFollowTheRole() throws Exception {
        JsonNode th = tamHiep.get("api/media").json();
        assertThat(th.get("sources").toString()).doesNotContain("Báo Sài Gòn");
        long tamHiepPosts = StreamSupport.stream(th.get("sources").spliterator(), false).mapToLong(s -> s.get("count").asLong()).sum();
        assertThat(tamHiepPosts).isEqualTo(4); // Tam Hiệp, both wards, the XSS post and its copy
        assertThat(mediaHcm.get("api/media").json().get("sources").toString()).contains("Báo Sài Gòn").doesNotContain("Báo Đồng Nai");

        JsonNode units = leader.get("api/leaders").json().get("units");
        assertThat(units.get(0).get("unit").asText()).isEqualTo("tỉnh Đồng Nai");
        assertThat(units.get(0).get("volumeToday").asLong() + units.get(0).get("volumeDailyMean").asDouble() * 7)
                .as("the five Đồng Nai posts, today or in the week before").isCloseTo(5.0, org.assertj.core.data.Offset.offset(0.01));

        JsonNode traffic = tamHiep.get("api/traffic").json();
        assertThat(traffic.get("segments").toString()).contains("ql1a-bien-hoa").doesNotContain("pham-van-dong");
        assertThat(traffic.get("reportsByCommune").toString()).contains("Tam Hiệp").doesNotContain("Tân Phong");
        assertThat(admin.get("api/traffic").json().get("segments").toString()).contains("ql1a-bien-hoa", "pham-van-dong");

        assertThat(security.get("api/security").json().get("topSources").toString()).contains("45.76.12.9");
        assertThat(admin.get("api/security").json().get("topSources").toString()).contains("45.76.12.9");
        ApiClient.Reply none = ApiClient.login(f.url, SECURITY, PASSWORD).get("api/traffic");
        assertThat(none.status()).as("security has no traffic screen").isEqualTo(403);
        assertThat(leader.get("api/security").status()).isEqualTo(403);
    }

    // ---------------------------------------------------------------- limits (issue 10)

    @ParameterizedTest
    @ValueSource(strings = {"near", "parens", "not", "and", "page"})
    void queryBombs_answer400or503Within2s_andANormalSearchAnswersRightAfter(String bomb) throws Exception {
        String q = switch (bomb) {
            case "near" -> String.join(" NEAR/3 ", java.util.Collections.nCopies(1000, "ngập"));
            case "parens" -> "(".repeat(5000) + "ngập" + ")".repeat(5000);
            case "not" -> "NOT ".repeat(5000) + "ngập";
            case "and" -> String.join(" AND ", java.util.stream.IntStream.range(0, 2000).mapToObj(i -> "tu" + i).toList());
            default -> "ngập";
        };
        String path = "api/search?q=" + enc(q) + (bomb.equals("page") ? "&page=2147483647" : "");
        long t0 = System.nanoTime();
        ApiClient.Reply r = tamHiep.get(path);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertThat(r.status()).as(r.body()).isIn(400, 503);
        assertThat(ms).isLessThan(2000);
        assertThat(r.body()).doesNotContain("Exception", "org.apache");
        if (bomb.equals("page")) assertThat(r.body()).contains("search.maxPage");
        assertThat(tamHiep.get("api/search?q=ngap").status()).isEqualTo(200);
        assertThat(tamHiep.get("api/posts?page=2147483647").status()).isEqualTo(400);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
