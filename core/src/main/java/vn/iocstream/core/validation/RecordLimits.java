package vn.iocstream.core.validation;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import vn.iocstream.core.config.IocConfig;

/**
 * Bounds every record is held to where it enters the platform (the raw topics, the ingest API, the crawler),
 * so that nothing downstream meets a value it cannot handle: a year-300000000 date overflows epoch milliseconds,
 * a year-1 date is stored by ClickHouse as {@code 0000-00-00}, a megabyte headline or a lone UTF-16 surrogate
 * breaks a sink. Configured under {@code validation:} in {@code config/ioc-defaults.yaml}.
 *
 * <p>Each check answers {@code null} when the value is acceptable, else a reason fit for a dead letter that names
 * the field and the limit's key.
 *
 * @param minTime         earliest plausible event time ({@code validation.minTime})
 * @param maxAheadSeconds how far ahead of the receiving clock an event time may be ({@code validation.maxAheadSeconds})
 * @param maxTextChars    body of a post or report ({@code validation.maxTextChars})
 * @param maxTitleChars   title of a post ({@code validation.maxTitleChars})
 * @param maxFieldChars   ids, URLs, names and other short strings ({@code validation.maxFieldChars})
 * @param maxLogLineChars one log line on the security topic ({@code validation.maxLogLineChars})
 * @param maxListItems    items of any list in a record ({@code validation.maxListItems})
 */
public record RecordLimits(Instant minTime, long maxAheadSeconds, int maxTextChars, int maxTitleChars,
                           int maxFieldChars, int maxLogLineChars, int maxListItems) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What the defaults file ships. */
    public static final RecordLimits DEFAULT = new RecordLimits(Instant.parse("1990-01-01T00:00:00Z"), 86_400,
            200_000, 2_000, 2_048, 65_536, 1_000);

    public RecordLimits {
        if (minTime == null || maxAheadSeconds < 0 || maxTextChars < 1 || maxTitleChars < 1 || maxFieldChars < 1
                || maxLogLineChars < 1 || maxListItems < 1) {
            throw new IllegalArgumentException("validation.*: limits must be set and positive");
        }
    }

    /** @throws IllegalArgumentException naming the key when the configuration is unusable */
    public static RecordLimits of(IocConfig.Validation v) {
        Instant min;
        try {
            min = Instant.parse(v.minTime());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("validation.minTime must be an ISO-8601 UTC instant such as 1990-01-01T00:00:00Z, not " + v.minTime());
        }
        if (min.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("validation.minTime must not be before 1970-01-01T00:00:00Z (ClickHouse DateTime starts there), not " + v.minTime());
        }
        return new RecordLimits(min, v.maxAheadSeconds(), v.maxTextChars(), v.maxTitleChars(), v.maxFieldChars(),
                v.maxLogLineChars(), v.maxListItems());
    }

    /** Whether {@code t} lies in {@code minTime … now + maxAheadSeconds}. */
    public boolean plausible(Instant t, Instant now) {
        return t != null && !t.isBefore(minTime) && !t.isAfter(now.plus(Duration.ofSeconds(maxAheadSeconds)));
    }

    /** A required time: present and plausible. */
    public String time(String field, Instant t, Instant now) {
        if (t == null) return "missing field: " + field;
        if (plausible(t, now)) return null;
        return field + " " + t + " outside the plausible window " + minTime + " … now + " + maxAheadSeconds
                + " s (validation.minTime, validation.maxAheadSeconds)";
    }

    /** An optional time: absent, or plausible. */
    public String optionalTime(String field, Instant t, Instant now) {
        return t == null ? null : time(field, t, now);
    }

    /** A short string (id, URL, name): at most {@code maxFieldChars}, well-formed UTF-16. Null passes. */
    public String field(String name, String value) {
        return chars(name, value, maxFieldChars, "validation.maxFieldChars");
    }

    public String title(String name, String value) {
        return chars(name, value, maxTitleChars, "validation.maxTitleChars");
    }

    public String text(String name, String value) {
        return chars(name, value, maxTextChars, "validation.maxTextChars");
    }

    public String logLine(String name, String value) {
        return chars(name, value, maxLogLineChars, "validation.maxLogLineChars");
    }

    /** A list of short strings: at most {@code maxListItems} of them, each a valid {@link #field}. Null passes. */
    public String fields(String name, List<String> values) {
        if (values == null) return null;
        if (values.size() > maxListItems) return name + " has " + values.size() + " items, more than " + maxListItems + " (validation.maxListItems)";
        for (String v : values) {
            String problem = field(name, v);
            if (problem != null) return problem;
        }
        return null;
    }

    /** The first non-null reason, or null: checks read as one list. */
    public static String first(String... problems) {
        for (String p : problems) {
            if (p != null) return p;
        }
        return null;
    }

    private static String chars(String name, String value, int max, String key) {
        if (value == null) return null;
        if (value.length() > max) return name + " longer than " + max + " characters (" + key + ")";
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return name + " holds an unpaired UTF-16 surrogate at character " + (i + 1) + " (not valid Unicode text)";
            }
        }
        return null;
    }
}
