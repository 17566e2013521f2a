package vn.iocstream.core.model;

import java.time.Instant;
import vn.iocstream.core.validation.RecordLimits;

/**
 * A citizen's report on {@code ioc.raw.reports}: a call to the 1022 hotline typed in by an operator, or a
 * message from the citizen app.
 *
 * @param id       stable id from the intake system (hotline ticket or app message id)
 * @param time     event time: when the citizen reported
 * @param channel  {@code hotline-1022} or {@code app}
 * @param category as chosen by the citizen or operator ("ùn tắc", "tai nạn", "ngập nước", …), may be empty
 * @param text     free Vietnamese text, often without diacritics or in teencode
 * @param location where: commune/ward and province as written (old names allowed), or coordinates
 */
public record CitizenReport(String id, Instant time, String channel, String category, String text, Location location) {
    /**
     * @param commune  commune or ward as written ("phường Tam Hiệp", "xa Gia Vien"), or null
     * @param province province as written, possibly a pre-2025 name ("Bình Phước"), or null
     * @param lat      WGS84 latitude when the app sent a position, else null
     * @param lon      WGS84 longitude
     */
    public record Location(String commune, String province, Double lat, Double lon) {}

    /** Why this report cannot be used (a missing field, a value outside {@code limits}), or null if it can. */
    public String problem(RecordLimits limits, Instant now) {
        if (id == null || id.isBlank()) return "missing field: id";
        if (text == null || text.isBlank()) return "missing field: text";
        if (location == null) return "missing field: location";
        boolean named = location.commune() != null && !location.commune().isBlank();
        boolean placed = location.lat() != null && location.lon() != null;
        if (!named && !placed) return "location has neither commune nor lat/lon";
        // Written so that NaN is out of range too.
        if (placed && !(Math.abs(location.lat()) <= 90 && Math.abs(location.lon()) <= 180)) {
            return "location lat/lon out of range: " + location.lat() + "," + location.lon();
        }
        return RecordLimits.first(limits.time("time", time, now), limits.field("id", id),
                limits.field("channel", channel), limits.field("category", category), limits.text("text", text),
                limits.field("location.commune", location.commune()), limits.field("location.province", location.province()));
    }
}
