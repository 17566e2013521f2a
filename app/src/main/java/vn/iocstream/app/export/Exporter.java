package vn.iocstream.app.export;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.iocstream.app.access.Sql;
import vn.iocstream.core.clickhouse.ClickHouseClient;

/**
 * Streams a table, or the rows of a search result, from ClickHouse into a {@link RowWriter}: the rows are read from
 * the server's answer as they arrive and written one by one, so 100,000 rows cost no more memory than ten (the XLSX
 * writer keeps a window of rows, the CSV writer none). The caller's scope is a SQL condition made by the access
 * module for the table's {@link ExportTable#scopeKind()}; it is put inside the query, never applied afterwards.
 *
 * <p>Usage from a web handler: {@code new Exporter(clickHouse).export(request, new CsvRowWriter(response.outputStream()))}
 * then close the writer. A client that goes away makes the next write fail, which ends the query.
 */
public final class Exporter {
    /** A search result is read back in slices of this many ids, each a bounded {@code IN} list. */
    static final int ID_SLICE = 1_000;

    private final ClickHouseClient clickHouse;

    public Exporter(ClickHouseClient clickHouse) {
        this.clickHouse = clickHouse;
    }

    /**
     * @param table     what to export
     * @param from      range start, inclusive
     * @param to        range end, exclusive
     * @param scope     the caller's scope as a condition over the table's columns ("1" for everything)
     * @param ids       a search result's ids in its order, or null for every row of the range, newest first
     * @param info      what goes into the file about the query, range and scope
     * @param maxRows   rows written at most; beyond, the file says it was cut
     */
    public record Request(ExportTable table, Instant from, Instant to, String scope, List<String> ids, ExportInfo info,
                          long maxRows) {
        public Request {
            if (!from.isBefore(to)) throw new IllegalArgumentException("the range must end after it starts");
            if (maxRows < 1) throw new IllegalArgumentException("maxRows must be positive");
            if (scope == null || scope.isBlank()) throw new IllegalArgumentException("a scope condition is required");
            if (ids != null) ids = List.copyOf(ids);
        }
    }

    /** Writes the file and returns the number of rows written; the writer is left open for the caller to close. */
    public long export(Request r, RowWriter out) throws IOException {
        List<Column> columns = r.table().columns();
        out.begin(r.info(), columns);
        long written = r.ids() == null ? range(r, out) : byIds(r, out);
        if (written > r.maxRows()) {
            out.truncated(r.maxRows());
            return r.maxRows();
        }
        return written;
    }

    /** The whole range; one row past the limit is read to know whether the file was cut. */
    private long range(Request r, RowWriter out) throws IOException {
        // Newest first; the other columns break ties, so the same request always gives the same file.
        String sql = select(r) + " ORDER BY " + r.table().timeColumn() + " DESC, "
                + r.table().columns().stream().map(Column::sql).collect(Collectors.joining(", ")) + " LIMIT " + (r.maxRows() + 1);
        long[] n = {0};
        stream(sql, r.table().columns(), row -> {
            if (++n[0] <= r.maxRows()) out.row(row);
        });
        return n[0];
    }

    /** A search result in its own order: each slice of ids is read, then written in the order of the ids. */
    private long byIds(Request r, RowWriter out) throws IOException {
        int idColumn = idColumn(r.table());
        long n = 0;
        for (int start = 0; start < r.ids().size() && n < r.maxRows() + 1; start += ID_SLICE) {
            List<String> slice = r.ids().subList(start, Math.min(r.ids().size(), start + ID_SLICE));
            Map<String, List<Object>> found = new HashMap<>();
            stream(select(r) + " AND id IN " + Sql.list(slice), r.table().columns(),
                    row -> found.put((String) row.get(idColumn), row));
            for (String id : slice) {
                List<Object> row = found.get(id);
                if (row == null) continue;
                if (++n <= r.maxRows()) out.row(row);
            }
        }
        return n;
    }

    private static String select(Request r) {
        ExportTable t = r.table();
        String columns = t.columns().stream().map(Column::sql).collect(Collectors.joining(", "));
        return "SELECT " + columns + " FROM " + t.table() + " FINAL WHERE " + t.timeColumn() + " >= toDateTime("
                + r.from().getEpochSecond() + ") AND " + t.timeColumn() + " < toDateTime(" + r.to().getEpochSecond()
                + ") AND (" + r.scope() + ")";
    }

    private static int idColumn(ExportTable table) {
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).sql().equals("id")) return i;
        throw new IllegalArgumentException(table.title() + " has no id column to export search results by");
    }

    private interface RowSink {
        void accept(List<Object> row) throws IOException;
    }

    /** Runs a query and hands each row over, typed as its column says, as it is read from the server's answer. */
    private void stream(String sql, List<Column> columns, RowSink sink) throws IOException {
        try (Connection c = clickHouse.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>(columns.size());
                for (int i = 0; i < columns.size(); i++) row.add(value(columns.get(i).type(), rs.getString(i + 1)));
                sink.accept(row);
            }
        } catch (SQLException e) {
            throw new ClickHouseClient.ClickHouseException("export query failed: " + e.getMessage(), e);
        }
    }

    static Object value(Column.Type type, String text) {
        if (text == null) return null;
        return switch (type) {
            case TEXT -> text;
            case TIME -> Instant.ofEpochSecond(Long.parseLong(text));
            case NUMBER -> number(text);
        };
    }

    /** ClickHouse's text for numbers: integers, decimals, and nan / inf / -inf for floats. */
    private static Number number(String text) {
        if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('n') < 0) return Long.parseLong(text);
        return switch (text) {
            case "nan", "-nan" -> Double.NaN;
            case "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}
