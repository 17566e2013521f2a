package vn.iocstream.nlp.watch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * The terms of one field that a fixed set of queries can look at: their terms, and the terms that
 * start with one of their prefixes. A post indexed with only these terms, at their original positions,
 * matches every one of those queries exactly as the full post would, and most syllables of a post are
 * in no watchlist: dropping them is most of the cost of indexing it.
 */
final class QueryVocabulary {
    private final CharArraySet terms = new CharArraySet(64, false);
    private final TreeSet<String> prefixSet = new TreeSet<>();
    /** The prefixes, sorted, without any that extends another: the greatest one ≤ a term is then its only candidate. */
    private char[][] prefixes = new char[0][];
    /** Set when a query reads terms in a way not understood here: then every term is kept. */
    private boolean everything;

    /**
     * One vocabulary per field that the queries read (a field absent from the map is read by none);
     * empty if some query is of a kind whose terms cannot be listed.
     */
    static Optional<Map<String, QueryVocabulary>> of(Collection<Query> queries) {
        Map<String, QueryVocabulary> out = new HashMap<>();
        boolean[] unknown = {false};
        QueryVisitor visitor = new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... terms) {
                for (Term t : terms) field(t.field()).terms.add(t.text());
            }

            @Override
            public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
                QueryVocabulary v = field(field);
                if (query instanceof PrefixQuery p) {
                    v.prefixSet.add(p.getPrefix().text());
                } else {
                    v.everything = true;
                }
            }

            @Override
            public void visitLeaf(Query query) {
                if (!(query instanceof MatchAllDocsQuery)) unknown[0] = true;
            }

            /** Terms under NOT are read too: a post must keep them to be excluded. */
            @Override
            public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                return this;
            }

            private QueryVocabulary field(String name) {
                return out.computeIfAbsent(name, n -> new QueryVocabulary());
            }
        };
        queries.forEach(q -> q.visit(visitor));
        out.values().forEach(QueryVocabulary::sortPrefixes);
        return unknown[0] ? Optional.empty() : Optional.of(out);
    }

    private void sortPrefixes() {
        List<char[]> out = new ArrayList<>();
        String last = null;
        for (String p : prefixSet) {
            if (last != null && p.startsWith(last)) continue;
            out.add(p.toCharArray());
            last = p;
        }
        prefixes = out.toArray(char[][]::new);
    }

    /** Whether a query may read the term {@code chars[0, length)}. */
    boolean contains(char[] chars, int length) {
        if (everything || terms.contains(chars, 0, length)) return true;
        int lo = 0, hi = prefixes.length - 1, floor = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Arrays.compare(prefixes[mid], 0, prefixes[mid].length, chars, 0, length) <= 0) {
                floor = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return floor >= 0 && prefixes[floor].length <= length
                && Arrays.equals(prefixes[floor], 0, prefixes[floor].length, chars, 0, prefixes[floor].length);
    }
}
