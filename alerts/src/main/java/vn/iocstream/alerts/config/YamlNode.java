package vn.iocstream.alerts.config;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node that remembers its line, so that every error in {@code alerts.yaml} names where it is. Built on
 * SnakeYAML's composed node tree (positions, no object construction: no tags, no anchors-as-objects surprises).
 * Mappings are read key by key and {@link #finish()} rejects the keys nobody asked for, so a typo is an error.
 */
final class YamlNode {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*|file:[^}]+)}");

    private final String file;
    private final Node node;
    private final UnaryOperator<String> env;
    private final Set<String> read = new java.util.HashSet<>();

    private YamlNode(String file, Node node, UnaryOperator<String> env) {
        this.file = file;
        this.node = node;
        this.env = env;
    }

    /** The document's root, or an empty mapping for an empty document. */
    static YamlNode parse(String file, String text, UnaryOperator<String> env) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(1 << 20);
        try (Reader reader = new StringReader(text)) {
            Node root = new Yaml(options).compose(reader);
            if (root == null) root = new MappingNode(org.yaml.snakeyaml.nodes.Tag.MAP, List.of(), org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
            return new YamlNode(file, root, env);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new AlertsConfigException(file + " line " + line + ": " + e.getProblem());
        } catch (RuntimeException | java.io.IOException e) {
            throw new AlertsConfigException(file + ": " + e.getMessage());
        }
    }

    static YamlNode read(Path path, UnaryOperator<String> env) {
        try {
            return parse(path.toString(), Files.readString(path), env);
        } catch (java.io.IOException e) {
            throw new AlertsConfigException(path + ": cannot read (" + e.getMessage() + ")");
        }
    }

    int line() {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    AlertsConfigException error(String message) {
        return new AlertsConfigException(file + " line " + line() + ": " + message);
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    boolean isSequence() {
        return node instanceof SequenceNode;
    }

    boolean isScalar() {
        return node instanceof ScalarNode;
    }

    /** The mapping's entries in file order; an error for anything else. */
    Map<String, YamlNode> entries() {
        if (!(node instanceof MappingNode map)) throw error("expected a mapping (key: value)");
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) throw new YamlNode(file, t.getKeyNode(), env).error("keys must be plain words");
            if (out.put(key.getValue(), new YamlNode(file, t.getValueNode(), env)) != null) {
                throw new YamlNode(file, t.getKeyNode(), env).error("duplicate key '" + key.getValue() + "'");
            }
        }
        return out;
    }

    /** A child of this mapping, or null when absent (or null in the file). */
    YamlNode get(String key) {
        read.add(key);
        YamlNode child = entries().get(key);
        if (child == null || (child.node instanceof ScalarNode s && s.getTag().getValue().endsWith(":null"))) return null;
        return child;
    }

    YamlNode require(String key) {
        YamlNode child = get(key);
        if (child == null) throw error("missing '" + key + "'");
        return child;
    }

    /** Rejects keys of this mapping that were never asked for: a typo must not be ignored. */
    void finish() {
        for (Map.Entry<String, YamlNode> e : entries().entrySet()) {
            if (!read.contains(e.getKey())) throw e.getValue().keyError(e.getKey());
        }
    }

    private AlertsConfigException keyError(String key) {
        return error("unknown key '" + key + "'");
    }

    List<YamlNode> items() {
        if (node instanceof ScalarNode) return List.of(this); // `receivers: a` reads as [a]
        if (!(node instanceof SequenceNode seq)) throw error("expected a list");
        List<YamlNode> out = new ArrayList<>();
        for (Node n : seq.getValue()) out.add(new YamlNode(file, n, env));
        return out;
    }

    /** The scalar's text with {@code ${VAR}} and {@code ${file:PATH}} expanded. */
    String text() {
        if (!(node instanceof ScalarNode s)) throw error("expected a single value");
        return expand(s.getValue());
    }

    String text(String key, String fallback) {
        YamlNode n = get(key);
        return n == null ? fallback : n.text();
    }

    List<String> texts(String key) {
        YamlNode n = get(key);
        if (n == null) return List.of();
        List<String> out = new ArrayList<>();
        for (YamlNode item : n.items()) out.add(item.text());
        return out;
    }

    int integer(String key, int fallback, int min, int max) {
        YamlNode n = get(key);
        if (n == null) return fallback;
        try {
            int v = Integer.parseInt(n.text().strip());
            if (v < min || v > max) throw n.error(key + " must be " + min + ".." + max);
            return v;
        } catch (NumberFormatException e) {
            throw n.error(key + " must be a whole number");
        }
    }

    boolean bool(String key, boolean fallback) {
        YamlNode n = get(key);
        if (n == null) return fallback;
        return switch (n.text().strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw n.error(key + " must be true or false");
        };
    }

    /** {@code 0}, {@code 500ms}, {@code 30s}, {@code 5m}, {@code 4h}, {@code 2d}, or combinations ({@code 1h30m}). */
    Duration duration(String key, Duration fallback) {
        YamlNode n = get(key);
        return n == null ? fallback : n.duration();
    }

    Duration duration() {
        String s = text().strip();
        if (s.equals("0")) return Duration.ZERO;
        Matcher m = DURATION.matcher(s);
        Duration total = Duration.ZERO;
        int at = 0;
        while (m.find() && m.start() == at) {
            long v = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(v);
                case "s" -> Duration.ofSeconds(v);
                case "m" -> Duration.ofMinutes(v);
                case "h" -> Duration.ofHours(v);
                default -> Duration.ofDays(v);
            });
            at = m.end();
        }
        if (at == 0 || at != s.length()) throw error("'" + s + "' is not a duration (e.g. 0, 30s, 5m, 4h, 1h30m)");
        return total;
    }

    private String expand(String value) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (name.startsWith("file:")) {
                Path p = Path.of(name.substring(5).strip());
                try {
                    replacement = Files.readString(p).strip();
                } catch (java.io.IOException e) {
                    throw error("cannot read " + p + " (" + e.getMessage() + ")");
                }
            } else {
                replacement = env.apply(name);
                if (replacement == null) throw error("environment variable " + name + " is not set");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
