package vn.iocstream.jobs.security.functions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.iocstream.core.Ids;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.AlertDrivers;
import vn.iocstream.core.model.AlertKinds;
import vn.iocstream.core.model.Locality;
import vn.iocstream.jobs.security.SecurityRules;


/** Alert text and ids of the security rules: one place, so every operator words and keys them alike. */
public final class SecurityAlerts {
    private SecurityAlerts() {}

    /**
     * One security alert. The id is rule + key + {@code anchorMs}, the one event time of the incident that replays
     * cannot move (usually its first event), so the same incident gets the same id on every replay.
     *
     * @param distinct the distinct values a scan counted (ports, hosts), for the drivers; empty otherwise
     * @param site     where the logging servers are ({@code security.site}): the alert's locality
     */
    public static Alert alert(String rule, String severity, String key, long anchorMs, long firstMs, long lastMs, long count,
                              double baseline, List<String> evidence, List<String> distinct, IocConfig.Site site) {
        Instant end = Instant.ofEpochMilli(lastMs);
        Locality locality = site.province().isEmpty() ? Locality.UNKNOWN : new Locality(site.province(), site.commune());
        long minutes = Math.max(1, (lastMs - firstMs + 59_999) / 60_000);
        return new Alert(Ids.of(rule, key, Long.toString(anchorMs)), kind(rule), rule, severity, key, title(rule, key, count),
                count + " sự kiện trong " + minutes + " phút", locality, Map.of("rule", rule), null,
                Instant.ofEpochMilli(firstMs), end, count, baseline, List.copyOf(evidence), drivers(rule, key, count, distinct),
                null, end);
    }

    /** The alert family of a rule. */
    static String kind(String rule) {
        return switch (rule) {
            case SecurityRules.SSH_BRUTE_FORCE, SecurityRules.WEB_LOGIN_BRUTE_FORCE -> AlertKinds.SECURITY_BRUTEFORCE;
            case SecurityRules.COMPROMISE -> AlertKinds.SECURITY_COMPROMISE;
            case SecurityRules.PORT_SCAN, SecurityRules.HOST_SCAN -> AlertKinds.SECURITY_SCAN;
            case SecurityRules.WEB_PROBE -> AlertKinds.SECURITY_WEB_PROBE;
            case SecurityRules.REQUEST_RATE -> AlertKinds.SECURITY_RATE_ANOMALY;
            default -> AlertKinds.SECURITY_IDS;
        };
    }

    /**
     * Who and what: the source address (the key's first part) and what it aimed at (a scan's ports or hosts, a
     * probe's or IDS alert's signature, the host of a request-rate spike).
     */
    static AlertDrivers drivers(String rule, String key, long count, List<String> distinct) {
        List<AlertDrivers.Facet> sources = new ArrayList<>();
        List<AlertDrivers.Facet> targets = new ArrayList<>();
        if (rule.equals(SecurityRules.REQUEST_RATE)) {
            targets.add(new AlertDrivers.Facet(key, count));
        } else if (key.contains(" → ")) { // port scan: "source → host"
            String[] parts = key.split(" → ", 2);
            sources.add(new AlertDrivers.Facet(parts[0], count));
            targets.add(new AlertDrivers.Facet(parts[1], count));
        } else if (key.indexOf(' ') > 0) { // "source signature"
            sources.add(new AlertDrivers.Facet(key.substring(0, key.indexOf(' ')), count));
            targets.add(new AlertDrivers.Facet(key.substring(key.indexOf(' ') + 1), count));
        } else {
            sources.add(new AlertDrivers.Facet(key, count));
        }
        List<String> facts = new ArrayList<>();
        if (!distinct.isEmpty()) {
            String what = rule.equals(SecurityRules.PORT_SCAN) ? "Cổng bị dò: " : "Máy bị dò: ";
            facts.add(what + String.join(", ", distinct.stream().sorted().limit(12).toList())
                    + (distinct.size() > 12 ? " … (" + distinct.size() + ")" : ""));
        }
        return AlertDrivers.security(sources, targets, facts);
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
