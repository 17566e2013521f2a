package vn.iocstream.nlp.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import vn.iocstream.nlp.TextNormalizer;

/**
 * Turns a {@link WatchQuery} into a Lucene query over the fields of {@link TextAnalyzers}.
 *
 * <p>Words typed with any diacritic go to the exact field, others to the folded field; the sides of
 * a NEAR share one field (folded unless all are accented), as span queries need. With {@code bigrams},
 * the text fields are assumed to hold syllable bigrams beside the unigrams: a two-syllable phrase is
 * then one bigram term and a longer one a phrase of consecutive bigrams, which is exact (bigrams at
 * positions p and p+1 overlap in one syllable) and far more selective for the Monitor's presearcher.
 * Thread-safe.
 */
public final class QueryCompiler {

    /** Index field names the query maps to. */
    public record Fields(String exact, String folded, String source, String kind, String locality) {}

    /** A positive word or phrase of a query as the analysis sees it, for highlighting. */
    public record Phrase(boolean exact, List<String> syllables, boolean prefix) {}

    /** Expansions of a wildcard inside NEAR kept, the most frequent first. */
    static final int MAX_SPAN_EXPANSIONS = 128;
    private static final Analyzer EXACT = TextAnalyzers.exact(false);
    private static final Analyzer FOLDED = TextAnalyzers.folded(false);

    private final Fields fields;
    private final boolean bigrams;

    public QueryCompiler(Fields fields, boolean bigrams) {
        this.fields = fields;
        this.bigrams = bigrams;
    }

    public Query compile(WatchQuery q) {
        if (q instanceof WatchQuery.Words w) return words(w);
        if (q instanceof WatchQuery.Filter f) return filter(f);
        if (q instanceof WatchQuery.And a) return and(a.clauses());
        if (q instanceof WatchQuery.Not n) return and(List.of(n));
        if (q instanceof WatchQuery.Near n) return span(n, allAccented(n));
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (WatchQuery c : ((WatchQuery.Or) q).clauses()) b.add(compile(c), Occur.SHOULD);
        return b.build();
    }

    /** The words and phrases that must or may match (not those under NOT), as analysed for matching. */
    public static List<Phrase> positivePhrases(WatchQuery q) {
        List<Phrase> out = new ArrayList<>();
        collect(q, null, out);
        return out;
    }

    private static void collect(WatchQuery q, Boolean exact, List<Phrase> out) {
        if (q instanceof WatchQuery.Words w) {
            boolean e = exact != null ? exact : accented(w.text());
            out.add(new Phrase(e, terms(w.text(), e), w.prefix()));
        } else if (q instanceof WatchQuery.And a) {
            a.clauses().forEach(c -> collect(c, exact, out));
        } else if (q instanceof WatchQuery.Or o) {
            o.clauses().forEach(c -> collect(c, exact, out));
        } else if (q instanceof WatchQuery.Near n) {
            boolean e = allAccented(n);
            collect(n.left(), e, out);
            collect(n.right(), e, out);
        }
    }

    /** NOT clauses of a conjunction are excluded from it; a conjunction of NOTs alone excludes from all. */
    private Query and(List<WatchQuery> clauses) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean positive = false;
        for (WatchQuery c : clauses) {
            if (c instanceof WatchQuery.Not n) {
                b.add(compile(n.clause()), Occur.MUST_NOT);
            } else {
                b.add(compile(c), Occur.MUST);
                positive = true;
            }
        }
        if (!positive) b.add(new MatchAllDocsQuery(), Occur.MUST);
        return b.build();
    }

    private Query filter(WatchQuery.Filter f) {
        String field = switch (f.field()) {
            case SOURCE -> fields.source();
            case KIND -> fields.kind();
            case LOCALITY -> fields.locality();
        };
        Term term = new Term(field, f.value());
        return f.prefix() ? new PrefixQuery(term) : new TermQuery(term);
    }

    /**
     * Accented words match the same words written with those accents, and the same words written with no
     * accents at all (social text is often typed without diacritics): in the exact field, "tai nan" typed
     * bare is the folded form. "cháy" still never matches "chạy", which carries a different accent.
     */
    private Query words(WatchQuery.Words w) {
        List<String> folded = terms(w.text(), false);
        if (!accented(w.text())) return phrase(fields.folded(), folded, w.prefix());
        return new BooleanQuery.Builder()
                .add(phrase(fields.exact(), terms(w.text(), true), w.prefix()), Occur.SHOULD)
                .add(phrase(fields.exact(), folded, w.prefix()), Occur.SHOULD)
                .build();
    }

    private Query phrase(String field, List<String> s, boolean prefix) {
        if (s.size() == 1) {
            Term t = new Term(field, s.get(0));
            return prefix ? new PrefixQuery(t) : new TermQuery(t);
        }
        if (prefix) return phraseSpan(field, s, true);
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        if (!bigrams) {
            for (int i = 0; i < s.size(); i++) phrase.add(new Term(field, s.get(i)), i);
        } else if (s.size() == 2) {
            return new TermQuery(new Term(field, bigram(s, 0)));
        } else {
            for (int i = 0; i + 1 < s.size(); i++) phrase.add(new Term(field, bigram(s, i)), i);
        }
        return phrase.build();
    }

    private SpanQuery span(WatchQuery q, boolean exact) {
        if (q instanceof WatchQuery.Near n) {
            return new SpanNearQuery(new SpanQuery[] {span(n.left(), exact), span(n.right(), exact)}, n.distance(), false);
        }
        WatchQuery.Words w = (WatchQuery.Words) q;
        return phraseSpan(exact ? fields.exact() : fields.folded(), terms(w.text(), exact), w.prefix());
    }

    /**
     * A phrase as a span covering exactly its syllables, so NEAR distances count words. With bigrams:
     * the bigrams starting at each syllable but the last, then the last syllable as a unigram.
     */
    private SpanQuery phraseSpan(String field, List<String> s, boolean prefix) {
        List<SpanQuery> parts = new ArrayList<>();
        int last = s.size() - 1;
        if (bigrams && s.size() > 1) {
            for (int i = 0; i < last; i++) parts.add(spanTerm(field, bigram(s, i), prefix && i == last - 1));
            parts.add(spanTerm(field, s.get(last), prefix));
        } else {
            for (int i = 0; i <= last; i++) parts.add(spanTerm(field, s.get(i), prefix && i == last));
        }
        return parts.size() == 1 ? parts.get(0) : new SpanNearQuery(parts.toArray(SpanQuery[]::new), 0, true);
    }

    private static SpanQuery spanTerm(String field, String text, boolean prefix) {
        Term t = new Term(field, text);
        if (!prefix) return new SpanTermQuery(t);
        // Spans need every expansion as a clause; the default rewrite fails past 1,024 of them on a large index.
        SpanMultiTermQueryWrapper<PrefixQuery> wrapper = new SpanMultiTermQueryWrapper<>(new PrefixQuery(t));
        wrapper.setRewriteMethod(new SpanMultiTermQueryWrapper.TopTermsSpanBooleanQueryRewrite(MAX_SPAN_EXPANSIONS));
        return wrapper;
    }

    private static String bigram(List<String> s, int i) {
        return s.get(i) + TextAnalyzers.BIGRAM_SEPARATOR + s.get(i + 1);
    }

    private static List<String> terms(String text, boolean exact) {
        return TextAnalyzers.syllables(exact ? EXACT : FOLDED, text).stream().map(TextAnalyzers.Syllable::term).toList();
    }

    private static boolean allAccented(WatchQuery q) {
        if (q instanceof WatchQuery.Near n) return allAccented(n.left()) && allAccented(n.right());
        return q instanceof WatchQuery.Words w && accented(w.text());
    }

    /** True when the user typed diacritics (or đ), i.e. folding changes more than case. */
    static boolean accented(String text) {
        return !TextNormalizer.fold(text).equals(text.toLowerCase(Locale.ROOT));
    }
}
