package vn.iocstream.crawlers;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publication times as feeds, metadata and outlets' datelines write them. A time without a zone is Vietnamese
 * local time (UTC+7). A date without a time of day is no publication time (null): a day is not a minute.
 */
public final class Dates {
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /**
     * ISO-8601 and its relatives as CMSes write them in JSON-LD and meta tags: "T" or a space, seconds and fractions
     * optional, and the offset as "Z", "+07:00", "+0700", "+07" or none (local time). Years beyond 9999 are read (a
     * broken CMS's "+300000000-01-01"), so that the plausibility check, not the parser, is what refuses them.
     */
    private static final Pattern ISO = Pattern.compile("([+-]?\\d{4,9})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:T|\\s+)(\\d{1,2}):(\\d{2})"
            + "(?::(\\d{2})(?:[.,](\\d{1,9}))?)?\\s*(Z|[+-]\\d{1,2}(?::?\\d{2})?|(?:GMT|UTC)(?:[+-]\\d{1,2}(?::?\\d{2})?)?)?",
            Pattern.CASE_INSENSITIVE);

    /** A day: "07/03/2026", "7-3-2026", "7.3.2026" or "7 tháng 3 năm 2026". */
    private static final String DAY = "(\\d{1,2})(?:\\s*[/.-]\\s*|\\s+tháng\\s+)(\\d{1,2})(?:\\s*[/.-]\\s*|,?\\s+năm\\s+)(\\d{4})";
    /** A time of day: "08:01", "8h01", "08:01:30", "8:01 PM", "8:01 CH" (chiều). */
    private static final String CLOCK = "(\\d{1,2})\\s*(?::|h|giờ)\\s*(\\d{2})(?::\\d{2})?(?:\\s*(AM|PM|SA|CH)\\b)?";
    /**
     * A day and a time in either order, a few non-digits apart, as datelines print them: "Thứ bảy, 7/3/2026, 08:01
     * (GMT+7)", "07/03/2026 - 08:01", "08:01 ngày 07/03/2026".
     */
    private static final Pattern DAY_CLOCK = Pattern.compile(DAY + "\\D{1,12}?" + CLOCK + "|" + CLOCK + "\\D{1,12}?" + DAY,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "8 giờ trước", "30 phút trước", "2 ngày trước", "3 hours ago": only with a reference time. */
    private static final Pattern AGO = Pattern.compile("(\\d{1,3})\\s*(giây|phút|giờ|tiếng|ngày|tuần|seconds?|secs?|"
            + "minutes?|mins?|hours?|hrs?|days?|weeks?)\\s+(?:trước|ago)\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern JUST_NOW = Pattern.compile("vừa xong|vừa đăng|just now", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The zone outlets print after a visible time: "(GMT+7)", "UTC+07:00", "GMT+0700". */
    private static final Pattern GMT_OFFSET = Pattern.compile("\\b(?:GMT|UTC)\\s*([+-]\\d{1,2})(?::?(\\d{2}))?");

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Dates() {}

    /** RFC-1123 (RSS), ISO-8601 in any offset form (Atom, JSON-LD, meta tags), or a day and a time; null if none fits. */
    public static Instant parse(String text) {
        return parse(text, null);
    }

    /**
     * As {@link #parse(String)}, and with {@code now} also the relative forms of listings and datelines ("8 giờ
     * trước", "vừa xong"), counted back from {@code now}.
     */
    public static Instant parse(String text, Instant now) {
        if (text == null || text.isBlank()) return null;
        String s = text.replace('\u00a0', ' ').strip();
        if (s.length() > 200) return null; // a paragraph, not a date
        try {
            return DateTimeFormatter.RFC_1123_DATE_TIME.parse(SPACES.matcher(s).replaceAll(" "), Instant::from);
        } catch (DateTimeParseException notRfc) {
            // next
        }
        Matcher iso = ISO.matcher(s);
        if (iso.matches()) return iso(iso);
        Matcher m = DAY_CLOCK.matcher(s);
        if (m.find()) return visible(m, s);
        if (now == null) return null;
        Matcher ago = AGO.matcher(s);
        if (ago.find()) return now.minus(amount(Integer.parseInt(ago.group(1)), ago.group(2).toLowerCase(Locale.ROOT)));
        return JUST_NOW.matcher(s).find() ? now : null;
    }

    private static Instant iso(Matcher m) {
        try {
            LocalDateTime local = LocalDate.of(number(m, 1), number(m, 2), number(m, 3)).atTime(number(m, 4), number(m, 5),
                    m.group(6) == null ? 0 : number(m, 6));
            if (m.group(7) != null) local = local.plusNanos(Long.parseLong((m.group(7) + "00000000").substring(0, 9)));
            String zone = m.group(8) == null ? "" : m.group(8).toUpperCase(Locale.ROOT);
            if (zone.startsWith("GMT") || zone.startsWith("UTC")) zone = zone.substring(3);
            if (zone.isEmpty() && m.group(8) == null) return local.atZone(VIETNAM).toInstant();
            return local.toInstant(zone.isEmpty() || zone.equals("Z") ? ZoneOffset.UTC : offset(zone));
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    /** "+07:00", "+0700", "+07", "+7". */
    private static ZoneOffset offset(String zone) {
        int sign = zone.charAt(0) == '-' ? -1 : 1;
        String digits = zone.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.length() > 2 ? digits.substring(0, digits.length() - 2) : digits);
        int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(digits.length() - 2)) : 0;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    private static Instant visible(Matcher m, String s) {
        boolean dayFirst = m.group(1) != null;
        int day = number(m, dayFirst ? 1 : 10);
        int month = number(m, dayFirst ? 2 : 11);
        int year = number(m, dayFirst ? 3 : 12);
        int hour = number(m, dayFirst ? 4 : 7);
        int minute = number(m, dayFirst ? 5 : 8);
        String meridiem = m.group(dayFirst ? 6 : 9);
        if (meridiem != null) {
            if (hour > 12) return null;
            boolean afternoon = meridiem.equalsIgnoreCase("PM") || meridiem.equalsIgnoreCase("CH");
            hour = afternoon ? hour % 12 + 12 : hour % 12;
        }
        try {
            return LocalDate.of(year, month, day).atTime(hour, minute).atZone(printedZone(s)).toInstant();
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static Duration amount(int n, String unit) {
        ChronoUnit u = switch (unit) {
            case "giây", "second", "seconds", "sec", "secs" -> ChronoUnit.SECONDS;
            case "phút", "minute", "minutes", "min", "mins" -> ChronoUnit.MINUTES;
            case "giờ", "tiếng", "hour", "hours", "hr", "hrs" -> ChronoUnit.HOURS;
            case "ngày", "day", "days" -> ChronoUnit.DAYS;
            default -> ChronoUnit.WEEKS;
        };
        return u == ChronoUnit.WEEKS ? Duration.ofDays(7L * n) : Duration.of(n, u);
    }

    private static ZoneId printedZone(String s) {
        Matcher m = GMT_OFFSET.matcher(s);
        if (!m.find()) return VIETNAM;
        int hours = Integer.parseInt(m.group(1));
        int minutes = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        try {
            return ZoneOffset.ofHoursMinutes(hours, hours < 0 ? -minutes : minutes);
        } catch (DateTimeException impossible) {
            return VIETNAM;
        }
    }
}
