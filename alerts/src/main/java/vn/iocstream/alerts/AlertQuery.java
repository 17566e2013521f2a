package vn.iocstream.alerts;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import vn.iocstream.core.model.AlertKinds;

/**
 * A filter over managed alerts for {@link AlertDesk#list}. Every part is optional (null or empty = no filter); the
 * parts are ANDed, and the caller's {@link AlertScope} is ANDed on top inside the same SQL query. Build one with
 * {@link #all()} and the {@code with…} methods; the canonical constructor checks every value and throws
 * {@link IllegalArgumentException} with a message fit for a 400 answer.
 *
 * @param states     alert states to include (e.g. {@code open, acknowledged}); empty = every state
 * @param kinds      kinds or kind globs ({@code security.*}, {@code media.trend}); empty = every kind
 * @param severities {@code info}, {@code warning}, {@code critical}; empty = every severity
 * @param province   only alerts of this province (old names accepted), within the scope
 * @param commune    only alerts of this commune/ward (needs {@code province})
 * @param since      only alerts still firing at or after this time ({@code lastSeen >= since})
 * @param until      only alerts that started at or before this time ({@code firstSeen <= until}); with {@code since}
 *                   this selects the alerts active during [since, until]
 * @param assignee   only alerts assigned to this person ("" = unassigned ones)
 * @param text       words that must appear in the title (case-insensitive), at most 100 characters
 * @param order      {@link Order#NEWEST} (last change first, the default) or {@link Order#SEVERITY}
 * @param limit      page size, 1..{@value #MAX_LIMIT}
 * @param offset     items to skip, 0..{@value #MAX_OFFSET}
 */
public record AlertQuery(Set<AlertState> states, List<String> kinds, Set<String> severities, String province,
                         String commune, Instant since, Instant until, String assignee, String text, Order order,
                         int limit, int offset) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    public static final int MAX_OFFSET = 100_000;
    private static final Pattern KIND_GLOB = Pattern.compile("[a-z_]+(\\.[a-z_*]+)?|\\*|[a-z_]+\\.\\*");

    public enum Order {
        /** The most recently changed alert first. */
        NEWEST,
        /** Critical before warning before info, then the most recently changed first. */
        SEVERITY
    }

    public AlertQuery {
        states = states == null || states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        for (String k : kinds) {
            if (k == null || !KIND_GLOB.matcher(k).matches()) {
                throw new IllegalArgumentException("bad kind filter '" + k + "' (e.g. security.* or media.trend)");
            }
        }
        severities = severities == null ? Set.of() : Set.copyOf(severities);
        for (String s : severities) {
            if (!AlertKinds.isSeverity(s)) throw new IllegalArgumentException("unknown severity '" + s + "' (info, warning, critical)");
        }
        province = province == null || province.isBlank() ? null : Localities.province(province);
        commune = commune == null || commune.isBlank() ? null : commune.strip();
        if (commune != null && province == null) throw new IllegalArgumentException("a commune filter needs a province");
        if (since != null && until != null && since.isAfter(until)) throw new IllegalArgumentException("since is after until");
        if (assignee != null && assignee.length() > 100) throw new IllegalArgumentException("assignee longer than 100 characters");
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > 100) throw new IllegalArgumentException("text filter longer than 100 characters");
        order = order == null ? Order.NEWEST : order;
        if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        if (offset < 0 || offset > MAX_OFFSET) throw new IllegalArgumentException("offset must be 0.." + MAX_OFFSET);
    }

    /** Every alert, newest first, {@value #DEFAULT_LIMIT} a page. */
    public static AlertQuery all() {
        return new AlertQuery(null, null, null, null, null, null, null, null, null, Order.NEWEST, DEFAULT_LIMIT, 0);
    }

    public AlertQuery withStates(Set<AlertState> s) {
        return new AlertQuery(s, kinds, severities, province, commune, since, until, assignee, text, order, limit, offset);
    }

    public AlertQuery withKinds(List<String> k) {
        return new AlertQuery(states, k, severities, province, commune, since, until, assignee, text, order, limit, offset);
    }

    public AlertQuery withSeverities(Set<String> s) {
        return new AlertQuery(states, kinds, s, province, commune, since, until, assignee, text, order, limit, offset);
    }

    public AlertQuery withLocality(String p, String c) {
        return new AlertQuery(states, kinds, severities, p, c, since, until, assignee, text, order, limit, offset);
    }

    public AlertQuery withTime(Instant from, Instant to) {
        return new AlertQuery(states, kinds, severities, province, commune, from, to, assignee, text, order, limit, offset);
    }

    public AlertQuery withAssignee(String a) {
        return new AlertQuery(states, kinds, severities, province, commune, since, until, a, text, order, limit, offset);
    }

    public AlertQuery withText(String t) {
        return new AlertQuery(states, kinds, severities, province, commune, since, until, assignee, t, order, limit, offset);
    }

    public AlertQuery withOrder(Order o) {
        return new AlertQuery(states, kinds, severities, province, commune, since, until, assignee, text, o, limit, offset);
    }

    public AlertQuery withPage(int pageLimit, int pageOffset) {
        return new AlertQuery(states, kinds, severities, province, commune, since, until, assignee, text, order, pageLimit, pageOffset);
    }
}
