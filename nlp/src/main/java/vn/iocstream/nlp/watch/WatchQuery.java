package vn.iocstream.nlp.watch;

import java.util.List;

/**
 * A parsed watchlist or search query, before it is compiled to Lucene. See {@link WatchQueryParser}
 * for the language.
 */
public sealed interface WatchQuery {

    /** Fields a query may filter on. */
    enum Field { SOURCE, KIND, LOCALITY }

    /**
     * A word or a quoted phrase, normalised; {@code prefix} when it ends with {@code *}, which then
     * applies to its last syllable.
     */
    record Words(String text, boolean prefix) implements WatchQuery {}

    /** {@code field:value}; the value is already canonical (lower case; a locality is its current unit's key). */
    record Filter(Field field, String value, boolean prefix) implements WatchQuery {}

    record And(List<WatchQuery> clauses) implements WatchQuery {}

    record Or(List<WatchQuery> clauses) implements WatchQuery {}

    record Not(WatchQuery clause) implements WatchQuery {}

    /** Both sides within {@code distance} words of each other, in either order; sides are Words or Near. */
    record Near(WatchQuery left, WatchQuery right, int distance) implements WatchQuery {}
}
