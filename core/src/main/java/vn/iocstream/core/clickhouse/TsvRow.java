package vn.iocstream.core.clickhouse;

import java.io.Serializable;
import java.util.List;

/**
 * How one record type maps to the columns of one ClickHouse table, written as {@link TabSeparated} text over
 * HTTP: the fast path for high-volume streams (see {@link ClickHouseClient#insert(TsvRow, java.util.Collection)}).
 */
public interface TsvRow<T> extends Serializable {
    String table();

    List<String> columns();

    /** Writes every column of one row, in {@link #columns()} order; the caller ends the row. */
    void write(TabSeparated out, T row);
}
