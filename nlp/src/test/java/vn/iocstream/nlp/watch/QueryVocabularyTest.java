package vn.iocstream.nlp.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.Test;

class QueryVocabularyTest {

    private static final QueryCompiler COMPILER = new QueryCompiler(new QueryCompiler.Fields(WatchlistIndex.EXACT,
            WatchlistIndex.FOLDED, WatchlistIndex.SOURCE, WatchlistIndex.KIND, WatchlistIndex.LOCALITY), true);

    private static Map<String, QueryVocabulary> vocabulary(String... queries) {
        return QueryVocabulary.of(List.of(queries).stream().map(q -> COMPILER.compile(WatchQueryParser.parse(q))).toList())
                .orElseThrow();
    }

    private static boolean contains(QueryVocabulary v, String term) {
        char[] chars = term.toCharArray();
        int separator = term.indexOf(' ');
        return separator < 0 ? v.containsSyllable(chars, chars.length)
                : v.startsBigram(chars, separator) && v.containsBigram(chars, chars.length);
    }

    @Test
    void termsUnderNot_andBigrams_areKept() {
        QueryVocabulary folded = vocabulary("\"tai nan\" NOT \"cuu thuong\" NOT xe").get(WatchlistIndex.FOLDED);
        assertThat(contains(folded, "tai nan")).isTrue();
        assertThat(contains(folded, "cuu thuong")).isTrue();
        assertThat(contains(folded, "xe")).isTrue();
        assertThat(contains(folded, "tai")).isFalse();
        assertThat(contains(folded, "nan")).isFalse();
    }

    @Test
    void prefixes_keepEveryTermThatExtendsThem() {
        QueryVocabulary exact = vocabulary("ngập*", "\"triều cườ*\"", "kẹt*").get(WatchlistIndex.EXACT);
        assertThat(contains(exact, "ngập")).isTrue();
        assertThat(contains(exact, "triều cường")).isTrue();
        assertThat(contains(exact, "cường")).isTrue();
        assertThat(contains(exact, "triều")).isFalse();
        assertThat(contains(exact, "kẹtxe")).isTrue();
        assertThat(contains(exact, "ngâp")).isFalse();
        assertThat(contains(exact, "kẹ")).isFalse();
        assertThat(contains(exact, "nga")).isFalse();
    }

    @Test
    void fieldsNoQueryReads_areAbsent() {
        assertThat(vocabulary("\"tai nan\"")).containsOnlyKeys(WatchlistIndex.FOLDED);
    }

    @Test
    void queriesWithUnlistableTerms_giveNoVocabulary() {
        assertThat(QueryVocabulary.of(List.of(new MatchAllDocsQuery()))).isPresent();
        assertThat(QueryVocabulary.of(List.of(new org.apache.lucene.search.FieldExistsQuery("text")))).isEmpty();
    }
}
