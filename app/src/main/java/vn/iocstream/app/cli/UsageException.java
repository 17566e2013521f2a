package vn.iocstream.app.cli;

/** A bad command line: the message is shown in one line, followed by the command's usage. */
public final class UsageException extends RuntimeException {
    private final String usage;

    public UsageException(String message, String usage) {
        super(message);
        this.usage = usage;
    }

    public String usage() {
        return usage;
    }
}
