package vn.iocstream.alerts.channels;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits a Telegram HTML message into parts that each stay within Telegram's limit of 4,096 characters after
 * entity parsing (tags do not count, an entity such as {@code &amp;} counts as one character; counted in UTF-16
 * units, which is never less than what Telegram counts). Parts break at line ends; a line longer than a part breaks
 * at a space outside any tag, then anywhere outside a tag or entity, so a part never ends inside an entity or an
 * element. The parts' bodies concatenate to exactly the original text; when there is more than one part, each is
 * prefixed with {@code <b>(k/n)</b>} and a line break, which {@link #body} removes.
 */
public final class TelegramSplitter {
    public static final int LIMIT = 4096;
    /** Room kept for the "(k/n)" header of a part. */
    private static final int HEADER_ROOM = 16;

    private TelegramSplitter() {}

    public static List<String> split(String html) {
        return split(html, LIMIT);
    }

    public static List<String> split(String html, int limit) {
        int budget = limit - HEADER_ROOM;
        if (visibleLength(html) <= limit) return List.of(html);
        List<String> segments = new ArrayList<>();
        int start = 0;
        while (start < html.length()) {
            int nl = html.indexOf('\n', start);
            int end = nl < 0 ? html.length() : nl + 1;
            String line = html.substring(start, end);
            if (visibleLength(line) <= budget) segments.add(line);
            else segments.addAll(breakLine(line, budget));
            start = end;
        }
        List<String> bodies = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int partLength = 0;
        for (String s : segments) {
            int len = visibleLength(s);
            if (partLength + len > budget && part.length() > 0) {
                bodies.add(part.toString());
                part.setLength(0);
                partLength = 0;
            }
            part.append(s);
            partLength += len;
        }
        if (part.length() > 0) bodies.add(part.toString());
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < bodies.size(); k++) {
            parts.add(bodies.size() == 1 ? bodies.get(k) : "<b>(" + (k + 1) + "/" + bodies.size() + ")</b>\n" + bodies.get(k));
        }
        return parts;
    }

    /** A part without its "(k/n)" header. */
    public static String body(String part) {
        return part.matches("(?s)<b>\\(\\d+/\\d+\\)</b>\n.*") ? part.substring(part.indexOf('\n') + 1) : part;
    }

    /** Characters Telegram counts: text outside tags, an entity as one. */
    public static int visibleLength(String html) {
        int n = 0;
        boolean tag = false;
        boolean entity = false;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (tag) {
                if (c == '>') tag = false;
            } else if (entity) {
                if (c == ';') entity = false;
            } else if (c == '<') {
                tag = true;
            } else if (c == '&') {
                entity = true;
                n++;
            } else {
                n++;
            }
        }
        return n;
    }

    /** Pieces of one long line, each within {@code budget}, concatenating to the line. */
    private static List<String> breakLine(String line, int budget) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < line.length()) {
            int cut = cutPoint(line, start, budget);
            pieces.add(line.substring(start, cut));
            start = cut;
        }
        return pieces;
    }

    /**
     * The end of the next piece starting at {@code from}: the last position within the budget that is outside any
     * tag, entity and element, preferably after a space.
     */
    private static int cutPoint(String s, int from, int budget) {
        int visible = 0;
        boolean tag = false;
        boolean entity = false;
        Deque<String> open = new ArrayDeque<>();
        int tagStart = -1;
        int lastSafe = -1;
        int lastSpace = -1;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (tag) {
                if (c == '>') {
                    tag = false;
                    String t = s.substring(tagStart + 1, i).strip();
                    if (t.startsWith("/")) open.pollLast();
                    else if (!t.endsWith("/")) open.addLast(t);
                    if (open.isEmpty()) lastSafe = i + 1;
                }
                continue;
            }
            if (entity) {
                if (c == ';') {
                    entity = false;
                    if (open.isEmpty()) lastSafe = i + 1;
                }
                continue;
            }
            if (c == '<') {
                tag = true;
                tagStart = i;
                continue;
            }
            if (visible == budget) break;
            visible++;
            if (c == '&') {
                entity = true;
                continue;
            }
            if (open.isEmpty()) {
                // Never between the two halves of a surrogate pair.
                if (!(Character.isHighSurrogate(c) && i + 1 < s.length())) lastSafe = i + 1;
                if (Character.isWhitespace(c)) lastSpace = i + 1;
            }
        }
        if (!tag && !entity && visibleLength(s.substring(from)) <= budget) return s.length();
        if (lastSpace > from) return lastSpace;
        if (lastSafe > from) return lastSafe;
        throw new IllegalArgumentException("a single element longer than " + budget + " characters cannot be split");
    }
}
