package vn.iocstream.nlp.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorConfiguration;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.QueryDecomposer;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.util.FixedBitSet;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.nlp.QueryException;

/**
 * The configured watchlists, matched against each post the way Lucene Monitor matches: every query is split
 * into its top-level alternatives, the presearcher ({@link MultipassTermFilteredPresearcher}, two passes) picks the
 * terms a matching post must have, and only the alternatives whose terms the post has are run on the post's
 * in-memory index. The presearcher's terms are looked up in a table in the heap ({@link CandidateTable}) instead
 * of the Monitor's index of queries, which measured 1.6 to 1.8 times faster (the Monitor itself is the
 * benchmark's baseline, {@link #monitor()}). Text is indexed as syllables plus syllable bigrams (see
 * {@link QueryCompiler}), so phrases presearch on bigrams instead of common syllables; of each post only the
 * terms that some query reads are indexed. Immutable after construction, so thread-safe.
 */
public final class WatchlistIndex {
    static final String EXACT = "text";
    static final String FOLDED = "text_folded";
    static final String SOURCE = "source";
    static final String KIND = "kind";
    static final String LOCALITY = "locality";
    /** Two passes index two terms of each conjunction, so "tai nạn" AND "Đồng Nai" is only run on posts that have both. */
    private static final int PASSES = 2;
    private static final QueryDecomposer DECOMPOSER = new QueryDecomposer();

    /** One top-level alternative of a watchlist's query, prepared to run ({@link PreparedQuery}). */
    private record Alternative(int watchlist, Query query) {}

    private final List<String> names;
    private final List<Query> compiled;
    private final Analyzer analyzer;
    private final MultipassTermFilteredPresearcher presearcher;
    private final List<Alternative> alternatives = new ArrayList<>();
    private final CandidateTable candidates;

    /** @throws QueryException naming the watchlist and the position if a query is malformed */
    public WatchlistIndex(List<IocConfig.Watchlist> watchlists) {
        this(watchlists, true);
    }

    /** {@code bigrams} false indexes syllables only: the slower layout, kept as the benchmark's baseline. */
    WatchlistIndex(List<IocConfig.Watchlist> watchlists, boolean bigrams) {
        QueryCompiler compiler = new QueryCompiler(new QueryCompiler.Fields(EXACT, FOLDED, SOURCE, KIND, LOCALITY), bigrams);
        List<String> names = new ArrayList<>();
        List<Query> compiled = new ArrayList<>();
        for (IocConfig.Watchlist w : watchlists) {
            WatchQuery parsed;
            try {
                parsed = WatchQueryParser.parse(w.query());
            } catch (QueryException e) {
                throw new QueryException("watchlist '" + w.name() + "': " + e.getMessage(), e.position());
            }
            compiled.add(compiler.compile(parsed));
            names.add(w.name());
        }
        this.names = List.copyOf(names);
        this.compiled = List.copyOf(compiled);
        this.analyzer = bigrams ? vocabularyAnalyzer(compiled) : new PerFieldAnalyzerWrapper(TextAnalyzers.exact(false),
                Map.of(FOLDED, TextAnalyzers.folded(false)));
        // Filter fields hold few distinct values that most posts share: never pick them to presearch on.
        TermWeightor weightor = TermWeightor.combine(TermWeightor.fieldWeightor(0.01, SOURCE, KIND, LOCALITY),
                TermFilteredPresearcher.DEFAULT_WEIGHTOR);
        this.presearcher = new MultipassTermFilteredPresearcher(PASSES, 0, weightor, List.of(), Set.of());
        List<Query> presearched = new ArrayList<>();
        for (int w = 0; w < compiled.size(); w++) {
            for (Query alternative : DECOMPOSER.decompose(compiled.get(w))) {
                alternatives.add(new Alternative(w, PreparedQuery.of(alternative)));
                presearched.add(alternative);
            }
        }
        this.candidates = CandidateTable.of(presearched, presearcher, PASSES);
    }

    /** Posts keep only the terms some query reads (see {@link QueryVocabulary}); all of them if that is unknown. */
    private static Analyzer vocabularyAnalyzer(List<Query> queries) {
        return QueryVocabulary.of(queries)
                .<Analyzer>map(v -> new PerFieldAnalyzerWrapper(
                        TextAnalyzers.forVocabulary(false, v.getOrDefault(EXACT, new QueryVocabulary())),
                        Map.of(FOLDED, TextAnalyzers.forVocabulary(true, v.getOrDefault(FOLDED, new QueryVocabulary())))))
                .orElseGet(() -> new PerFieldAnalyzerWrapper(TextAnalyzers.exact(true), Map.of(FOLDED, TextAnalyzers.folded(true))));
    }

    /** Checks a query without building an index, e.g. to validate configuration. */
    public static void validate(String query) {
        WatchQueryParser.parse(query);
    }

    /** Names of the watchlists that match, in configuration order. */
    public List<String> match(WatchDocument doc) {
        if (alternatives.isEmpty()) return List.of();
        MemoryIndex memory = new MemoryIndex();
        for (IndexableField field : document(doc)) memory.addField(field, analyzer);
        IndexSearcher searcher = memory.createSearcher();
        // A one-post index is never worth caching, and the cache's usage tracking hashes every query.
        searcher.setQueryCache(null);
        LeafReaderContext post = searcher.getIndexReader().leaves().get(0);
        try {
            FixedBitSet candidate = candidates.candidates(post.reader());
            boolean[] matched = new boolean[names.size()];
            for (int a = candidate.nextSetBit(0); a != DocIdSetIterator.NO_MORE_DOCS;
                 a = a + 1 < candidate.length() ? candidate.nextSetBit(a + 1) : DocIdSetIterator.NO_MORE_DOCS) {
                Alternative alternative = alternatives.get(a);
                if (!matched[alternative.watchlist()]) matched[alternative.watchlist()] = matches(searcher, post, alternative.query());
            }
            List<String> out = new ArrayList<>();
            for (int w = 0; w < matched.length; w++) if (matched[w]) out.add(names.get(w));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory index does no I/O
        }
    }

    /** {@link #match(WatchDocument)} for each post, in order. */
    public List<List<String>> match(List<WatchDocument> docs) {
        return docs.stream().map(this::match).toList();
    }

    /**
     * Prepared queries go straight to their weight: {@code IndexSearcher.search} would rewrite the query and walk
     * it to count its clauses, for each candidate and post, which measured about a quarter of matching time.
     */
    private static boolean matches(IndexSearcher searcher, LeafReaderContext post, Query query) throws IOException {
        Query runnable = query instanceof PreparedQuery prepared ? prepared.rewritten() : searcher.rewrite(query);
        Scorer scorer = searcher.createWeight(runnable, ScoreMode.COMPLETE_NO_SCORES, 1f).scorer(post);
        return scorer != null && scorer.iterator().nextDoc() != DocIdSetIterator.NO_MORE_DOCS;
    }

    /**
     * The same queries, analysis and presearcher on Lucene's own {@link Monitor} with its index of queries: the
     * benchmark's baseline and the tests' reference. Query ids are the watchlists' positions. The caller closes it.
     */
    Monitor monitor() throws IOException {
        Monitor monitor = new Monitor(analyzer, presearcher, new MonitorConfiguration());
        List<MonitorQuery> queries = new ArrayList<>();
        for (int w = 0; w < compiled.size(); w++) queries.add(new MonitorQuery(String.valueOf(w), compiled.get(w), null, Map.of()));
        monitor.register(queries);
        return monitor;
    }

    /** The post as the fields queries read. */
    static Document document(WatchDocument d) {
        Document doc = new Document();
        String text = d.text() == null ? "" : d.text();
        doc.add(new TextField(EXACT, text, Field.Store.NO));
        doc.add(new TextField(FOLDED, text, Field.Store.NO));
        if (d.source() != null) doc.add(new StringField(SOURCE, d.source().toLowerCase(Locale.ROOT), Field.Store.NO));
        if (d.kind() != null) doc.add(new StringField(KIND, d.kind().toLowerCase(Locale.ROOT), Field.Store.NO));
        if (d.locality() != null) doc.add(new StringField(LOCALITY, Localities.key(d.locality()), Field.Store.NO));
        return doc;
    }
}
