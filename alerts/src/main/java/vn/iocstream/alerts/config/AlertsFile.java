package vn.iocstream.alerts.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code config/alerts.yaml}, read and checked: channels, receivers and the routing tree. Every reference is checked
 * at load (a route names only receivers that exist, a receiver only channels that are configured), so a
 * misconfiguration is one error at start or reload naming its line, never a failed delivery per alert.
 *
 * @param zone     the zone of quiet hours ({@code timezone}, default Asia/Ho_Chi_Minh)
 * @param channels by name, in file order
 * @param receivers by name, in file order
 * @param root     the routing tree
 * @param source   where it was read from ("built-in" for {@link #builtIn()})
 */
public record AlertsFile(ZoneId zone, Map<String, ChannelSpec> channels, Map<String, Receiver> receivers, Route root,
                         String source) {
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** The root route's settings when the file leaves them out. */
    static final List<String> DEFAULT_GROUP_BY = List.of("kind", "province", "commune");
    static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);
    static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(5);
    static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);
    static final Duration DEFAULT_RESOLVE_AFTER = Duration.ofHours(1);
    static final Duration DEFAULT_DEDUP_WINDOW = Duration.ofHours(6);

    public AlertsFile {
        channels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(channels));
        receivers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(receivers));
    }

    /**
     * No channels, no receivers: alerts are stored, shown and pushed to the control room, and nobody is notified.
     * What runs when {@code alerts.file} is empty, so that the shipped defaults never fail a delivery.
     */
    public static AlertsFile builtIn() {
        return AlertsFileParser.parse("built-in", "route: {}\n", System::getenv);
    }

    /** Reads and checks a file; {@link AlertsConfigException} names the line at fault. */
    public static AlertsFile read(Path path) {
        return read(path, System::getenv);
    }

    public static AlertsFile read(Path path, UnaryOperator<String> env) {
        return AlertsFileParser.parse(YamlNode.read(path, env), path.toString());
    }

    /** Parses text (for tests and {@code ioc alerts check}). */
    public static AlertsFile parse(String name, String yaml, UnaryOperator<String> env) {
        return AlertsFileParser.parse(name, yaml, env);
    }

    /** Every route of the tree, depth first, root first. */
    public List<Route> allRoutes() {
        List<Route> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Route r, List<Route> out) {
        out.add(r);
        for (Route child : r.routes()) collect(child, out);
    }
}
