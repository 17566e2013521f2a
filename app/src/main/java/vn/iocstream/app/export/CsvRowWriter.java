package vn.iocstream.app.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 4180 CSV in UTF-8 with a byte-order mark (without it Excel reads Vietnamese as Windows-1252). The file starts
 * with the {@link ExportInfo} lines, each a row whose first cell begins with {@code #}, then an empty line, the
 * headings and the rows. Times are Vietnam time, {@code yyyy-MM-dd HH:mm:ss}.
 *
 * <p>Crawled text is hostile: a cell that begins with {@code = + - @}, a tab or a carriage return would run as a
 * formula when the file is opened in a spreadsheet (CSV injection), so such text cells get a leading {@code '}.
 */
public final class CsvRowWriter implements RowWriter {
    private final Writer out;
    private List<Column> columns;

    public CsvRowWriter(OutputStream stream) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public void begin(ExportInfo info, List<Column> columns) throws IOException {
        this.columns = List.copyOf(columns);
        out.write('\uFEFF');
        for (Map.Entry<String, String> line : info.lines()) record(List.of("# " + line.getKey(), line.getValue()));
        out.write("\r\n");
        record(columns.stream().map(Column::heading).toList());
    }

    @Override
    public void row(List<?> values) throws IOException {
        List<String> cells = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) cells.add(cell(columns.get(i).type(), values.get(i)));
        record(cells);
    }

    @Override
    public void truncated(long rowsWritten) throws IOException {
        record(List.of("# Đã dừng sau " + rowsWritten + " dòng: vượt giới hạn của một lần xuất"));
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }

    /** The text a value is written as, before CSV quoting. */
    static String cell(Column.Type type, Object value) {
        if (value == null) return "";
        return switch (type) {
            case TIME -> ExportInfo.TIME.format((Instant) value);
            case NUMBER -> value.toString();
            case TEXT -> guard(value.toString());
        };
    }

    static String guard(String text) {
        if (text.isEmpty()) return text;
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
    }

    private void record(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.write(',');
            String c = cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                out.write('"');
                out.write(c.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(c);
            }
        }
        out.write("\r\n");
    }
}
