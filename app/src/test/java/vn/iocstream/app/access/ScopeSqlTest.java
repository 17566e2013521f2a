package vn.iocstream.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.clickhouse.Tables;
import vn.iocstream.core.clickhouse.TrafficTables;
import vn.iocstream.core.geo.Gazetteer;
import vn.iocstream.core.model.AnalysedReport;
import vn.iocstream.core.model.EnrichedPost;
import vn.iocstream.core.model.EntityMention;
import vn.iocstream.core.testing.ClickHouseTestServer;

/**
 * The scope as SQL on the real ClickHouse server, and the same rule as search-index keys, agree row by row;
 * a quote in a scope's name cannot break out of its literal.
 */
class ScopeSqlTest {
    private static final Gazetteer G = Gazetteer.load();
    private static final Instant T = Instant.parse("2026-11-20T02:00:00Z");
    private static ClickHouseClient ch;
    private static final List<EnrichedPost> POSTS = new ArrayList<>();

    private static EntityMention place(String text, String id) {
        return new EntityMention("LOCATION", id, text);
    }

    private static void post(String id, String province, EntityMention... entities) {
        POSTS.add(new EnrichedPost(id, "https://bao.example.vn/" + id, "press", "Báo", "Tiêu đề " + id, "Nội dung",
                "", T, T, province, List.of(), List.of(entities), 10, "neutral", 0, List.of(), 1L, id));
    }

    @BeforeAll
    static void load() {
        ch = ClickHouseTestServer.freshDatabase("scope_sql");
        post("p1", "Đồng Nai", place("Tam Hiệp", "place:tam-hiep"), place("Biên Hòa", "province:dong-nai"));
        post("p2", "Đồng Nai", place("Tam Hiệp", "province:dong-nai"), place("Tân Phong", "province:dong-nai"));
        post("p3", "Đồng Nai", place("Tân Phong", "place:tan-phong"));
        post("p4", "Tây Ninh", place("tam hiep", "place:tam-hiep"));                      // same name, other province
        post("p5", "", place("tam hiep", "place:tam-hiep"), place("Bình Phước", "province:dong-nai")); // old name, no diacritics
        post("p6", "TP Hồ Chí Minh", place("Thủ Đức", "province:ho-chi-minh"));
        post("p7", "Tây Ninh", place("Long An", "province:tay-ninh"), place("Đồng Nai", "province:dong-nai")); // names two provinces
        post("p8", "");
        ch.insert(Tables.POSTS, POSTS);
        ch.insert(TrafficTables.CITIZEN_REPORTS, List.of(
                report("r1", "tam-hiep|dong-nai", "Đồng Nai"), report("r2", "tan-phong|dong-nai", "Đồng Nai"), report("r3", "tan-an|tay-ninh", "Tây Ninh")));
    }

    private static AnalysedReport report(String id, String communeKey, String province) {
        return new AnalysedReport(id, T, "app", "", "ngap-nuoc", "ngập", communeKey, "", province, province, null, null, List.of(), List.of(),
                "negative", -0.5, "");
    }

    private static Set<String> sql(Scope scope) {
        return new HashSet<>(ch.query("SELECT id FROM posts FINAL WHERE " + new ScopeSql(scope, Places.NONE).posts(), rs -> rs.getString(1)));
    }

    private static Set<String> keys(Scope scope) {
        List<String> allowed = PostPlaces.keysOf(scope);
        Set<String> out = new HashSet<>();
        for (EnrichedPost p : POSTS) {
            if (allowed == null || PostPlaces.keys(p).stream().anyMatch(allowed::contains)) out.add(p.id());
        }
        return out;
    }

    @Test
    void sqlAndSearchKeys_selectTheSamePosts_forEveryKindOfScope() {
        Map<String, Set<String>> expected = Map.of(
                "tỉnh Đồng Nai", Set.of("p1", "p2", "p3", "p5", "p7"),
                "phường Tam Hiệp, tỉnh Đồng Nai", Set.of("p1", "p2", "p5"),
                "phường Tân Phong, tỉnh Đồng Nai", Set.of("p2", "p3"),
                "phường Tam Hiệp, tỉnh Tây Ninh", Set.of("p4"),
                "TP Hồ Chí Minh", Set.of("p6"),
                "tỉnh Tây Ninh; TP Hồ Chí Minh", Set.of("p4", "p6", "p7"),
                "all", Set.of("p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8"));
        expected.forEach((written, ids) -> {
            Scope scope = Scope.parse(written, G);
            assertThat(sql(scope)).as("SQL for " + written).isEqualTo(ids);
            assertThat(keys(scope)).as("search keys for " + written).isEqualTo(ids);
        });
    }

    @Test
    void reports_byCommuneKeyOrProvince() {
        assertThat(ch.query("SELECT id FROM citizen_reports FINAL WHERE " + new ScopeSql(Scope.parse("phường Tam Hiệp, Đồng Nai", G), Places.NONE).reports()
                + " ORDER BY id", rs -> rs.getString(1))).containsExactly("r1");
        assertThat(ch.query("SELECT id FROM citizen_reports FINAL WHERE " + new ScopeSql(Scope.parse("Đồng Nai", G), Places.NONE).reports()
                + " ORDER BY id", rs -> rs.getString(1))).containsExactly("r1", "r2");
    }

    @Test
    void aQuoteInACommuneName_staysInsideItsLiteral() {
        Scope hostile = Scope.parse("phường X' OR 1=1 OR '\\, tỉnh Đồng Nai", G);
        assertThat(sql(hostile)).isEmpty();
        assertThat(Sql.quote("a'b\\c")).isEqualTo("'a\\'b\\\\c'");
    }
}
