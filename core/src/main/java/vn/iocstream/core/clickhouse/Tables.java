package vn.iocstream.core.clickhouse;

import static vn.iocstream.core.clickhouse.ClickHouseClient.dateTime;

import java.util.List;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.EnrichedPost;
import vn.iocstream.core.model.EntityMention;
import vn.iocstream.core.model.Trend;
import vn.iocstream.core.model.WatchlistMinute;

/** The row mappings of the tables in {@code resources/clickhouse}. */
public final class Tables {
    private Tables() {}

    public static final TsvRow<EnrichedPost> POSTS = new TsvRow<>() {
        @Override public String table() { return "posts"; }

        @Override public List<String> columns() {
            return List.of("id", "url", "kind", "source", "title", "text", "author", "published_at", "fetched_at",
                    "province", "places", "entity_types", "entity_ids", "entity_texts", "words", "sentiment", "score",
                    "watchlists", "fingerprint", "story_id", "flags");
        }

        @Override public void write(TabSeparated out, EnrichedPost p) {
            out.string(p.id()).string(p.url()).string(p.kind()).string(p.source()).string(p.title()).string(p.text())
                    .string(p.author()).dateTime(p.publishedAt())
                    .dateTime(p.fetchedAt() == null ? p.publishedAt() : p.fetchedAt()).string(p.province())
                    .strings(p.places())
                    .strings(p.entities().stream().map(EntityMention::type).toList())
                    .strings(p.entities().stream().map(EntityMention::canonicalId).toList())
                    .strings(p.entities().stream().map(EntityMention::text).toList())
                    .number(p.words()).string(p.sentiment()).number(p.score()).strings(p.watchlists())
                    .unsigned(p.fingerprint()).string(p.storyId()).strings(p.flags());
        }
    };

    public static final TsvRow<WatchlistMinute> WATCHLIST_STATS = new TsvRow<>() {
        @Override public String table() { return "watchlist_stats"; }

        @Override public List<String> columns() {
            return List.of("watchlist", "minute", "posts", "negative", "avg_score");
        }

        @Override public void write(TabSeparated out, WatchlistMinute m) {
            out.string(m.watchlist()).dateTime(m.minute()).number(m.posts()).number(m.negative()).number(m.avgScore());
        }
    };

    public static final TsvRow<Trend> TRENDS = new TsvRow<>() {
        @Override public String table() { return "trends"; }

        @Override public List<String> columns() {
            return List.of("key_type", "key", "label", "window_start", "window_end", "score", "count", "negative",
                    "baseline", "first_seen", "post_ids");
        }

        @Override public void write(TabSeparated out, Trend t) {
            out.string(t.keyType()).string(t.key()).string(t.label()).dateTime(t.windowStart()).dateTime(t.windowEnd())
                    .number(t.score()).number(t.count()).number(t.negative()).number(t.baseline()).dateTime(t.firstSeen())
                    .strings(t.postIds());
        }
    };

    public static final TableRow<Alert> ALERTS = new TableRow<>() {
        @Override public String table() { return "alerts"; }

        @Override public List<String> columns() {
            return List.of("id", "rule", "severity", "key", "title", "window_start", "window_end", "count",
                    "baseline", "post_ids", "created_at");
        }

        @Override public void bind(java.sql.PreparedStatement ps, Alert a) throws java.sql.SQLException {
            ps.setString(1, a.id());
            ps.setString(2, a.rule());
            ps.setString(3, a.severity());
            ps.setString(4, a.key());
            ps.setString(5, nonNull(a.title()));
            ps.setString(6, dateTime(a.windowStart()));
            ps.setString(7, dateTime(a.windowEnd()));
            ps.setLong(8, a.count());
            ps.setDouble(9, a.baseline());
            ps.setArray(10, strings(ps, a.postIds()));
            ps.setString(11, dateTime(a.createdAt()));
        }
    };

    private static java.sql.Array strings(java.sql.PreparedStatement ps, List<String> values) throws java.sql.SQLException {
        // The driver writes a null element as an unquoted NULL, which Array(String) rejects.
        return ps.getConnection().createArrayOf("String", values.stream().map(Tables::nonNull).toArray());
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
