package vn.iocstream.core.clickhouse;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** How one record type maps to the columns of one ClickHouse table. */
public interface TableRow<T> extends Serializable {
    String table();

    List<String> columns();

    /** Sets every column, in {@link #columns()} order. */
    void bind(PreparedStatement ps, T row) throws SQLException;
}
