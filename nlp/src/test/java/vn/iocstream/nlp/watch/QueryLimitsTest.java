package vn.iocstream.nlp.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import org.junit.jupiter.api.Test;
import vn.iocstream.nlp.QueryException;

/**
 * The query bombs found by probing the control room's search (issue 10), each refused by a limit that names its
 * configuration key, before any recursion or Lucene work can take the stack or a CPU.
 */
class QueryLimitsTest {

    private static String repeat(String s, int n) {
        return String.join("", Collections.nCopies(n, s));
    }

    @Test
    void nearChainOfAThousandTerms_isRefusedByTheNearLimit() {
        String query = "ngập" + repeat(" NEAR/3 lụt", 999);
        assertThatThrownBy(() -> WatchQueryParser.parse(query, new QueryLimits(100_000, 20, 10_000, 8)))
                .isInstanceOf(QueryException.class).hasMessageContaining("queries.maxNearTerms");
        assertThat(WatchQueryParser.parse("ngập" + repeat(" NEAR/3 lụt", 7))).isInstanceOf(WatchQuery.Near.class);
    }

    @Test
    void fiveThousandNestedParentheses_areRefusedWithoutStackOverflow() {
        String query = repeat("(", 5000) + "bão" + repeat(")", 5000);
        assertThatThrownBy(() -> WatchQueryParser.parse(query, new QueryLimits(100_000, 20, 200, 8)))
                .isInstanceOf(QueryException.class).hasMessageContaining("queries.maxDepth")
                .hasMessageContaining("position 21");
        assertThat(WatchQueryParser.parse(repeat("(", 20) + "bão" + repeat(")", 20))).isEqualTo(new WatchQuery.Words("bão", false));
    }

    @Test
    void fiveThousandNots_areRefusedWithoutStackOverflow() {
        String query = repeat("NOT ", 5000) + "bão";
        assertThatThrownBy(() -> WatchQueryParser.parse(query, new QueryLimits(100_000, 20, 200, 8)))
                .isInstanceOf(QueryException.class).hasMessageContaining("queries.maxDepth");
    }

    @Test
    void twoThousandAndWords_areRefusedByTheTermLimit() {
        String query = "bão" + repeat(" AND lũ", 1999);
        assertThatThrownBy(() -> WatchQueryParser.parse(query, new QueryLimits(100_000, 20, 200, 8)))
                .isInstanceOf(QueryException.class).hasMessageContaining("more than 200 words").hasMessageContaining("queries.maxTerms");
        assertThat(WatchQueryParser.parse("bão" + repeat(" AND lũ", 199))).isInstanceOf(WatchQuery.And.class);
    }

    @Test
    void overlongQuery_isRefusedBeforeLexing() {
        assertThatThrownBy(() -> WatchQueryParser.parse(repeat("a", 4001)))
                .isInstanceOf(QueryException.class).hasMessageContaining("4000 characters").hasMessageContaining("queries.maxChars");
    }

    @Test
    void fieldsCountAsTerms() {
        QueryLimits two = new QueryLimits(100, 5, 2, 2);
        assertThat(WatchQueryParser.parse("bão kind:press", two)).isInstanceOf(WatchQuery.And.class);
        assertThatThrownBy(() -> WatchQueryParser.parse("bão kind:press locality:\"Đồng Nai\"", two))
                .isInstanceOf(QueryException.class).hasMessageContaining("queries.maxTerms");
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new QueryLimits(0, 1, 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QueryLimits(1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
