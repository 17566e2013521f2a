package vn.iocstream.jobs.security.functions;

import java.time.Instant;
import java.util.List;
import vn.iocstream.core.Ids;
import vn.iocstream.core.model.Alert;
import vn.iocstream.jobs.security.SecurityRules;

/** Alert text and ids of the security rules: one place, so every operator words and keys them alike. */
public final class SecurityAlerts {
    private SecurityAlerts() {}

    /** The id is rule + key + first event time: the same incident gets the same id on every replay. */
    public static Alert alert(String rule, String severity, String key, long firstMs, long lastMs, long count,
                              double baseline, List<String> evidence) {
        return alert(rule, severity, key, firstMs, firstMs, lastMs, count, baseline, evidence);
    }

    /** As above, with the id anchored at {@code anchorMs}: the one event time of the incident that replays cannot move. */
    public static Alert alert(String rule, String severity, String key, long anchorMs, long firstMs, long lastMs, long count,
                              double baseline, List<String> evidence) {
        Instant end = Instant.ofEpochMilli(lastMs);
        return new Alert(Ids.of(rule, key, Long.toString(anchorMs)), rule, severity, key, title(rule, key, count),
                Instant.ofEpochMilli(firstMs), end, count, baseline, List.copyOf(evidence), end);
    }

    static String title(String rule, String key, long count) {
        return switch (rule) {
            case SecurityRules.SSH_BRUTE_FORCE -> "Dò mật khẩu SSH từ " + key + ": " + count + " lần đăng nhập thất bại";
            case SecurityRules.WEB_LOGIN_BRUTE_FORCE -> "Dò mật khẩu đăng nhập web từ " + key + ": " + count + " lần thất bại";
            case SecurityRules.COMPROMISE -> "Nghi bị xâm nhập: " + key + " đăng nhập thành công ngay sau chuỗi lần thất bại (" + count + " lần)";
            case SecurityRules.PORT_SCAN -> "Quét cổng " + key + ": " + count + " cổng";
            case SecurityRules.HOST_SCAN -> "Quét máy chủ từ " + key + ": " + count + " địa chỉ";
            case SecurityRules.WEB_PROBE -> "Dò quét/tấn công web " + key + ": " + count + " yêu cầu";
            case SecurityRules.IDS_ALERT -> "Cảnh báo IDS " + key + " (" + count + " lần)";
            case SecurityRules.ZEEK_NOTICE -> "Zeek notice " + key + " (" + count + " lần)";
            case SecurityRules.REQUEST_RATE -> "Lưu lượng yêu cầu bất thường tới " + key + ": " + count + " yêu cầu";
            default -> rule + " " + key + ": " + count;
        };
    }
}
