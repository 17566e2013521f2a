package vn.iocstream.jobs.security;

import java.time.Instant;

/**
 * One security-relevant line, normalised whatever produced it (Zeek, Suricata, sshd/syslog, a web server);
 * a row of ClickHouse {@code security_events}. Absent text fields are "", absent numbers 0.
 *
 * @param id        deterministic: hash of format, source, offset and line, so a replay writes the same rows
 * @param format    envelope format: {@code zeek}, {@code suricata}, {@code auth}, {@code access}
 * @param kind      what the producer calls it: Zeek log path ({@code conn}, {@code notice} …), Suricata
 *                  event_type, syslog program ({@code sshd}), {@code access}
 * @param source    where the line came from (file or shipper name, from the envelope)
 * @param sensor    the host that logged it (syslog host, Zeek/Suricata sensor, web server)
 * @param action    normalised verb: {@code ssh-login}, {@code web-login}, {@code http-request}, {@code connection},
 *                  {@code alert}, {@code notice}, … or the producer's kind when nothing more specific fits
 * @param outcome   {@code success}, {@code failure} or ""
 * @param signature IDS signature, Zeek note or weird name, or the web-attack pattern a request path matched
 * @param severity  {@code info}, {@code warning}, {@code critical} where the producer says, else ""
 * @param repeat    how many occurrences the line stands for ("message repeated 5 times", Zeek auth_attempts)
 * @param raw       the original line
 */
public record SecurityEvent(String id, Instant time, String format, String kind, String source, String sensor,
                            String srcIp, int srcPort, String dstIp, int dstPort, String proto, String user,
                            String action, String outcome, String method, String path, int status,
                            String signature, String severity, int repeat, String raw) {
    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";

    public SecurityEvent withSignature(String sig) {
        return new SecurityEvent(id, time, format, kind, source, sensor, srcIp, srcPort, dstIp, dstPort, proto, user,
                action, outcome, method, path, status, sig, severity, repeat, raw);
    }

    /** The host a request or connection was aimed at: its address, else the sensor that logged it. */
    public String destination() {
        return dstIp.isEmpty() ? sensor : dstIp;
    }
}
