package vn.iocstream.nlp.search;

import java.time.Instant;

/**
 * Restrictions on a search; null fields do not restrict. {@code from} is inclusive, {@code to}
 * exclusive. {@code province} is matched as the current unit (a former province name selects the unit
 * it merged into).
 */
public record SearchFilters(String province, String kind, String source, Instant from, Instant to,
                            String sentiment, String watchlist, Order order) {

    /** Hit order: by relevance with the newest first among equals, or newest first. */
    public enum Order { RELEVANCE, NEWEST }

    public SearchFilters {
        if (order == null) order = Order.RELEVANCE;
    }

    public static SearchFilters none() {
        return new SearchFilters(null, null, null, null, null, null, null, Order.RELEVANCE);
    }
}
