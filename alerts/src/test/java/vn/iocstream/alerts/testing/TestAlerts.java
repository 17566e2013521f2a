package vn.iocstream.alerts.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.AlertDrivers;
import vn.iocstream.core.model.AlertDrivers.Facet;
import vn.iocstream.core.model.AlertKinds;
import vn.iocstream.core.model.Locality;

/** Alerts shaped like what the jobs publish, in a province with two wards and a security site. */
public final class TestAlerts {
    private TestAlerts() {}

    /** SSH brute force on the province's public-service portal (Tây Ninh), one incident per start time. */
    public static Alert sshBruteForce(String sourceIp, Instant at, long count) {
        return new Alert("ssh-" + sourceIp.replace('.', '-') + "-" + at.getEpochSecond(), AlertKinds.SECURITY_BRUTEFORCE,
                "ssh-brute-force", AlertKinds.CRITICAL, sourceIp, "Dò mật khẩu SSH từ " + sourceIp + " vào cổng dịch vụ công",
                count + " lần đăng nhập sai trong 10 phút", Locality.province("Tây Ninh"), Map.of("site", "dvc-tayninh"),
                "ssh-brute-force|" + sourceIp, at.minus(Duration.ofMinutes(10)), at, count, 3.0, List.of("ev-" + sourceIp + "-1"),
                AlertDrivers.security(List.of(new Facet(sourceIp, count)), List.of(new Facet("dvc-tayninh:22", count)),
                        List.of("Tài khoản bị thử: root, admin")), null, at);
    }

    /** Flooding reports in a ward of Đồng Nai (TrafficJob's report clusters). */
    public static Alert floodCluster(String ward, Instant at, long count) {
        return new Alert("flood-" + Math.abs(ward.hashCode()) + "-" + at.getEpochSecond(), AlertKinds.ORDER_REPORT_CLUSTER,
                "citizen-report-cluster", AlertKinds.WARNING, "ngập úng|" + ward, "Người dân báo ngập ở " + ward,
                count + " phản ánh về ngập úng trong 30 phút", new Locality("Đồng Nai", ward), Map.of("topic", "ngập úng"),
                "citizen-report-cluster|ngập úng|" + ward, at.minus(Duration.ofMinutes(30)), at, count, 0,
                List.of("1022-0001234", "1022-0001240"),
                new AlertDrivers(List.of(new Facet("ngập sâu", 3)), List.of(), List.of(new Facet("hotline-1022", count)),
                        List.of(new Facet(ward, count)), null, null, List.of(), List.of(), List.of()), null, at);
    }

    /** A watchlist volume jump about a traffic accident, province-level. */
    public static Alert accidentJump(Instant windowStart, long count) {
        return new Alert("jump-tngt-" + windowStart.getEpochSecond(), AlertKinds.MEDIA_VOLUME_JUMP, "watchlist-volume-jump",
                AlertKinds.WARNING, "tai-nan-giao-thong", "Tăng đột biến bài viết: Tai nạn giao thông",
                count + " bài trong 15 phút, thường 6", Locality.province("Đồng Nai"), Map.of("watchlist", "tai-nan-giao-thong"),
                null, windowStart, windowStart.plus(Duration.ofMinutes(15)), count, 6.0, List.of("p-1182", "p-4471"),
                new AlertDrivers(List.of(new Facet("tai nạn", 12), new Facet("QL1A", 7)), List.of(new Facet("CSGT Đồng Nai", 3)),
                        List.of(new Facet("Báo Đồng Nai", 5), new Facet("VnExpress", 4)), List.of(new Facet("phường Tam Hiệp", 6)),
                        new AlertDrivers.FirstPost("p-1182", "Tai nạn liên hoàn trên QL1A qua Biên Hòa", "https://baodongnai.com.vn/tai-nan-1182.html",
                                "Báo Đồng Nai", windowStart.plusSeconds(60)), null, List.of(), List.of(), List.of()),
                null, windowStart.plus(Duration.ofMinutes(15)).plusSeconds(4));
    }

    /** Another alert like {@code a}: its own id and dedup key. */
    public static Alert variant(Alert a, String suffix) {
        return new Alert(a.id() + "-" + suffix, a.kind(), a.rule(), a.severity(), a.key() + "|" + suffix, a.title(), a.summary(),
                a.locality(), a.labels(), a.dedupKey() + "|" + suffix, a.windowStart(), a.windowEnd(), a.count(),
                a.baseline(), a.postIds(), a.drivers(), a.clearedAt(), a.createdAt());
    }

    public static Alert severity(Alert a, String severity) {
        return new Alert(a.id(), a.kind(), a.rule(), severity, a.key(), a.title(), a.summary(), a.locality(), a.labels(),
                a.dedupKey(), a.windowStart(), a.windowEnd(), a.count(), a.baseline(), a.postIds(), a.drivers(),
                a.clearedAt(), a.createdAt());
    }
}
