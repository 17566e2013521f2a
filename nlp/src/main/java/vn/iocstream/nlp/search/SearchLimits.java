package vn.iocstream.nlp.search;

import java.io.Serializable;
import vn.iocstream.nlp.watch.QueryLimits;

/**
 * What one search may cost: the query's size ({@link QueryLimits}), how deep a user may page, and how long the
 * search may run before it is abandoned. Configured under {@code search:} in {@code config/ioc-defaults.yaml}.
 *
 * @param query         bounds on the query text ({@code search.maxQueryChars}, … )
 * @param maxPage       highest page number served ({@code search.maxPage}); deeper pages cost a sort over every
 *                      hit before them and nobody reads them
 * @param timeoutMillis time budget of one search ({@code search.timeoutMillis})
 */
public record SearchLimits(QueryLimits query, int maxPage, long timeoutMillis) implements Serializable {
    public static final SearchLimits DEFAULT = new SearchLimits(QueryLimits.DEFAULT, 50, 1500);

    public SearchLimits {
        if (query == null) throw new IllegalArgumentException("search limits need query limits");
        if (maxPage < 1 || timeoutMillis < 1) throw new IllegalArgumentException("search.maxPage and search.timeoutMillis must be positive");
    }
}
