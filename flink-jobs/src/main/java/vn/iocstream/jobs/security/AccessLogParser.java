package vn.iocstream.jobs.security;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Apache/nginx access logs in the common or combined format
 * ({@code 1.2.3.4 - user [17/May/2015:10:05:03 +0000] "GET /p HTTP/1.1" 200 512 "ref" "agent"}). A request
 * line that is not {@code METHOD target PROTOCOL} (scanners send binary or bare paths) is kept as the path.
 *
 * <p>Login attempts: a POST to a login page is {@code web-login}. Its outcome is read from the status, as
 * most login forms answer: a redirect (3xx) is a success; 401/403, or 200 (the form shown again, as
 * WordPress's wp-login.php does), is a failure.
 */
public final class AccessLogParser {
    private static final Pattern LINE = Pattern.compile(
            "^(\\S+) \\S+ (\\S+) \\[([^\\]]+)] \"((?:[^\"\\\\]|\\\\.)*)\" (\\d{3}|-) (\\d+|-)(?: \"((?:[^\"\\\\]|\\\\.)*)\" \"((?:[^\"\\\\]|\\\\.)*)\")?.*$");
    private static final Pattern REQUEST = Pattern.compile("^([A-Z]+) (\\S+)(?: (HTTP/[\\d.]+))?$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
    private static final Pattern LOGIN_PAGE = Pattern.compile(
            "(/wp-login\\.php|/xmlrpc\\.php|/(user/|admin/|account/|auth/)?(login|signin|sign-in|dang-nhap)(\\.php|\\.aspx?|\\.jsp)?"
                    + "|/administrator/index\\.php)$", Pattern.CASE_INSENSITIVE);

    private AccessLogParser() {}

    public static ParseResult parse(String line, String source, Long offset) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) return ParseResult.error("access: not a common/combined log line");
        EventBuilder b = new EventBuilder();
        try {
            b.time = OffsetDateTime.parse(m.group(3), TIME).toInstant();
        } catch (DateTimeParseException e) {
            return ParseResult.error("access: unreadable time " + m.group(3));
        }
        b.kind = "access";
        b.sensor = EventBuilder.text(source);
        b.srcIp = m.group(1);
        b.user = "-".equals(m.group(2)) ? "" : m.group(2);
        b.proto = "http";
        b.status = "-".equals(m.group(5)) ? 0 : Integer.parseInt(m.group(5));
        Matcher req = REQUEST.matcher(m.group(4));
        if (req.matches()) {
            b.method = req.group(1);
            b.path = req.group(2);
        } else {
            b.path = m.group(4);
        }
        b.action = "http-request";
        String page = b.path.contains("?") ? b.path.substring(0, b.path.indexOf('?')) : b.path;
        if ("POST".equals(b.method) && LOGIN_PAGE.matcher(page).find()) {
            b.action = "web-login";
            if (b.status >= 300 && b.status < 400) b.outcome = SecurityEvent.SUCCESS;
            else if (b.status == 200 || b.status == 401 || b.status == 403) b.outcome = SecurityEvent.FAILURE;
        }
        return ParseResult.ok(b.build(SecurityEnvelope.ACCESS, source, offset, line));
    }
}
