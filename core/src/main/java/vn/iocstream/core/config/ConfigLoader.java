package vn.iocstream.core.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.iocstream.core.KafkaConnection;

/**
 * Loads the configuration: the defaults bundled from {@code config/ioc-defaults.yaml}, then a user file,
 * then {@code key.path=value} overrides. Objects merge key by key; lists and scalars replace.
 * A non-empty {@code crawler.sourcesFile} adds that file's sources (see {@link SourcesFile}) to the inline list; file,
 * syslog and ingest entries of either list go to {@code eventFeeds.files}, {@code eventFeeds.syslog} and
 * {@code ingest.tokens} instead.
 * Unknown keys are an error, so that a typo in a user file is reported instead of silently ignored.
 */
public final class ConfigLoader {
    public static final String DEFAULTS_RESOURCE = "/ioc-defaults.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ConfigLoader() {}

    public static IocConfig defaults() {
        return load(null, List.of());
    }

    /**
     * @param userFile  a YAML file overriding the defaults, or null
     * @param overrides {@code path.to.key=value} strings; the value is read as YAML (numbers, booleans, lists)
     * @throws ConfigException with a message naming the file and key at fault
     */
    public static IocConfig load(Path userFile, List<String> overrides) {
        return load(userFile, overrides, System::getenv);
    }

    /** @param env reads the environment variables that {@code token: ${VAR}} entries name */
    static IocConfig load(Path userFile, List<String> overrides, UnaryOperator<String> env) {
        ObjectNode merged = readDefaults();
        if (userFile != null) {
            if (!Files.isRegularFile(userFile)) throw new ConfigException("config file not found: " + userFile);
            try {
                JsonNode user = YAML.readTree(userFile.toFile());
                if (user != null && !user.isMissingNode() && !user.isNull()) {
                    if (!user.isObject()) throw new ConfigException(userFile + ": expected a YAML mapping at the top");
                    merge(merged, (ObjectNode) user);
                }
            } catch (IOException e) {
                throw new ConfigException(userFile + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        for (String override : overrides) applyOverride(merged, override);
        String sourcesFile = merged.path("crawler").path("sourcesFile").asText("");
        List<SourcesFile.Entry> sources = new ArrayList<>(SourcesFile.inline(merged.withArray("sources")));
        if (!sourcesFile.isBlank()) sources.addAll(SourcesFile.entries(Path.of(sourcesFile)));
        SourcesFile.route(merged, sources, env);
        for (String[] secret : SECRETS) expandSecret(merged, secret[0], secret[1], env);
        IocConfig config;
        try {
            config = YAML.treeToValue(merged, IocConfig.class);
        } catch (IOException e) {
            throw new ConfigException("invalid configuration: " + e.getMessage().lines().findFirst().orElse(""));
        }
        checkKafka(config.kafka());
        return config;
    }

    /** Passwords that may be written as {@code ${VAR}} and read from the environment, so the file holds no secret. */
    private static final String[][] SECRETS = {{"kafka", "password"}, {"kafka", "truststorePassword"}, {"clickhouse", "password"}};
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private static void expandSecret(ObjectNode root, String section, String key, UnaryOperator<String> env) {
        JsonNode node = root.path(section).path(key);
        if (!node.isTextual()) return;
        Matcher m = ENV_REFERENCE.matcher(node.asText().strip());
        if (!m.matches()) return;
        String value = env.apply(m.group(1));
        if (value == null) {
            throw new ConfigException(section + "." + key + " names the environment variable " + m.group(1) + ", which is not set");
        }
        ((ObjectNode) root.get(section)).put(key, value);
    }

    /** Security settings of an external cluster are checked now, not when the first client fails to log in. */
    private static void checkKafka(IocConfig.Kafka kafka) {
        if (kafka.embedded()) {
            if (!"PLAINTEXT".equals(kafka.securityProtocol())) {
                throw new ConfigException("kafka.securityProtocol " + kafka.securityProtocol()
                        + " applies to an external cluster (kafka.embedded: false); the embedded broker listens on 127.0.0.1 without it");
            }
            return;
        }
        try {
            KafkaConnection.of(kafka);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static ObjectNode readDefaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) throw new IllegalStateException(DEFAULTS_RESOURCE + " missing from the classpath");
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("bundled defaults unreadable", e);
        }
    }

    private static void applyOverride(ObjectNode root, String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) throw new ConfigException("override must look like key.path=value, got: " + override);
        String[] path = override.substring(0, eq).trim().split("\\.");
        JsonNode value;
        try {
            value = YAML.readTree(override.substring(eq + 1));
        } catch (IOException e) {
            throw new ConfigException("override " + override + ": value is not valid YAML");
        }
        ObjectNode node = root;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode child = node.get(path[i]);
            if (child == null || !child.isObject()) throw new ConfigException("override " + override + ": no section " + path[i]);
            node = (ObjectNode) child;
        }
        String leaf = path[path.length - 1];
        if (!node.has(leaf)) throw new ConfigException("override " + override + ": unknown key " + leaf);
        node.set(leaf, value == null || value.isMissingNode() ? YAML.nullNode() : value);
    }

    private static void merge(ObjectNode base, ObjectNode over) {
        Iterator<Map.Entry<String, JsonNode>> fields = over.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = base.get(field.getKey());
            if (existing != null && existing.isObject() && field.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) field.getValue());
            } else {
                base.set(field.getKey(), field.getValue());
            }
        }
    }

    /** A configuration error with a message meant for the user. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }
}
