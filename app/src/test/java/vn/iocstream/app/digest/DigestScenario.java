package vn.iocstream.app.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.clickhouse.Tables;
import vn.iocstream.core.model.EnrichedPost;
import vn.iocstream.core.model.EntityMention;
import vn.iocstream.core.model.Trend;
import vn.iocstream.app.access.Sql;

/**
 * A known day in Đồng Nai and Tây Ninh, as the pipeline would have stored it, inserted twice (a replay): the digest
 * of {@link #DAY} must count every row once. What the scenario implies, for Đồng Nai on that day:
 * Places are written as the entity recogniser writes them (the name without "phường"), reports keyed as TrafficJob
 * keys them ({@code tam-hiep|dong-nai}), alerts as the alerts service does.
 * <ul>
 *   <li>S1 "ngập ở Tam Hiệp": 4 posts by 3 outlets (Báo Đồng Nai twice, VnExpress without a province but with a place
 *   resolved to Đồng Nai, Tuổi Trẻ), all negative; an earlier post of the story the day before.</li>
 *   <li>S2 "Vành đai 4": 3 posts by 3 outlets, positive, published before S1's.</li>
 *   <li>S3 "giá sầu riêng": 5 posts by 2 outlets (Báo Đồng Nai four times): more posts, fewer outlets.</li>
 *   <li>S4 a Facebook post at 05:30 and S5 a reader comment at 12:00, one each.</li>
 *   <li>S6 in Tây Ninh: 4 outlets, outside the Đồng Nai scope.</li>
 * </ul>
 * so Đồng Nai's ranking is S1, S2, S3, S4, S5 and the country's S6 first.
 */
public final class DigestScenario {
    public static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    static final String TAM_HIEP = "phường Tam Hiệp";

    private DigestScenario() {}

    /** Vietnam time on {@code day} plus {@code days}. */
    static Instant at(int days, String time) {
        return DAY.plusDays(days).atTime(LocalTime.parse(time)).atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
    }

    public static void insert(ClickHouseClient ch) {
        List<EnrichedPost> posts = new ArrayList<>();
        // S1: flooding in phường Tam Hiệp — three outlets, one of them twice; a place written three ways.
        posts.add(post("a1", "press", "Báo Đồng Nai", "Ngập sâu trên QL1A qua phường Tam Hiệp sau mưa lớn, nhiều xe chết máy",
                at(0, "07:10"), "Đồng Nai", "negative", -0.7, "S1", place("Tam Hiệp", "province:dong-nai")));
        posts.add(post("a2", "press", "VnExpress", "Mưa lớn, Quốc lộ 1A đoạn qua Biên Hòa ngập sâu", at(0, "07:45"), "", "negative", -0.6,
                "S1", place("Tam Hiệp", "province:dong-nai")));
        posts.add(post("a3", "press", "Tuổi Trẻ", "Đồng Nai: nước ngập nửa bánh xe trên Quốc lộ 1A", at(0, "08:30"), "Đồng Nai",
                "negative", -0.5, "S1", place("Tam Hiệp", "province:dong-nai"), place("Đồng Nai", "province:dong-nai")));
        posts.add(post("a4", "press", "Báo Đồng Nai", "Ngập ở Tam Hiệp: người dân đẩy xe qua dòng nước", at(0, "09:00"), "Đồng Nai",
                "negative", -0.4, "S1", place("Tam Hiệp", "province:dong-nai")));
        posts.add(post("a0", "press", "Báo Đồng Nai", "Dự báo mưa lớn kéo dài ở Đồng Nai", at(-1, "20:00"), "Đồng Nai", "neutral", 0,
                "S1"));
        // S2: three outlets.
        posts.add(post("b1", "press", "Báo Đồng Nai", "Khởi công đường Vành đai 4 đoạn qua Long Thành", at(0, "06:00"), "Đồng Nai",
                "positive", 0.6, "S2", place("Long Thành", "province:dong-nai")));
        posts.add(post("b2", "press", "Thanh Niên", "Đồng Nai khởi công Vành đai 4, vốn hơn 17.000 tỉ đồng", at(0, "06:40"), "Đồng Nai",
                "positive", 0.5, "S2"));
        posts.add(post("b3", "press", "VietnamNet", "Vành đai 4 TP.HCM: đoạn qua Đồng Nai chính thức khởi công", at(0, "10:15"),
                "Đồng Nai", "positive", 0.4, "S2"));
        // S3: one outlet republishing four times, and one more.
        for (int i = 1; i <= 4; i++) {
            posts.add(post("c" + i, "press", "Báo Đồng Nai", "Giá sầu riêng Đồng Nai tăng trở lại (bản " + i + ")",
                    at(0, "11:0" + i), "Đồng Nai", "neutral", 0.1, "S3"));
        }
        posts.add(post("c5", "press", "Dân Trí", "Giá sầu riêng tăng, nhà vườn Đồng Nai phấn khởi", at(0, "13:00"), "Đồng Nai",
                "neutral", 0.2, "S3"));
        posts.add(post("d1", "social", "Facebook: Công an tỉnh Đồng Nai", "Cảnh báo lừa đảo qua điện thoại giả danh công an",
                at(0, "05:30"), "Đồng Nai", "negative", -0.8, "S4"));
        posts.add(post("e1", "comment", "Otofun", "", at(0, "12:00"), "Đồng Nai", "negative", -0.9, "S5",
                place("Tam Hiệp", "province:dong-nai")));
        // S6: Tây Ninh, four outlets.
        String[] outlets = {"Báo Tây Ninh", "VnExpress", "Tuổi Trẻ", "Thanh Niên"};
        for (int i = 0; i < outlets.length; i++) {
            posts.add(post("f" + (i + 1), "press", outlets[i], "Khởi công cao tốc Gò Dầu – Xa Mát qua Tây Ninh", at(0, "1" + i + ":30"),
                    "Tây Ninh", "positive", 0.5, "S6"));
        }
        // Other days: the day before and three days before.
        posts.add(post("g1", "press", "Báo Đồng Nai", "Đồng Nai tiếp dân định kỳ", at(-1, "09:00"), "Đồng Nai", "neutral", 0, "S7"));
        posts.add(post("h1", "press", "Báo Đồng Nai", "Hội chợ nông sản Biên Hòa", at(-3, "09:00"), "Đồng Nai", "neutral", 0, "S8"));
        posts.add(post("h2", "press", "Báo Đồng Nai", "Hội chợ nông sản Biên Hòa mở cửa", at(-3, "10:00"), "Đồng Nai", "neutral", 0, "S8"));

        List<Trend> trends = List.of(
                new Trend("phrase", "ngập sâu", "ngập sâu", at(0, "03:00"), at(0, "09:00"), 5.0, 4, 4, 0.5, at(0, "07:10"), List.of("a1", "a2")),
                new Trend("phrase", "ngập sâu", "ngập sâu", at(0, "03:30"), at(0, "09:30"), 4.0, 3, 3, 0.5, at(0, "07:10"), List.of("a2")),
                new Trend("phrase", "giá sầu riêng", "giá sầu riêng", at(0, "07:00"), at(0, "13:00"), 9.0, 5, 0, 1.0, at(-2, "08:00"),
                        List.of("c1")),
                new Trend("phrase", "cao tốc", "cao tốc", at(0, "08:00"), at(0, "14:00"), 7.0, 4, 0, 0.2, at(0, "10:30"), List.of("f1")));
        for (int replay = 0; replay < 2; replay++) {
            ch.insert(Tables.POSTS, posts);
            ch.insert(Tables.TRENDS, trends);
            ch.execute("INSERT INTO alerts (id, rule, severity, key, title, window_start, window_end, count, created_at, kind, province,"
                    + " commune, commune_key, state, version) VALUES "
                    + alert("al1", "media.volume_jump", "Tăng đột biến bài viết về ngập ở Tam Hiệp", at(0, "08:00"), "Đồng Nai", TAM_HIEP, "open")
                    + ", " + alert("al2", "order.report_cluster", "5 phản ánh ngập úng ở phường Tam Hiệp", at(0, "09:00"), "Đồng Nai", TAM_HIEP,
                    "acknowledged")
                    + ", " + alert("al3", "media.pickup", "Tin ngập ở Tam Hiệp từ Facebook lên báo", at(0, "10:00"), "Đồng Nai", "", "resolved")
                    + ", " + alert("al4", "security.bruteforce", "Dò mật khẩu SSH từ 45.76.12.9", at(0, "03:00"), "Tây Ninh", "", "open")
                    + ", " + alert("al5", "media.volume_jump", "Tăng đột biến bài viết về mưa lớn", at(-1, "21:00"), "Đồng Nai", "", "resolved"));
            ch.execute("INSERT INTO citizen_reports (id, reported_at, channel, category, topic, text, commune_key, commune, province, version)"
                    + " VALUES " + report("r1", at(0, "08:05"), "tam-hiep|dong-nai", "Đồng Nai") + ", " + report("r2", at(0, "08:20"), "tam-hiep|dong-nai", "Đồng Nai")
                    + ", " + report("r3", at(0, "08:40"), "tam-hiep|dong-nai", "Đồng Nai") + ", " + report("r4", at(0, "09:00"), "trang-bang|tay-ninh", "Tây Ninh"));
            ch.execute("INSERT INTO source_health (source, outlet, url, interval_seconds, last_attempt, last_success, last_new_item,"
                    + " consecutive_errors, total_errors, attempts, new_items, status, updated_at) VALUES"
                    + " ('baodongnai-rss', 'Báo Đồng Nai', 'https://baodongnai.com.vn/rss', 900, " + t(at(0, "23:00")) + ", "
                    + t(at(0, "10:00")) + ", " + t(at(0, "09:00")) + ", 5, 7, 90, 40, 'stale', " + t(at(0, "23:00")) + "),"
                    + " ('vnexpress-thoi-su', 'VnExpress', 'https://vnexpress.net/rss/thoi-su.rss', 600, " + t(at(0, "23:00")) + ", "
                    + t(at(0, "23:00")) + ", " + t(at(0, "22:50")) + ", 0, 0, 140, 61, 'ok', " + t(at(0, "23:00")) + ")");
        }
    }

    static EntityMention place(String written, String id) {
        return new EntityMention("LOCATION", id, written);
    }

    static EnrichedPost post(String id, String kind, String source, String title, Instant published, String province,
                             String sentiment, double score, String story, EntityMention... places) {
        String text = title.isEmpty() ? "kẹt xe từ sáng tới h ko nhúc nhích, nước ngập tới yên xe ở ngã tư Vũng Tàu" : title + ". Nội dung chi tiết.";
        return new EnrichedPost(id, "https://" + host(source) + "/tin/" + id + ".html", kind, source, title, text, "Phóng viên",
                published, published.plusSeconds(60), province, List.of(), List.of(places), 30, sentiment, score, List.of(),
                id.hashCode(), story, List.of());
    }

    private static String host(String source) {
        return DigestScope.slug(source).replace("-", "") + ".vn";
    }

    private static String alert(String id, String kind, String title, Instant created, String province, String commune, String state) {
        String key = vn.iocstream.alerts.Localities.communeKey(commune);
        return "(" + Sql.quote(id) + ", 'rule', 'warning', 'k', " + Sql.quote(title) + ", " + t(created) + ", " + t(created.plusSeconds(300)) + ", 5, "
                + t(created) + ", " + Sql.quote(kind) + ", " + Sql.quote(province) + ", " + Sql.quote(commune) + ", " + Sql.quote(key) + ", " + Sql.quote(state) + ", 1)";
    }

    private static String report(String id, Instant at, String communeKey, String province) {
        return "(" + Sql.quote(id) + ", " + t(at) + ", 'hotline-1022', 'ngập úng', 'ngập úng', 'Nước ngập sâu ở đường Nguyễn Ái Quốc', "
                + Sql.quote(communeKey) + ", " + Sql.quote(communeKey) + ", " + Sql.quote(province) + ", 0)";
    }

    static String t(Instant i) {
        return "'" + ClickHouseClient.dateTime(i) + "'";
    }
}
