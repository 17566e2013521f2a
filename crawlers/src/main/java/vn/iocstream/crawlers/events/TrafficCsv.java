package vn.iocstream.crawlers.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.iocstream.core.model.TrafficReading;

/**
 * Road-sensor CSV lines → {@link TrafficReading}. Column order is configuration (sensor vendors differ); a column
 * named {@code -} (or anything unknown) is ignored. Times must say their zone — ISO-8601 with {@code Z} or an
 * offset ({@code 2026-11-22T08:05:00+07:00}, a space instead of {@code T} is accepted) or epoch seconds — because a
 * bare local time cannot be placed on the UTC axis without guessing.
 */
public final class TrafficCsv {
    public static final List<String> DEFAULT_COLUMNS = List.of("segmentId", "time", "speedKmh", "volume", "occupancy");
    private static final Set<String> FIELDS = Set.copyOf(DEFAULT_COLUMNS);

    private final List<String> columns;

    /** @throws IllegalArgumentException when a required field has no column */
    public TrafficCsv(List<String> columns) {
        for (String f : DEFAULT_COLUMNS) {
            if (!columns.contains(f)) throw new IllegalArgumentException("trafficCsvColumns lacks " + f + ": " + columns);
        }
        this.columns = List.copyOf(columns);
    }

    /** A reading, or the reason this line is none. */
    public record Result(TrafficReading reading, String error) {}

    public Result parse(String line) {
        List<String> cells = split(line);
        if (cells.size() < columns.size()) {
            return new Result(null, "traffic-csv: " + cells.size() + " fields, expected " + columns.size() + " " + columns);
        }
        String segment = null;
        Instant time = null;
        Double speed = null;
        Long volume = null;
        Double occupancy = null;
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i);
            if (!FIELDS.contains(name)) continue;
            String v = cells.get(i).strip();
            try {
                switch (name) {
                    case "segmentId" -> segment = v;
                    case "time" -> time = time(v);
                    case "speedKmh" -> speed = Double.parseDouble(v);
                    case "volume" -> volume = Long.parseLong(v);
                    default -> occupancy = Double.parseDouble(v);
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                return new Result(null, "traffic-csv: bad " + name + " '" + v + "'");
            }
        }
        return new Result(new TrafficReading(segment, time, speed, volume, occupancy), null);
    }

    /** A header row: its first field names the segment column instead of holding an id. */
    static boolean isHeader(String line) {
        String first = split(line).get(0).strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return first.equals("segmentid") || first.equals("segment");
    }

    private static Instant time(String v) {
        if (v.chars().allMatch(Character::isDigit) && !v.isEmpty()) return Instant.ofEpochSecond(Long.parseLong(v));
        return OffsetDateTime.parse(v.replace(' ', 'T')).toInstant();
    }

    /** RFC 4180 fields: commas inside double quotes stay, doubled quotes are one quote. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }
}
