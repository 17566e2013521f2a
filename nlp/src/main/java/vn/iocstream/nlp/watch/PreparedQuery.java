package vn.iocstream.nlp.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;

/**
 * A watchlist query rewritten once, when it is registered, instead of on every post it is a candidate
 * for ({@link PreparedMatcher}): rewriting nested boolean queries per candidate and post measured a
 * fifth of all matching time. Only queries whose rewrite does not depend on
 * the index are prepared (terms, phrases, prefixes as the blended constant-score rewrite, exact spans);
 * a span over a prefix expands to the terms of each post and is left to the per-post rewrite.
 */
final class PreparedQuery extends Query {
    private static final IndexSearcher EMPTY = emptySearcher();

    private final Query rewritten;

    private PreparedQuery(Query rewritten) {
        this.rewritten = rewritten;
    }

    /** {@code query} prepared, or itself if its rewrite depends on the post. */
    static Query of(Query query) {
        if (!indexIndependent(query)) return query;
        try {
            return new PreparedQuery(EMPTY.rewrite(query));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an empty in-memory reader does no I/O
        }
    }

    private static boolean indexIndependent(Query q) {
        if (q instanceof BooleanQuery b) return b.clauses().stream().map(BooleanClause::getQuery).allMatch(PreparedQuery::indexIndependent);
        if (q instanceof SpanNearQuery near) {
            for (SpanQuery clause : near.getClauses()) if (!indexIndependent(clause)) return false;
            return true;
        }
        return q instanceof TermQuery || q instanceof PhraseQuery || q instanceof PrefixQuery
                || q instanceof MatchAllDocsQuery || q instanceof SpanTermQuery;
    }

    private static IndexSearcher emptySearcher() {
        try {
            return new IndexSearcher(new MultiReader());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a reader over nothing does no I/O
        }
    }

    Query rewritten() {
        return rewritten;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) {
        return this;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        return rewritten.createWeight(searcher, scoreMode, boost);
    }

    @Override
    public void visit(QueryVisitor visitor) {
        rewritten.visit(visitor);
    }

    @Override
    public String toString(String field) {
        return rewritten.toString(field);
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && rewritten.equals(((PreparedQuery) other).rewritten);
    }

    @Override
    public int hashCode() {
        return 31 * classHash() + rewritten.hashCode();
    }
}
