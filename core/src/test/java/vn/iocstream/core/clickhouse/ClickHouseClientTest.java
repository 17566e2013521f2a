package vn.iocstream.core.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.model.EnrichedPost;
import vn.iocstream.core.model.EntityMention;
import vn.iocstream.core.testing.ClickHouseTestServer;

class ClickHouseClientTest {
    private static final Instant PUBLISHED = Instant.parse("2026-11-20T02:15:30Z");
    private static ClickHouseClient clickHouse;

    @BeforeAll
    static void migrate() {
        clickHouse = ClickHouseTestServer.freshDatabase("core_client");
    }

    @Test
    void insertedPost_readsBackWithVietnameseTextUtcTimeAndArrays() {
        clickHouse.insert(Tables.POSTS, List.of(post("a1", "Tai nạn liên hoàn trên QL1A đoạn qua Long An")));

        List<List<String>> row = clickHouse.query(
                "SELECT title, toString(published_at), arrayStringConcat(watchlists, '|'), toString(fingerprint)"
                        + " FROM posts FINAL WHERE id = 'a1'",
                rs -> List.<String>of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));

        assertThat(row).hasSize(1);
        assertThat(row.get(0)).containsExactly("Tai nạn liên hoàn trên QL1A đoạn qua Long An",
                "2026-11-20 02:15:30", "tai-nan|giao-thong", Long.toUnsignedString(-42L));
    }

    @Test
    void entities_roundTripAsParallelArrays() {
        EnrichedPost withDate = post("e2", "Họp báo ngày 25/1/2024");
        clickHouse.insert(Tables.POSTS, List.of(post("e1", "Xe container lật ở Long An"), new EnrichedPost(withDate.id(),
                withDate.url(), withDate.kind(), withDate.source(), withDate.title(), withDate.text(), withDate.author(),
                withDate.publishedAt(), withDate.fetchedAt(), withDate.province(), withDate.places(),
                List.of(new EntityMention("DATE", null, "25/1/2024")), withDate.words(), withDate.sentiment(),
                withDate.score(), withDate.watchlists(), withDate.fingerprint(), withDate.storyId())));
        assertThat(clickHouse.queryLong("SELECT count() FROM posts FINAL WHERE id = 'e2' AND entity_ids[1] = ''")).isEqualTo(1);
        assertThat(clickHouse.query("SELECT entity_types[1], entity_ids[1], entity_texts[1] FROM posts FINAL WHERE id = 'e1'",
                rs -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3)))
                .containsExactly("LOCATION|province:tay-ninh|Long An");
    }

    @Test
    void replayingTheSameRows_leavesOneRowPerId() {
        List<EnrichedPost> batch = List.of(post("r1", "Ngập sâu ở Thủ Đức"), post("r2", "Sạt lở ở Quảng Nam"));
        clickHouse.insert(Tables.POSTS, batch);
        clickHouse.insert(Tables.POSTS, batch);

        assertThat(clickHouse.queryLong("SELECT count() FROM posts FINAL WHERE id IN ('r1', 'r2')")).isEqualTo(2);
    }

    @Test
    void migrate_isRepeatable() {
        String tables = "SELECT name FROM system.tables WHERE database = '" + clickHouse.database() + "' ORDER BY name";
        List<String> before = clickHouse.query(tables, rs -> rs.getString(1));
        clickHouse.migrate();
        assertThat(clickHouse.query(tables, rs -> rs.getString(1))).isEqualTo(before)
                // V007 holds two statements: both were applied.
                .contains("posts", "alerts", "trends", "traffic_stats", "citizen_reports");
    }

    @Test
    void badSql_failsWithTheServersMessage() {
        assertThatThrownBy(() -> clickHouse.queryLong("SELECT nosuchcolumn FROM posts"))
                .isInstanceOf(ClickHouseClient.ClickHouseException.class)
                .hasMessageContaining("nosuchcolumn");
    }

    @Test
    void tabSeparatedInsert_readsBackEscapedTextNumbersAndUtcTime() {
        clickHouse.execute("CREATE TABLE tsv_rows (name String, n UInt32, at DateTime('UTC')) ENGINE = Memory");
        TsvRow<Object[]> table = new TsvRow<>() {
            @Override public String table() { return "tsv_rows"; }
            @Override public List<String> columns() { return List.of("name", "n", "at"); }
            @Override public void write(TabSeparated out, Object[] row) {
                out.string((String) row[0]).number((Integer) row[1]).dateTime((Instant) row[2]);
            }
        };
        String awkward = "Sở TT&TT\tTây Ninh\n\"dòng 2\"\\path\r'x'";
        clickHouse.insert(table, List.of(new Object[] {awkward, 7, Instant.parse("2026-01-05T03:04:09.750Z")},
                new Object[] {"", 0, Instant.parse("1999-12-31T23:59:59Z")}));

        assertThat(clickHouse.query("SELECT name, n, toString(at) FROM tsv_rows ORDER BY n",
                rs -> rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getString(3)))
                .containsExactly("|0|1999-12-31 23:59:59", awkward + "|7|2026-01-05 03:04:09");
    }

    @Test
    void tabSeparatedArraysAndFloats_roundTripAwkwardText() {
        String awkward = "Sở TT&TT\tTây Ninh\n'trích' \\ \"dẫn\" ]]";
        EnrichedPost p = new EnrichedPost("aw1", "https://baotayninh.vn/aw1", "press", "Báo Tây Ninh", "t", "x", null, PUBLISHED,
                PUBLISHED, "Tây Ninh", List.of(awkward, ""), List.of(new EntityMention("ORGANIZATION", "org:'x'", awkward)), 3,
                "neutral", Double.NaN, List.of(), 1L, "s", List.of("published-time-implausible"));
        clickHouse.insert(Tables.POSTS, List.of(p));
        assertThat(clickHouse.query("SELECT places[1], length(places), entity_ids[1], entity_texts[1], isNaN(score), flags[1]"
                        + " FROM posts FINAL WHERE id = 'aw1'",
                rs -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6))))
                .containsExactly(List.of(awkward, "2", "org:'x'", awkward, "1", "published-time-implausible"));
    }

    @Test
    void tabSeparatedInsertIntoMissingColumn_failsWithTheServersMessage() {
        TsvRow<String> table = new TsvRow<>() {
            @Override public String table() { return "posts"; }
            @Override public List<String> columns() { return List.of("nosuchcolumn"); }
            @Override public void write(TabSeparated out, String row) { out.string(row); }
        };
        assertThatThrownBy(() -> clickHouse.insert(table, List.of("a")))
                .isInstanceOf(ClickHouseClient.ClickHouseException.class)
                .hasMessageContaining("nosuchcolumn");
    }

    private static EnrichedPost post(String id, String title) {
        return new EnrichedPost(id, "https://baotayninh.vn/" + id, "press", "Báo Tây Ninh", title, title + ". Nội dung.",
                "Minh Anh", PUBLISHED, PUBLISHED.plusSeconds(40), "Tây Ninh", List.of("Long An"), List.of(new EntityMention("LOCATION", "province:tay-ninh", "Long An")), 12, "negative", -0.6,
                List.of("tai-nan", "giao-thong"), -42L, "story-" + id);
    }
}
