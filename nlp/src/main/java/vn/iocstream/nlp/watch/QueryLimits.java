package vn.iocstream.nlp.watch;

import java.io.Serializable;

/**
 * Bounds on a watchlist or search query, so that a query typed into the control room (or pasted from elsewhere)
 * cannot exhaust the stack or a CPU: its length, how deeply {@code NOT} and parentheses nest, how many words,
 * phrases and fields it has, and how many sides one {@code NEAR} chain joins (span queries cost grows quickly with
 * each side). A query over a limit is refused with a {@link vn.iocstream.nlp.QueryException} naming the limit and
 * its configuration key ({@code queries.*}).
 *
 * @param maxChars     characters of the query text
 * @param maxDepth     nesting of parentheses and {@code NOT}
 * @param maxTerms     words, phrases and field filters in the whole query (Lucene refuses more than 1,024 clauses,
 *                     and an accented word compiles to three)
 * @param maxNearTerms words or phrases joined by one chain of {@code NEAR}
 */
public record QueryLimits(int maxChars, int maxDepth, int maxTerms, int maxNearTerms) implements Serializable {
    /** What {@code config/ioc-defaults.yaml} ships. */
    public static final QueryLimits DEFAULT = new QueryLimits(4000, 20, 200, 8);

    public QueryLimits {
        if (maxChars < 1 || maxDepth < 1 || maxTerms < 1 || maxNearTerms < 2) {
            throw new IllegalArgumentException("queries.*: limits must be positive (maxNearTerms at least 2)");
        }
    }
}
