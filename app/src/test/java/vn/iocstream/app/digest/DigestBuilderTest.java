package vn.iocstream.app.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static vn.iocstream.app.digest.DigestScenario.DAY;
import static vn.iocstream.app.digest.DigestScenario.at;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.testing.ClickHouseTestServer;

/** The digest of {@link DigestScenario}'s day on a real ClickHouse: the numbers and ranks the scenario implies. */
class DigestBuilderTest {
    private static ClickHouseClient clickHouse;
    private static DigestBuilder builder;

    @BeforeAll
    static void scenario() {
        clickHouse = ClickHouseTestServer.freshDatabase("digest");
        DigestScenario.insert(clickHouse);
        builder = new DigestBuilder(clickHouse, Clock.fixed(at(1, "06:30"), ZoneOffset.UTC));
    }

    @Test
    void province_ranksStoriesByDistinctOutlets_thenPosts_thenFirstPost_eachOnceWithItsCopies() {
        Digest d = builder.build(DigestScope.parse("Đồng Nai"), DAY, 10);

        assertThat(d.stories()).extracting(Digest.Story::storyId).containsExactly("S1", "S2", "S3", "S4", "S5");
        assertThat(d.stories()).extracting(s -> s.rank() + " " + s.outlets() + "/" + s.posts() + "/" + s.negative())
                .containsExactly("1 3/4/4", "2 3/3/0", "3 2/5/0", "4 1/1/1", "5 1/1/1");
        assertThat(d.storyCount()).isEqualTo(5);
        Digest.Story flood = d.stories().get(0);
        assertThat(flood.title()).isEqualTo("Ngập sâu trên QL1A qua phường Tam Hiệp sau mưa lớn, nhiều xe chết máy");
        assertThat(flood.firstOutlet()).isEqualTo("Báo Đồng Nai");
        assertThat(flood.firstAt()).isEqualTo(at(0, "07:10"));
        // The day before's post of the story is not a copy of the day; the replayed rows are listed once.
        assertThat(flood.copies()).extracting(Digest.Copy::outlet).containsExactly("Báo Đồng Nai", "VnExpress", "Tuổi Trẻ", "Báo Đồng Nai");
        // A comment has no title: the start of its text stands in.
        assertThat(d.stories().get(4).title()).startsWith("kẹt xe từ sáng tới h ko nhúc nhích");
        assertThat(d.links()).hasSize(4 + 3 + 5 + 1 + 1);
    }

    @Test
    void province_headlineNumbers_againstTheDayBeforeAndTheSevenDayNorm() {
        Digest d = builder.build(DigestScope.parse("Bình Phước"), DAY, 10); // the former province: Đồng Nai since 2025

        assertThat(d.scope()).isEqualTo("tỉnh Đồng Nai");
        assertThat(d.figures()).extracting(Digest.Figure::label).containsExactly("Bài viết", "Câu chuyện", "Nguồn đưa tin",
                "Tỷ lệ tiêu cực", "Cảnh báo", "Phản ánh của người dân");
        Digest.Figure posts = d.figures().get(0);
        assertThat(List.of(posts.day(), posts.dayBefore())).containsExactly(14.0, 2.0);
        assertThat(posts.norm()).isCloseTo(4 / 7.0, within(1e-9));
        assertThat(d.figures().get(1).day()).isEqualTo(5);
        assertThat(d.figures().get(2).day()).isEqualTo(8);
        assertThat(d.figures().get(3).day()).isCloseTo(100.0 * 6 / 14, within(1e-9));
        assertThat(List.of(d.figures().get(4).day(), d.figures().get(4).dayBefore())).containsExactly(3.0, 1.0);
        assertThat(d.figures().get(5).day()).isEqualTo(3);
        assertThat(d.days()).hasSize(8);
        assertThat(d.days().get(7)).isEqualTo(new Digest.DayVolume(DAY, 3, 5, 6));
        assertThat(d.days().get(6).total()).isEqualTo(2);
        assertThat(d.days().get(4).total()).isEqualTo(2);
    }

    @Test
    void province_newTrendsPickupsNegativeLocalitiesAlertsAndStaleSources() {
        Digest d = builder.build(DigestScope.parse("Đồng Nai"), DAY, 10);

        // "giá sầu riêng" first trended two days before: not new. Two windows of "ngập sâu" make one line.
        assertThat(d.trends()).extracting(t -> t.label() + " " + t.posts() + " " + t.score()).containsExactly("ngập sâu 4 5.0");
        assertThat(d.pickups()).extracting(Digest.Pickup::title).containsExactly("Tin ngập ở Tam Hiệp từ Facebook lên báo");
        // The posts naming Tam Hiệp are one place; the post naming no place counts for its province.
        assertThat(d.negative()).extracting(n -> n.locality() + " " + n.posts() + "/" + n.stories())
                .containsExactly("Tam Hiệp 5/2", "Đồng Nai 1/1");
        assertThat(d.negative().get(0).topTitle()).startsWith("kẹt xe từ sáng");
        assertThat(d.alerts()).extracting(a -> a.kind() + " " + a.state() + " " + a.count())
                .containsExactly("media.pickup resolved 1", "media.volume_jump open 1", "order.report_cluster acknowledged 1");
        assertThat(d.staleSources()).extracting(Digest.StaleSource::source).containsExactly("baodongnai-rss");
        assertThat(d.staleSources().get(0).lastSuccess()).isEqualTo(at(0, "10:00"));
    }

    @Test
    void commune_keepsThePostsNamingIt_andItsOwnAlertsAndReports() {
        Digest d = builder.build(DigestScope.parse("P. Tam Hiệp, Đồng Nai"), DAY, 10);

        assertThat(d.scope()).isEqualTo("phường Tam Hiệp, tỉnh Đồng Nai");
        assertThat(d.stories()).extracting(s -> s.storyId() + " " + s.outlets() + "/" + s.posts()).containsExactly("S1 3/4", "S5 1/1");
        assertThat(d.alerts()).extracting(Digest.AlertCount::kind).containsExactly("media.volume_jump", "order.report_cluster");
        assertThat(d.figures().get(5).day()).isEqualTo(3);
        assertThat(d.pickups()).isEmpty();
    }

    @Test
    void wholeCountry_theFourOutletStoryFirst_negativeByProvince() {
        Digest d = builder.build(DigestScope.ALL, DAY, 3);

        assertThat(d.stories()).extracting(Digest.Story::storyId).containsExactly("S6", "S1", "S2");
        assertThat(d.storyCount()).isEqualTo(6);
        assertThat(d.trends()).extracting(Digest.TrendItem::label).containsExactly("cao tốc", "ngập sâu");
        assertThat(d.negative()).extracting(n -> n.locality() + " " + n.posts()).containsExactly("Đồng Nai 5", "Chưa rõ địa bàn 1");
        assertThat(d.alerts()).extracting(Digest.AlertCount::kind).contains("security.bruteforce");
    }

    @Test
    void anEmptyDay_isADigestOfZeros() {
        Digest d = builder.build(DigestScope.parse("Đồng Nai"), DAY.minusDays(30), 10);

        assertThat(d.stories()).isEmpty();
        assertThat(d.figures()).allSatisfy(f -> assertThat(f.day()).isZero());
    }

    @Test
    void unknownProvince_isRefused() {
        assertThatThrownBy(() -> DigestScope.parse("Gotham")).isInstanceOf(IllegalArgumentException.class);
        assertThat(DigestBuilder.yesterday(Clock.fixed(Instant.parse("2026-11-20T17:30:00Z"), ZoneOffset.UTC))).isEqualTo(DAY);
    }
}
