package vn.iocstream.nlp;

/** A watchlist query that does not parse; the message names the 1-based character position. */
public class QueryException extends RuntimeException {
    public QueryException(String message) {
        super(message);
    }
}
