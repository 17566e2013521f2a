package vn.iocstream.crawlers.events;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One syslog message, RFC 3164 ({@code <38>Nov 22 08:15:02 bastion-hue sshd[2211]: Failed password …}) or RFC 5424
 * ({@code <38>1 2026-11-22T08:15:02.120+07:00 bastion-hue sshd 2211 - - Failed password …}).
 *
 * @param host    HOSTNAME, or "" when a BSD sender left the header out
 * @param tag     program / APP-NAME, or ""
 * @param logLine the message as an auth.log line would hold it — {@code timestamp host prog[pid]: msg}, which is
 *                what SecurityJob's auth parser reads (5424 timestamps become the RFC 3339 header rsyslog writes)
 * @param message the MSG part alone: a Zeek/Suricata JSON object, an access-log line or a CSV row
 */
public record SyslogMessage(String host, String tag, String logLine, String message) {
    private static final Pattern PRI = Pattern.compile("^<(\\d{1,3})>");
    private static final Pattern BSD_HEADER = Pattern.compile("^([A-Z][a-z]{2} [ \\d]\\d \\d{2}:\\d{2}:\\d{2}) (\\S+) (.*)$", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("^([^\\[:\\s]+)(?:\\[([^\\]]*)])?: ?(.*)$", Pattern.DOTALL);
    private static final String BOM = "\uFEFF";

    /** The line a raw topic gets for this kind: the whole log line for auth, the message alone otherwise. */
    public String lineFor(EventKind kind) {
        return kind == EventKind.AUTH ? logLine : message;
    }

    /** @throws IllegalArgumentException with the reason the frame is not syslog */
    public static SyslogMessage parse(String frame) {
        Matcher pri = PRI.matcher(frame);
        if (!pri.find()) throw new IllegalArgumentException("syslog: no <PRI> at the start");
        if (Integer.parseInt(pri.group(1)) > 191) throw new IllegalArgumentException("syslog: PRI out of range " + pri.group(1));
        String rest = strip(frame.substring(pri.end()));
        if (rest.startsWith("1 ")) return rfc5424(rest.substring(2));
        Matcher h = BSD_HEADER.matcher(rest);
        if (!h.matches()) {
            // RFC 3164 §4.3.3: a relay treats a frame without a valid header as all message.
            if (rest.isBlank()) throw new IllegalArgumentException("syslog: empty message");
            return new SyslogMessage("", "", rest, rest);
        }
        Matcher t = TAG.matcher(h.group(3));
        String tag = t.matches() ? t.group(1) : "";
        String msg = t.matches() ? t.group(3) : h.group(3);
        return new SyslogMessage(h.group(2), tag, rest, msg);
    }

    private static SyslogMessage rfc5424(String s) {
        String[] f = s.split(" ", 6);
        if (f.length < 6) throw new IllegalArgumentException("syslog: RFC 5424 header has " + (f.length + 1) + " of 7 fields");
        String time = f[0];
        String host = nil(f[1]);
        String app = nil(f[2]);
        String procId = nil(f[3]);
        String afterSd = skipStructuredData(f[5]);
        if (time.equals("-")) throw new IllegalArgumentException("syslog: RFC 5424 message without a timestamp");
        String msg = afterSd.startsWith(BOM) ? afterSd.substring(1) : afterSd;
        if (msg.isBlank()) throw new IllegalArgumentException("syslog: empty message");
        String prog = app.isEmpty() ? "-" : app;
        String logLine = time + " " + (host.isEmpty() ? "-" : host) + " " + prog + (procId.isEmpty() ? "" : "[" + procId + "]") + ": " + msg;
        return new SyslogMessage(host, app, logLine, msg);
    }

    /** STRUCTURED-DATA is "-" or [id param="v" …]… where a quoted value may hold an escaped ] or ". */
    private static String skipStructuredData(String s) {
        if (s.startsWith("-")) return s.length() > 1 ? s.substring(s.startsWith("- ") ? 2 : 1) : "";
        if (!s.startsWith("[")) throw new IllegalArgumentException("syslog: RFC 5424 structured data malformed");
        int i = 0;
        while (i < s.length() && s.charAt(i) == '[') {
            boolean quoted = false;
            i++;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (quoted && c == '\\') i++;
                else if (c == '"') quoted = !quoted;
                else if (c == ']' && !quoted) break;
                i++;
            }
            if (i >= s.length()) throw new IllegalArgumentException("syslog: RFC 5424 structured data not closed");
            i++;
        }
        return i < s.length() && s.charAt(i) == ' ' ? s.substring(i + 1) : s.substring(i);
    }

    private static String nil(String field) {
        return field.equals("-") ? "" : field;
    }

    private static String strip(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r' || s.charAt(end - 1) == '\0')) end--;
        return s.substring(0, end);
    }
}
