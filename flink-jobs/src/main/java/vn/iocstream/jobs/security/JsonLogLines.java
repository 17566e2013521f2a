package vn.iocstream.jobs.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;
import vn.iocstream.core.json.Json;

/** What the JSON-lines parsers (Zeek, Suricata EVE) share: one line read as an object, and lenient field reads. */
final class JsonLogLines {
    private JsonLogLines() {}

    /** {@code fields} applied to the line's object; a line that is not a JSON object is an error naming {@code format}. */
    static ParseResult parse(String line, String format, Function<JsonNode, ParseResult> fields) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            return ParseResult.error(format + ": not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) return ParseResult.error(format + ": not a JSON object");
        return fields.apply(n);
    }

    /** The first of {@code fields} that has a value, as text; empty if none has. */
    static String first(JsonNode n, String... fields) {
        for (String f : fields) {
            String v = text(n, f);
            if (!v.isEmpty()) return v;
        }
        return "";
    }

    /** A field as text; arrays (Zeek sets such as tx_hosts) give their first element. */
    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return "";
        if (v.isArray()) return v.isEmpty() ? "" : v.get(0).asText("");
        return v.isValueNode() ? v.asText("") : "";
    }

    /** A field as a whole number, written as a number or as text; 0 when absent or unreadable. */
    static int number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null) return 0;
        if (v.isNumber()) return v.asInt();
        if (v.isTextual()) {
            try {
                return Integer.parseInt(v.asText().trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }
}
