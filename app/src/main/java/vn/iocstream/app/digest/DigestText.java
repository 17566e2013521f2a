package vn.iocstream.app.digest;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import vn.iocstream.app.export.ExportInfo;
import vn.iocstream.core.model.AlertKinds;

/** The digest's words and number formats, in Vietnamese; shared by the HTML, PDF and XLSX writers. */
final class DigestText {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM").withZone(ExportInfo.ZONE);
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(ExportInfo.ZONE);

    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry(AlertKinds.MEDIA_VOLUME_JUMP, "Tăng đột biến bài viết"),
            Map.entry(AlertKinds.MEDIA_TREND, "Chủ đề nổi lên"),
            Map.entry(AlertKinds.MEDIA_NEGATIVE_BURST, "Tin tiêu cực dồn dập"),
            Map.entry(AlertKinds.MEDIA_PICKUP, "Báo chí đưa lại tin mạng xã hội"),
            Map.entry(AlertKinds.SECURITY_BRUTEFORCE, "Dò mật khẩu"),
            Map.entry(AlertKinds.SECURITY_SCAN, "Quét cổng/máy"),
            Map.entry(AlertKinds.SECURITY_WEB_PROBE, "Thăm dò web"),
            Map.entry(AlertKinds.SECURITY_COMPROMISE, "Nghi bị xâm nhập"),
            Map.entry(AlertKinds.SECURITY_IDS, "Cảnh báo IDS"),
            Map.entry(AlertKinds.SECURITY_RATE_ANOMALY, "Lưu lượng truy cập bất thường"),
            Map.entry(AlertKinds.TRAFFIC_CONGESTION, "Ùn tắc giao thông"),
            Map.entry(AlertKinds.TRAFFIC_ANOMALY, "Giao thông bất thường"),
            Map.entry(AlertKinds.ORDER_REPORT_CLUSTER, "Cụm phản ánh của người dân"),
            Map.entry(AlertKinds.SOURCE_STALE, "Nguồn tin ngừng cập nhật"));
    private static final Map<String, String> STATES = Map.of("open", "Đang mở", "acknowledged", "Đã xác nhận",
            "resolved", "Đã xử lý", "suppressed", "Tạm ẩn", "expired", "Hết hạn");
    private static final Map<String, String> SOURCE_STATUS = Map.of("failing", "Đang lỗi", "stale", "Ngừng cập nhật",
            "silent", "Không có tin mới");
    private static final Map<String, String> KEY_TYPES = Map.of("watchlist", "Danh sách theo dõi", "entity", "Nhân vật/tổ chức",
            "phrase", "Cụm từ", "locality", "Địa phương", "story", "Câu chuyện");
    private static final Locale VI = Locale.forLanguageTag("vi-VN");

    private DigestText() {}

    static String kind(String kind) {
        return KINDS.getOrDefault(kind, kind.isEmpty() ? "Khác" : kind);
    }

    static String state(String state) {
        return STATES.getOrDefault(state, state);
    }

    static String sourceStatus(String status) {
        return SOURCE_STATUS.getOrDefault(status, status);
    }

    static String keyType(String type) {
        return KEY_TYPES.getOrDefault(type, type);
    }

    static String title(Digest d) {
        return "Điểm tin ngày " + DAY.format(d.day()) + " — " + d.scope();
    }

    /** 1.234 or 12,5% in Vietnamese notation. */
    static String number(double value, boolean percent) {
        NumberFormat f = NumberFormat.getNumberInstance(VI);
        f.setMaximumFractionDigits(percent || value != Math.rint(value) ? 1 : 0);
        return f.format(value) + (percent ? "%" : "");
    }

    /** "+3 (+25%)" against a reference; "—" when there is none. */
    static String change(double value, double reference, boolean percent) {
        double diff = value - reference;
        String sign = diff > 0 ? "+" : diff < 0 ? "−" : "±";
        String abs = number(Math.abs(diff), false) + (percent ? " điểm" : "");
        if (percent || reference == 0) return sign + abs;
        return sign + abs + " (" + sign + number(Math.abs(100 * diff / reference), false) + "%)";
    }

    static String time(Instant t) {
        return t == null ? "chưa bao giờ" : TIME.format(t);
    }

    static String storyLine(Digest.Story s) {
        return s.outlets() + " nguồn · " + s.posts() + " bài" + (s.negative() > 0 ? " · " + s.negative() + " tiêu cực" : "")
                + " · đầu tiên: " + s.firstOutlet() + ", " + time(s.firstAt());
    }
}
