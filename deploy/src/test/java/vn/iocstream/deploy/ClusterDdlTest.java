package vn.iocstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.testing.ClickHouseTestServer;

/**
 * {@code deploy/clickhouse/cluster.sql} describes the same schema as the migrations: for every table the migrations
 * create on the real server, a {@code _local} table with the same columns and types, the replicated form of the same
 * engine with the same version column, the same partition and order keys, and a Distributed table sharded by a
 * column of that order key (so copies of a row meet on one shard, where FINAL folds them). A migration that adds a
 * table or column without this file following fails here.
 */
class ClusterDdlTest {
    private static final Pattern LOCAL = Pattern.compile(
            "CREATE TABLE IF NOT EXISTS ioc\\.(\\w+)_local ON CLUSTER ioc_cluster \\((.*?)\\n\\) ENGINE = (\\w+)\\('/clickhouse/tables/\\{shard}/ioc/(\\w+)', "
                    + "'\\{replica}'(?:, (\\w+))?\\)\\n(.*?);", Pattern.DOTALL);
    private static final Pattern DISTRIBUTED = Pattern.compile(
            "CREATE TABLE IF NOT EXISTS ioc\\.(\\w+) ON CLUSTER ioc_cluster AS ioc\\.(\\w+)_local\\nENGINE = Distributed\\(ioc_cluster, ioc, (\\w+)_local, cityHash64\\((\\w+)\\)\\);");
    private static final Pattern CREATE = Pattern.compile(
            "CREATE TABLE IF NOT EXISTS (\\w+) \\(.*?\\) ENGINE = (\\w+)\\((\\w*)\\)\\s*(.*?)(?:;|$)", Pattern.DOTALL);

    record Local(Map<String, String> columns, String engine, String zooPath, String version, String keys) {}

    @Test
    void clusterDdl_matchesTheMigratedSchema_tableByTable() throws IOException {
        String ddl = Files.readString(Path.of("clickhouse/cluster.sql"), StandardCharsets.UTF_8);
        Map<String, Local> locals = new LinkedHashMap<>();
        Matcher m = LOCAL.matcher(ddl);
        while (m.find()) {
            Map<String, String> columns = new LinkedHashMap<>();
            for (String line : m.group(2).strip().split(",\\n")) {
                String[] parts = line.strip().split("\\s+", 2);
                columns.put(parts[0], parts[1].replaceAll("\\s+DEFAULT\\s+.*$", ""));
            }
            locals.put(m.group(1), new Local(columns, m.group(3), m.group(4), m.group(5), normalise(m.group(6))));
        }
        Map<String, String> shardKeys = new LinkedHashMap<>();
        m = DISTRIBUTED.matcher(ddl);
        while (m.find()) {
            assertThat(m.group(2)).isEqualTo(m.group(1));
            assertThat(m.group(3)).isEqualTo(m.group(1));
            shardKeys.put(m.group(1), m.group(4));
        }

        ClickHouseClient ch = ClickHouseTestServer.freshDatabase("cluster_ddl");
        List<String> tables = ch.query("SELECT name FROM system.tables WHERE database = '" + ch.database() + "' ORDER BY name", rs -> rs.getString(1));
        assertThat(tables).isNotEmpty();
        assertThat(locals.keySet()).containsExactlyInAnyOrderElementsOf(tables);
        assertThat(shardKeys.keySet()).containsExactlyInAnyOrderElementsOf(tables);

        Map<String, String[]> created = createdByMigrations();
        for (String table : tables) {
            Local local = locals.get(table);
            Map<String, String> columns = new LinkedHashMap<>();
            for (String[] c : ch.query("SELECT name, type FROM system.columns WHERE database = '" + ch.database() + "' AND table = '" + table + "'",
                    rs -> new String[] {rs.getString(1), rs.getString(2)})) {
                columns.put(c[0], c[1]);
            }
            assertThat(local.columns()).as(table + " columns").isEqualTo(columns);
            String engine = ch.query("SELECT engine FROM system.tables WHERE database = '" + ch.database() + "' AND name = '" + table + "'",
                    rs -> rs.getString(1)).get(0);
            assertThat(local.engine()).as(table + " engine").isEqualTo("Replicated" + engine);
            assertThat(local.zooPath()).isEqualTo(table);
            String[] migration = created.get(table);
            assertThat(local.version() == null ? "" : local.version()).as(table + " version column").isEqualTo(migration[0]);
            assertThat(local.keys()).as(table + " partition and order keys").isEqualTo(migration[1]);
            assertThat(local.keys()).as(table + ": sharded by a column of its order key").containsPattern("ORDER BY \\(?[^;]*\\b" + shardKeys.get(table) + "\\b");
        }
    }

    /** Table → {version column of its engine, "PARTITION BY … ORDER BY …"} as the migration files write them. */
    private static Map<String, String[]> createdByMigrations() throws IOException {
        Map<String, String[]> out = new LinkedHashMap<>();
        List<String> files = new ArrayList<>();
        try (var in = ClickHouseClient.class.getResourceAsStream("/clickhouse/migrations.txt")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).forEach(files::add);
        }
        for (String file : files) {
            String sql;
            try (var in = ClickHouseClient.class.getResourceAsStream("/clickhouse/" + file.strip())) {
                sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("--[^\\n]*", "");
            }
            Matcher m = CREATE.matcher(sql);
            while (m.find()) out.put(m.group(1), new String[] {m.group(3), normalise(m.group(4))});
        }
        return out;
    }

    private static String normalise(String keys) {
        return keys.strip().replaceAll("\\s+", " ");
    }
}
