package vn.iocstream.crawlers.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import vn.iocstream.core.Topics;

/**
 * What an event feed carries, which raw topic its lines go to and in what shape: the four security kinds become
 * SecurityJob envelopes on {@link Topics#RAW_SECURITY} (the format names are SecurityEnvelope's), the two traffic
 * kinds become TrafficJob readings on {@link Topics#RAW_TRAFFIC}.
 */
public enum EventKind {
    /** Zeek JSON logs (conn.log, dns.log, notice.log …); the file name names the log when a line has no _path. */
    ZEEK("zeek", Topics.RAW_SECURITY),
    /** Suricata EVE JSON (eve.json). */
    SURICATA("suricata", Topics.RAW_SECURITY),
    /** sshd / syslog auth lines (auth.log, secure). */
    AUTH("auth", Topics.RAW_SECURITY),
    /** Apache/nginx access log, common or combined format. */
    ACCESS("access", Topics.RAW_SECURITY),
    /** Road-sensor readings as CSV, columns as configured (eventFeeds.trafficCsvColumns). */
    TRAFFIC_CSV("traffic-csv", Topics.RAW_TRAFFIC),
    /** Road-sensor readings already in TrafficJob's JSON shape, one per line. */
    TRAFFIC_JSON("traffic-json", Topics.RAW_TRAFFIC);

    private final String configName;
    private final String topic;

    EventKind(String configName, String topic) {
        this.configName = configName;
        this.topic = topic;
    }

    /** The name used in configuration and on the command line, and, for security kinds, the envelope format. */
    public String configName() {
        return configName;
    }

    public String topic() {
        return topic;
    }

    public boolean security() {
        return topic.equals(Topics.RAW_SECURITY);
    }

    /**
     * Lines that carry no event: blank ones, Zeek TSV headers ({@code #separator …}: SecurityJob reads Zeek JSON
     * only) and CSV header rows (a first field that is not data, such as {@code segmentId}).
     */
    public boolean skips(String line) {
        if (line.isBlank()) return true;
        return switch (this) {
            case ZEEK -> line.startsWith("#");
            case TRAFFIC_CSV -> line.startsWith("#") || TrafficCsv.isHeader(line);
            default -> false;
        };
    }

    /** @throws IllegalArgumentException naming the known kinds */
    public static EventKind of(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (EventKind k : values()) if (k.configName.equals(n)) return k;
        throw new IllegalArgumentException("unknown event kind '" + name + "' (known: " + names() + ")");
    }

    public static String names() {
        return Arrays.stream(values()).map(EventKind::configName).collect(Collectors.joining(", "));
    }
}
