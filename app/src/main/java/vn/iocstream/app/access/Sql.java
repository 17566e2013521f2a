package vn.iocstream.app.access;

import java.util.Collection;
import java.util.stream.Collectors;

/** ClickHouse literals: every value that reaches SQL text goes through here. */
public final class Sql {
    private Sql() {}

    /** A string literal; backslash and quote escaped as ClickHouse reads them. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\0' -> out.append("\\0");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    /** {@code ('a', 'b')}; {@code ('')} for an empty set, which matches nothing real. */
    public static String list(Collection<String> values) {
        if (values.isEmpty()) return "('')";
        return values.stream().map(Sql::quote).collect(Collectors.joining(", ", "(", ")"));
    }

    /** {@code ['a', 'b']}: an array literal of strings. */
    public static String array(Collection<String> values) {
        return values.stream().map(Sql::quote).collect(Collectors.joining(", ", "[", "]"));
    }
}
