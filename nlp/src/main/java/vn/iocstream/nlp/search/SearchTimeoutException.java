package vn.iocstream.nlp.search;

/** A search stopped because its time budget ran out or its caller went away; nothing partial is returned. */
public final class SearchTimeoutException extends RuntimeException {
    public SearchTimeoutException(String message) {
        super(message);
    }
}
