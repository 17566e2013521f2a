package vn.iocstream.jobs.security;

import java.time.Instant;
import vn.iocstream.core.Ids;

/** Mutable fields of an event while a parser fills them; every parser ends with {@link #build}. */
final class EventBuilder {
    Instant time;
    String kind = "";
    String sensor = "";
    String srcIp = "";
    int srcPort;
    String dstIp = "";
    int dstPort;
    String proto = "";
    String user = "";
    String action = "";
    String outcome = "";
    String method = "";
    String path = "";
    int status;
    String signature = "";
    String severity = "";
    int repeat = 1;

    SecurityEvent build(String format, String source, Long offset, String line) {
        String src = source == null ? "" : source;
        String id = Ids.of(format, src, offset == null ? "" : Long.toString(offset), line);
        return new SecurityEvent(id, time, format, kind, src, sensor, srcIp, srcPort, dstIp, dstPort, proto, user,
                action, outcome, method, path, status, signature, severity, Math.max(1, repeat), line);
    }

    static String text(String s) {
        return s == null ? "" : s;
    }
}
