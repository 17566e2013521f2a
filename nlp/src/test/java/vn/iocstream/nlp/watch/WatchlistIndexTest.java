package vn.iocstream.nlp.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.nlp.QueryException;
import vn.iocstream.nlp.TextNormalizer;

class WatchlistIndexTest {

    private static final String ACCIDENT = "Sáng 12/3, một vụ tai nạn giao thông nghiêm trọng xảy ra trên QL1A đoạn qua "
            + "huyện Trảng Bom, tỉnh Đồng Nai khiến hai người bị thương.";

    private static boolean matches(String query, String text) {
        return matches(query, new WatchDocument(TextNormalizer.normalize(text), "vnexpress.net", "press", "Đồng Nai"));
    }

    private static boolean matches(String query, WatchDocument doc) {
        return new WatchlistIndex(List.of(new IocConfig.Watchlist("w", "W", query))).match(doc).equals(List.of("w"));
    }

    @Test
    void unaccentedPhrase_matchesAccentedText() {
        assertThat(matches("\"tai nan giao thong\"", ACCIDENT)).isTrue();
    }

    @Test
    void accentedPhrase_matchesUpperCaseNfdAndOldTonePlacement() {
        assertThat(matches("\"tai nạn\"", "TAI NẠN LIÊN HOÀN TRÊN CAO TỐC")).isTrue();
        assertThat(matches("\"tai nạn\"", "Tai na\u0323n o\u031b\u0300 Bi\u0300nh Phu\u031bo\u031b\u0301c")).isTrue();
        assertThat(matches("\"hòa bình\"", "Xã Hoà Bình tổ chức lễ hội")).isTrue();
        assertThat(matches("\"hoà bình\"", "Xã Hòa Bình tổ chức lễ hội")).isTrue();
    }

    @Test
    void accentedPhrase_matchesTextTypedWithoutDiacritics_butNotOtherTones() {
        assertThat(matches("\"tai nạn\"", "tai nan giao thong o dong nai")).isTrue();
        assertThat(matches("\"tai nạn\"", "Tái nạn nhân ...")).isFalse();
        assertThat(matches("cháy", "Người dân chạy ra khỏi nhà")).isFalse();
        assertThat(matches("cháy", "chay nha o quan 8, mn tranh xa")).isTrue();
    }

    @Test
    void unaccentedQuery_matchesUnaccentedSocialText() {
        assertThat(matches("\"tai nan\" AND \"dong nai\"", "vua thay tai nan o dong nai, ae tranh duong nhe")).isTrue();
    }

    @Test
    void phrase_needsConsecutiveSyllables() {
        assertThat(matches("\"tai nạn giao thông\"", "tai nạn lao động và an toàn giao thông")).isFalse();
        assertThat(matches("\"giao thông nghiêm trọng\"", ACCIDENT)).isTrue();
    }

    @Test
    void andOrNotAndParentheses_combine() {
        assertThat(matches("\"tai nạn\" AND \"Đồng Nai\"", ACCIDENT)).isTrue();
        assertThat(matches("\"tai nạn\" \"Hà Nội\"", ACCIDENT)).isFalse();
        assertThat(matches("\"Hà Nội\" OR \"Đồng Nai\"", ACCIDENT)).isTrue();
        assertThat(matches("\"tai nạn\" AND NOT \"bị thương\"", ACCIDENT)).isFalse();
        assertThat(matches("NOT \"ngập úng\"", ACCIDENT)).isTrue();
        assertThat(matches("(\"ngập úng\" OR \"tai nạn\") AND (QL1A OR \"cao tốc\")", ACCIDENT)).isTrue();
        assertThat(matches("(\"ngập úng\" OR \"sạt lở\") AND QL1A", ACCIDENT)).isFalse();
    }

    @Test
    void near_matchesWithinDistanceInEitherOrder() {
        // "tai nạn" … "Đồng Nai": 14 words lie between them.
        assertThat(matches("\"tai nạn\" NEAR/14 \"Đồng Nai\"", ACCIDENT)).isTrue();
        assertThat(matches("\"tai nạn\" NEAR/13 \"Đồng Nai\"", ACCIDENT)).isFalse();
        assertThat(matches("\"dong nai\" NEAR/14 \"tai nan\"", ACCIDENT)).isTrue();
        assertThat(matches("\"Trảng Bom\" NEAR/1 \"Đồng Nai\"", ACCIDENT)).isTrue();
        assertThat(matches("\"Trảng Bom\" NEAR/0 \"Đồng Nai\"", ACCIDENT)).isFalse();
        assertThat(matches("thương NEAR/0 người", "khiến hai người bị thương")).isFalse();
        assertThat(matches("thương NEAR/1 người", "khiến hai người bị thương")).isTrue();
    }

    @Test
    void nearWithMixedDiacritics_matchesOnFoldedField() {
        assertThat(matches("\"tai nạn\" NEAR/14 \"dong nai\"", ACCIDENT)).isTrue();
    }

    @Test
    void wildcard_matchesPrefixOfWordAndOfPhraseEnd() {
        assertThat(matches("ngập*", "Mưa lớn, nhiều tuyến phố ngập sâu")).isTrue();
        assertThat(matches("ngập*", "Mưa lớn, nhiều tuyến phố ngâp sâu")).isFalse();
        assertThat(matches("\"giao thô*\"", ACCIDENT)).isTrue();
        assertThat(matches("\"tai nạn giao thô*\"", ACCIDENT)).isTrue();
        assertThat(matches("\"giao thô*\"", "giao thừa ở Đồng Nai")).isFalse();
        assertThat(matches("\"tai nan\" NEAR/3 \"giao tho*\"", ACCIDENT)).isTrue();
    }

    @Test
    void fields_filterBySourceKindAndLocality() {
        WatchDocument social = new WatchDocument(TextNormalizer.normalize("Kẹt xe kinh khủng ở cầu Bến Lức"),
                "facebook.com", "social", "Long An");
        assertThat(matches("\"kẹt xe\" kind:social", social)).isTrue();
        assertThat(matches("\"kẹt xe\" kind:press", social)).isFalse();
        assertThat(matches("\"kẹt xe\" source:facebook.com", social)).isTrue();
        assertThat(matches("\"kẹt xe\" source:face*", social)).isTrue();
        assertThat(matches("\"kẹt xe\" AND NOT source:facebook.com", social)).isFalse();
        // Long An merged into Tây Ninh on 1 July 2025: both spellings of the current unit match.
        assertThat(matches("\"kẹt xe\" locality:\"Tây Ninh\"", social)).isTrue();
        assertThat(matches("\"kẹt xe\" locality:tay-ninh", social)).isTrue();
        assertThat(matches("\"kẹt xe\" locality:\"Đồng Nai\"", social)).isFalse();
    }

    @Test
    void matches_areInConfigurationOrder_singleAndBatch() {
        List<IocConfig.Watchlist> lists = List.of(
                new IocConfig.Watchlist("giao-thong", "Giao thông", "\"tai nạn\" OR \"kẹt xe\""),
                new IocConfig.Watchlist("ngap", "Ngập", "ngập* OR \"triều cường\""),
                new IocConfig.Watchlist("dong-nai", "Đồng Nai", "locality:\"Đồng Nai\""));
        WatchDocument a = new WatchDocument(TextNormalizer.normalize(ACCIDENT + " Đường ngập nước."), "baodongnai.com.vn", "press", "Đồng Nai");
        WatchDocument b = new WatchDocument("Triều cường dâng cao ở quận 7", "tuoitre.vn", "press", "TP Hồ Chí Minh");
        WatchDocument c = new WatchDocument("Giá vàng hôm nay", "cafef.vn", "press", null);
        WatchlistIndex index = new WatchlistIndex(lists);
        assertThat(index.match(a)).containsExactly("giao-thong", "ngap", "dong-nai");
        assertThat(index.match(List.of(a, b, c))).containsExactly(
                List.of("giao-thong", "ngap", "dong-nai"), List.of("ngap"), List.of());
    }

    @Test
    void noWatchlists_matchNothing() {
        assertThat(new WatchlistIndex(List.of()).match(new WatchDocument(ACCIDENT, "vnexpress.net", "press", "Đồng Nai"))).isEmpty();
    }

    @Test
    void malformedWatchlist_namesWatchlistAndPosition() {
        List<IocConfig.Watchlist> lists = List.of(new IocConfig.Watchlist("lu", "Lũ", "(lũ OR lụt"));
        assertThatThrownBy(() -> new WatchlistIndex(lists)).isInstanceOf(QueryException.class)
                .hasMessage("watchlist 'lu': expected ')' at position 11");
    }

    private static final List<String> POSTS = List.of(
            "Tai nạn giao thông trên cao tốc TP.HCM - Trung Lương, xe khách lật, nhiều người bị thương",
            "Mưa lớn gây ngập úng nhiều tuyến đường ở Biên Hòa, Đồng Nai; giao thông ùn tắc",
            "Cháy rừng ở Lào Cai, lực lượng chức năng đang khống chế đám cháy",
            "tai nan lien hoan o nga tu thu duc, ae tranh duong nhe",
            "Giá xăng tăng lần thứ ba liên tiếp, người dân than khó",
            "Sạt lở đất vùi lấp nhà dân ở Quảng Nam sau mưa lũ kéo dài",
            "Triều cường kết hợp mưa lớn, nhiều khu dân cư ngập sâu",
            "Bệnh viện quá tải vì dịch sốt xuất huyết tăng mạnh",
            "kẹt xe kinh khủng ở cầu Sài Gòn sáng nay, mn tránh nha",
            "Giao thông tê liệt vì tai nạn, xe cứu thương không vào được");

    private static final List<String> QUERIES = List.of(
            "\"tai nan\"", "\"tai nạn\"", "\"giao thong\" AND NOT \"tai nan\"", "ngap* OR \"trieu cuong\"",
            "\"tai nạn\" NEAR/4 \"giao thông\"", "\"tai nan\" NEAR/2 \"giao thong\"", "(chay OR sat) AND rung",
            "\"mua lon\" \"ngap\"", "kẹt* OR \"ùn tắc\"", "\"xe\" NOT \"cứu thương\"", "\"gia xang\" OR \"gia vang\"",
            "\"benh vien\" AND (dich OR \"qua tai\")", "\"giao thô*\"", "xe NEAR/3 thương");

    /** Candidate selection must not lose matches: compare with every query run on every post. */
    @Test
    void bigramsAndCandidateTable_equalBruteForceOnSyllables() throws IOException {
        List<IocConfig.Watchlist> lists = new ArrayList<>();
        for (int i = 0; i < QUERIES.size(); i++) lists.add(new IocConfig.Watchlist("q" + i, "", QUERIES.get(i)));
        QueryCompiler syllables = new QueryCompiler(new QueryCompiler.Fields(WatchlistIndex.EXACT, WatchlistIndex.FOLDED,
                WatchlistIndex.SOURCE, WatchlistIndex.KIND, WatchlistIndex.LOCALITY), false);
        var analyzer = new PerFieldAnalyzerWrapper(TextAnalyzers.exact(false), java.util.Map.of(WatchlistIndex.FOLDED, TextAnalyzers.folded(false)));
        int total = 0;
        WatchlistIndex index = new WatchlistIndex(lists);
        for (String post : POSTS) {
            String text = TextNormalizer.normalize(post);
            MemoryIndex memory = new MemoryIndex();
            memory.addField(WatchlistIndex.EXACT, text, analyzer);
            memory.addField(WatchlistIndex.FOLDED, text, analyzer);
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < QUERIES.size(); i++) {
                Query q = syllables.compile(WatchQueryParser.parse(QUERIES.get(i)));
                if (memory.search(q) > 0) expected.add("q" + i);
            }
            total += expected.size();
            assertThat(index.match(new WatchDocument(text, null, null, null))).as(post).isEqualTo(expected);
        }
        assertThat(total).isGreaterThan(15);
    }

    /**
     * The heap table must choose as Lucene's Monitor chooses: the same answers as the Monitor with the same queries,
     * analysis and presearcher, on the benchmark's generated watchlists (filters, NEAR, NOT, wildcards) and posts.
     */
    @Test
    void candidateTable_answersAsLuceneMonitor() throws IOException {
        Random random = new Random(11);
        List<IocConfig.Watchlist> lists = WatchBench.queries(400, random);
        WatchlistIndex index = new WatchlistIndex(lists);
        long matches = 0;
        try (Monitor monitor = index.monitor()) {
            for (int i = 0; i < 300; i++) {
                WatchDocument post = WatchBench.post(random);
                List<String> expected = monitor.match(WatchlistIndex.document(post), QueryMatch.SIMPLE_MATCHER).getMatches().stream()
                        .mapToInt(m -> Integer.parseInt(m.getQueryId())).sorted().mapToObj(w -> lists.get(w).name()).toList();
                assertThat(index.match(post)).as(post.text()).isEqualTo(expected);
                matches += expected.size();
            }
        }
        assertThat(matches).as("matches in the sample").isGreaterThan(100);
    }
}
