package vn.iocstream.jobs.io;

/** What a parser made of one raw record: a value, or the reason it was refused (for the dead letter). */
public record Parsed<T>(T value, String reason) {
    public static <T> Parsed<T> ok(T value) {
        return new Parsed<>(value, null);
    }

    public static <T> Parsed<T> refused(String reason) {
        return new Parsed<>(null, reason);
    }

    public boolean isOk() {
        return reason == null;
    }
}
