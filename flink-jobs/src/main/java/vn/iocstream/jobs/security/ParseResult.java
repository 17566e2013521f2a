package vn.iocstream.jobs.security;

/** Either an event or the reason the line could not be parsed (which sends it to the dead letters). */
public record ParseResult(SecurityEvent event, String error) {
    public static ParseResult ok(SecurityEvent event) {
        return new ParseResult(event, null);
    }

    public static ParseResult error(String reason) {
        return new ParseResult(null, reason);
    }

    public boolean ok() {
        return event != null;
    }
}
