package vn.iocstream.app.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.iocstream.app.access.ScopeSql;
import vn.iocstream.app.access.Sql;
import vn.iocstream.core.clickhouse.ClickHouseClient;

/**
 * The posts behind a number (drill-down), the reports and security events behind an alert: each list read
 * with the reader's scope inside the query.
 */
final class PostQueries {
    static final int PAGE_SIZE = 20;
    private static final int HEADLINE_CHARS = 160;

    /** What a drill-down selects; null fields do not restrict. {@code locality} narrows within the scope. */
    record Filter(List<String> ids, String watchlist, String story, String source, String sentiment, String entity,
                  Instant from, Instant to, ScopeSql locality) {}

    private final ClickHouseClient clickHouse;

    PostQueries(ClickHouseClient clickHouse) {
        this.clickHouse = clickHouse;
    }

    /** The filter within the scope as one condition over {@code posts}, without its time range (also what exports use). */
    static String condition(ScopeSql scope, Filter f) {
        List<String> where = new ArrayList<>();
        where.add(scope.posts());
        if (f.locality() != null) where.add(f.locality().posts());
        if (f.ids() != null) where.add("id IN " + Sql.list(f.ids()));
        if (f.watchlist() != null) where.add("has(watchlists, " + Sql.quote(f.watchlist()) + ")");
        if (f.story() != null) where.add("story_id = " + Sql.quote(f.story()));
        if (f.source() != null) where.add("source = " + Sql.quote(f.source()));
        if (f.sentiment() != null) where.add("sentiment = " + Sql.quote(f.sentiment()));
        if (f.entity() != null) where.add("has(entity_ids, " + Sql.quote(f.entity()) + ")");
        return String.join(" AND ", where);
    }

    Map<String, Object> posts(ScopeSql scope, Filter f, int page) {
        List<String> where = new ArrayList<>();
        where.add(condition(scope, f));
        if (f.from() != null) where.add("published_at >= toDateTime(" + f.from().getEpochSecond() + ")");
        if (f.to() != null) where.add("published_at < toDateTime(" + f.to().getEpochSecond() + ")");
        String cond = String.join(" AND ", where);
        long total = clickHouse.queryLong("SELECT count() FROM posts FINAL WHERE " + cond);
        List<Map<String, Object>> rows = clickHouse.query("SELECT id, title, substring(text, 1, 600), kind, source, url, "
                + "toUnixTimestamp(published_at), sentiment, province FROM posts FINAL WHERE " + cond
                + " ORDER BY published_at DESC, id LIMIT " + PAGE_SIZE + " OFFSET " + (long) (page - 1) * PAGE_SIZE, rs -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", rs.getString(1));
                    m.put("title", headline(rs.getString(2), rs.getString(3)));
                    m.put("kind", rs.getString(4));
                    m.put("source", rs.getString(5));
                    m.put("url", rs.getString(6));
                    m.put("publishedAt", Instant.ofEpochSecond(rs.getLong(7)).toString());
                    m.put("sentiment", rs.getString(8));
                    m.put("province", rs.getString(9));
                    return m;
                });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", total);
        out.put("page", page);
        out.put("pageSize", PAGE_SIZE);
        out.put("posts", rows);
        return out;
    }

    /** Citizen reports by id, in scope. */
    List<Map<String, Object>> reports(ScopeSql scope, List<String> ids) {
        if (ids.isEmpty()) return List.of();
        return clickHouse.query("SELECT id, toUnixTimestamp(reported_at), channel, category, text, commune, province FROM citizen_reports FINAL WHERE id IN "
                + Sql.list(ids) + " AND " + scope.reports() + " ORDER BY reported_at", rs -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", rs.getString(1));
                    m.put("time", Instant.ofEpochSecond(rs.getLong(2)).toString());
                    m.put("channel", rs.getString(3));
                    m.put("category", rs.getString(4));
                    m.put("title", rs.getString(5));
                    m.put("commune", rs.getString(6));
                    m.put("province", rs.getString(7));
                    return m;
                });
    }

    /** Security events by id, in scope. */
    List<Map<String, Object>> securityEvents(ScopeSql scope, List<String> ids) {
        if (ids.isEmpty()) return List.of();
        return clickHouse.query("SELECT id, toUnixTimestamp(time), kind, src_ip, dst_ip, dst_port, signature, substring(raw, 1, 400) FROM security_events FINAL WHERE id IN "
                + Sql.list(ids) + " AND " + scope.securityEvents() + " ORDER BY time", rs -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", rs.getString(1));
                    m.put("time", Instant.ofEpochSecond(rs.getLong(2)).toString());
                    m.put("kind", rs.getString(3));
                    m.put("source", rs.getString(4));
                    m.put("target", rs.getString(5) + ":" + rs.getInt(6));
                    m.put("signature", rs.getString(7));
                    m.put("title", rs.getString(8));
                    return m;
                });
    }

    /** Comments have no title: the start of their text stands in. */
    static String headline(String title, String text) {
        if (title != null && !title.isBlank()) return title;
        String t = text == null ? "" : text.strip();
        return t.length() <= HEADLINE_CHARS ? t : t.substring(0, HEADLINE_CHARS) + "…";
    }
}
