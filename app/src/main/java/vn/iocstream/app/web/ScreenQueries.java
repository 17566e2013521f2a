package vn.iocstream.app.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.iocstream.alerts.AlertView;
import vn.iocstream.app.access.Places;
import vn.iocstream.app.access.Scope;
import vn.iocstream.app.access.ScopeSql;
import vn.iocstream.core.clickhouse.ClickHouseClient;

/**
 * The numbers behind the media, leaders, security and traffic screens. Every query applies the reader's scope
 * inside it: trending issues are counted over the posts in scope (the {@code trends} table counts every
 * locality together, so its rows would leak counts across scopes), and every number carries what the page
 * needs to drill down to its posts.
 */
final class ScreenQueries {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ClickHouseClient ch;
    private final Places places;
    private final AlertQueries alerts;

    ScreenQueries(ClickHouseClient clickHouse, Places places, AlertQueries alerts) {
        this.ch = clickHouse;
        this.places = places;
        this.alerts = alerts;
    }

    private static String at(Instant t) {
        return "toDateTime(" + t.getEpochSecond() + ")";
    }

    /** Media monitoring: trending now, watchlist volumes and negative share by hour, stories, sources, places. */
    Map<String, Object> media(ScopeSql scope, Instant now) {
        String posts = scope.posts();
        Instant window = now.minusSeconds(6 * 3600), history = window.minusSeconds(7 * 24 * 3600), day = now.minusSeconds(24 * 3600);
        Map<String, Object> out = new LinkedHashMap<>();
        // Trending: posts of the last 6 h per watchlist against the mean per 6 h of the 7 days before (28 windows).
        out.put("trending", ch.query("SELECT w, countIf(published_at >= " + at(window) + ") AS n, countIf(published_at < " + at(window)
                + ") / 28 AS base, countIf(published_at >= " + at(window) + " AND sentiment = 'negative') FROM posts FINAL ARRAY JOIN watchlists AS w WHERE published_at >= "
                + at(history) + " AND published_at < " + at(now.plusSeconds(60)) + " AND " + posts
                + " GROUP BY w HAVING n > 0 ORDER BY (n + 1) / (base + 1) DESC, n DESC, w LIMIT 10", rs -> row(
                "watchlist", rs.getString(1), "count", rs.getLong(2), "baseline", round(rs.getDouble(3)), "negative", rs.getLong(4),
                "from", window.toString(), "to", now.toString())));
        out.put("entities", ch.query("SELECT eid, any(etext), count() AS n FROM posts FINAL ARRAY JOIN entity_ids AS eid, entity_types AS et, entity_texts AS etext WHERE et IN ('PERSON', 'ORGANIZATION') AND published_at >= "
                + at(window) + " AND " + posts + " GROUP BY eid ORDER BY n DESC, eid LIMIT 10",
                rs -> row("entity", rs.getString(1), "label", rs.getString(2), "count", rs.getLong(3), "from", window.toString(), "to", now.toString())));
        out.put("volumes", ch.query("SELECT w, toUnixTimestamp(toStartOfHour(published_at)) AS h, count(), countIf(sentiment = 'negative') FROM posts FINAL ARRAY JOIN watchlists AS w WHERE published_at >= "
                + at(day) + " AND " + posts + " GROUP BY w, h ORDER BY w, h",
                rs -> row("watchlist", rs.getString(1), "hour", Instant.ofEpochSecond(rs.getLong(2)).toString(), "count", rs.getLong(3), "negative", rs.getLong(4))));
        out.put("stories", ch.query("SELECT story_id, argMin(title, published_at), count() AS n, uniqExact(source), toUnixTimestamp(min(published_at)) FROM posts FINAL WHERE kind = 'press' AND published_at >= "
                + at(day) + " AND " + posts + " GROUP BY story_id HAVING n > 1 ORDER BY n DESC, story_id LIMIT 10",
                rs -> row("story", rs.getString(1), "title", rs.getString(2), "count", rs.getLong(3), "sources", rs.getLong(4), "first", Instant.ofEpochSecond(rs.getLong(5)).toString())));
        out.put("sources", ch.query("SELECT source, count() AS n, countIf(sentiment = 'negative') FROM posts FINAL WHERE published_at >= "
                + at(day) + " AND " + posts + " GROUP BY source ORDER BY n DESC, source LIMIT 10",
                rs -> row("source", rs.getString(1), "count", rs.getLong(2), "negative", rs.getLong(3), "from", day.toString(), "to", now.toString())));
        out.put("localities", ch.query("SELECT province, count() AS n, countIf(sentiment = 'negative') FROM posts FINAL WHERE published_at >= "
                + at(day) + " AND province != '' AND " + posts + " GROUP BY province ORDER BY n DESC, province LIMIT 10",
                rs -> row("province", rs.getString(1), "count", rs.getLong(2), "negative", rs.getLong(3))));
        return out;
    }

    /** Leaders: per unit in scope, today (Vietnam time) against the mean day of the last 7. */
    List<Map<String, Object>> leaders(Scope scope, Instant now) {
        List<Map<String, Object>> units = new ArrayList<>();
        Instant today = LocalDate.ofInstant(now, VIETNAM).atStartOfDay(VIETNAM).toInstant();
        Instant week = today.minusSeconds(7 * 24 * 3600);
        List<String> names = scope.all() ? List.of("all") : scope.units();
        for (String name : names) {
            Scope unit = scope.all() ? Scope.ALL : Scope.parse(name, vn.iocstream.core.geo.Gazetteer.load());
            ScopeSql sql = new ScopeSql(unit, places);
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("unit", scope.all() ? "Toàn quốc" : name);
            u.put("scope", unit.toString());
            List<Map<String, Object>> v = ch.query("SELECT countIf(published_at >= " + at(today) + "), countIf(published_at >= " + at(today)
                    + " AND sentiment = 'negative'), countIf(published_at < " + at(today) + "), countIf(published_at < " + at(today)
                    + " AND sentiment = 'negative') FROM posts FINAL WHERE published_at >= " + at(week) + " AND " + sql.posts(),
                    rs -> row("today", rs.getLong(1), "todayNegative", rs.getLong(2), "week", rs.getLong(3), "weekNegative", rs.getLong(4)));
            Map<String, Object> c = v.get(0);
            long t = (Long) c.get("today"), tn = (Long) c.get("todayNegative"), w = (Long) c.get("week"), wn = (Long) c.get("weekNegative");
            u.put("volumeToday", t);
            u.put("volumeDailyMean", round(w / 7.0));
            u.put("negativeShareToday", t == 0 ? 0 : round((double) tn / t));
            u.put("negativeShareWeek", w == 0 ? 0 : round((double) wn / w));
            u.put("from", today.toString());
            u.put("topIssues", ch.query("SELECT w, count() AS n FROM posts FINAL ARRAY JOIN watchlists AS w WHERE published_at >= " + at(today)
                    + " AND " + sql.posts() + " GROUP BY w ORDER BY n DESC, w LIMIT 5", rs -> row("watchlist", rs.getString(1), "count", rs.getLong(2))));
            List<Map<String, Object>> open = new ArrayList<>();
            alerts.activeByKind(unit).forEach((kind, n) -> open.add(row("kind", kind, "count", n)));
            u.put("openAlerts", open);
            units.add(u);
        }
        return units;
    }

    /** Security: alerts by kind and severity, top sources, event rate per 5 minutes with the rate-anomaly alerts. */
    Map<String, Object> security(ScopeSql scope, Instant now) {
        Instant day = now.minusSeconds(24 * 3600);
        String events = scope.securityEvents();
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Long> byKind = new java.util.TreeMap<>();
        List<Map<String, Object>> anomalies = new ArrayList<>();
        for (AlertView a : alerts.recent(scope.scope(), List.of("security.*"), day)) {
            byKind.merge(a.kind() + "|" + a.severity(), 1L, Long::sum);
            if (a.kind().equals("security.rate_anomaly")) {
                anomalies.add(row("time", a.windowStart().toString(), "target", a.key(), "count", a.count(), "baseline", round(a.baseline()), "title", a.title()));
            }
        }
        List<Map<String, Object>> kinds = new ArrayList<>();
        byKind.forEach((k, n) -> kinds.add(row("kind", k.split("\\|")[0], "severity", k.split("\\|")[1], "count", n)));
        out.put("alertsByKind", kinds);
        out.put("topSources", ch.query("SELECT src_ip, count() AS n, uniqExact(kind), uniqExact(dst_ip) FROM security_events FINAL WHERE time >= " + at(day)
                + " AND src_ip != '' AND " + events + " GROUP BY src_ip ORDER BY n DESC, src_ip LIMIT 10",
                rs -> row("source", rs.getString(1), "events", rs.getLong(2), "kinds", rs.getLong(3), "targets", rs.getLong(4))));
        out.put("rates", ch.query("SELECT toUnixTimestamp(toStartOfFiveMinute(time)) AS t, count() FROM security_events FINAL WHERE time >= " + at(day)
                + " AND " + events + " GROUP BY t ORDER BY t", rs -> row("time", Instant.ofEpochSecond(rs.getLong(1)).toString(), "count", rs.getLong(2))));
        out.put("anomalies", anomalies);
        return out;
    }

    /** Traffic and public order: latest speed per segment against its usual, congestion alerts, report clusters. */
    Map<String, Object> traffic(ScopeSql scope, Instant now) {
        Instant hours = now.minusSeconds(3 * 3600), day = now.minusSeconds(24 * 3600);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("segments", ch.query("SELECT segment_id, argMax(avg_speed, bucket_start), argMax(usual_speed, bucket_start), argMax(anomaly_score, bucket_start), "
                + "argMax(congested, bucket_start), toUnixTimestamp(max(bucket_start)) FROM traffic_stats FINAL WHERE bucket_start >= " + at(hours)
                + " AND " + scope.segments("segment_id") + " GROUP BY segment_id ORDER BY segment_id",
                rs -> row("segment", rs.getString(1), "speed", round(rs.getDouble(2)), "usual", round(rs.getDouble(3)),
                        "anomaly", round(rs.getDouble(4)), "congested", rs.getInt(5) == 1, "time", Instant.ofEpochSecond(rs.getLong(6)).toString())));
        out.put("series", ch.query("SELECT segment_id, toUnixTimestamp(bucket_start), avg_speed, usual_speed FROM traffic_stats FINAL WHERE bucket_start >= " + at(hours)
                + " AND " + scope.segments("segment_id") + " ORDER BY segment_id, bucket_start",
                rs -> row("segment", rs.getString(1), "time", Instant.ofEpochSecond(rs.getLong(2)).toString(), "speed", round(rs.getDouble(3)), "usual", round(rs.getDouble(4)))));
        out.put("congestion", alerts.recent(scope.scope(), List.of("traffic.congestion"), day).stream().limit(20)
                .map(a -> row("id", a.id(), "title", a.title(), "severity", a.severity(), "time", a.windowStart().toString())).toList());
        out.put("clusters", alerts.recent(scope.scope(), List.of("order.report_cluster"), day).stream().limit(20)
                .map(a -> row("id", a.id(), "title", a.title(), "severity", a.severity(), "count", a.count(), "time", a.windowStart().toString())).toList());
        out.put("reportsByCommune", ch.query("SELECT commune, province, count() AS n FROM citizen_reports FINAL WHERE reported_at >= " + at(day)
                + " AND commune != '' AND " + scope.reports() + " GROUP BY commune, province ORDER BY n DESC, commune LIMIT 10",
                rs -> row("commune", rs.getString(1), "province", rs.getString(2), "count", rs.getLong(3))));
        return out;
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
