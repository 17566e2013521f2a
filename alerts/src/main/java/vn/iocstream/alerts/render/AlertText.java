package vn.iocstream.alerts.render;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import vn.iocstream.alerts.AlertView;
import vn.iocstream.alerts.channels.Outbound;
import vn.iocstream.core.model.AlertDrivers;
import vn.iocstream.core.text.Html;

/**
 * Notifications as people read them, in Vietnamese, times in Asia/Ho_Chi_Minh: a subject line, then per alert its
 * title, where and when, the numbers, why (drivers) and its id. The same lines feed every channel; each channel
 * escapes them for its format (plain text, Telegram HTML, e-mail HTML). Producer and crawled text is never trusted:
 * every value passes through the escaper, and long values are shortened.
 */
public final class AlertText {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(VIETNAM);
    private static final Map<String, String> SEVERITY = Map.of("critical", "NGHIÊM TRỌNG", "warning", "CẢNH BÁO", "info", "THÔNG TIN");
    private static final Map<String, String> REASON = Map.of("firing", "Cảnh báo mới", "repeat", "Nhắc lại: chưa xử lý",
            "escalation", "Chuyển cấp: chưa ai xác nhận", "resolved", "Đã kết thúc");
    private static final int MAX_VALUE = 300;

    private AlertText() {}

    /** {@code [NGHIÊM TRỌNG] Cảnh báo mới: Dò mật khẩu SSH từ 113.161.72.14 (+2)} */
    public static String subject(Outbound o) {
        AlertView first = o.alerts().isEmpty() ? null : o.alerts().get(0);
        String severity = first == null ? "" : "[" + SEVERITY.getOrDefault(first.severity(), first.severity()) + "] ";
        String more = o.alerts().size() > 1 ? " (+" + (o.alerts().size() - 1) + ")" : "";
        String title = first == null ? "" : ": " + shorten(oneLine(first.title()), 150);
        return severity + REASON.getOrDefault(o.reason(), o.reason()) + title + more;
    }

    /** The whole message as lines, each value passed through {@code escape}; {@code bold} wraps a heading. */
    public static List<String> lines(Outbound o, UnaryOperator<String> escape, UnaryOperator<String> bold) {
        List<String> lines = new ArrayList<>();
        lines.add(bold.apply(escape.apply(subject(o))));
        lines.add(escape.apply("Nhóm: " + o.groupKey() + " · gửi tới " + o.receiver()));
        int n = 0;
        for (AlertView a : o.alerts()) {
            lines.add("");
            n++;
            lines.add(bold.apply(escape.apply(n + ". [" + SEVERITY.getOrDefault(a.severity(), a.severity()) + "] "
                    + shorten(oneLine(a.title()), MAX_VALUE))));
            for (String line : details(a)) lines.add(escape.apply(line));
        }
        return lines;
    }

    /** Plain text, one string. */
    public static String plain(Outbound o) {
        return String.join("\n", lines(o, UnaryOperator.identity(), UnaryOperator.identity())) + "\n";
    }

    /** The facts about one alert, one per line, unescaped. */
    public static List<String> details(AlertView a) {
        List<String> lines = new ArrayList<>();
        String where = a.locality().label().isEmpty() ? "chưa rõ địa bàn" : a.locality().label();
        lines.add("Địa bàn: " + shorten(where, 120) + " · loại " + a.kind() + " · trạng thái " + a.state().code());
        lines.add("Từ " + time(a.firstSeen()) + ", lần cuối " + time(a.lastSeen()) + " · " + number(a.count())
                + " sự kiện (thường " + number(Math.round(a.baseline())) + ")"
                + (a.occurrences() > 1 ? " · báo " + a.occurrences() + " lần" : ""));
        if (!a.summary().isBlank()) lines.add(shorten(oneLine(a.summary()), MAX_VALUE));
        lines.addAll(drivers(a.drivers()));
        lines.add("Mã: " + a.id());
        return lines;
    }

    /** What caused it, a line per kind of driver; nothing for drivers the rule did not fill. */
    public static List<String> drivers(AlertDrivers d) {
        List<String> lines = new ArrayList<>();
        facet(lines, "Cụm từ", d.phrases());
        facet(lines, "Nhân vật, tổ chức", d.entities());
        facet(lines, "Nguồn tin", d.outlets());
        facet(lines, "Địa phương", d.communes());
        facet(lines, "Nguồn tấn công", d.sources());
        facet(lines, "Mục tiêu", d.targets());
        if (d.first() != null) {
            AlertDrivers.FirstPost f = d.first();
            lines.add("Bài đầu tiên: " + shorten(oneLine(f.title()), 150)
                    + (f.outlet() == null || f.outlet().isBlank() ? "" : " (" + shorten(f.outlet(), 60) + ")")
                    + (f.at() == null ? "" : ", " + time(f.at()))
                    + (f.url() == null || f.url().isBlank() ? "" : " " + shorten(f.url(), 200)));
        }
        if (d.pickupLagSeconds() != null) {
            long s = d.pickupLagSeconds();
            lines.add("Báo chí đưa tin sau mạng xã hội " + (s >= 3600 ? s / 3600 + " giờ " + s % 3600 / 60 + " phút" : s / 60 + " phút"));
        }
        for (String f : d.facts()) lines.add(shorten(oneLine(f), MAX_VALUE));
        return lines;
    }

    private static void facet(List<String> lines, String label, List<AlertDrivers.Facet> facets) {
        if (facets.isEmpty()) return;
        StringBuilder s = new StringBuilder(label).append(": ");
        int i = 0;
        for (AlertDrivers.Facet f : facets) {
            if (i++ == 5) break;
            if (i > 1) s.append(", ");
            s.append(shorten(oneLine(f.name()), 80)).append(" (").append(number(f.count())).append(')');
        }
        lines.add(s.toString());
    }

    public static String time(Instant t) {
        return t == null ? "—" : TIME.format(t);
    }

    /** 1.870 (Vietnamese grouping). */
    public static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN")).format(n);
    }

    /** HTML escaping for text and attribute values. */
    public static String html(String s) {
        return Html.escape(s);
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n\\t\\u2028\\u2029]+", " ").strip();
    }

    static String shorten(String s, int max) {
        if (s == null) return "";
        if (s.length() <= max) return s;
        int cut = max - 1;
        if (Character.isLowSurrogate(s.charAt(cut))) cut--;
        return s.substring(0, cut) + "…";
    }
}
