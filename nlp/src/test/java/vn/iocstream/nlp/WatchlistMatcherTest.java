package vn.iocstream.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.config.IocConfig;

class WatchlistMatcherTest {

    private static WatchlistMatcher matcher(String... nameQueryPairs) {
        List<IocConfig.Watchlist> lists = new java.util.ArrayList<>();
        for (int i = 0; i < nameQueryPairs.length; i += 2) {
            lists.add(new IocConfig.Watchlist(nameQueryPairs[i], nameQueryPairs[i], nameQueryPairs[i + 1]));
        }
        return new WatchlistMatcher(lists);
    }

    private static boolean matches(String query, String text) {
        return !matcher("w", query).matches(TextNormalizer.normalize(text)).isEmpty();
    }

    @Test
    void noDiacriticsPhrase_matchesAccentedText() {
        assertThat(matches("\"tai nan giao thong\"", "Tai nạn giao thông nghiêm trọng ở Bình Phước")).isTrue();
    }

    @Test
    void accentedPhrase_matchesUpperCaseAndUnaccentedText() {
        assertThat(matches("\"tai nạn\"", "TAI NẠN TRÊN QUỐC LỘ 1A")).isTrue();
        assertThat(matches("\"tai nạn\"", "vu tai nan tren ql1a")).isTrue();
    }

    @Test
    void oldTonePlacementInQuery_matchesNewPlacementInText() {
        assertThat(matches("\"thuỷ điện\"", "Thủy điện xả lũ")).isTrue();
    }

    @Test
    void phrase_needsConsecutiveSyllables() {
        assertThat(matches("\"tai nan\"", "tai xe gay nan")).isFalse();
        assertThat(matches("tai nan", "tai xe gay nan")).isTrue();
    }

    @Test
    void bareWord_isAWholeSyllable() {
        assertThat(matches("lu", "người dân lo lũ về")).isTrue();
        assertThat(matches("lu", "lúa chín")).isFalse();
    }

    @Test
    void booleanOperators_andParentheses() {
        String q = "(chay OR \"ngap lut\") AND \"ha noi\" NOT \"dien tap\"";
        assertThat(matches(q, "Cháy lớn ở Hà Nội")).isTrue();
        assertThat(matches(q, "Ngập lụt tại Hà Nội")).isTrue();
        assertThat(matches(q, "Cháy lớn ở Đà Nẵng")).isFalse();
        assertThat(matches(q, "Diễn tập chữa cháy ở Hà Nội")).isFalse();
    }

    @Test
    void notAlone_andOrPrecedence() {
        assertThat(matches("NOT gia", "tăng lương")).isTrue();
        assertThat(matches("xang OR gia tang", "giá tăng")).isTrue();
        assertThat(matches("xang OR gia tang", "giá giảm")).isFalse();
    }

    @Test
    void abbreviationTerm_matchesItsSyllables() {
        assertThat(matches("TP.HCM", "Kẹt xe ở tp hcm sáng nay")).isTrue();
    }

    @Test
    void matches_returnsNamesInConfigOrder() {
        WatchlistMatcher m = matcher("giao-thong", "\"tai nan\" OR \"un tac\"", "gia-ca", "\"gia xang\"",
                "tham-nhung", "\"tham nhung\"");
        assertThat(m.matches(TextNormalizer.normalize("Giá xăng tăng, ùn tắc kéo dài")))
                .containsExactly("giao-thong", "gia-ca");
    }

    @Test
    void missingCloseParen_namesThePosition() {
        assertThatThrownBy(() -> WatchlistMatcher.validate("(tai nan OR chay"))
                .isInstanceOf(QueryException.class).hasMessageContaining("expected ')' at position 17");
    }

    @Test
    void malformedQueries_namePositions() {
        assertThatThrownBy(() -> WatchlistMatcher.validate("tai nan OR"))
                .isInstanceOf(QueryException.class).hasMessageContaining("at position 11");
        assertThatThrownBy(() -> WatchlistMatcher.validate("\"tai nan"))
                .isInstanceOf(QueryException.class).hasMessageContaining("position 1");
        assertThatThrownBy(() -> WatchlistMatcher.validate("lu) chay"))
                .isInstanceOf(QueryException.class).hasMessageContaining("unexpected ')' at position 3");
        assertThatThrownBy(() -> WatchlistMatcher.validate("\"\""))
                .isInstanceOf(QueryException.class).hasMessageContaining("empty term at position 1");
    }

    @Test
    void constructor_namesTheBadWatchlist() {
        assertThatThrownBy(() -> matcher("ok", "lu", "bad", "(lu"))
                .isInstanceOf(QueryException.class).hasMessageStartingWith("watchlist 'bad'");
    }
}
