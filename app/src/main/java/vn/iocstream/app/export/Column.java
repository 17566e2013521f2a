package vn.iocstream.app.export;

/**
 * One column of an export: the SQL expression that reads it, the heading shown to people, and how its values are
 * written (text, a number, or a time shown in Vietnam time).
 */
public record Column(String sql, String heading, Type type) {
    public enum Type { TEXT, NUMBER, TIME }

    public static Column text(String sql, String heading) {
        return new Column(sql, heading, Type.TEXT);
    }

    public static Column number(String sql, String heading) {
        return new Column(sql, heading, Type.NUMBER);
    }

    /** A {@code DateTime} column, read as Unix seconds so that no driver time-zone setting can shift it. */
    public static Column time(String sql, String heading) {
        return new Column("toUInt32(" + sql + ")", heading, Type.TIME);
    }
}
