package vn.iocstream.nlp.watch;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.MatcherFactory;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * Runs the Monitor's candidate queries on the posts' in-memory index, taking {@link PreparedQuery}s
 * straight to their weight: {@code IndexSearcher.search} would rewrite the query and walk it to count
 * its clauses, for each candidate and post, which measured about a quarter of all matching time.
 * Other queries take the searcher's usual path. Reports which posts each query matches, nothing more.
 */
final class PreparedMatcher extends CandidateMatcher<QueryMatch> {
    static final MatcherFactory<QueryMatch> FACTORY = searcher -> {
        // A one-post index is never worth caching, and the cache's usage tracking hashes every query.
        searcher.setQueryCache(null);
        return new PreparedMatcher(searcher);
    };

    private PreparedMatcher(IndexSearcher searcher) {
        super(searcher);
    }

    @Override
    protected void matchQuery(String queryId, Query matchQuery, Map<String, String> metadata) throws IOException {
        Query query = matchQuery instanceof PreparedQuery prepared ? prepared.rewritten() : searcher.rewrite(matchQuery);
        Weight weight = searcher.createWeight(query, ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) continue;
            DocIdSetIterator docs = scorer.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                addMatch(new QueryMatch(queryId), leaf.docBase + doc);
            }
        }
    }

    @Override
    public QueryMatch resolve(QueryMatch match1, QueryMatch match2) {
        return match1;
    }
}
