package vn.iocstream.dashboards;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a panel's {@code rawSql} into the SQL that Grafana with grafana-clickhouse-datasource 4.x sends to
 * ClickHouse, so that tests run what a Grafana would run (no Grafana can be installed here). Grafana's order:
 * in the browser {@code $__conditionalAll} first, then template variables; then the plugin backend's macros,
 * as tabulated in PLATFORM.md. Macros that only work on newer ClickHouse are refused, not expanded.
 */
final class GrafanaMacros {
    /** Grafana's stored value for a variable's "All" option. */
    static final String ALL = "$__all";

    private static final String CONDITIONAL_ALL = "$__conditionalAll(";
    // Grafana's templateSrv syntax: $var or ${var} or ${var:format}; names are ASCII word characters.
    private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+)|\\$\\{(\\w+)(?::([^}]+))?}");
    // The plugin finds the variable named in $__conditionalAll's second argument the same way.
    private static final Pattern CONDITIONAL_VARIABLE = Pattern.compile("(?<=\\$\\{)\\w+(?=})|(?<=\\$)\\w+");
    private static final Pattern BACKEND_MACRO = Pattern.compile("\\$__(\\w+)");

    private final Instant from;
    private final Instant to;
    private final Duration interval;
    private final Map<String, Selection> variables;

    /**
     * @param interval  the panel interval Grafana computed for the query
     * @param variables current value of each dashboard variable, by name
     */
    GrafanaMacros(Instant from, Instant to, Duration interval, Map<String, Selection> variables) {
        this.from = from;
        this.to = to;
        this.interval = interval;
        this.variables = variables;
    }

    /**
     * A variable's current value.
     *
     * @param values  the selected values or, for "All", every option the variable's query returned
     * @param all     "All" is selected
     * @param multi   the variable is multi-value: Grafana then holds an array even for one selected value,
     *                which interpolates quoted, where a single-value variable interpolates raw
     */
    record Selection(List<String> values, boolean all, boolean multi) {
        static Selection all(List<String> options) {
            return new Selection(List.copyOf(options), true, true);
        }

        static Selection of(boolean multi, String... values) {
            return new Selection(List.of(values), false, multi);
        }

        /** What the plugin compares with "" and {@value #ALL}: JavaScript's {@code current.value.toString()}. */
        private String current() {
            return all ? ALL : String.join(",", values);
        }

        /** Arrays in Grafana: "All" (expanded to its options) and every multi-value selection. */
        private boolean array() {
            return all || multi;
        }
    }

    String expand(String rawSql) {
        return backendMacros(interpolate(conditionalAll(rawSql)));
    }

    /**
     * {@code $__conditionalAll(condition, $var)} becomes {@code 1=1} when {@code $var} is All or empty, else
     * the condition. Like the plugin, arguments split on commas outside round brackets only, and a call with
     * other than two arguments stops the expansion (what is left then fails in ClickHouse).
     */
    String conditionalAll(String sql) {
        int start = sql.lastIndexOf(CONDITIONAL_ALL);
        while (start >= 0) {
            int open = start + CONDITIONAL_ALL.length() - 1;
            List<String> args = new ArrayList<>();
            int end = arguments(sql, open, args);
            if (end < 0 || args.size() != 2) return sql;
            String phrase = args.get(0);
            Matcher name = CONDITIONAL_VARIABLE.matcher(args.get(1).strip());
            if (name.find()) {
                Selection selection = variables.get(name.group());
                String current = selection == null ? "" : selection.current();
                if (current.isEmpty() || current.equals(ALL)) phrase = "1=1";
            }
            sql = sql.substring(0, start) + phrase + sql.substring(end + 1);
            start = sql.lastIndexOf(CONDITIONAL_ALL);
        }
        return sql;
    }

    /** Template variables as Grafana's templateSrv with the plugin's formatter; unknown names stay as written. */
    String interpolate(String sql) {
        Matcher m = VARIABLE.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            Selection selection = variables.get(name);
            String replacement = selection == null ? m.group() : format(selection, m.group(3));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String format(Selection selection, String format) {
        if (format == null) {
            // The plugin's own formatter: arrays as 'a','b' (unescaped), single values raw.
            return selection.array() ? "'" + String.join("','", selection.values()) + "'" : selection.values().get(0);
        }
        if (format.equals("singlequote")) {
            return selection.values().stream().map(v -> "'" + v.replace("'", "\\'") + "'")
                    .collect(Collectors.joining(","));
        }
        throw new IllegalArgumentException("variable format :" + format + " is not modelled; use :singlequote");
    }

    /** The plugin backend's macros (pkg/macros); DateTime from Unix seconds, so no time zone is involved. */
    String backendMacros(String sql) {
        Matcher m = BACKEND_MACRO.matcher(sql);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        while (m.find(copied)) {
            out.append(sql, copied, m.start());
            List<String> args = new ArrayList<>();
            int end = m.end();
            if (end < sql.length() && sql.charAt(end) == '(') {
                end = arguments(sql, end, args) + 1;
                if (end == 0) throw new IllegalArgumentException("unbalanced brackets after " + m.group());
            }
            out.append(macro(m.group(1), args.stream().map(String::strip).toList()));
            copied = end;
        }
        return out.append(sql.substring(copied)).toString();
    }

    private String macro(String name, List<String> args) {
        String fromTime = "toDateTime(" + from.getEpochSecond() + ")";
        String toTime = "toDateTime(" + to.getEpochSecond() + ")";
        return switch (name) {
            case "fromTime" -> fromTime;
            case "toTime" -> toTime;
            case "interval_s" -> Long.toString(Math.max(interval.toSeconds(), 1));
            case "timeFilter" -> between(one(name, args), fromTime, toTime);
            case "dateFilter" -> between(one(name, args), date(from), date(to));
            case "dateTimeFilter", "dt" -> {
                if (args.size() != 2) throw new IllegalArgumentException("$__" + name + " takes 2 arguments: " + args);
                yield "(" + between(args.get(0), date(from), date(to)) + ") AND (" + between(args.get(1), fromTime, toTime) + ")";
            }
            // The plugin expands these to toStartOfInterval / DateTime64, which ClickHouse 18.16 lacks.
            case "timeInterval", "timeInterval_ms", "timeFilter_ms", "fromTime_ms", "toTime_ms" ->
                    throw new IllegalArgumentException("$__" + name + " needs toStartOfInterval or DateTime64, "
                            + "missing on ClickHouse 18.16; use toStartOfMinute or intDiv with $__interval_s");
            default -> throw new IllegalArgumentException("$__" + name + " is not a grafana-clickhouse-datasource macro");
        };
    }

    private static String one(String name, List<String> args) {
        if (args.size() != 1) throw new IllegalArgumentException("$__" + name + " takes 1 argument: " + args);
        return args.get(0);
    }

    private static String between(String column, String low, String high) {
        return column + " >= " + low + " AND " + column + " <= " + high;
    }

    private static String date(Instant instant) {
        return "toDate('" + LocalDate.ofInstant(instant, ZoneOffset.UTC) + "')";
    }

    /**
     * Reads the comma-separated arguments of the bracket at {@code open}, splitting only at depth one of round
     * brackets as both the plugin's browser and backend parsers do.
     *
     * @return the index of the closing bracket, or -1 if there is none
     */
    private static int arguments(String sql, int open, List<String> args) {
        int depth = 0;
        int argStart = open + 1;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                args.add(sql.substring(argStart, i));
                return i;
            } else if (c == ',' && depth == 1) {
                args.add(sql.substring(argStart, i));
                argStart = i + 1;
            }
        }
        return -1;
    }
}
