package vn.iocstream.jobs.traffic;

import java.io.Serializable;
import java.time.Instant;
import java.util.function.Function;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.CitizenReport;
import vn.iocstream.core.model.TrafficReading;
import vn.iocstream.core.validation.RecordLimits;
import vn.iocstream.jobs.io.Parsed;

/**
 * Parsers of the two raw topics of TrafficJob. Never throw: broken JSON, a missing field, an impossible value (a
 * failing sensor's 250 km/h) or one outside {@link RecordLimits} becomes a refusal with a reason fit for the
 * dead-letter topic.
 *
 * <p>Formats (JSON; times ISO-8601 UTC or epoch seconds):
 * <pre>
 * ioc.raw.traffic: {"segmentId":"ql1a-bien-hoa","time":"2026-11-20T01:05:00Z","speedKmh":42.5,"volume":37,"occupancy":0.18}
 * ioc.raw.reports: {"id":"1022-0001234","time":"2026-11-20T01:07:12Z","channel":"hotline-1022","category":"ùn tắc",
 *                   "text":"Kẹt xe cứng ngã tư Vũng Tàu","location":{"commune":"phường Tam Hiệp","province":"Đồng Nai"}}
 *                  location may instead be {"lat":10.95,"lon":106.84}
 * </pre>
 */
public final class TrafficParsers implements Serializable {
    private static final long serialVersionUID = 1L;
    private final RecordLimits limits;

    /** @param limits the time window and string bounds every record must keep (section {@code validation}) */
    public TrafficParsers(RecordLimits limits) {
        this.limits = limits;
    }

    public Parsed<TrafficReading> reading(byte[] json) {
        return parse(json, TrafficReading.class, r -> r.problem(limits, Instant.now()));
    }

    public Parsed<CitizenReport> report(byte[] json) {
        return parse(json, CitizenReport.class, r -> r.problem(limits, Instant.now()));
    }

    private static <T> Parsed<T> parse(byte[] json, Class<T> type, Function<T, String> problem) {
        try {
            T value = Json.parse(json, type);
            if (value == null) return Parsed.refused("empty record");
            String reason = problem.apply(value);
            return reason == null ? Parsed.ok(value) : Parsed.refused(reason);
        } catch (Json.JsonException e) {
            return Parsed.refused(e.getMessage());
        }
    }
}
