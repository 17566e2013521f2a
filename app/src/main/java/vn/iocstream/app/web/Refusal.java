package vn.iocstream.app.web;

/** An answer other than 200, with its message (Vietnamese first) and, for 503 and 429, when to retry. */
final class Refusal extends RuntimeException {
    final int status;
    final long retryAfterSeconds;

    Refusal(int status, String message) {
        this(status, message, 0);
    }

    Refusal(int status, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static Refusal notFound() {
        return new Refusal(404, "không tìm thấy (not found)");
    }

    static Refusal badRequest(String message) {
        return new Refusal(400, message);
    }
}
