package vn.iocstream.nlp;

/** A watchlist query that does not parse; the message names the 1-based character position. */
public class QueryException extends RuntimeException {
    private final int position;

    public QueryException(String message) {
        this(message, -1);
    }

    public QueryException(String message, int position) {
        super(message);
        this.position = position;
    }

    /** 1-based character position of the error in the query, or -1 when not known. */
    public int position() {
        return position;
    }
}
