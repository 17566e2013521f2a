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

    public static final TableRow<EnrichedPost> POSTS = new TableRow<>() {
        @Override public String table() { return "posts"; }

        @Override public List<String> columns() {
            return List.of("id", "url", "kind", "source", "title", "text", "author", "published_at", "fetched_at",
                    "province", "places", "entity_types", "entity_ids", "entity_texts", "words", "sentiment", "score",
                    "watchlists", "fingerprint", "story_id", "flags");
        }

        @Override public void bind(java.sql.PreparedStatement ps, EnrichedPost p) throws java.sql.SQLException {
            ps.setString(1, p.id());
            ps.setString(2, p.url());
            ps.setString(3, p.kind());
            ps.setString(4, nonNull(p.source()));
            ps.setString(5, nonNull(p.title()));
            ps.setString(6, nonNull(p.text()));
            ps.setString(7, nonNull(p.author()));
            ps.setString(8, dateTime(p.publishedAt()));
            ps.setString(9, dateTime(p.fetchedAt() == null ? p.publishedAt() : p.fetchedAt()));
            ps.setString(10, nonNull(p.province()));
            ps.setArray(11, strings(ps, p.places()));
            ps.setArray(12, strings(ps, p.entities().stream().map(EntityMention::type).toList()));
            ps.setArray(13, strings(ps, p.entities().stream().map(EntityMention::canonicalId).toList()));
            ps.setArray(14, strings(ps, p.entities().stream().map(EntityMention::text).toList()));
            ps.setInt(15, p.words());
            ps.setString(16, p.sentiment());
            ps.setDouble(17, p.score());
            ps.setArray(18, strings(ps, p.watchlists()));
            // UInt64 from a signed long: the unsigned decimal text keeps all 64 bits.
            ps.setString(19, Long.toUnsignedString(p.fingerprint()));
            ps.setString(20, p.storyId());
            ps.setArray(21, strings(ps, p.flags()));
        }
    };

    public static final TableRow<WatchlistMinute> WATCHLIST_STATS = new TableRow<>() {
        @Override public String table() { return "watchlist_stats"; }

        @Override public List<String> columns() {
            return List.of("watchlist", "minute", "posts", "negative", "avg_score");
        }

        @Override public void bind(java.sql.PreparedStatement ps, WatchlistMinute m) throws java.sql.SQLException {
            ps.setString(1, m.watchlist());
            ps.setString(2, dateTime(m.minute()));
            ps.setLong(3, m.posts());
            ps.setLong(4, m.negative());
            ps.setDouble(5, m.avgScore());
        }
    };

    public static final TableRow<Trend> TRENDS = new TableRow<>() {
        @Override public String table() { return "trends"; }

        @Override public List<String> columns() {
            return List.of("key_type", "key", "label", "window_start", "window_end", "score", "count", "negative",
                    "baseline", "first_seen", "post_ids");
        }

        @Override public void bind(java.sql.PreparedStatement ps, Trend t) throws java.sql.SQLException {
            ps.setString(1, t.keyType());
            ps.setString(2, t.key());
            ps.setString(3, nonNull(t.label()));
            ps.setString(4, dateTime(t.windowStart()));
            ps.setString(5, dateTime(t.windowEnd()));
            ps.setDouble(6, t.score());
            ps.setLong(7, t.count());
            ps.setLong(8, t.negative());
            ps.setDouble(9, t.baseline());
            ps.setString(10, dateTime(t.firstSeen()));
            ps.setArray(11, strings(ps, t.postIds()));
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
