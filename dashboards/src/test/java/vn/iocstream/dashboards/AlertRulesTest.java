package vn.iocstream.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.testing.ClickHouseTestServer;
import vn.iocstream.core.testing.SharedData;

/**
 * The provisioned alert rules and contact point, checked as Grafana's file provisioning reads them (required fields,
 * durations, states, the condition naming a query, no dashboard variables in alert SQL) and against the alerting
 * model's JSON Schema; each rule's query then runs on a real ClickHouse 18.16 and gives the one number its threshold
 * compares.
 */
class AlertRulesTest {
    private static final Path ALERTING = resource("grafana/provisioning/alerting");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Prometheus-style durations, as Grafana's provisioning parses {@code for} and {@code interval}. */
    private static final Pattern DURATION = Pattern.compile("(\\d+(ms|s|m|h|d|w|y))+");
    /** The plugin's backend macros: the only {@code $} an alert query may hold (dashboard variables never expand there). */
    private static final Set<String> BACKEND_MACROS = Set.of("timeFilter", "fromTime", "toTime", "dateFilter", "dateTimeFilter",
            "interval_s", "table", "column");
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static ClickHouseClient clickHouse;

    @BeforeAll
    static void fixtures() {
        clickHouse = ClickHouseTestServer.freshDatabase("alertrules");
        String written = "'" + ClickHouseClient.dateTime(NOW.minusSeconds(30)) + "'";
        clickHouse.execute("INSERT INTO source_health (source, outlet, url, interval_seconds, status, updated_at) VALUES"
                + " ('baotayninh-tin-moi', 'Báo Tây Ninh', 'https://baotayninh.vn/rss', 900, 'ok', " + written + "),"
                + " ('baodanang-thoi-su', 'Báo Đà Nẵng', 'https://baodanang.vn/thoi-su.atom', 600, 'stale', " + written + ")");
        for (int i = 0; i < 3; i++) {
            clickHouse.execute("INSERT INTO dead_letters (id, source_topic, reason, received_at, preview, bytes) VALUES ('d" + i
                    + "', 'ioc.raw.posts', 'invalid JSON: cut short', '" + ClickHouseClient.dateTime(NOW.minusSeconds(60 * (i + 1))) + "', '{', 1)");
        }
        clickHouse.execute("INSERT INTO dead_letters (id, source_topic, reason, received_at, preview, bytes) VALUES ('old',"
                + " 'ioc.raw.posts', 'invalid JSON', '" + ClickHouseClient.dateTime(NOW.minus(Duration.ofHours(2))) + "', '{', 1)");
    }

    @Test
    void rules_haveWhatGrafanasProvisioningRequires() throws IOException {
        JsonNode file = YAML.readTree(ALERTING.resolve("ioc-rules.yaml").toFile());
        assertThat(file.path("apiVersion").asInt()).isEqualTo(1);
        List<String> receivers = contactPointNames();
        List<String> uids = new ArrayList<>();
        for (JsonNode group : file.path("groups")) {
            assertThat(group.path("orgId").asInt()).isEqualTo(1);
            assertThat(group.path("name").asText()).isNotBlank();
            assertThat(group.path("folder").asText()).isEqualTo("IOC Stream");
            assertThat(group.path("interval").asText()).matches(DURATION);
            for (JsonNode rule : group.path("rules")) {
                String uid = rule.path("uid").asText();
                uids.add(uid);
                assertThat(uid).matches("[a-zA-Z0-9_-]{1,40}");
                assertThat(rule.path("title").asText()).as(uid).isNotBlank();
                assertThat(rule.path("for").asText()).as(uid).matches(DURATION);
                assertThat(rule.path("noDataState").asText()).as(uid).isIn("Alerting", "NoData", "OK");
                assertThat(rule.path("execErrState").asText()).as(uid).isIn("Alerting", "Error", "OK");
                assertThat(rule.at("/notification_settings/receiver").asText()).as(uid).isIn(receivers);
                List<String> refIds = new ArrayList<>();
                for (JsonNode query : rule.path("data")) {
                    String refId = query.path("refId").asText();
                    refIds.add(refId);
                    assertThat(query.at("/model/refId").asText()).as(uid).isEqualTo(refId);
                    assertThat(query.path("datasourceUid").asText()).as(uid).isIn("ioc-clickhouse", "__expr__");
                    if (query.path("datasourceUid").asText().equals("__expr__")) {
                        assertThat(query.at("/model/expression").asText()).as(uid).isIn(refIds);
                    } else {
                        assertThat(query.at("/relativeTimeRange/from").asInt()).as(uid).isPositive();
                        assertThat(query.at("/model/editorType").asText()).isEqualTo("sql");
                        assertNoDashboardVariables(uid, query.at("/model/rawSql").asText());
                    }
                }
                assertThat(refIds).as(uid).doesNotHaveDuplicates().contains(rule.path("condition").asText());
            }
        }
        assertThat(uids).doesNotHaveDuplicates().containsExactly("ioc-source-stale", "ioc-dead-letter-rate", "ioc-pipeline-stopped");
    }

    @Test
    void eachRuleQuery_givesTheOneNumberItsThresholdCompares() throws IOException {
        Map<String, Double> values = new LinkedHashMap<>();
        for (JsonNode rule : rules()) {
            JsonNode query = rule.path("data").get(0);
            Instant from = NOW.minusSeconds(query.at("/relativeTimeRange/from").asLong());
            String sql = new GrafanaMacros(from, NOW, Duration.ofMinutes(1), Map.of()).expand(query.at("/model/rawSql").asText());
            List<List<String>> rows = clickHouse.query(sql, rs -> {
                assertThat(rs.getMetaData().getColumnCount()).as(sql).isEqualTo(1);
                return List.of(rs.getString(1));
            });
            assertThat(rows).as(sql).hasSize(1);
            values.put(rule.path("uid").asText(), Double.parseDouble(rows.get(0).get(0)));
        }
        assertThat(values.get("ioc-source-stale")).isEqualTo(1.0);
        assertThat(values.get("ioc-dead-letter-rate")).isEqualTo(3.0);
        assertThat(values.get("ioc-pipeline-stopped")).isBetween(30.0, 600.0);
        // With these fixtures only the stale source crosses its threshold.
        Map<String, Boolean> fires = new LinkedHashMap<>();
        for (JsonNode rule : rules()) {
            JsonNode threshold = rule.path("data").get(1).at("/model/conditions/0/evaluator");
            assertThat(threshold.path("type").asText()).isEqualTo("gt");
            fires.put(rule.path("uid").asText(), values.get(rule.path("uid").asText()) > threshold.at("/params/0").asDouble());
        }
        assertThat(fires).containsExactly(Map.entry("ioc-source-stale", true), Map.entry("ioc-dead-letter-rate", false),
                Map.entry("ioc-pipeline-stopped", false));
    }

    @Test
    void contactPoint_postsToIocStreamsWebhook_withASecretFromTheEnvironment() throws IOException {
        JsonNode file = YAML.readTree(ALERTING.resolve("contact-points.yaml").toFile());
        assertThat(file.path("apiVersion").asInt()).isEqualTo(1);
        JsonNode receiver = file.at("/contactPoints/0/receivers/0");
        assertThat(receiver.path("type").asText()).isEqualTo("webhook");
        assertThat(receiver.at("/settings/url").asText()).isEqualTo("$IOC_GRAFANA_WEBHOOK_URL");
        assertThat(receiver.at("/settings/authorization_credentials").asText()).isEqualTo("$IOC_GRAFANA_WEBHOOK_TOKEN");
    }

    @Test
    void rulesAndContactPoint_matchGrafanasAlertingSchema() throws IOException {
        Path schemaFile = SharedData.require(SharedData.path("grafana-schema", "alerting.jsonschema.json"));
        JsonNode schema = Json.MAPPER.readTree(schemaFile.toFile());
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, f -> f.metaSchema(
                JsonMetaSchema.builder(JsonMetaSchema.getV7()).keywords(List.of(new NonValidationKeyword("deprecated"),
                        new NonValidationKeyword("x-deprecation-message"))).build()));
        JsonSchema ruleSchema = factory.getSchema(((ObjectNode) schema.deepCopy()).put("$ref", "#/definitions/Rule"));
        JsonSchema contactSchema = factory.getSchema(((ObjectNode) schema.deepCopy()).put("$ref", "#/definitions/ContactPoint"));
        List<String> errors = new ArrayList<>();
        JsonNode groups = YAML.readTree(ALERTING.resolve("ioc-rules.yaml").toFile()).path("groups");
        for (JsonNode group : groups) {
            for (JsonNode rule : group.path("rules")) {
                // The file format names a few fields differently from the API model the schema describes.
                ObjectNode api = ((ObjectNode) rule.deepCopy());
                api.put("folderUID", group.path("folder").asText()).put("orgID", group.path("orgId").asInt())
                        .put("ruleGroup", group.path("name").asText());
                api.remove("notification_settings");
                ruleSchema.validate(api).forEach(e -> errors.add(rule.path("uid").asText() + ": " + e));
            }
        }
        for (JsonNode receiver : YAML.readTree(ALERTING.resolve("contact-points.yaml").toFile()).at("/contactPoints/0/receivers")) {
            ObjectNode api = ((ObjectNode) receiver.deepCopy()).put("name", "ioc-stream-alerts");
            contactSchema.validate(api).forEach(e -> errors.add(receiver.path("uid").asText() + ": " + e));
        }
        assertThat(errors).isEmpty();
    }

    private static void assertNoDashboardVariables(String uid, String sql) {
        Matcher dollar = Pattern.compile("\\$(\\{?)(__)?(\\w+)").matcher(sql);
        while (dollar.find()) {
            assertThat(dollar.group(2) != null && dollar.group(1).isEmpty() && BACKEND_MACROS.contains(dollar.group(3)))
                    .as(uid + ": alert SQL runs in Grafana's backend, where " + dollar.group() + " never expands").isTrue();
        }
    }

    private static List<JsonNode> rules() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        YAML.readTree(ALERTING.resolve("ioc-rules.yaml").toFile()).path("groups").forEach(g -> g.path("rules").forEach(out::add));
        return out;
    }

    private static List<String> contactPointNames() throws IOException {
        List<String> out = new ArrayList<>();
        YAML.readTree(ALERTING.resolve("contact-points.yaml").toFile()).path("contactPoints").forEach(c -> out.add(c.path("name").asText()));
        return out;
    }

    private static Path resource(String name) {
        try {
            return Path.of(AlertRulesTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
