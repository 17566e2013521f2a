package vn.iocstream.app.export;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Writes an export one row at a time to a stream it does not own, never holding more than a bounded number of
 * rows: {@link #begin} once, {@link #row} per row, then {@link #close} finishes the file (and leaves the stream
 * open for its owner, e.g. an HTTP response).
 */
public interface RowWriter extends Closeable {
    void begin(ExportInfo info, List<Column> columns) throws IOException;

    /**
     * One row: a {@code String} for text, a {@code Number}, or an {@code Instant} for a time; null is an empty cell.
     */
    void row(List<?> values) throws IOException;

    /** Notes at the end that rows were left out (the export hit its row limit). */
    void truncated(long rowsWritten) throws IOException;
}
