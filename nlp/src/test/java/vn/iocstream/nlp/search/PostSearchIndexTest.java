package vn.iocstream.nlp.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.nlp.QueryException;
import vn.iocstream.nlp.watch.QueryLimits;

class PostSearchIndexTest {

    private static final Instant T0 = Instant.parse("2025-08-01T00:00:00Z");

    private static SearchablePost post(String id, String title, String text, String kind, String province, int hours,
                                       String sentiment) {
        return new SearchablePost(id, title, text, kind.equals("press") ? "vnexpress.net" : "facebook.com", kind, province,
                T0.plusSeconds(hours * 3600L), sentiment, List.of("giao-thong"), "https://vnexpress.net/" + id + ".html");
    }

    private static PostSearchIndex sample() {
        PostSearchIndex index = new PostSearchIndex();
        index.add(post("1", "Tai nạn giao thông trên QL1A", "Sáng 12/3, một vụ tai nạn giao thông nghiêm trọng xảy ra "
                + "trên QL1A đoạn qua Trảng Bom, Đồng Nai khiến hai người bị thương <nặng>.", "press", "Đồng Nai", 1, "negative"));
        index.add(post("2", "Kẹt xe ở Bến Lức", "Kẹt xe kéo dài trên cầu Bến Lức, tỉnh Long An cũ, do tai nạn liên hoàn.",
                "press", "Tây Ninh", 2, "negative"));
        index.add(post("3", "", "tai nan o nga tu Thu Duc, ae tranh duong nhe", "social", "TP Hồ Chí Minh", 3, "negative"));
        index.add(post("4", "Khánh thành cầu mới", "Cầu mới giúp giao thông thuận lợi hơn cho người dân Đồng Nai.",
                "press", "Đồng Nai", 4, "positive"));
        index.refresh();
        return index;
    }

    private static List<String> ids(SearchPage page) {
        return page.hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void unaccentedQuery_findsAccentedAndUnaccentedPosts_highlightingOriginal() {
        try (PostSearchIndex index = sample()) {
            SearchPage page = index.search("\"tai nan\"", SearchFilters.none(), 1);
            assertThat(page.total()).isEqualTo(3);
            assertThat(ids(page)).containsExactlyInAnyOrder("1", "2", "3");
            SearchHit first = page.hits().stream().filter(h -> h.id().equals("1")).findFirst().orElseThrow();
            assertThat(first.highlight()).contains("<mark>tai nạn</mark>").contains("&lt;nặng&gt;");
            assertThat(first.title()).isEqualTo("Tai nạn giao thông trên QL1A");
            assertThat(first.province()).isEqualTo("Đồng Nai");
        }
    }

    @Test
    void unquotedWords_highlightEachMatch() {
        try (PostSearchIndex index = sample()) {
            SearchHit hit = index.search("tai nan", SearchFilters.none(), 1).hits().stream()
                    .filter(h -> h.id().equals("3")).findFirst().orElseThrow();
            assertThat(hit.highlight()).startsWith("<mark>tai nan</mark> o nga tu");
        }
    }

    @Test
    void accentedQuery_matchesAccentedAndBareText() {
        try (PostSearchIndex index = sample()) {
            assertThat(ids(index.search("\"tai nạn\"", SearchFilters.none(), 1))).containsExactlyInAnyOrder("1", "2", "3");
            // Bare text cannot tell tai from tái: it matches; accented text with other tones does not.
            assertThat(ids(index.search("\"tái nạn\"", SearchFilters.none(), 1))).containsExactly("3");
        }
    }

    @Test
    void filters_restrictByProvinceKindSourceSentimentAndTime() {
        try (PostSearchIndex index = sample()) {
            SearchFilters dongNai = new SearchFilters("dong nai", null, null, null, null, null, null, null);
            assertThat(ids(index.search("", dongNai, 1))).containsExactly("4", "1");
            SearchFilters formerLongAn = new SearchFilters("Long An", null, null, null, null, null, null, null);
            assertThat(ids(index.search("", formerLongAn, 1))).containsExactly("2");
            SearchFilters social = new SearchFilters(null, "social", null, null, null, null, null, null);
            assertThat(ids(index.search("tai nan", social, 1))).containsExactly("3");
            SearchFilters vnexpress = new SearchFilters(null, null, "VnExpress.net", null, null, "negative", null, null);
            assertThat(ids(index.search("tai nan", vnexpress, 1))).containsExactlyInAnyOrder("1", "2");
            SearchFilters window = new SearchFilters(null, null, null, T0.plusSeconds(2 * 3600), T0.plusSeconds(4 * 3600),
                    null, "giao-thong", null);
            assertThat(ids(index.search(null, window, 1))).containsExactly("3", "2");
        }
    }

    @Test
    void queryFieldsAndOperators_work() {
        try (PostSearchIndex index = sample()) {
            assertThat(ids(index.search("\"giao thông\" NOT \"tai nạn\"", SearchFilters.none(), 1))).containsExactly("4");
            assertThat(ids(index.search("\"tai nạn\" NEAR/5 \"Bến Lức\" OR locality:\"Hồ Chí Minh\"", SearchFilters.none(), 1)))
                    .containsExactlyInAnyOrder("2", "3");
            assertThat(ids(index.search("\"tai nạn\" NEAR/4 \"Bến Lức\"", SearchFilters.none(), 1))).isEmpty();
            assertThat(ids(index.search("kẹt* kind:press", SearchFilters.none(), 1))).containsExactly("2");
        }
    }

    @Test
    void newestOrder_sortsByDate() {
        try (PostSearchIndex index = sample()) {
            SearchFilters newest = new SearchFilters(null, null, null, null, null, null, null, SearchFilters.Order.NEWEST);
            assertThat(ids(index.search("tai nan OR \"giao thong\"", newest, 1))).containsExactly("4", "3", "2", "1");
        }
    }

    @Test
    void sameId_replacesPost() {
        try (PostSearchIndex index = sample()) {
            index.add(post("1", "Đính chính", "Vụ va chạm nhẹ, không có tai nạn chết người.", "press", "Đồng Nai", 5, "neutral"));
            index.refresh();
            SearchPage all = index.search("", SearchFilters.none(), 1);
            assertThat(all.total()).isEqualTo(4);
            assertThat(ids(index.search("\"nghiêm trọng\"", SearchFilters.none(), 1))).isEmpty();
            assertThat(index.search("\"va chạm\"", SearchFilters.none(), 1).hits()).singleElement()
                    .satisfies(h -> assertThat(h.title()).isEqualTo("Đính chính"));
        }
    }

    @Test
    void paging_returnsTwentyPerPageWithTotal() {
        try (PostSearchIndex index = new PostSearchIndex()) {
            for (int i = 0; i < 45; i++) {
                index.add(post("p" + i, "Ngập úng số " + i, "Mưa lớn gây ngập úng nhiều tuyến đường ở Biên Hòa.", "press",
                        "Đồng Nai", i, "negative"));
            }
            index.refresh();
            SearchPage p1 = index.search("ngap", SearchFilters.none(), 1);
            SearchPage p3 = index.search("ngap", SearchFilters.none(), 3);
            assertThat(p1.total()).isEqualTo(45);
            assertThat(p1.hits()).hasSize(20);
            assertThat(p1.hits().get(0).id()).isEqualTo("p44"); // equal scores: newest first
            assertThat(p3.hits()).extracting(SearchHit::id).containsExactly("p4", "p3", "p2", "p1", "p0");
            assertThat(index.search("ngap", SearchFilters.none(), 4).hits()).isEmpty();
        }
    }

    @Test
    void onDisk_committedPostsSurviveReopen(@TempDir Path dir) {
        try (PostSearchIndex index = new PostSearchIndex(dir, SearchLimits.DEFAULT)) {
            index.add(post("1", "Sạt lở đất", "Sạt lở đất vùi lấp nhà dân ở Lào Cai.", "press", "Lào Cai", 1, "negative"));
            index.commit();
        }
        try (PostSearchIndex index = new PostSearchIndex(dir, SearchLimits.DEFAULT)) {
            assertThat(ids(index.search("\"sat lo\"", SearchFilters.none(), 1))).containsExactly("1");
        }
    }

    @Test
    void malformedQuery_throwsWithPosition() {
        try (PostSearchIndex index = sample()) {
            assertThatThrownBy(() -> index.search("(tai nan", SearchFilters.none(), 1))
                    .isInstanceOf(QueryException.class).hasMessage("expected ')' at position 9");
        }
    }

    @Test
    void pageOutsideTheLimit_isRefusedNamingIt_withoutOverflow() {
        try (PostSearchIndex index = sample()) {
            assertThatThrownBy(() -> index.search("tai nan", SearchFilters.none(), Integer.MAX_VALUE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("page must be between 1 and 50 (limit search.maxPage)");
            assertThatThrownBy(() -> index.search("tai nan", SearchFilters.none(), 0)).isInstanceOf(IllegalArgumentException.class);
            assertThat(index.search("tai nan", SearchFilters.none(), 50).hits()).isEmpty();
        }
    }

    @Test
    void searchOverItsTimeBudget_isAbandoned_andTheIndexStillAnswers() {
        SearchLimits oneMilli = new SearchLimits(QueryLimits.DEFAULT, 50, 1);
        try (PostSearchIndex index = new PostSearchIndex(oneMilli)) {
            for (int i = 0; i < 60_000; i++) {
                index.add(post("p" + i, "Ngập úng số " + i, "Mưa lớn gây ngập úng nhiều tuyến đường ở Biên Hòa, giao thông ùn tắc.",
                        "press", "Đồng Nai", i % 1000, "negative"));
            }
            index.refresh();
            assertThatThrownBy(() -> index.search("ngap OR \"giao thong\" OR mua", SearchFilters.none(), 1))
                    .isInstanceOf(SearchTimeoutException.class).hasMessageContaining("search.timeoutMillis");
        }
    }

    @Test
    void callerGoneMidSearch_stopsTheSearch() {
        try (PostSearchIndex index = sample()) {
            assertThatThrownBy(() -> index.search("tai nan", SearchFilters.none(), 1, () -> true))
                    .isInstanceOf(SearchTimeoutException.class).hasMessageContaining("caller went away");
            assertThat(index.search("tai nan", SearchFilters.none(), 1, () -> false).total()).isEqualTo(3);
        }
    }

    @Test
    void wildcardInNearOnAVocabularyOfThousands_isBoundedNotAnError() {
        try (PostSearchIndex index = new PostSearchIndex()) {
            for (int i = 0; i < 3000; i++) {
                index.add(post("p" + i, "Tin " + i, "ngap" + i + " sau mưa lớn ở Biên Hòa", "social", "Đồng Nai", i % 100, "negative"));
            }
            index.refresh();
            assertThat(index.search("ngap* NEAR/3 mua", SearchFilters.none(), 1).total()).isPositive();
        }
    }
}
