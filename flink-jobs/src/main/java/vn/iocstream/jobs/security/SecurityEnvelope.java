package vn.iocstream.jobs.security;

/**
 * A record on {@code ioc.raw.security}: one log line and what it is, because nothing else in the bytes says
 * reliably which parser applies. JSON: {@code {"format":"auth","source":"bastion/auth.log","line":"…",
 * "offset":41,"year":2025}}.
 *
 * @param format {@code zeek} (JSON logs), {@code suricata} (EVE JSON), {@code auth} (sshd/syslog lines),
 *               {@code access} (Apache/nginx common or combined)
 * @param source file or shipper name; for Zeek, a file name like {@code conn.log} names the log when the
 *               line has no {@code _path}
 * @param offset line number or byte offset in the source, if known: two identical lines at different offsets
 *               stay two events (null: identical lines collapse into one event id)
 * @param year   year for syslog timestamps, which carry none (null: the job's configured year)
 */
public record SecurityEnvelope(String format, String source, String line, Long offset, Integer year) {
    public static final String ZEEK = "zeek";
    public static final String SURICATA = "suricata";
    public static final String AUTH = "auth";
    public static final String ACCESS = "access";
}
