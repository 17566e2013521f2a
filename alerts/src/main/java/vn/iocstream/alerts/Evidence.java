package vn.iocstream.alerts;

import java.time.Instant;

/**
 * One item behind an alert, read from the table the rule counted: {@code posts} for media alerts,
 * {@code security_events} for security, {@code citizen_reports} for report clusters, {@code traffic_stats} for
 * traffic. An id not (yet) stored there is listed with only its id and type.
 *
 * @param id      the post / event / report id, or {@code segment@time} for a traffic bucket
 * @param type    {@code post}, {@code security_event}, {@code citizen_report} or {@code traffic}
 * @param title   headline, log signature, report category … ("" when unknown)
 * @param url     the source's link for posts ("" otherwise); crawled: check its scheme before making it a link
 * @param source  outlet, sensor/log file, reporting channel, segment
 * @param at      when it was published / happened, or null
 * @param excerpt up to 300 characters of text or the raw log line ("" when unknown); crawled or logged text
 */
public record Evidence(String id, String type, String title, String url, String source, Instant at, String excerpt) {}
