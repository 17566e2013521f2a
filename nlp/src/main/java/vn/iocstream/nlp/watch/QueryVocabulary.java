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
    private static final char SEPARATOR = TextAnalyzers.BIGRAM_SEPARATOR.charAt(0);

    private final CharArraySet terms = new CharArraySet(64, false);
    /** First syllables of the bigram terms and bigram prefixes: a bigram starting otherwise is never read. */
    private final CharArraySet heads = new CharArraySet(64, false);
    private final TreeSet<String> prefixSet = new TreeSet<>();
    /**
     * The prefixes of syllables and of bigrams, sorted, without any that extends another: the greatest
     * one ≤ a term is then its only candidate.
     */
    private char[][] syllablePrefixes = new char[0][];
    private char[][] bigramPrefixes = new char[0][];
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
                for (Term t : terms) field(t.field()).add(t.text(), false);
            }

            @Override
            public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
                QueryVocabulary v = field(field);
                if (query instanceof PrefixQuery p) {
                    v.add(p.getPrefix().text(), true);
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

    private void add(String term, boolean prefix) {
        int separator = term.indexOf(SEPARATOR);
        if (separator >= 0) heads.add(term.substring(0, separator));
        if (prefix) {
            prefixSet.add(term);
        } else {
            terms.add(term);
        }
    }

    private void sortPrefixes() {
        syllablePrefixes = prefixFree(prefixSet.stream().filter(p -> p.indexOf(SEPARATOR) < 0).toList());
        bigramPrefixes = prefixFree(prefixSet.stream().filter(p -> p.indexOf(SEPARATOR) >= 0).toList());
    }

    private static char[][] prefixFree(List<String> sorted) {
        List<char[]> out = new ArrayList<>();
        String last = null;
        for (String p : sorted) {
            if (last != null && p.startsWith(last)) continue;
            out.add(p.toCharArray());
            last = p;
        }
        return out.toArray(char[][]::new);
    }

    /** Whether a query may read the syllable {@code chars[0, length)}. */
    boolean containsSyllable(char[] chars, int length) {
        return everything || terms.contains(chars, 0, length) || hasPrefix(syllablePrefixes, chars, length);
    }

    /** Whether a bigram starting with this syllable may be read, by {@link #containsBigram}. */
    boolean startsBigram(char[] chars, int length) {
        return everything || heads.contains(chars, 0, length);
    }

    /**
     * Whether a query may read the bigram {@code chars[0, length)}. A syllable prefix matches bigrams
     * too ("ngập*" matches "ngập úng"), but at the position of a syllable it also matches and that
     * is kept, so the bigram changes no match: it is only kept for a bigram term or prefix.
     */
    boolean containsBigram(char[] chars, int length) {
        return everything || terms.contains(chars, 0, length) || hasPrefix(bigramPrefixes, chars, length);
    }

    private static boolean hasPrefix(char[][] prefixes, char[] chars, int length) {
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
