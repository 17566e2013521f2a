package vn.iocstream.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.clickhouse.Tables;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.AlertDrivers;
import vn.iocstream.core.model.AlertKinds;
import vn.iocstream.core.model.Locality;
import vn.iocstream.core.model.EnrichedPost;
import vn.iocstream.core.model.EntityMention;
import vn.iocstream.core.model.Trend;
import vn.iocstream.core.model.WatchlistMinute;
import vn.iocstream.core.testing.ClickHouseTestServer;
import vn.iocstream.dashboards.GrafanaMacros.Selection;
import vn.iocstream.core.testing.SharedData;

/**
 * Every provisioned dashboard, checked the way Grafana would use it: each panel query and variable query is
 * expanded as grafana-clickhouse-datasource expands it ({@link GrafanaMacros}) and run on a real ClickHouse
 * 18.16, the oldest server IOC Stream supports; what 18.16 rejects fails here. Key panels must also return
 * exactly the rows inserted below. Fixture times are relative to now, so the default range ("now-6h") holds
 * them.
 */
class DashboardSqlTest {
    private static final String PLUGIN = "grafana-clickhouse-datasource";
    private static final Path PROVISIONING = resource("grafana/provisioning");
    private static final Path DASHBOARDS = PROVISIONING.resolve("dashboards/json");
    // Shared evaluation data lives beside the repository (DESIGN.md), absent in a user's fresh clone.
    private static final Path SCHEMAS = SharedData.path("grafana-schema");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    // Draft-07 plus the two annotation keywords Grafana's schemas use, which would otherwise log a warning each.
    private static final JsonSchemaFactory SCHEMA_FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
            factory -> factory.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV7())
                    .keywords(List.of(new NonValidationKeyword("deprecated"), new NonValidationKeyword("x-deprecation-message")))
                    .build()));

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    private static final Instant FROM = NOW.minus(Duration.ofHours(6));
    private static final Instant T0 = NOW.minus(Duration.ofMinutes(30));
    /** Outside the 6-hour range: the time filter must drop it. */
    private static final Instant OLD = NOW.minus(Duration.ofHours(8));
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static final String TRAFFIC = "tai-nan-giao-thong";
    private static final String FLOOD = "ngap-ung";
    private static final String LANDSLIDE = "sat-lo";

    private static ClickHouseClient clickHouse;

    /** How a user has set the variables; the interval is what Grafana would compute for the zoom. */
    enum Scenario {
        ALL(MINUTE), ONE_VALUE(MINUTE), SEVERAL_VALUES(Duration.ofHours(1));

        final Duration interval;

        Scenario(Duration interval) {
            this.interval = interval;
        }
    }

    @BeforeAll
    static void insertFixtures() {
        clickHouse = ClickHouseTestServer.freshDatabase("dashboards");
        List<EnrichedPost> posts = List.of(
                post("p1", "press", "Báo Tây Ninh", "Tai nạn liên hoàn trên QL22 qua Trảng Bàng, 3 người bị thương",
                        T0, "Tây Ninh", "negative", -0.7, TRAFFIC),
                post("p2", "press", "Báo Đồng Nai", "Đồng Nai khởi công đường Vành đai 4 đoạn qua Long Thành",
                        T0.plus(MINUTE), "Đồng Nai", "positive", 0.6),
                post("p3", "social", "Facebook", "Ngập sâu sau mưa lớn ở Biên Hòa, xe chết máy hàng loạt",
                        T0.plus(MINUTE), "Đồng Nai", "negative", -0.5, FLOOD),
                post("p4", "social", "Facebook", "Xe container lật ở Gò Dầu, giao thông ùn tắc kéo dài",
                        T0.plus(MINUTE.multipliedBy(2)), "Tây Ninh", "negative", -0.6, TRAFFIC),
                post("p5", "comment", "Otofun", "Đường tránh QL51 đoạn Long Thành hôm nay đi được không?",
                        T0.plus(MINUTE.multipliedBy(2)), "Đồng Nai", "neutral", 0.0),
                post("p6", "press", "Báo Đà Nẵng", "Sạt lở núi ở Nam Trà My (Quảng Nam cũ), 12 hộ phải di dời",
                        T0.plus(MINUTE.multipliedBy(3)), "Đà Nẵng", "negative", -0.8, LANDSLIDE),
                post("p7", "press", "VnExpress", "Giá xăng giảm nhẹ từ 15 giờ chiều nay",
                        T0.plus(MINUTE.multipliedBy(3)), "", "neutral", 0.1),
                post("p0", "press", "Báo Tây Ninh", "Va chạm giao thông ở Hòa Thành", OLD, "Tây Ninh", "negative", -0.4, TRAFFIC),
                // The landslide story p6 carried again by two more outlets, and twice by its first one: one story, 3 outlets.
                copy("p8", "p6", "VnExpress", "Quảng Nam cũ: sạt lở núi, 12 hộ dân ở Nam Trà My phải di dời", T0.plus(MINUTE.multipliedBy(4)),
                        place("xã Nam Trà My")),
                copy("p9", "p6", "Tuổi Trẻ", "Sạt lở ở Nam Trà My, chính quyền di dời khẩn cấp 12 hộ", T0.plus(MINUTE.multipliedBy(5)),
                        place("Nam Trà My"), place("Đà Nẵng")),
                copy("p10", "p6", "Báo Đà Nẵng", "Nam Trà My: hoàn tất di dời 12 hộ khỏi vùng sạt lở", T0.plus(MINUTE.multipliedBy(6)),
                        place("xã Trà Tập")));
        List<WatchlistMinute> stats = List.of(
                new WatchlistMinute(TRAFFIC, T0, 4, 3, -0.5),
                new WatchlistMinute(TRAFFIC, T0.plus(MINUTE), 7, 6, -0.6),
                new WatchlistMinute(FLOOD, T0.plus(MINUTE), 3, 3, -0.5),
                new WatchlistMinute(TRAFFIC, T0.plus(MINUTE.multipliedBy(2)), 12, 10, -0.6),
                new WatchlistMinute(FLOOD, T0.plus(MINUTE.multipliedBy(2)), 5, 4, -0.4),
                new WatchlistMinute(LANDSLIDE, T0.plus(MINUTE.multipliedBy(3)), 2, 2, -0.8),
                new WatchlistMinute(TRAFFIC, OLD, 9, 5, -0.3));
        List<Alert> alerts = List.of(
                alert("a1", "warning", TRAFFIC, "Tăng đột biến bài viết về tai nạn giao thông ở Tây Ninh",
                        T0, 23, 4.24, T0.plus(MINUTE.multipliedBy(5))),
                alert("a2", "critical", LANDSLIDE, "Sạt lở núi ở Nam Trà My: bài viết đầu tiên sau 30 ngày",
                        T0.plus(MINUTE.multipliedBy(3)), 2, 0.1, T0.plus(MINUTE.multipliedBy(4))),
                alert("a3", "info", FLOOD, "Bài viết về ngập úng ở Biên Hòa tăng", T0.plus(MINUTE), 8, 2.5,
                        T0.plus(MINUTE.multipliedBy(2))),
                alert("a0", "warning", TRAFFIC, "Tai nạn giao thông ở Hòa Thành", OLD, 9, 3.0, OLD.plus(MINUTE)));
        // Two sliding windows of one landslide phrase, a locality, and a trend that ended before the range.
        List<Trend> trends = List.of(
                new Trend("phrase", "sạt lở", "Sạt lở", T0.minus(Duration.ofHours(6)), T0, 4.0, 7, 6, 1.0, OLD, List.of("p6")),
                new Trend("phrase", "sạt lở", "Sạt lở", T0.minus(Duration.ofMinutes(330)), T0.plus(Duration.ofMinutes(30)), 6.0, 11, 9,
                        1.0, OLD, List.of("p6", "p1")),
                new Trend("locality", "Đồng Nai", "Đồng Nai", T0.minus(Duration.ofHours(6)), T0, 3.0, 8, 2, 2.0, OLD, List.of("p2", "p3")),
                new Trend("phrase", "giá xăng", "giá xăng", OLD.minus(Duration.ofHours(6)), OLD, 5.0, 9, 0, 1.0, OLD, List.of("p7")));
        // Everything twice, as an at-least-once replay would write it: FINAL must count each row once.
        for (int replay = 0; replay < 2; replay++) {
            clickHouse.insert(Tables.TRENDS, trends);
            clickHouse.insert(Tables.POSTS, posts);
            clickHouse.insert(Tables.WATCHLIST_STATS, stats);
            clickHouse.insert(Tables.ALERTS, alerts);
            insertOtherAudiences();
        }
        // A delivery retried until it went through: the highest attempt replaces the failure.
        insertDeliveries("('a1', 'telegram', 'delivered', 1, '', %1$s), ('a1', 'webhook', 'failed', 3, 'HTTP 503', %1$s),"
                + " ('a2', 'telegram', 'delivered', 1, '', %2$s), ('a2', 'email', 'pending', 0, '', %2$s)");
        insertDeliveries("('a1', 'webhook', 'delivered', 4, 'HTTP 200', %2$s)");
        // Source health as the runtime writes it each round: the newest row per source wins, 0 means never.
        insertSourceHealth("('baotayninh-tin-moi', 'Báo Tây Ninh', 'https://baotayninh.vn/rss/tin-moi.rss', 900, %2$s, %2$s, %1$s, 0, 1, 40, 12, 'ok', %2$s),"
                + " ('baodanang-thoi-su', 'Báo Đà Nẵng', 'https://baodanang.vn/thoi-su.atom', 600, %1$s, 0, 0, 1, 1, 1, 0, 'failing', %1$s),"
                + " ('baodanang-thoi-su', 'Báo Đà Nẵng', 'https://baodanang.vn/thoi-su.atom', 600, %2$s, 0, 0, 4, 4, 4, 0, 'stale', %2$s)");
    }

    // ---- every query runs -------------------------------------------------------------------------------

    static Stream<Arguments> everyQuery() {
        List<Arguments> out = new ArrayList<>();
        for (Map.Entry<String, String> query : queries().entrySet()) {
            for (Scenario scenario : Scenario.values()) out.add(Arguments.of(query.getKey(), query.getValue(), scenario));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} [{2}]")
    @MethodSource("everyQuery")
    void query_runsOnClickHouse1816(String name, String rawSql, Scenario scenario) {
        List<Integer> rows;
        try {
            rows = clickHouse.query(expand(rawSql, scenario.interval, selections(scenario)), rs -> 1);
        } catch (RuntimeException e) {
            // Name the panel: surefire's report numbers the parameterized cases.
            throw new AssertionError(name + " [" + scenario + "]: " + e.getMessage(), e);
        }
        // The fixtures give every panel and variable something to show when nothing is filtered out.
        if (scenario == Scenario.ALL) assertThat(rows).as(name).isNotEmpty();
    }

    @Test
    void theServer_rejectsWhatOnlyNewerClickHouseHas() {
        // Guards the guard: if this ever passes, the server is not the old one and the test above proves less.
        assertThatThrownBy(() -> clickHouse.query("SELECT toStartOfInterval(now(), INTERVAL 1 minute)", rs -> 1))
                .isInstanceOf(ClickHouseClient.ClickHouseException.class);
    }

    // ---- the panels return the inserted rows ------------------------------------------------------------

    @Test
    void postsPerWatchlist_countsEachInsertedMinuteOnce() {
        String sql = rawSql("Bài viết mỗi phút theo danh sách theo dõi");

        assertThat(buckets(sql, MINUTE, Map.of("watchlist", Selection.all(List.of(FLOOD, LANDSLIDE, TRAFFIC)))))
                .containsExactlyInAnyOrder(
                        new Bucket(0, TRAFFIC, 4), new Bucket(1, TRAFFIC, 7), new Bucket(1, FLOOD, 3),
                        new Bucket(2, TRAFFIC, 12), new Bucket(2, FLOOD, 5), new Bucket(3, LANDSLIDE, 2));
        assertThat(buckets(sql, MINUTE, Map.of("watchlist", Selection.of(true, TRAFFIC))))
                .containsExactlyInAnyOrder(new Bucket(0, TRAFFIC, 4), new Bucket(1, TRAFFIC, 7), new Bucket(2, TRAFFIC, 12));
    }

    @Test
    void postsPerWatchlist_inCoarserBuckets_staysAPerMinuteRate() {
        List<Bucket> fiveMinutes = buckets(rawSql("Bài viết mỗi phút theo danh sách theo dõi"), Duration.ofMinutes(5),
                Map.of("watchlist", Selection.of(true, FLOOD, LANDSLIDE)));

        assertThat(fiveMinutes).extracting(Bucket::watchlist).containsOnly(FLOOD, LANDSLIDE);
        // Rate × 5 minutes gives back the posts, wherever the epoch-aligned buckets cut the fixture minutes.
        assertThat(fiveMinutes.stream().mapToDouble(b -> b.perMinute() * 5).sum()).isCloseTo(3 + 5 + 2, within(1e-9));
    }

    @Test
    void latestAlerts_listsTheAlertsOfTheRangeNewestFirst() {
        String sql = rawSql("Cảnh báo mới nhất");
        ClickHouseClient.RowMapper<String> row = rs -> rs.getString("severity") + " " + rs.getLong("count") + "/"
                + rs.getDouble("usual_count") + " " + rs.getString("title");

        assertThat(clickHouse.query(expand(sql, MINUTE, Map.of("watchlist", Selection.all(List.of(FLOOD, LANDSLIDE, TRAFFIC)))), row))
                .containsExactly(
                        "warning 23/4.2 Tăng đột biến bài viết về tai nạn giao thông ở Tây Ninh",
                        "critical 2/0.1 Sạt lở núi ở Nam Trà My: bài viết đầu tiên sau 30 ngày",
                        "info 8/2.5 Bài viết về ngập úng ở Biên Hòa tăng");
        assertThat(clickHouse.query(expand(sql, MINUTE, Map.of("watchlist", Selection.of(true, LANDSLIDE))), row))
                .containsExactly("critical 2/0.1 Sạt lở núi ở Nam Trà My: bài viết đầu tiên sau 30 ngày");
    }

    @Test
    void latestAlerts_windowColumnsAreTheStoredUtcInstants() {
        String sql = "SELECT toUInt32(window_start), toUInt32(window_end) FROM ("
                + rawSql("Cảnh báo mới nhất") + ") WHERE title LIKE 'Sạt lở%'";

        assertThat(clickHouse.query(expand(sql, MINUTE, Map.of("watchlist", Selection.of(true, LANDSLIDE))),
                rs -> List.of(rs.getLong(1), rs.getLong(2))))
                .containsExactly(List.of(T0.plus(MINUTE.multipliedBy(3)).getEpochSecond(),
                        T0.plus(MINUTE.multipliedBy(8)).getEpochSecond()));
    }

    @Test
    void sentimentPerProvince_countsEachSentimentPerProvince() {
        Map<String, Selection> all = Map.of("watchlist", Selection.all(List.of(FLOOD, LANDSLIDE, TRAFFIC)),
                "province", Selection.all(List.of("Tây Ninh", "Đà Nẵng", "Đồng Nai")));

        assertThat(clickHouse.query(expand(rawSql("Tỷ lệ sắc thái theo tỉnh/thành"), MINUTE, all),
                rs -> rs.getString(1) + " " + rs.getLong(2) + "/" + rs.getLong(3) + "/" + rs.getLong(4)))
                .containsExactly("Đà Nẵng 4/0/0", "Đồng Nai 1/1/1", "Tây Ninh 2/0/0", "Không rõ 0/1/0");
    }

    @Test
    void latestPosts_filterByProvinceAndWatchlistTogether() {
        String sql = rawSql("Bài viết mới nhất");
        Map<String, Selection> selection = Map.of("province", Selection.of(true, "Tây Ninh", "Đồng Nai"),
                "watchlist", Selection.of(true, TRAFFIC, FLOOD));

        assertThat(clickHouse.query(expand(sql, MINUTE, selection), rs -> rs.getString("url")))
                .containsExactly(url("p4"), url("p3"), url("p1"));
    }

    @Test
    void trendingTopics_showEachKeysPeakWindowOnce_highestScoreFirst() {
        assertThat(clickHouse.query(expand(rawSql("Chủ đề nổi bật"), MINUTE, Map.of()),
                rs -> rs.getString("kind") + " " + rs.getString("label") + " " + rs.getLong("peak_posts") + "/"
                        + rs.getDouble("usual_posts") + " " + rs.getDouble("peak_score") + " " + rs.getString("sample_post_ids")))
                .containsExactly("Cụm từ Sạt lở 11/1.0 6.0 ['p6','p1']", "Địa phương Đồng Nai 8/2.0 3.0 ['p2','p3']");
    }

    @Test
    void alertDeliveries_showTheLatestAttemptPerAlertAndChannel() {
        assertThat(clickHouse.query(expand(rawSql("Gửi cảnh báo theo kênh và trạng thái"), MINUTE, Map.of()),
                rs -> rs.getString("channel") + " " + rs.getString("status") + " " + rs.getLong("deliveries")
                        + " " + rs.getLong("total_attempts")))
                .containsExactly("email pending 1 0", "telegram delivered 2 2", "webhook delivered 1 4");
    }

    @Test
    void sourceHealth_showsEachSourcesNewestRow_staleFirst_neverAsEmpty() {
        assertThat(clickHouse.query(expand(rawSql("Tình trạng nguồn tin"), MINUTE, Map.of()),
                rs -> rs.getString("source") + " " + rs.getString("status") + " " + rs.getString("last_success") + " "
                        + rs.getLong("consecutive_errors") + " " + rs.getLong("new_items")))
                .containsExactly("baodanang-thoi-su stale null 4 0",
                        "baotayninh-tin-moi ok " + ClickHouseClient.dateTime(T0.plus(MINUTE.multipliedBy(10))) + " 0 12");
    }

    @Test
    void variables_offerTheValuesInTheTimeRange() {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (JsonNode variable : variables()) options.put(variable.path("name").asText(), options(variable));

        assertThat(options).containsEntry("watchlist", List.of(FLOOD, LANDSLIDE, TRAFFIC))
                .containsEntry("province", List.of("Tây Ninh", "Đà Nẵng", "Đồng Nai"));
    }

    // ---- the other audiences' dashboards -----------------------------------------------------------------

    @Test
    void leaders_rangeAgainstTheSevenDaysBefore_perProvince() {
        assertThat(clickHouse.query(expand(rawSql("Trong khoảng thời gian so với 7 ngày trước"), MINUTE, allVariables()),
                rs -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getDouble(3) + " " + rs.getDouble(4) + " " + rs.getDouble(5)))
                .containsExactly("Đà Nẵng 4 0.0 100.0 0.0", "Đồng Nai 3 0.0 33.3 0.0", "Tây Ninh 2 0.1 100.0 100.0", "Không rõ 1 0.0 0.0 0.0");
    }

    @Test
    void leaders_topStoryPerProvince_countsOutletsNotCopies() {
        assertThat(clickHouse.query(expand(rawSql("Vấn đề nổi bật theo tỉnh/thành"), MINUTE, Map.of("province", Selection.of(true, "Đà Nẵng"))),
                rs -> rs.getString("title") + " " + rs.getLong("outlets") + "/" + rs.getLong("posts") + "/" + rs.getLong("negative") + " "
                        + rs.getString("story")))
                .containsExactly("Sạt lở núi ở Nam Trà My (Quảng Nam cũ), 12 hộ phải di dời 3/4/4 story-p6");
    }

    @Test
    void leaders_placesNamedByThePress_oneSpellingEach_withoutTheProvinceItself() {
        assertThat(clickHouse.query(expand(rawSql("Báo chí nhắc tới xã/phường"), MINUTE, allVariables()),
                rs -> rs.getString(1) + " " + rs.getLong(2) + "/" + rs.getLong(3) + " " + rs.getDouble(4)))
                .containsExactly("nam trà my 2/2 100.0", "trà tập 1/1 100.0");
        // The commune variable holds TrafficJob's keys; places and alerts are compared in that form.
        assertThat(clickHouse.query(expand(rawSql("Báo chí nhắc tới xã/phường"), MINUTE, Map.of("commune", Selection.of(true, "nam-tra-my|da-nang"))),
                rs -> rs.getString(1) + " " + rs.getLong(2))).containsExactly("nam trà my 2");
    }

    @Test
    void leaders_citizenReportsAndOpenAlerts_byCommune() {
        String reports = rawSql("Phản ánh của người dân theo xã/phường");
        ClickHouseClient.RowMapper<String> row = rs -> rs.getString(1) + " " + rs.getString(3) + " " + rs.getLong(4) + " "
                + rs.getDouble(5) + " " + rs.getLong(6);
        assertThat(clickHouse.query(expand(reports, MINUTE, allVariables()), row))
                .containsExactly("phường Tam Hiệp ngập úng 3 66.7 2", "phường Trảng Bàng chiếu sáng 1 100.0 0");
        assertThat(clickHouse.query(expand(reports, MINUTE, Map.of("commune", Selection.of(true, "tam-hiep|dong-nai"))), row))
                .containsExactly("phường Tam Hiệp ngập úng 3 66.7 2");

        Map<String, Selection> tamHiep = Map.of("province", Selection.of(true, "Đồng Nai"), "commune", Selection.of(true, "tam-hiep|dong-nai"));
        assertThat(clickHouse.query(expand(rawSql("Cảnh báo đang mở theo loại"), MINUTE, tamHiep),
                rs -> rs.getString(1) + " " + rs.getLong(2) + "/" + rs.getLong(3) + "/" + rs.getLong(4)))
                .containsExactly("Cụm phản ánh của người dân 0/1/0");
    }

    @Test
    void media_storiesWithTheirCopies_andTopSources() {
        assertThat(clickHouse.query(expand(rawSql("Câu chuyện và số bản đăng"), MINUTE, allVariables()),
                rs -> rs.getString("story") + " " + rs.getLong("outlets") + "/" + rs.getLong("posts") + "/" + rs.getLong("copies")))
                .hasSize(7).first().isEqualTo("story-p6 3/4/3");
        assertThat(clickHouse.query(expand(rawSql("Nguồn đưa tin nhiều nhất"), MINUTE, allVariables()),
                rs -> rs.getString(1) + " " + rs.getLong(2) + "/" + rs.getLong(3) + " " + rs.getDouble(4)).subList(0, 3))
                .containsExactly("Báo Đà Nẵng 2/1 100.0", "Facebook 2/2 100.0", "VnExpress 2/2 50.0");
    }

    @Test
    void security_passwordGuessersAndScannersOfTheRange_repeatedLinesCounted() {
        assertThat(clickHouse.query(expand(rawSql("Nguồn dò mật khẩu nhiều nhất"), MINUTE, Map.of()),
                rs -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getLong(3) + " " + rs.getLong(4)))
                .containsExactly("45.76.12.9 6 2 2", "103.9.76.10 1 1 1");
        assertThat(clickHouse.query(expand(rawSql("Nguồn quét cổng/máy nhiều nhất"), MINUTE, Map.of()),
                rs -> rs.getString(1) + " " + rs.getLong(2) + "/" + rs.getLong(3) + "/" + rs.getLong(4)))
                .containsExactly("185.220.101.5 4/2/4");
        assertThat(clickHouse.query(expand(rawSql("Lưu lượng truy cập bất thường"), MINUTE, Map.of()),
                rs -> rs.getString("destination") + " " + rs.getLong("requests") + " " + rs.getDouble("usual") + " " + rs.getString("state")))
                .containsExactly("dichvucong.tayninh.gov.vn 480 60.5 acknowledged");
    }

    @Test
    void traffic_speedBesideItsUsual_andCongestionPerSegment() {
        Map<String, Selection> ql1a = Map.of("segment", Selection.of(true, "ql1a-bien-hoa"));
        assertThat(clickHouse.query(expand("SELECT series, value FROM (" + rawSql("Tốc độ so với thường lệ") + ")", MINUTE, ql1a),
                rs -> rs.getString(1) + " " + rs.getDouble(2)))
                .containsExactly("ql1a-bien-hoa (hiện tại) 41.5", "ql1a-bien-hoa (thường lệ) 42.0", "ql1a-bien-hoa (hiện tại) 12.5",
                        "ql1a-bien-hoa (thường lệ) 43.0");
        assertThat(clickHouse.query(expand(rawSql("Ùn tắc theo đoạn đường"), MINUTE, Map.of()),
                rs -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getDouble(3) + " " + rs.getDouble(4)))
                .containsExactly("ql1a-bien-hoa 1 12.5 43.0", "xa-lo-ha-noi 0 55.0 0.0");
        assertThat(clickHouse.query(expand(rawSql("Cụm phản ánh theo xã/phường"), MINUTE, Map.of()),
                rs -> rs.getString(1) + " " + rs.getString(4) + " " + rs.getLong(5)))
                .containsExactly("phường Tam Hiệp k1 2");
    }

    @Test
    void pipeline_deadLettersByTopicAndReason_andEachTablesNewestRow() {
        assertThat(clickHouse.query(expand(rawSql("Thư lỗi theo topic và lý do"), MINUTE, Map.of()),
                rs -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3)))
                .containsExactly("ioc.raw.posts invalid JSON 2", "ioc.raw.traffic speedKmh outside 0-200 1");
        Map<String, Long> newest = new LinkedHashMap<>();
        clickHouse.query(expand("SELECT table_name, toUInt32(newest), seconds_ago FROM (" + rawSql("Bảng dữ liệu: số dòng, phần và dòng mới nhất")
                + ")", MINUTE, Map.of()), rs -> newest.put(rs.getString(1), rs.getLong(2)));
        assertThat(newest).containsEntry("traffic_stats", T0.plus(MINUTE.multipliedBy(5)).getEpochSecond())
                .containsEntry("dead_letters", T0.plus(MINUTE).getEpochSecond()).containsKeys("posts", "citizen_reports", "source_health");
    }

    @Test
    void everyLinkIntoTheControlRoom_namesADefinedVariableAndAFieldOfItsQuery() {
        int links = 0;
        for (JsonNode dashboard : dashboards().values()) {
            List<String> names = new ArrayList<>();
            dashboard.at("/templating/list").forEach(v -> names.add(v.path("name").asText()));
            for (JsonNode panel : panels(dashboard)) {
                for (JsonNode link : panel.at("/fieldConfig/defaults/links")) {
                    String url = link.path("url").asText();
                    String where = panel.path("title").asText();
                    assertThat(url).as(where).startsWith("${controlroom}/#posts?");
                    assertThat(names).as(where).contains("controlroom");
                    Matcher field = Pattern.compile("\\$\\{__data\\.fields\\.(\\w+)}").matcher(url);
                    assertThat(field.find()).as(where).isTrue();
                    assertThat(Pattern.compile("(?m)(AS |^\\s+)" + field.group(1) + ",?$").matcher(panel.at("/targets/0/rawSql").asText()).find())
                            .as(where + " selects " + field.group(1)).isTrue();
                    links++;
                }
            }
        }
        assertThat(links).isEqualTo(3);
    }

    private static Map<String, Selection> allVariables() {
        return selections(Scenario.ALL);
    }

    // ---- static checks of the provisioning files --------------------------------------------------------

    @Test
    void everyPanelTargetAndVariable_usesTheProvisionedDatasource() throws IOException {
        JsonNode datasources = YAML.readTree(PROVISIONING.resolve("datasources/clickhouse.yaml").toFile());
        assertThat(datasources.path("apiVersion").asInt()).isEqualTo(1);
        assertThat(datasources.path("datasources")).hasSize(1);
        JsonNode provisioned = datasources.path("datasources").get(0);
        assertThat(provisioned.path("type").asText()).isEqualTo(PLUGIN);
        assertThat(provisioned.at("/jsonData/protocol").asText()).isEqualTo("http");
        assertThat(provisioned.at("/jsonData/defaultDatabase").asText()).isEqualTo("ioc");
        assertThat(provisioned.at("/secureJsonData/password").asText()).isEqualTo("${CLICKHOUSE_PASSWORD}");
        String uid = provisioned.path("uid").asText();
        assertThat(uid).isEqualTo("ioc-clickhouse");

        for (JsonNode dashboard : dashboards().values()) {
            assertThat(dashboard.path("timezone").asText()).isEqualTo("Asia/Ho_Chi_Minh");
            List<JsonNode> refs = new ArrayList<>();
            for (JsonNode panel : panels(dashboard)) {
                refs.add(panel.path("datasource"));
                for (JsonNode target : panel.path("targets")) {
                    // The schema leaves targets free-form: check the plugin's query fields here.
                    String where = panel.path("title").asText();
                    refs.add(target.path("datasource"));
                    assertThat(target.path("refId").asText()).as(where).isNotBlank();
                    assertThat(target.path("editorType").asText()).as(where).isEqualTo("sql");
                    assertThat(target.path("rawSql").asText()).as(where).isNotBlank();
                    assertThat(target.path("format").asInt(-1)).as(where).isBetween(0, 2);
                }
            }
            for (JsonNode variable : queryVariables(dashboard)) {
                refs.add(variable.path("datasource"));
                // GrafanaMacros models the default "All" (every option), not a custom allValue.
                assertThat(variable.has("allValue")).as(variable.path("name").asText()).isFalse();
            }
            assertThat(refs).isNotEmpty().allSatisfy(ref -> {
                assertThat(ref.path("type").asText()).isEqualTo(PLUGIN);
                assertThat(ref.path("uid").asText()).isEqualTo(uid);
            });
        }
    }

    @Test
    void dashboardProvider_pointsAtTheDashboardFolderOnceCopiedToEtcGrafana() throws IOException {
        JsonNode provider = YAML.readTree(PROVISIONING.resolve("dashboards/ioc.yaml").toFile()).path("providers").get(0);

        assertThat(provider.path("type").asText()).isEqualTo("file");
        assertThat(provider.at("/options/path").asText())
                .isEqualTo("/etc/grafana/provisioning/" + PROVISIONING.relativize(DASHBOARDS).toString().replace('\\', '/'));
        assertThat(dashboards()).isNotEmpty();
    }

    @Test
    void everyQuery_readsReplacingMergeTreeTablesWithFinal() {
        Pattern withoutFinal = Pattern.compile("(?i)\\bFROM\\s+(" + String.join("|", replacingTables()) + ")\\b(?!\\s+FINAL\\b)");

        assertThat(queries()).allSatisfy((name, sql) -> assertThat(withoutFinal.matcher(sql).find()).as(name).isFalse());
    }

    @Test
    void dashboards_matchGrafanasJsonSchemas() throws IOException {
        SharedData.require(SCHEMAS.resolve("dashboard.jsonschema.json"));
        JsonSchema dashboardSchema = schema("dashboard.jsonschema.json", null);
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> dashboard : dashboards().entrySet()) {
            dashboardSchema.validate(dashboard.getValue()).forEach(e -> errors.add(dashboard.getKey() + ": " + e));
            for (JsonNode panel : panels(dashboard.getValue())) {
                // The dashboard schema leaves options free-form; each panel plugin's own schema constrains them.
                String file = panel.path("type").asText() + ".jsonschema.json";
                if (!Files.isRegularFile(SCHEMAS.resolve(file))) continue;
                String where = dashboard.getKey() + " › " + panel.path("title").asText() + " › ";
                schema(file, "Options").validate(panel.path("options")).forEach(e -> errors.add(where + "options: " + e));
                JsonNode custom = panel.at("/fieldConfig/defaults/custom");
                if (!custom.isMissingNode() && hasDefinition(file, "FieldConfig")) {
                    schema(file, "FieldConfig").validate(custom).forEach(e -> errors.add(where + "custom: " + e));
                }
            }
        }
        assertThat(errors).isEmpty();
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    /** A row of the posts-per-watchlist panel, its time as minutes after {@link #T0}. */
    record Bucket(long minute, String watchlist, double perMinute) {}

    private static List<Bucket> buckets(String rawSql, Duration interval, Map<String, Selection> selection) {
        // toUInt32 reads the bucket as Unix seconds, out of reach of any driver time-zone conversion.
        String sql = "SELECT toUInt32(time), watchlist, posts_per_minute FROM (" + rawSql + ")";
        return clickHouse.query(expand(sql, interval, selection),
                rs -> new Bucket((rs.getLong(1) - T0.getEpochSecond()) / 60, rs.getString(2), rs.getDouble(3)));
    }

    private static String expand(String rawSql, Duration interval, Map<String, Selection> selections) {
        return new GrafanaMacros(FROM, NOW, interval, selections).expand(rawSql);
    }

    private static Map<String, Selection> selections(Scenario scenario) {
        Map<String, Selection> out = new LinkedHashMap<>();
        for (JsonNode variable : variables()) {
            List<String> options = options(variable);
            boolean multi = variable.path("multi").asBoolean();
            out.put(variable.path("name").asText(), switch (scenario) {
                case ALL -> Selection.all(options);
                case ONE_VALUE -> Selection.of(multi, options.get(0));
                case SEVERAL_VALUES -> multi
                        ? Selection.of(true, options.subList(0, Math.min(2, options.size())).toArray(String[]::new))
                        : Selection.of(false, options.get(0));
            });
        }
        return out;
    }

    /** What Grafana offers for a variable: its query's first column, over the dashboard's time range. */
    private static List<String> options(JsonNode variable) {
        return clickHouse.query(expand(variable.path("query").asText(), MINUTE, Map.of()), rs -> rs.getString(1));
    }

    /** Panel and variable queries of every dashboard, by a readable name. */
    private static Map<String, String> queries() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> dashboard : dashboards().entrySet()) {
            for (JsonNode panel : panels(dashboard.getValue())) {
                for (JsonNode target : panel.path("targets")) {
                    out.put(dashboard.getKey() + " › " + panel.path("title").asText() + " › " + target.path("refId").asText(),
                            target.path("rawSql").asText());
                }
            }
            for (JsonNode variable : queryVariables(dashboard.getValue())) {
                out.put(dashboard.getKey() + " › $" + variable.path("name").asText(), variable.path("query").asText());
            }
        }
        return out;
    }

    private static String rawSql(String panelTitle) {
        return dashboards().values().stream().flatMap(d -> panels(d).stream())
                .filter(p -> p.path("title").asText().equals(panelTitle))
                .findFirst().orElseThrow(() -> new AssertionError("no panel titled " + panelTitle))
                .at("/targets/0/rawSql").asText();
    }

    private static List<JsonNode> variables() {
        List<JsonNode> out = new ArrayList<>();
        dashboards().values().forEach(d -> out.addAll(queryVariables(d)));
        return out;
    }

    /** Variables filled by a query (the others, such as the control room's address, are text the user types). */
    private static List<JsonNode> queryVariables(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode v : dashboard.at("/templating/list")) if (v.path("type").asText().equals("query")) out.add(v);
        return out;
    }

    /** Top-level panels and those inside rows. */
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asText().equals("row")) panel.path("panels").forEach(out::add);
            else out.add(panel);
        }
        return out;
    }

    /** Every dashboard JSON in the provisioned folder, by file name. */
    private static Map<String, JsonNode> dashboards() {
        try (Stream<Path> files = Files.walk(DASHBOARDS)) {
            Map<String, JsonNode> out = new LinkedHashMap<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                out.put(DASHBOARDS.relativize(file).toString(), Json.MAPPER.readTree(file.toFile()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tables whose engine is ReplacingMergeTree, from core's schema files. */
    private static List<String> replacingTables() {
        Pattern table = Pattern.compile("CREATE TABLE IF NOT EXISTS (\\w+)[^;]*?ENGINE = ReplacingMergeTree");
        List<String> out = new ArrayList<>();
        for (String file : classpathText("clickhouse/migrations.txt").strip().split("\\s+")) {
            Matcher m = table.matcher(classpathText("clickhouse/" + file));
            while (m.find()) out.add(m.group(1));
        }
        assertThat(out).as("ReplacingMergeTree tables in core's schema").contains("posts", "alerts");
        return out;
    }

    /** A schema file, or one of its definitions (the panel schemas have no root schema, only definitions). */
    private static JsonSchema schema(String file, String definition) throws IOException {
        JsonNode node = Json.MAPPER.readTree(SCHEMAS.resolve(file).toFile());
        if (definition != null) {
            node = ((ObjectNode) node.deepCopy()).put("$ref", "#/definitions/" + definition);
        }
        return SCHEMA_FACTORY.getSchema(node);
    }

    private static boolean hasDefinition(String file, String definition) throws IOException {
        return Json.MAPPER.readTree(SCHEMAS.resolve(file).toFile()).path("definitions").has(definition);
    }

    private static Path resource(String name) {
        try {
            return Path.of(DashboardSqlTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String classpathText(String name) {
        try (InputStream in = DashboardSqlTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EnrichedPost post(String id, String kind, String source, String title, Instant published,
                                     String province, String sentiment, double score, String... watchlists) {
        return new EnrichedPost(id, url(id), kind, source, title, title + ". Nội dung chi tiết đang cập nhật.",
                "Phóng viên", published, published.plusSeconds(40), province, List.of(), List.of(), 24, sentiment, score,
                List.of(watchlists), id.hashCode(), "story-" + id);
    }

    private static String url(String id) {
        return "https://baotayninh.vn/tin-tuc/" + id + ".html";
    }

    private static Alert alert(String id, String severity, String watchlist, String title, Instant windowStart,
                               long count, double baseline, Instant created) {
        return new Alert(id, AlertKinds.MEDIA_VOLUME_JUMP, "watchlist-volume-jump", severity, watchlist, title, "",
                Locality.province("Tây Ninh"), Map.of(), null, windowStart, windowStart.plus(MINUTE.multipliedBy(5)), count,
                baseline, List.of("p1"), AlertDrivers.NONE, null, created);
    }

    /** A copy of another post's story (same story id) by another outlet, in Đà Nẵng, negative, on the landslide watchlist. */
    private static EnrichedPost copy(String id, String storyOf, String source, String title, Instant published, EntityMention... places) {
        return new EnrichedPost(id, url(id), "press", source, title, title + ". Nội dung chi tiết đang cập nhật.", "Phóng viên",
                published, published.plusSeconds(40), "Đà Nẵng", List.of(), List.of(places), 24, "negative", -0.7, List.of(LANDSLIDE),
                id.hashCode(), "story-" + storyOf);
    }

    private static EntityMention place(String written) {
        return new EntityMention("LOCATION", "province:da-nang", written);
    }

    private static String at(Instant t) {
        return "'" + ClickHouseClient.dateTime(t) + "'";
    }

    /**
     * Security events, traffic buckets, citizen reports, dead letters and managed alerts (with kind, state and place), for
     * the leaders', security, traffic and pipeline dashboards. Minutes are after {@link #T0}.
     */
    private static void insertOtherAudiences() {
        Instant m = T0;
        // 45.76.12.9 tries passwords (one line says "message repeated 4 times"); 185.220.101.5 scans 4 ports on 2 hosts.
        clickHouse.execute("INSERT INTO security_events (id, time, format, kind, source, src_ip, dst_ip, dst_port, user_name, outcome, repeat, raw)"
                + " VALUES ('s1', " + at(m) + ", 'auth', 'ssh-login', 'dvc/auth.log', '45.76.12.9', '10.0.0.5', 22, 'root', 'failure', 1, 'l1'),"
                + " ('s2', " + at(m.plus(MINUTE)) + ", 'auth', 'ssh-login', 'dvc/auth.log', '45.76.12.9', '10.0.0.5', 22, 'admin', 'failure', 4, 'l2'),"
                + " ('s3', " + at(m.plus(MINUTE)) + ", 'auth', 'ssh-login', 'dvc/auth.log', '45.76.12.9', '10.0.0.6', 22, 'root', 'failure', 1, 'l3'),"
                + " ('s4', " + at(m.plus(MINUTE)) + ", 'auth', 'ssh-login', 'dvc/auth.log', '103.9.76.10', '10.0.0.5', 22, 'canbo', 'failure', 0, 'l4'),"
                + " ('s5', " + at(m.plus(MINUTE)) + ", 'auth', 'ssh-login', 'dvc/auth.log', '103.9.76.10', '10.0.0.5', 22, 'canbo', 'success', 0, 'l5'),"
                + " ('s6', " + at(m.plus(MINUTE)) + ", 'zeek', 'connection', 'conn.log', '185.220.101.5', '10.0.0.5', 22, '', '', 0, 'c1'),"
                + " ('s7', " + at(m.plus(MINUTE)) + ", 'zeek', 'connection', 'conn.log', '185.220.101.5', '10.0.0.5', 23, '', '', 0, 'c2'),"
                + " ('s8', " + at(m.plus(MINUTE)) + ", 'zeek', 'connection', 'conn.log', '185.220.101.5', '10.0.0.6', 80, '', '', 0, 'c3'),"
                + " ('s9', " + at(m.plus(MINUTE)) + ", 'zeek', 'connection', 'conn.log', '185.220.101.5', '10.0.0.6', 443, '', '', 0, 'c4'),"
                + " ('s0', " + at(OLD) + ", 'auth', 'ssh-login', 'dvc/auth.log', '45.76.12.9', '10.0.0.5', 22, 'root', 'failure', 9, 'l0')");
        // QL1A: a normal bucket, then a congested one; Xa lộ Hà Nội normal.
        clickHouse.execute("INSERT INTO traffic_stats (segment_id, bucket_start, bucket_seconds, readings, avg_speed, volume, avg_occupancy,"
                + " anomaly_score, usual_speed, congested) VALUES"
                + " ('ql1a-bien-hoa', " + at(m) + ", 300, 10, 41.5, 120, 0.2, 0.1, 42.0, 0),"
                + " ('ql1a-bien-hoa', " + at(m.plus(MINUTE.multipliedBy(5))) + ", 300, 10, 12.5, 40, 0.8, 0.9, 43.0, 1),"
                + " ('xa-lo-ha-noi', " + at(m) + ", 300, 10, 55.0, 200, 0.1, 0.0, 54.0, 0)");
        // Three reports on flooding in Tam Hiệp, two of them in a cluster; one on lighting in Trảng Bàng.
        clickHouse.execute("INSERT INTO citizen_reports (id, reported_at, channel, category, topic, text, commune_key, commune, province,"
                + " sentiment, cluster_id, version) VALUES"
                + " ('r1', " + at(m) + ", 'hotline-1022', 'ngập úng', 'ngập úng', 'nuoc ngap toi yen xe', 'tam-hiep|dong-nai', 'phường Tam Hiệp', 'Đồng Nai', 'negative', 'k1', 1),"
                + " ('r2', " + at(m.plus(MINUTE)) + ", 'app', 'ngập úng', 'ngập úng', 'Ngập sâu đường Nguyễn Ái Quốc', 'tam-hiep|dong-nai', 'phường Tam Hiệp', 'Đồng Nai', 'negative', 'k1', 1),"
                + " ('r3', " + at(m.plus(MINUTE.multipliedBy(2))) + ", 'app', 'ngập úng', 'ngập úng', 'Nước đã rút một phần', 'tam-hiep|dong-nai', 'phường Tam Hiệp', 'Đồng Nai', 'neutral', '', 0),"
                + " ('r4', " + at(m) + ", 'hotline-1022', 'chiếu sáng', 'chiếu sáng', 'Đèn đường hỏng cả tuần', 'trang-bang|tay-ninh', 'phường Trảng Bàng', 'Tây Ninh', 'negative', '', 0)");
        clickHouse.execute("INSERT INTO dead_letters (id, source_topic, reason, received_at, preview, bytes) VALUES"
                + " ('d1', 'ioc.raw.posts', 'invalid JSON: unexpected end of input', " + at(m) + ", '{\"id\": \"x', 9),"
                + " ('d2', 'ioc.raw.posts', 'invalid JSON: key \"id\" twice', " + at(m.plus(MINUTE)) + ", '{}', 2),"
                + " ('d3', 'ioc.raw.traffic', 'speedKmh outside 0-200: 250', " + at(m.plus(MINUTE)) + ", '{}', 2),"
                + " ('d0', 'ioc.raw.posts', 'invalid JSON: old', " + at(OLD) + ", '{}', 2)");
        // Managed alerts as the alerts service writes them; their windows began before the range (not media alerts).
        clickHouse.execute("INSERT INTO alerts (id, rule, severity, key, title, window_start, window_end, count, baseline, created_at, kind,"
                + " province, commune, commune_key, state, version) VALUES"
                + " ('b1', 'ssh-brute-force', 'critical', '45.76.12.9', 'Dò mật khẩu SSH từ 45.76.12.9', " + at(OLD) + ", " + at(m.plus(MINUTE)) + ", 6, 0,"
                + " " + at(m.plus(MINUTE.multipliedBy(2))) + ", 'security.bruteforce', 'Tây Ninh', '', '', 'open', 1),"
                + " ('b2', 'request-rate-anomaly', 'warning', 'dichvucong.tayninh.gov.vn', 'Truy cập dichvucong.tayninh.gov.vn tăng bất thường', "
                + at(OLD) + ", " + at(m.plus(MINUTE)) + ", 480, 60.5, " + at(m.plus(MINUTE.multipliedBy(3))) + ", 'security.rate_anomaly', 'Tây Ninh', '', '', 'acknowledged', 2),"
                + " ('b3', 'citizen-report-cluster', 'warning', 'ngập úng|tam-hiep', '2 phản ánh ngập úng ở phường Tam Hiệp', " + at(OLD) + ", "
                + at(m.plus(MINUTE)) + ", 2, 0, " + at(m.plus(MINUTE.multipliedBy(2))) + ", 'order.report_cluster', 'Đồng Nai', 'phường Tam Hiệp', 'tam hiệp', 'open', 1)");
    }

    /** {@code %1$s} is five minutes into the fixture (when a1 was raised), {@code %2$s} ten: the retries. */
    private static void insertSourceHealth(String values) {
        String first = "'" + ClickHouseClient.dateTime(T0.plus(MINUTE.multipliedBy(5))) + "'";
        String later = "'" + ClickHouseClient.dateTime(T0.plus(MINUTE.multipliedBy(10))) + "'";
        clickHouse.execute("INSERT INTO source_health (source, outlet, url, interval_seconds, last_attempt, last_success,"
                + " last_new_item, consecutive_errors, total_errors, attempts, new_items, status, updated_at) VALUES "
                + String.format(values, first, later));
    }

    private static void insertDeliveries(String values) {
        String first = "'" + ClickHouseClient.dateTime(T0.plus(MINUTE.multipliedBy(5))) + "'";
        String later = "'" + ClickHouseClient.dateTime(T0.plus(MINUTE.multipliedBy(10))) + "'";
        clickHouse.execute("INSERT INTO alert_deliveries (alert_id, channel, status, attempts, detail, updated_at) VALUES "
                + String.format(values, first, later));
    }
}
