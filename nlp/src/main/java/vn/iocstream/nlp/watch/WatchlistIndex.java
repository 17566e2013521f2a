package vn.iocstream.nlp.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MonitorConfiguration;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.QueryDecomposer;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.Query;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.nlp.QueryException;

/**
 * The configured watchlists on a Lucene {@link Monitor}: each post is matched against all queries at
 * once, the presearcher only running the queries that share a term with the post. Text is indexed
 * as syllables plus syllable bigrams (see {@link QueryCompiler}), which makes phrase queries
 * presearch on bigrams instead of common syllables; of each post only the terms that some query reads
 * are indexed. Thread-safe; close it to free the query index.
 */
public final class WatchlistIndex implements AutoCloseable {
    static final String EXACT = "text";
    static final String FOLDED = "text_folded";
    static final String SOURCE = "source";
    static final String KIND = "kind";
    static final String LOCALITY = "locality";
    /** Monitor.match on a batch indexes it as one small index; 100 was the fastest batch size measured. */
    static final int BATCH = 100;

    /** Splits top-level disjunctions as the Monitor does by default, then prepares each part. */
    private static final QueryDecomposer PREPARING_DECOMPOSER = new QueryDecomposer() {
        @Override
        public Set<Query> decompose(Query q) {
            return super.decompose(q).stream().map(PreparedQuery::of).collect(Collectors.toSet());
        }
    };

    private final List<String> names;
    private final Monitor monitor;

    /** @throws QueryException naming the watchlist and the position if a query is malformed */
    public WatchlistIndex(List<IocConfig.Watchlist> watchlists) {
        this(watchlists, true);
    }

    /** {@code bigrams} false indexes syllables only: the slower layout, kept as the benchmark's baseline. */
    WatchlistIndex(List<IocConfig.Watchlist> watchlists, boolean bigrams) {
        QueryCompiler compiler = new QueryCompiler(new QueryCompiler.Fields(EXACT, FOLDED, SOURCE, KIND, LOCALITY), bigrams);
        List<MonitorQuery> queries = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (IocConfig.Watchlist w : watchlists) {
            WatchQuery parsed;
            try {
                parsed = WatchQueryParser.parse(w.query());
            } catch (QueryException e) {
                throw new QueryException("watchlist '" + w.name() + "': " + e.getMessage(), e.position());
            }
            queries.add(new MonitorQuery(String.valueOf(names.size()), compiler.compile(parsed), w.query(), Map.of()));
            names.add(w.name());
        }
        this.names = List.copyOf(names);
        Analyzer analyzer = bigrams ? vocabularyAnalyzer(queries) : new PerFieldAnalyzerWrapper(TextAnalyzers.exact(false),
                Map.of(FOLDED, TextAnalyzers.folded(false)));
        // Filter fields hold few distinct values that most posts share: never pick them to presearch on.
        TermWeightor weightor = TermWeightor.combine(TermWeightor.fieldWeightor(0.01, SOURCE, KIND, LOCALITY),
                TermFilteredPresearcher.DEFAULT_WEIGHTOR);
        try {
            // Two passes index two terms of each conjunction, so "tai nạn" AND "Đồng Nai" is only run on
            // posts that have both: measured about half the candidate queries of one pass.
            this.monitor = new Monitor(analyzer, new MultipassTermFilteredPresearcher(2, 0, weightor, List.of(), Set.of()),
                    new MonitorConfiguration().setQueryDecomposer(PREPARING_DECOMPOSER));
            monitor.register(queries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posts keep only the terms some query reads (see {@link QueryVocabulary}); all of them if that is unknown. */
    private static Analyzer vocabularyAnalyzer(List<MonitorQuery> queries) {
        return QueryVocabulary.of(queries.stream().map(MonitorQuery::getQuery).toList())
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
        try {
            return names(monitor.match(document(doc), PreparedMatcher.FACTORY).getMatches());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #match(WatchDocument)} for many posts, faster per post; one list per post, in order. */
    public List<List<String>> match(List<WatchDocument> docs) {
        List<List<String>> out = new ArrayList<>(docs.size());
        try {
            for (int from = 0; from < docs.size(); from += BATCH) {
                List<WatchDocument> chunk = docs.subList(from, Math.min(docs.size(), from + BATCH));
                Document[] batch = chunk.stream().map(WatchlistIndex::document).toArray(Document[]::new);
                var matches = monitor.match(batch, PreparedMatcher.FACTORY);
                for (int i = 0; i < batch.length; i++) out.add(names(matches.getMatches(i)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private List<String> names(Collection<QueryMatch> matches) {
        return matches.stream().mapToInt(m -> Integer.parseInt(m.getQueryId())).sorted().mapToObj(names::get).toList();
    }

    private static Document document(WatchDocument d) {
        Document doc = new Document();
        String text = d.text() == null ? "" : d.text();
        doc.add(new TextField(EXACT, text, Field.Store.NO));
        doc.add(new TextField(FOLDED, text, Field.Store.NO));
        if (d.source() != null) doc.add(new StringField(SOURCE, d.source().toLowerCase(Locale.ROOT), Field.Store.NO));
        if (d.kind() != null) doc.add(new StringField(KIND, d.kind().toLowerCase(Locale.ROOT), Field.Store.NO));
        if (d.locality() != null) doc.add(new StringField(LOCALITY, Localities.key(d.locality()), Field.Store.NO));
        return doc;
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
