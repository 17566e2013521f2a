package vn.iocstream.jobs.security;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * sshd and other syslog auth lines, as in {@code /var/log/auth.log} or {@code /var/log/secure}: BSD syslog
 * ({@code Dec 10 06:55:46 host prog[pid]: msg}, no year, no zone: both are parameters) or the RFC 3339 header
 * rsyslog writes on current Debian ({@code 2025-12-10T06:55:46.123+07:00 host prog[pid]: msg}). The sshd
 * messages that matter for detection get an action; any other well-formed line is kept as {@code syslog}
 * with the first address it names. Only a line whose header cannot be read is an error.
 */
public final class AuthLogParser {
    private static final String IP = "([0-9]{1,3}(?:\\.[0-9]{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]+)";
    private static final Pattern BSD = Pattern.compile(
            "^([A-Z][a-z]{2})\\s+(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2}) (\\S+)\\s+(.*)$");
    private static final Pattern RFC3339 = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2}T\\S+) (\\S+)\\s+(.*)$");
    /** {@code prog[pid]: msg}; old syslogd writes lines without a tag ("syslogd 1.4.1: restart."), kept whole. */
    private static final Pattern TAG = Pattern.compile("^([^\\[:\\s]+)(?:\\[(\\d+)])?:\\s?(.*)$");
    private static final List<String> MONTHS =
            List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

    private static final Pattern REPEATED = Pattern.compile("^message repeated (\\d+) times: \\[\\s*(.*?)\\s*]$");
    private static final Pattern FAILED = Pattern.compile(
            "^Failed (\\S+) for (?:invalid user )?(\\S*) from " + IP + " port (\\d+)");
    private static final Pattern ACCEPTED = Pattern.compile("^Accepted (\\S+) for (\\S+) from " + IP + " port (\\d+)");
    private static final Pattern INVALID_USER = Pattern.compile("^[Ii]nvalid user (\\S*) from " + IP + "(?: port (\\d+))?");
    private static final Pattern PAM_FAILURE = Pattern.compile(
            "authentication failures?;.*?rhost=(\\S*)(?:\\s+user=(\\S+))?");
    private static final Pattern PAM_MORE = Pattern.compile("^PAM (\\d+) more authentication failures?;");
    private static final Pattern DISCONNECT = Pattern.compile(
            "^(?:error: )?(?:Received disconnect from|Disconnected from|Connection closed by|Connection reset by)"
                    + " (?:invalid user |authenticating user |user )?(?:(\\S+) )?" + IP + "(?: port (\\d+))?");
    private static final Pattern NO_IDENT = Pattern.compile("^Did not receive identification string from " + IP);
    private static final Pattern REVERSE = Pattern.compile("^reverse mapping checking getaddrinfo for (\\S+) \\[" + IP + "]");
    private static final Pattern SESSION = Pattern.compile("session (opened|closed) for user (\\S+)");
    private static final Pattern ANY_FROM = Pattern.compile("(?:from|rhost=) ?" + IP);

    private final int year;
    private final ZoneId zone;

    /**
     * @param year for BSD timestamps, which carry none; 0 = the latest year that does not put the line more than a
     *             day ahead of the clock (a December line read in January is from last year)
     * @param zone the logging host's clock zone, for both header styles when the timestamp has no offset
     */
    public AuthLogParser(int year, ZoneId zone) {
        this.year = year;
        this.zone = zone;
    }

    private Instant bsdTime(int month, int day, int hour, int minute, int second) {
        if (year > 0) return LocalDateTime.of(year, month, day, hour, minute, second).atZone(zone).toInstant();
        Instant latest = Instant.now().plus(Duration.ofDays(1));
        int thisYear = ZonedDateTime.now(zone).getYear();
        Instant t = LocalDateTime.of(thisYear, month, day, hour, minute, second).atZone(zone).toInstant();
        return t.isAfter(latest) ? LocalDateTime.of(thisYear - 1, month, day, hour, minute, second).atZone(zone).toInstant() : t;
    }

    public ParseResult parse(String line, String source, Long offset) {
        EventBuilder b = new EventBuilder();
        String message;
        Matcher m = BSD.matcher(line);
        if (m.matches()) {
            int month = MONTHS.indexOf(m.group(1)) + 1;
            if (month == 0) return ParseResult.error("auth: unknown month " + m.group(1));
            try {
                b.time = bsdTime(month, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
            } catch (DateTimeException e) {
                return ParseResult.error("auth: impossible date in " + line.substring(0, Math.min(15, line.length())));
            }
            b.sensor = m.group(6);
            message = m.group(7);
        } else {
            Matcher r = RFC3339.matcher(line);
            if (!r.matches()) return ParseResult.error("auth: not a syslog line");
            b.time = rfc3339(r.group(1));
            if (b.time == null) return ParseResult.error("auth: unreadable timestamp " + r.group(1));
            b.sensor = r.group(2);
            message = r.group(3);
        }
        Matcher tag = TAG.matcher(message);
        if (tag.matches()) {
            b.kind = tag.group(1);
            message = tag.group(3);
        }
        Matcher rep = REPEATED.matcher(message);
        if (rep.matches()) {
            b.repeat = Integer.parseInt(rep.group(1));
            message = rep.group(2);
        }
        classify(b, message);
        return ParseResult.ok(b.build(SecurityEnvelope.AUTH, source, offset, line));
    }

    private static void classify(EventBuilder b, String msg) {
        Matcher m;
        if ((m = FAILED.matcher(msg)).find()) {
            login(b, SecurityEvent.FAILURE, m.group(2), m.group(3), m.group(4));
            b.method = m.group(1);
        } else if ((m = ACCEPTED.matcher(msg)).find()) {
            login(b, SecurityEvent.SUCCESS, m.group(2), m.group(3), m.group(4));
            b.method = m.group(1);
        } else if ((m = INVALID_USER.matcher(msg)).find()) {
            b.action = "ssh-invalid-user";
            b.outcome = SecurityEvent.FAILURE;
            b.user = m.group(1);
            b.srcIp = m.group(2);
            b.srcPort = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        } else if ((m = PAM_FAILURE.matcher(msg)).find()) {
            // Kept, not counted by the SSH brute-force rule: on OpenSSH each PAM failure line duplicates the
            // "Failed password" line of the same attempt. rhost may be a host name.
            b.action = "pam-auth";
            b.outcome = SecurityEvent.FAILURE;
            b.srcIp = m.group(1);
            b.user = m.group(2) == null ? "" : m.group(2);
            Matcher more = PAM_MORE.matcher(msg);
            if (more.find()) b.repeat = Integer.parseInt(more.group(1));
        } else if ((m = DISCONNECT.matcher(msg)).find()) {
            b.action = "ssh-disconnect";
            b.user = m.group(1) == null ? "" : m.group(1);
            b.srcIp = m.group(2);
            b.srcPort = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        } else if ((m = NO_IDENT.matcher(msg)).find()) {
            b.action = "ssh-no-ident";
            b.srcIp = m.group(1);
        } else if ((m = REVERSE.matcher(msg)).find()) {
            b.action = "ssh-reverse-mapping";
            b.path = m.group(1);
            b.srcIp = m.group(2);
        } else if ((m = SESSION.matcher(msg)).find()) {
            b.action = "session-" + m.group(1);
            b.user = m.group(2);
        } else {
            b.action = "syslog";
            if ((m = ANY_FROM.matcher(msg)).find()) b.srcIp = m.group(1);
        }
        b.proto = b.action.startsWith("ssh") ? "ssh" : "";
    }

    private static void login(EventBuilder b, String outcome, String user, String ip, String port) {
        b.action = "ssh-login";
        b.outcome = outcome;
        b.user = user;
        b.srcIp = ip;
        b.srcPort = Integer.parseInt(port);
    }

    private Instant rfc3339(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
