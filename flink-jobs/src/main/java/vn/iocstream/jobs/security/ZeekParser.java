package vn.iocstream.jobs.security;

import static vn.iocstream.jobs.security.JsonLogLines.first;
import static vn.iocstream.jobs.security.JsonLogLines.number;
import static vn.iocstream.jobs.security.JsonLogLines.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Zeek logs written as JSON lines ({@code LogAscii::use_json=T} or the json-streaming-logs package). The log
 * kind comes from {@code _path}, else from the file name ({@code conn.log}, {@code conn.json},
 * {@code conn.09:00:00-10:00:00.log.gz}). Known kinds get their fields mapped; any other kind is kept with
 * its connection tuple and its kind as the action — an unfamiliar log is never an error.
 * {@code ts} may be epoch seconds (Zeek's default) or ISO-8601 (the streaming package).
 */
public final class ZeekParser {
    private ZeekParser() {}

    public static ParseResult parse(String line, String source, Long offset) {
        return JsonLogLines.parse(line, "zeek", n -> fields(n, line, source, offset));
    }

    private static ParseResult fields(JsonNode n, String line, String source, Long offset) {
        EventBuilder b = new EventBuilder();
        b.time = time(n.get("ts"));
        if (b.time == null) return ParseResult.error("zeek: missing or unreadable ts");
        b.kind = text(n, "_path");
        if (b.kind.isEmpty()) b.kind = kindFromFile(source);
        if (b.kind.isEmpty()) return ParseResult.error("zeek: no _path and no log name in source " + source);
        b.sensor = first(n, "_system_name", "peer");
        b.srcIp = first(n, "id.orig_h", "src", "host", "tx_hosts");
        b.srcPort = number(n, "id.orig_p");
        b.dstIp = first(n, "id.resp_h", "dst", "rx_hosts");
        b.dstPort = number(n, "id.resp_p") != 0 ? number(n, "id.resp_p") : number(n, "p");
        JsonNode id = n.get("id"); // some writers nest the tuple instead of flattening it
        if (id != null && id.isObject()) {
            if (b.srcIp.isEmpty()) b.srcIp = text(id, "orig_h");
            if (b.dstIp.isEmpty()) b.dstIp = text(id, "resp_h");
            if (b.srcPort == 0) b.srcPort = number(id, "orig_p");
            if (b.dstPort == 0) b.dstPort = number(id, "resp_p");
        }
        b.proto = first(n, "proto", "port_proto").toLowerCase(Locale.ROOT);
        b.action = b.kind;
        switch (b.kind) {
            case "conn" -> {
                b.action = "connection";
                b.outcome = text(n, "conn_state");
                b.signature = text(n, "service");
            }
            case "dns" -> {
                b.action = "dns-query";
                b.path = text(n, "query");
                b.signature = text(n, "rcode_name");
            }
            case "http" -> {
                b.action = "http-request";
                b.method = text(n, "method");
                b.path = text(n, "uri");
                b.status = number(n, "status_code");
                b.user = text(n, "username");
                if (!text(n, "host").isEmpty()) b.sensor = text(n, "host");
            }
            case "ssh" -> {
                JsonNode success = n.get("auth_success");
                if (success != null && success.isBoolean()) {
                    b.action = "ssh-login";
                    b.outcome = success.asBoolean() ? SecurityEvent.SUCCESS : SecurityEvent.FAILURE;
                    // A failed connection tried auth_attempts passwords: each counts towards brute force.
                    b.repeat = success.asBoolean() ? 1 : Math.max(1, number(n, "auth_attempts"));
                }
                b.signature = text(n, "client");
            }
            case "ssl" -> {
                b.action = "tls";
                b.path = text(n, "server_name");
                b.outcome = n.path("established").asBoolean(false) ? SecurityEvent.SUCCESS : "";
            }
            case "notice" -> {
                b.action = "notice";
                b.signature = text(n, "note");
                b.path = text(n, "msg");
            }
            case "weird" -> {
                b.action = "weird";
                b.signature = text(n, "name");
            }
            case "ftp" -> {
                b.user = text(n, "user");
                b.method = text(n, "command");
                b.path = text(n, "arg");
                b.status = number(n, "reply_code");
            }
            case "ntlm", "kerberos", "rdp", "smb_mapping", "dce_rpc" -> b.user = first(n, "username", "client", "cookie");
            default -> { }
        }
        return ParseResult.ok(b.build(SecurityEnvelope.ZEEK, source, offset, line));
    }

    /** {@code conn} from {@code /var/log/zeek/conn.log}, {@code conn.json.gz} or {@code conn.09:00:00-10:00:00.log}. */
    static String kindFromFile(String source) {
        if (source == null || source.isBlank()) return "";
        String name = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
        int dot = name.indexOf('.');
        return (dot < 0 ? name : name.substring(0, dot)).toLowerCase(Locale.ROOT);
    }

    private static Instant time(JsonNode ts) {
        if (ts == null || ts.isNull()) return null;
        if (ts.isNumber()) return Instant.ofEpochMilli(Math.round(ts.asDouble() * 1000));
        try {
            return Instant.parse(ts.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
