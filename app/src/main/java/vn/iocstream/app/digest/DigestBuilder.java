package vn.iocstream.app.digest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import vn.iocstream.app.access.Sql;
import vn.iocstream.app.export.ExportInfo;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.model.AlertKinds;

/**
 * Builds a {@link Digest} from ClickHouse, every number counted by the server inside the scope's conditions. Tables
 * are read with {@code FINAL}, so a replayed row counts once. A story is a story id ({@code posts.story_id}: a post
 * and its syndicated copies share one); it is ranked by the distinct outlets (sources) that carried it that day, then
 * by its posts, then by its first post's time. Days are Vietnam days: a row's day is
 * {@code intDiv(toUInt32(time) + 25200, 86400)}, which needs no time-zone support in the server.
 */
public final class DigestBuilder {
    private static final int SECONDS_EAST = 7 * 3600;
    private static final int NORM_DAYS = 7;
    private static final int MAX_TRENDS = 10;
    private static final int MAX_LOCALITIES = 15;
    /** A post without a story id (written before story grouping) is a story of its own. */
    private static final String STORY = "if(story_id = '', id, story_id)";
    /** What a post is called in lists: its title, or the start of its text (comments and social posts have none). */
    private static final String TITLE = "if(title = '', substringUTF8(text, 1, 140), title)";

    private final ClickHouseClient clickHouse;
    private final Clock clock;

    public DigestBuilder(ClickHouseClient clickHouse, Clock clock) {
        this.clickHouse = clickHouse;
        this.clock = clock;
    }

    /** The day before today, Vietnam time: what a morning digest covers. */
    public static LocalDate yesterday(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ExportInfo.ZONE).minusDays(1);
    }

    public static Instant start(LocalDate day) {
        return day.atStartOfDay(ExportInfo.ZONE).toInstant();
    }

    /**
     * @param topStories how many stories to list (all are counted)
     */
    public Digest build(DigestScope scope, LocalDate day, int topStories) {
        if (topStories < 1) throw new IllegalArgumentException("topStories must be at least 1");
        Instant from = start(day);
        Instant to = start(day.plusDays(1));
        Range range = new Range(from, to);
        Range week = new Range(start(day.minusDays(NORM_DAYS)), to);

        Map<Long, long[]> posts = perDay(week, "SELECT intDiv(toUInt32(published_at) + " + SECONDS_EAST + ", 86400) AS d, count(),"
                + " uniqExact(" + STORY + "), uniqExact(source), countIf(sentiment = 'positive'), countIf(sentiment = 'negative')"
                + " FROM posts FINAL WHERE " + week.on("published_at") + " AND " + scope.posts() + " GROUP BY d", 5);
        Map<Long, long[]> alerts = perDay(week, "SELECT intDiv(toUInt32(created_at) + " + SECONDS_EAST + ", 86400) AS d, count()"
                + " FROM alerts FINAL WHERE " + week.on("created_at") + " AND " + scope.alerts() + " GROUP BY d", 1);
        Map<Long, long[]> reports = perDay(week, "SELECT intDiv(toUInt32(reported_at) + " + SECONDS_EAST + ", 86400) AS d, count()"
                + " FROM citizen_reports FINAL WHERE " + week.on("reported_at") + " AND " + scope.reports() + " GROUP BY d", 1);

        List<Digest.DayVolume> days = new ArrayList<>();
        for (LocalDate d = day.minusDays(NORM_DAYS); !d.isAfter(day); d = d.plusDays(1)) {
            long[] p = posts.getOrDefault(d.toEpochDay(), new long[5]);
            days.add(new Digest.DayVolume(d, p[3], p[0] - p[3] - p[4], p[4]));
        }
        List<Digest.Figure> figures = List.of(
                figure("Bài viết", day, posts, p -> p[0], false),
                figure("Câu chuyện", day, posts, p -> p[1], false),
                figure("Nguồn đưa tin", day, posts, p -> p[2], false),
                figure("Tỷ lệ tiêu cực", day, posts, p -> p[0] == 0 ? 0 : 100.0 * p[4] / p[0], true),
                figure("Cảnh báo", day, alerts, a -> a[0], false),
                figure("Phản ánh của người dân", day, reports, r -> r[0], false));

        List<Digest.Story> stories = stories(scope, range, topStories);
        long storyCount = clickHouse.queryLong("SELECT uniqExact(" + STORY + ") FROM posts FINAL WHERE " + range.on("published_at")
                + " AND " + scope.posts());
        List<Digest.Link> links = new ArrayList<>();
        for (Digest.Story s : stories) {
            for (Digest.Copy c : s.copies()) links.add(new Digest.Link(c.title(), c.outlet(), c.url()));
        }
        return new Digest(scope.label(), day, from, to, clock.instant(), figures, days, stories, storyCount,
                trends(scope, range), pickups(scope, range), negative(scope, range), alertCounts(scope, range),
                staleSources(), links);
    }

    private interface Measure {
        double of(long[] row);
    }

    private static Digest.Figure figure(String label, LocalDate day, Map<Long, long[]> rows, Measure m, boolean percent) {
        long d = day.toEpochDay();
        double norm = 0;
        for (long i = d - NORM_DAYS; i < d; i++) norm += m.of(rows.getOrDefault(i, new long[8]));
        return new Digest.Figure(label, m.of(rows.getOrDefault(d, new long[8])), m.of(rows.getOrDefault(d - 1, new long[8])),
                norm / NORM_DAYS, percent);
    }

    /** Rows of (day number, n values) by day number. */
    private Map<Long, long[]> perDay(Range week, String sql, int values) {
        Map<Long, long[]> out = new HashMap<>();
        clickHouse.query(sql, rs -> {
            long[] v = new long[values];
            for (int i = 0; i < values; i++) v[i] = rs.getLong(i + 2);
            out.put(rs.getLong(1), v);
            return v;
        });
        return out;
    }

    private List<Digest.Story> stories(DigestScope scope, Range range, int top) {
        String where = range.on("published_at") + " AND " + scope.posts();
        record Ranked(String id, long posts, long outlets, long negative, long firstAt) {}
        List<Ranked> ranked = clickHouse.query("SELECT s, count() AS n, uniqExact(source) AS outlets,"
                + " countIf(sentiment = 'negative'), min(toUInt32(published_at)) AS first FROM (SELECT " + STORY + " AS s, source,"
                + " sentiment, published_at FROM posts FINAL WHERE " + where + ") GROUP BY s"
                + " ORDER BY outlets DESC, n DESC, first ASC, s ASC LIMIT " + top,
                rs -> new Ranked(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
        if (ranked.isEmpty()) return List.of();
        Map<String, List<Digest.Copy>> copies = new LinkedHashMap<>();
        clickHouse.query("SELECT " + STORY + " AS s, source, kind, " + TITLE + ", url,"
                + " toUInt32(published_at) FROM posts FINAL WHERE " + where + " AND " + STORY + " IN "
                + Sql.list(ranked.stream().map(Ranked::id).toList()) + " ORDER BY published_at, id", rs -> {
            copies.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Digest.Copy(rs.getString(2), rs.getString(3),
                    oneLine(rs.getString(4)), rs.getString(5), Instant.ofEpochSecond(rs.getLong(6))));
            return 1;
        });
        List<Digest.Story> out = new ArrayList<>();
        for (Ranked r : ranked) {
            List<Digest.Copy> c = copies.getOrDefault(r.id(), List.of());
            // The headline: the first press copy's title, else the first copy's.
            Digest.Copy lead = c.stream().filter(x -> x.kind().equals("press")).findFirst().orElse(c.isEmpty() ? null : c.get(0));
            out.add(new Digest.Story(out.size() + 1, r.id(), lead == null ? "" : lead.title(), c.isEmpty() ? "" : c.get(0).outlet(),
                    Instant.ofEpochSecond(r.firstAt()), r.outlets(), r.posts(), r.negative(), List.copyOf(c)));
        }
        return out;
    }

    /** Keys whose first trending window began that day, strongest first; in a scope, those trending on its posts. */
    private List<Digest.TrendItem> trends(DigestScope scope, Range range) {
        String inScope = scope.posts().equals("1") ? "" : " AND (key_type, key, window_start) IN (SELECT key_type, key, window_start"
                + " FROM trends FINAL ARRAY JOIN post_ids AS pid WHERE " + range.on("window_end") + " AND pid IN (SELECT id FROM posts"
                + " FINAL WHERE published_at >= toDateTime(" + (range.from().getEpochSecond() - 86400) + ") AND published_at < toDateTime("
                + range.to().getEpochSecond() + ") AND " + scope.posts() + "))";
        return clickHouse.query("SELECT key_type, any(label), max(count), max(score) AS peak, min(toUInt32(first_seen)) FROM trends FINAL"
                + " WHERE " + range.on("window_end") + " AND " + range.on("first_seen") + inScope
                + " GROUP BY key_type, key ORDER BY peak DESC, key_type, key LIMIT " + MAX_TRENDS,
                rs -> new Digest.TrendItem(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getDouble(4),
                        Instant.ofEpochSecond(rs.getLong(5))));
    }

    private List<Digest.Pickup> pickups(DigestScope scope, Range range) {
        return clickHouse.query("SELECT title, toUInt32(created_at), count, province, commune FROM alerts FINAL WHERE kind = "
                + Sql.quote(AlertKinds.MEDIA_PICKUP) + " AND " + range.on("created_at") + " AND " + scope.alerts()
                + " ORDER BY created_at, id", rs -> new Digest.Pickup(oneLine(rs.getString(1)), Instant.ofEpochSecond(rs.getLong(2)),
                rs.getLong(3), rs.getString(5).isEmpty() ? rs.getString(4) : rs.getString(5) + ", " + rs.getString(4)));
    }

    /**
     * Negative posts by locality: for the whole country by province; within a scope by the places the posts name
     * (communes, wards, former districts; the province itself left out; a post naming none counts for its province), a
     * post naming two places counted in both.
     */
    private List<Digest.LocalityIssues> negative(DigestScope scope, Range range) {
        boolean whole = scope.posts().equals("1");
        String province = whole ? "if(province = '', 'Chưa rõ địa bàn', province)" : "if(province = '', 'chưa rõ địa bàn', lowerUTF8(province))";
        String named = "arrayDistinct(arrayFilter(x -> x != '' AND x != lowerUTF8(province), arrayMap((t, x) -> if(t = 'LOCATION',"
                + " replaceRegexpOne(lowerUTF8(x), '" + DigestScope.PREFIX_REGEX + "', ''), ''), entity_types, entity_texts)))";
        String place = whole ? province : "arrayJoin(if(empty(" + named + "), [" + province + "], " + named + "))";
        return clickHouse.query("SELECT place, count() AS n, uniqExact(s), argMin(label, score) FROM (SELECT " + STORY + " AS s, "
                + TITLE + " AS label, score, " + place + " AS place FROM posts FINAL WHERE " + range.on("published_at") + " AND " + scope.posts()
                + " AND sentiment = 'negative') GROUP BY place ORDER BY n DESC, place LIMIT " + MAX_LOCALITIES,
                rs -> new Digest.LocalityIssues(whole ? rs.getString(1) : titleCase(rs.getString(1)), rs.getLong(2), rs.getLong(3), oneLine(rs.getString(4))));
    }

    private List<Digest.AlertCount> alertCounts(DigestScope scope, Range range) {
        return clickHouse.query("SELECT kind, state, count() FROM alerts FINAL WHERE " + range.on("created_at") + " AND "
                + scope.alerts() + " GROUP BY kind, state ORDER BY kind, state",
                rs -> new Digest.AlertCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
    }

    /** Sources carry no locality: every scope sees every source that is failing, stale or silent. */
    private List<Digest.StaleSource> staleSources() {
        return clickHouse.query("SELECT source, status, toUInt32(last_success), toUInt32(last_new_item), consecutive_errors"
                + " FROM source_health FINAL WHERE status != 'ok' ORDER BY status, source",
                rs -> new Digest.StaleSource(rs.getString(1), rs.getString(2), never(rs.getLong(3)), never(rs.getLong(4)), rs.getLong(5)));
    }

    private static Instant never(long seconds) {
        return seconds == 0 ? null : Instant.ofEpochSecond(seconds);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    /** "biên hòa" → "Biên Hòa", "tp hồ chí minh" → "TP Hồ Chí Minh": place names were lower-cased to compare them. */
    static String titleCase(String s) {
        return java.util.Arrays.stream(s.split(" ")).filter(w -> !w.isEmpty())
                .map(w -> w.equals("tp") ? "TP" : w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1))
                .collect(Collectors.joining(" "));
    }

    /** [from, to) as a condition on a DateTime column, in Unix seconds. */
    private record Range(Instant from, Instant to) {
        String on(String column) {
            return column + " >= toDateTime(" + from.getEpochSecond() + ") AND " + column + " < toDateTime(" + to.getEpochSecond() + ")";
        }
    }
}
