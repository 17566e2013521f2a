package vn.iocstream.nlp.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import vn.iocstream.nlp.QueryException;
import vn.iocstream.nlp.TextNormalizer;
import vn.iocstream.nlp.watch.Localities;
import vn.iocstream.nlp.watch.QueryCompiler;
import vn.iocstream.nlp.watch.TextAnalyzers;
import vn.iocstream.nlp.watch.WatchQuery;
import vn.iocstream.nlp.watch.WatchQueryParser;

/**
 * Full-text search over posts for the control room, in the watchlist query language (so a watchlist
 * can be pasted into the search box). Title and text are indexed twice, exact and folded, like
 * watchlists; the locality field is the post's current province. Writes become visible after
 * {@link #refresh()}, and durable (for an on-disk index) after {@link #commit()}. Every search is bounded by
 * {@link SearchLimits}: the query's size, the page number and a time budget, checked while hits are collected and
 * also answering a caller that went away. Thread-safe.
 */
public final class PostSearchIndex implements AutoCloseable {
    public static final int PAGE_SIZE = 20;

    private static final String ID = "id";
    private static final String TITLE = "title";
    private static final String BODY = "body";
    private static final String URL = "url";
    private static final String EXACT = "text";
    private static final String FOLDED = "text_folded";
    private static final String SOURCE = "source";
    private static final String KIND = "kind";
    private static final String PROVINCE = "province";
    private static final String PROVINCE_NAME = "province_name";
    private static final String PUBLISHED = "published";
    private static final String SENTIMENT = "sentiment";
    private static final String WATCHLIST = "watchlist";
    /** Opaque access keys given by the caller (the control room's scope: provinces and communes a post concerns). */
    private static final String ACCESS = "access";

    private static final QueryCompiler COMPILER =
            new QueryCompiler(new QueryCompiler.Fields(EXACT, FOLDED, SOURCE, KIND, PROVINCE), false);
    private static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE, new SortField(PUBLISHED, SortField.Type.LONG, true));
    private static final Sort BY_DATE = new Sort(new SortField(PUBLISHED, SortField.Type.LONG, true), SortField.FIELD_SCORE);

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final SearchLimits limits;

    /** An index in memory, with the shipped limits. */
    public PostSearchIndex() {
        this(SearchLimits.DEFAULT);
    }

    /** An index in memory. */
    public PostSearchIndex(SearchLimits limits) {
        this(new ByteBuffersDirectory(), limits);
    }

    /** An index in {@code dir}, created if absent and reopened with its committed posts otherwise. */
    public PostSearchIndex(Path dir, SearchLimits limits) {
        this(open(dir), limits);
    }

    private PostSearchIndex(Directory directory, SearchLimits limits) {
        this.directory = directory;
        this.limits = limits;
        try {
            IndexWriterConfig config = new IndexWriterConfig(new PerFieldAnalyzerWrapper(TextAnalyzers.exact(false),
                    Map.of(FOLDED, TextAnalyzers.folded(false))));
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a post, replacing any post with the same id. */
    public void add(SearchablePost post) {
        add(post, List.of());
    }

    /**
     * Adds a post with access keys: a search given keys finds only posts that carry at least one of them (the
     * control room's scope, applied inside the Lucene query).
     */
    public void add(SearchablePost post, Collection<String> accessKeys) {
        if (post.id() == null || post.publishedAt() == null) throw new IllegalArgumentException("a post needs an id and a date");
        String title = TextNormalizer.normalize(post.title());
        String body = TextNormalizer.normalize(post.text());
        Document doc = new Document();
        doc.add(new StringField(ID, post.id(), Field.Store.YES));
        doc.add(new StoredField(TITLE, title));
        doc.add(new StoredField(BODY, body));
        if (post.url() != null) doc.add(new StoredField(URL, post.url()));
        // A blank line keeps title and text apart; phrases may still span it, as in one text.
        String all = title + "\n\n" + body;
        doc.add(new TextField(EXACT, all, Field.Store.NO));
        doc.add(new TextField(FOLDED, all, Field.Store.NO));
        keyword(doc, SOURCE, post.source(), true);
        keyword(doc, KIND, post.kind(), false);
        keyword(doc, SENTIMENT, post.sentiment(), false);
        if (post.province() != null) {
            doc.add(new StringField(PROVINCE, Localities.key(post.province()), Field.Store.NO));
            doc.add(new StoredField(PROVINCE_NAME, post.province()));
        }
        long millis = post.publishedAt().toEpochMilli();
        doc.add(new LongPoint(PUBLISHED, millis));
        doc.add(new NumericDocValuesField(PUBLISHED, millis));
        doc.add(new StoredField(PUBLISHED, millis));
        if (post.watchlists() != null) post.watchlists().forEach(w -> doc.add(new StringField(WATCHLIST, w, Field.Store.NO)));
        accessKeys.forEach(k -> doc.add(new StringField(ACCESS, k, Field.Store.NO)));
        try {
            writer.updateDocument(new Term(ID, post.id()), doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes added posts durable. */
    public void commit() {
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes added posts visible to {@link #search}. */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SearchLimits limits() {
        return limits;
    }

    /** {@link #search(String, SearchFilters, int, BooleanSupplier)} for a caller that stays. */
    public SearchPage search(String query, SearchFilters filters, int page) {
        return search(query, filters, page, () -> false);
    }

    /**
     * One page (1-based, {@value #PAGE_SIZE} hits) of the posts that match {@code query} (blank for all)
     * and {@code filters}.
     *
     * @param gone true once the caller no longer waits (its connection closed): the search stops at once
     * @throws vn.iocstream.nlp.QueryException if the query is malformed or over a limit, naming the position
     * @throws IllegalArgumentException        if {@code page} is outside 1..{@code search.maxPage}
     * @throws SearchTimeoutException          if the time budget ran out or the caller went away
     */
    public SearchPage search(String query, SearchFilters filters, int page, BooleanSupplier gone) {
        return search(query, filters, page, null, gone);
    }

    /**
     * {@link #search(String, SearchFilters, int, BooleanSupplier)} among the posts added with at least one of
     * {@code accessKeys} (null: all posts; empty: none).
     */
    public SearchPage search(String query, SearchFilters filters, int page, Collection<String> accessKeys, BooleanSupplier gone) {
        if (page < 1 || page > limits.maxPage()) {
            throw new IllegalArgumentException("page must be between 1 and " + limits.maxPage() + " (limit search.maxPage)");
        }
        long deadline = System.nanoTime() + limits.timeoutMillis() * 1_000_000L;
        WatchQuery parsed = query == null || query.isBlank() ? null : WatchQueryParser.parse(query, limits.query());
        Query q = query(parsed, filters, accessKeys);
        Sort sort = sort(filters);
        List<QueryCompiler.Phrase> phrases = parsed == null ? List.of() : QueryCompiler.positivePhrases(parsed);
        try {
            IndexSearcher shared = searchers.acquire();
            try {
                // A searcher of its own: the time budget is per search, and the shared one serves other threads.
                IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
                searcher.setTimeout(() -> gone.getAsBoolean() || System.nanoTime() - deadline > 0);
                TopFieldDocs top = searcher.search(q, page * PAGE_SIZE, sort, true);
                long total = top.totalHits.relation == TotalHits.Relation.EQUAL_TO || searcher.timedOut()
                        ? top.totalHits.value : searcher.count(q);
                if (searcher.timedOut()) {
                    throw new SearchTimeoutException(gone.getAsBoolean() ? "search abandoned: the caller went away"
                            : "search took longer than " + limits.timeoutMillis() + " ms (limit search.timeoutMillis): narrow the query or the filters");
                }
                List<SearchHit> hits = new ArrayList<>();
                for (int i = (page - 1) * PAGE_SIZE; i < top.scoreDocs.length; i++) {
                    hits.add(hit(searcher, top.scoreDocs[i], phrases));
                }
                return new SearchPage(total, page, hits);
            } finally {
                searchers.release(shared);
            }
        } catch (IndexSearcher.TooManyClauses e) {
            throw tooManyTerms();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The ids of the first {@code max} posts {@link #search} would list, in its order: what an export of a search
     * result reads back from the store. Only ids are held, and the search gets {@code timeoutMillis} (an export may
     * take longer than the interactive budget).
     *
     * @throws vn.iocstream.nlp.QueryException if the query is malformed or over a limit
     * @throws SearchTimeoutException          if the time ran out or the caller went away
     */
    public List<String> ids(String query, SearchFilters filters, Collection<String> accessKeys, int max, long timeoutMillis,
                            BooleanSupplier gone) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        WatchQuery parsed = query == null || query.isBlank() ? null : WatchQueryParser.parse(query, limits.query());
        Query q = query(parsed, filters, accessKeys);
        try {
            IndexSearcher shared = searchers.acquire();
            try {
                IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
                searcher.setTimeout(() -> gone.getAsBoolean() || System.nanoTime() - deadline > 0);
                TopFieldDocs top = searcher.search(q, Math.max(1, max), sort(filters), false);
                if (searcher.timedOut()) {
                    throw new SearchTimeoutException(gone.getAsBoolean() ? "search abandoned: the caller went away"
                            : "search took longer than " + timeoutMillis + " ms: narrow the query or the filters");
                }
                List<String> ids = new ArrayList<>(top.scoreDocs.length);
                var stored = searcher.storedFields();
                for (ScoreDoc sd : top.scoreDocs) ids.add(stored.document(sd.doc, Set.of(ID)).get(ID));
                return ids;
            } finally {
                searchers.release(shared);
            }
        } catch (IndexSearcher.TooManyClauses e) {
            throw tooManyTerms();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static QueryException tooManyTerms() {
        return new QueryException("the query expands to more than " + IndexSearcher.getMaxClauseCount()
                + " terms: use fewer words or longer wildcard prefixes");
    }

    /** The query with its filters, among the posts of at least one access key (null: all; empty: none). */
    private static Query query(WatchQuery parsed, SearchFilters filters, Collection<String> accessKeys) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(parsed == null ? new MatchAllDocsQuery() : COMPILER.compile(parsed), Occur.MUST);
        addFilters(b, filters == null ? SearchFilters.none() : filters);
        if (accessKeys != null) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            accessKeys.forEach(k -> any.add(new TermQuery(new Term(ACCESS, k)), Occur.SHOULD));
            // No key matches nothing: an empty SHOULD list would match everything.
            if (accessKeys.isEmpty()) any.add(new TermQuery(new Term(ACCESS, "\u0000none")), Occur.SHOULD);
            b.add(any.build(), Occur.FILTER);
        }
        return b.build();
    }

    private static Sort sort(SearchFilters filters) {
        return filters != null && filters.order() == SearchFilters.Order.NEWEST ? BY_DATE : BY_RELEVANCE;
    }

    private static void addFilters(BooleanQuery.Builder b, SearchFilters f) {
        if (f.province() != null) b.add(new TermQuery(new Term(PROVINCE, Localities.key(f.province()))), Occur.FILTER);
        if (f.kind() != null) b.add(new TermQuery(new Term(KIND, f.kind().toLowerCase(Locale.ROOT))), Occur.FILTER);
        if (f.source() != null) b.add(new TermQuery(new Term(SOURCE, f.source().toLowerCase(Locale.ROOT))), Occur.FILTER);
        if (f.sentiment() != null) b.add(new TermQuery(new Term(SENTIMENT, f.sentiment().toLowerCase(Locale.ROOT))), Occur.FILTER);
        if (f.watchlist() != null) b.add(new TermQuery(new Term(WATCHLIST, f.watchlist())), Occur.FILTER);
        if (f.from() != null || f.to() != null) {
            long from = f.from() == null ? Long.MIN_VALUE : f.from().toEpochMilli();
            long to = f.to() == null ? Long.MAX_VALUE : f.to().toEpochMilli() - 1;
            b.add(LongPoint.newRangeQuery(PUBLISHED, from, to), Occur.FILTER);
        }
    }

    private static SearchHit hit(IndexSearcher searcher, ScoreDoc sd, List<QueryCompiler.Phrase> phrases) throws IOException {
        Document d = searcher.storedFields().document(sd.doc);
        String title = d.get(TITLE);
        String body = d.get(BODY);
        // The snippet comes from the text, unless only the title matched.
        String snippetOf = !Snippets.matches(body, phrases) && Snippets.matches(title, phrases) ? title : body;
        return new SearchHit(d.get(ID), title, d.get(SOURCE), d.get(PROVINCE_NAME),
                Instant.ofEpochMilli(d.getField(PUBLISHED).numericValue().longValue()), sd.score,
                Snippets.highlight(snippetOf, phrases), d.get(URL));
    }

    private static void keyword(Document doc, String field, String value, boolean store) {
        if (value != null) doc.add(new StringField(field, value.toLowerCase(Locale.ROOT), store ? Field.Store.YES : Field.Store.NO));
    }

    private static Directory open(Path dir) {
        try {
            return FSDirectory.open(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
