package vn.iocstream.crawlers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Publication times as outlets write them. A time without a zone is Vietnamese local time (UTC+7). */
final class Dates {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final List<DateTimeFormatter> LOCAL = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]", Locale.ROOT),
            // Strict: "31/2/2024" is no date, not the last day of February.
            DateTimeFormatter.ofPattern("d/M/uuuu[,] H:mm[:ss]", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT));
    /** "03/07/2025 08:15", "08:15 03/07/2025" or "08:15 ngày 03/07/2025", as comment threads and bylines print it. */
    private static final Pattern DMY_HM = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})\\D{1,8}(\\d{1,2}):(\\d{2})|"
            + "(\\d{1,2}):(\\d{2})\\D{1,8}(\\d{1,2})/(\\d{1,2})/(\\d{4})");

    /** The zone outlets print after a visible time: "(GMT+7)", "UTC+07:00". */
    private static final Pattern GMT_OFFSET = Pattern.compile("\\b(?:GMT|UTC)\\s*([+-]\\d{1,2})(?::?(\\d{2}))?");

    private Dates() {}

    /** RFC-1123 (RSS), ISO-8601 with or without offset (Atom, JSON-LD, meta tags), or day/month/year; null if none fits. */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) return null;
        String s = text.trim();
        try {
            return DateTimeFormatter.RFC_1123_DATE_TIME.parse(s.replaceAll("\\s+", " "), Instant::from);
        } catch (DateTimeParseException notRfc) {
            // next
        }
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(s, Instant::from);
        } catch (DateTimeParseException notIso) {
            // next
        }
        for (DateTimeFormatter f : LOCAL) {
            try {
                return LocalDateTime.parse(s, f).atZone(VIETNAM).toInstant();
            } catch (DateTimeParseException next) {
                // next
            }
        }
        Matcher m = DMY_HM.matcher(s);
        if (m.find()) {
            boolean dateFirst = m.group(1) != null;
            int day = Integer.parseInt(m.group(dateFirst ? 1 : 8));
            int month = Integer.parseInt(m.group(dateFirst ? 2 : 9));
            int year = Integer.parseInt(m.group(dateFirst ? 3 : 10));
            int hour = Integer.parseInt(m.group(dateFirst ? 4 : 6));
            int minute = Integer.parseInt(m.group(dateFirst ? 5 : 7));
            try {
                return LocalDate.of(year, month, day).atTime(hour, minute).atZone(printedZone(s)).toInstant();
            } catch (java.time.DateTimeException impossible) {
                return null;
            }
        }
        return null;
    }

    private static ZoneId printedZone(String s) {
        Matcher m = GMT_OFFSET.matcher(s);
        if (!m.find()) return VIETNAM;
        int hours = Integer.parseInt(m.group(1));
        int minutes = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        try {
            return ZoneOffset.ofHoursMinutes(hours, hours < 0 ? -minutes : minutes);
        } catch (java.time.DateTimeException impossible) {
            return VIETNAM;
        }
    }
}
