package vn.iocstream.alerts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.Alert;

/** Named instants and alerts shaped like what the detectors publish on {@code ioc.alerts}. */
abstract class AlertsTestBase {
    /** Dates relative to now, as in production: a fixed past date would fall into an old partition. */
    static final Instant WINDOW_END = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    static final Instant WINDOW_START = WINDOW_END.minus(15, ChronoUnit.MINUTES);
    static final Instant RAISED_AT = WINDOW_END.plusSeconds(4);

    static Alert trafficAccidentJump() {
        return new Alert("a-7f3c91d2e04b", "watchlist-volume-jump", "warning", "tai-nan-giao-thong",
                "Tăng đột biến bài viết: Tai nạn giao thông", WINDOW_START, WINDOW_END, 42, 6.5,
                List.of("p-baotayninh-1182", "p-vnexpress-4471", "p-dantri-903"), RAISED_AT);
    }

    static Alert floodMention() {
        return new Alert("a-19bd0e5a7c21", "watchlist-volume-jump", "info", "ngap-ung",
                "Bài viết mới về ngập úng tại Thủ Đức", WINDOW_START, WINDOW_END, 9, 4.0,
                List.of("p-tuoitre-5510"), RAISED_AT);
    }

    static Alert sshBruteForce() {
        return new Alert("a-c04e8b1f9a33", "ssh-brute-force", "critical", "113.161.72.14",
                "Dò mật khẩu SSH từ 113.161.72.14 vào cổng dịch vụ công tỉnh Tây Ninh", WINDOW_START, WINDOW_END,
                1870, 3.0, List.of(), RAISED_AT);
    }

    static IocConfig.Route route(String rule, String minSeverity, String... channels) {
        return new IocConfig.Route(rule, minSeverity, List.of(channels));
    }
}
