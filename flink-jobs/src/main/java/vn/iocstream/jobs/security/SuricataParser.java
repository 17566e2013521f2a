package vn.iocstream.jobs.security;

import static vn.iocstream.jobs.security.JsonLogLines.number;
import static vn.iocstream.jobs.security.JsonLogLines.text;

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
        return JsonLogLines.parse(line, "suricata", n -> fields(n, line, source, offset));
    }

    private static ParseResult fields(JsonNode n, String line, String source, Long offset) {
        EventBuilder b = new EventBuilder();
        b.time = time(text(n, "timestamp"));
        if (b.time == null) return ParseResult.error("suricata: missing or unreadable timestamp");
        b.kind = text(n, "event_type");
        if (b.kind.isEmpty()) return ParseResult.error("suricata: missing event_type");
        b.sensor = text(n, "host");
        b.srcIp = text(n, "src_ip");
        b.srcPort = number(n, "src_port");
        b.dstIp = text(n, "dest_ip");
        b.dstPort = number(n, "dest_port");
        b.proto = text(n, "proto").toLowerCase(Locale.ROOT);
        b.action = b.kind;
        JsonNode d = n.path(b.kind);
        switch (b.kind) {
            case "alert" -> {
                b.signature = text(d, "signature");
                b.severity = severity(number(d, "severity"));
                b.outcome = text(d, "action"); // allowed | blocked
                JsonNode http = n.path("http");
                b.method = text(http, "http_method");
                b.path = text(http, "url");
                b.status = number(http, "status");
            }
            case "flow" -> {
                b.action = "connection";
                b.outcome = text(d, "state");
                b.signature = text(n, "app_proto");
            }
            case "http" -> {
                b.action = "http-request";
                b.method = text(d, "http_method");
                b.path = text(d, "url");
                b.status = number(d, "status");
                if (!text(d, "hostname").isEmpty()) b.sensor = text(d, "hostname");
            }
            case "dns" -> {
                b.action = "dns-query";
                b.path = text(d, "rrname");
                b.signature = text(d, "rcode");
            }
            case "tls" -> {
                b.path = text(d, "sni");
                b.signature = text(d, "version");
            }
            case "ssh" -> b.signature = text(d.path("client"), "software_version");
            case "fileinfo" -> b.path = text(d, "filename");
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
