package vn.iocstream.jobs.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import vn.iocstream.core.json.Json;

/**
 * Suricata EVE JSON ({@code eve.json}): every event has {@code timestamp}, {@code event_type} and usually the
 * flow tuple; the type's details sit under a key of the same name. alert, flow, http, dns, tls, ssh and
 * fileinfo are mapped; other types (anomaly, stats, smb …) are kept with their tuple.
 */
public final class SuricataParser {
    /** EVE writes {@code 2017-04-07T22:24:37.251547+0100} (offset without colon), older versions no offset. */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private SuricataParser() {}

    public static ParseResult parse(String line, String source, Long offset) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            return ParseResult.error("suricata: not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) return ParseResult.error("suricata: not a JSON object");
        EventBuilder b = new EventBuilder();
        b.time = time(ZeekParser.text(n, "timestamp"));
        if (b.time == null) return ParseResult.error("suricata: missing or unreadable timestamp");
        b.kind = ZeekParser.text(n, "event_type");
        if (b.kind.isEmpty()) return ParseResult.error("suricata: missing event_type");
        b.sensor = ZeekParser.text(n, "host");
        b.srcIp = ZeekParser.text(n, "src_ip");
        b.srcPort = ZeekParser.number(n, "src_port");
        b.dstIp = ZeekParser.text(n, "dest_ip");
        b.dstPort = ZeekParser.number(n, "dest_port");
        b.proto = ZeekParser.text(n, "proto").toLowerCase(Locale.ROOT);
        b.action = b.kind;
        JsonNode d = n.path(b.kind);
        switch (b.kind) {
            case "alert" -> {
                b.signature = ZeekParser.text(d, "signature");
                b.severity = severity(ZeekParser.number(d, "severity"));
                b.outcome = ZeekParser.text(d, "action"); // allowed | blocked
                JsonNode http = n.path("http");
                b.method = ZeekParser.text(http, "http_method");
                b.path = ZeekParser.text(http, "url");
                b.status = ZeekParser.number(http, "status");
            }
            case "flow" -> {
                b.action = "connection";
                b.outcome = ZeekParser.text(d, "state");
                b.signature = ZeekParser.text(n, "app_proto");
            }
            case "http" -> {
                b.action = "http-request";
                b.method = ZeekParser.text(d, "http_method");
                b.path = ZeekParser.text(d, "url");
                b.status = ZeekParser.number(d, "status");
                if (!ZeekParser.text(d, "hostname").isEmpty()) b.sensor = ZeekParser.text(d, "hostname");
            }
            case "dns" -> {
                b.action = "dns-query";
                b.path = ZeekParser.text(d, "rrname");
                b.signature = ZeekParser.text(d, "rcode");
            }
            case "tls" -> {
                b.path = ZeekParser.text(d, "sni");
                b.signature = ZeekParser.text(d, "version");
            }
            case "ssh" -> b.signature = ZeekParser.text(d.path("client"), "software_version");
            case "fileinfo" -> b.path = ZeekParser.text(d, "filename");
            default -> { }
        }
        return ParseResult.ok(b.build(SecurityEnvelope.SURICATA, source, offset, line));
    }

    /** Suricata's priority: 1 is the most severe; rules without one default to 3. */
    static String severity(int suricata) {
        return switch (suricata) {
            case 1 -> "critical";
            case 2 -> "warning";
            default -> "info";
        };
    }

    private static Instant time(String text) {
        if (text.isEmpty()) return null;
        try {
            var parsed = TIMESTAMP.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime o ? o.toInstant() : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
