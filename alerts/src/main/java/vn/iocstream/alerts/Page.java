package vn.iocstream.alerts;

import java.util.List;

/**
 * One page of a query's answer.
 *
 * @param items  at most {@code limit} items, in the query's order
 * @param total  how many items match the query in the caller's scope (all pages)
 * @param limit  the page size used
 * @param offset items skipped before this page
 */
public record Page<T>(List<T> items, long total, int limit, int offset) {
    public Page {
        items = List.copyOf(items);
    }
}
