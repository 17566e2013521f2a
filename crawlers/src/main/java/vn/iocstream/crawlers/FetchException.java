package vn.iocstream.crawlers;

import java.io.IOException;

/** A fetch that ended without a usable page: an HTTP error status, or (status -1) a refused address. */
public class FetchException extends IOException {
    private final int status;

    public FetchException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status, or -1 when no request was sent. */
    public int status() {
        return status;
    }
}
