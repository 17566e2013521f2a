package vn.iocstream.nlp.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import vn.iocstream.nlp.QueryException;

class WatchQueryParserTest {

    @Test
    void adjacentTermsAndNear_parseToAndOfNear() {
        WatchQuery q = WatchQueryParser.parse("ngập* \"tai nạn\" NEAR/5 \"Đồng Nai\"");
        assertThat(q).isEqualTo(new WatchQuery.And(java.util.List.of(
                new WatchQuery.Words("ngập", true),
                new WatchQuery.Near(new WatchQuery.Words("tai nạn", false), new WatchQuery.Words("Đồng Nai", false), 5))));
    }

    @Test
    void orBindsLooserThanAnd_andNotBindsTightest() {
        WatchQuery q = WatchQueryParser.parse("lũ OR ngập AND NOT triều");
        assertThat(q).isEqualTo(new WatchQuery.Or(java.util.List.of(
                new WatchQuery.Words("lũ", false),
                new WatchQuery.And(java.util.List.of(new WatchQuery.Words("ngập", false),
                        new WatchQuery.Not(new WatchQuery.Words("triều", false)))))));
    }

    @Test
    void oldTonePlacementAndNfdInQuery_areNormalised() {
        assertThat(WatchQueryParser.parse("\"ho\u0300a bi\u0300nh\"")).isEqualTo(new WatchQuery.Words("hòa bình", false));
        assertThat(WatchQueryParser.parse("hoà")).isEqualTo(new WatchQuery.Words("hòa", false));
    }

    @Test
    void localityValue_isResolvedToCurrentProvinceKey() {
        assertThat(WatchQueryParser.parse("locality:\"Tây Ninh\"")).isEqualTo(WatchQueryParser.parse("locality:tay-ninh"));
        assertThat(WatchQueryParser.parse("locality:\"Long An\""))
                .isEqualTo(new WatchQuery.Filter(WatchQuery.Field.LOCALITY, "tay ninh", false));
    }

    @Test
    void lowerCaseOperators_areSearchWords() {
        assertThat(WatchQueryParser.parse("and")).isEqualTo(new WatchQuery.Words("and", false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            (lũ lụt OR ngập úng            | expected ')' at position 20
            nguon:vnexpress                 | unknown field 'nguon' (expected source, kind or locality) at position 1
            tai nạn NEAR "Đồng Nai"         | NEAR needs a distance like NEAR/5 at position 9
            "tai nạn giao thông             | missing closing '\"' for the phrase at position 1
            cháy AND                        | expected a word, a phrase, a field or '(', found the end of the query at position 9
            kind:bao                        | unknown kind 'bao' (expected one of press, social, comment, forum) at position 6
            locality:"Sài Gòn Mới"          | unknown province 'Sài Gòn Mới' at position 10
            ng*ập                           | '*' is only allowed at the end of a word at position 3
            n*                              | a wildcard needs at least two letters right before '*' at position 1
            (cháy OR lũ) NEAR/3 rừng        | NEAR joins two words or phrases, found '(' at position 1
            cháy rừng)                      | expected an operator or the end of the query, found ')' at position 10
            source: vnexpress.net           | expected a value right after 'source:' at position 9
            ""                              | empty phrase at position 1
            """)
    void malformedQuery_namesPositionAndExpectation(String query, String message) {
        assertThatThrownBy(() -> WatchQueryParser.parse(query.strip()))
                .isInstanceOf(QueryException.class)
                .hasMessage(message.strip())
                .satisfies(e -> assertThat(((QueryException) e).position())
                        .isEqualTo(Integer.parseInt(message.replaceAll(".*position (\\d+).*", "$1"))));
    }
}
