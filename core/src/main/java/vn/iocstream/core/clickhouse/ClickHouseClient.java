package vn.iocstream.core.clickhouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.yandex.clickhouse.ClickHouseDriver;

/**
 * ClickHouse over JDBC (legacy {@code ru.yandex} 0.3.2 driver: the only one that talks to the 18.16 server
 * of the OS package, see PLATFORM.md). Connections are short-lived; the driver pools HTTP underneath.
 * Serializable so that a Flink sink can carry it to its subtasks.
 */
public final class ClickHouseClient implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseClient.class);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** One driver for every connection: constructing it per query showed in profiles of the control room's reads. */
    private static final ClickHouseDriver DRIVER = new ClickHouseDriver();

    private final String httpUrl;
    private final String database;
    private final String user;
    private final String password;

    /** @param httpUrl e.g. {@code http://127.0.0.1:8123} */
    public ClickHouseClient(String httpUrl, String database, String user, String password) {
        this.httpUrl = httpUrl.replaceAll("/+$", "");
        this.database = database;
        this.user = user == null ? "default" : user;
        this.password = password == null ? "" : password;
    }

    public String database() {
        return database;
    }

    public String httpUrl() {
        return httpUrl;
    }

    public Connection connect() throws SQLException {
        return connect(database);
    }

    private Connection connect(String db) throws SQLException {
        String hostPort = httpUrl.replaceFirst("^https?://", "");
        // compress=false: the server's own HTTP compression is broken in 18.16.
        String url = "jdbc:clickhouse://" + hostPort + "/" + db + "?compress=false";
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        // Name the legacy driver: DriverManager may pick the new one bundled in the same jar, which fails here.
        return DRIVER.connect(url, props);
    }

    /**
     * Creates the database and applies every schema file listed in {@code clickhouse/migrations.txt}, statement by
     * statement. Every statement must be safe to run again: {@code CREATE … IF NOT EXISTS}, and
     * {@code ALTER TABLE t ADD COLUMN c …}, which is skipped when the column exists (18.16 has no
     * {@code ADD COLUMN IF NOT EXISTS}).
     */
    public void migrate() {
        try (Connection c = connect("default"); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS " + database);
        } catch (SQLException e) {
            throw new ClickHouseException("cannot create database " + database + " at " + httpUrl + ": " + e.getMessage(), e);
        }
        List<String> files = resourceLines("clickhouse/migrations.txt");
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (String file : files) {
                // A file may hold several statements, each ending with ';' at the end of a line.
                for (String statement : stripComments(resource("clickhouse/" + file)).split(";\\s*\n")) {
                    String sql = statement.strip().replaceAll(";$", "");
                    if (!sql.isEmpty() && !addsExistingColumn(st, sql)) st.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw new ClickHouseException("schema migration failed: " + e.getMessage(), e);
        }
        LOG.info("ClickHouse schema ready: {} files in database {}", files.size(), database);
    }

    private static final Pattern ADD_COLUMN =
            Pattern.compile("(?is)ALTER\\s+TABLE\\s+(\\w+)\\s+ADD\\s+COLUMN\\s+(\\w+)\\b.*");

    private boolean addsExistingColumn(Statement st, String sql) throws SQLException {
        Matcher m = ADD_COLUMN.matcher(sql);
        if (!m.matches()) return false;
        try (ResultSet rs = st.executeQuery("SELECT count() FROM system.columns WHERE database = '" + database
                + "' AND table = '" + m.group(1) + "' AND name = '" + m.group(2) + "'")) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }

    public void execute(String sql) {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new ClickHouseException("query failed: " + e.getMessage() + " — " + sql, e);
        }
    }

    public long queryLong(String sql) {
        List<Long> values = query(sql, rs -> rs.getLong(1));
        return values.isEmpty() ? 0 : values.get(0);
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper) {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<T> out = new ArrayList<>();
            while (rs.next()) out.add(mapper.map(rs));
            return out;
        } catch (SQLException e) {
            throw new ClickHouseException("query failed: " + e.getMessage() + " — " + sql, e);
        }
    }

    /** Inserts rows in one batch; a no-op for an empty collection. */
    public <T> void insert(TableRow<T> table, Collection<T> rows) {
        if (rows.isEmpty()) return;
        String sql = "INSERT INTO " + table.table() + " (" + String.join(", ", table.columns()) + ") VALUES ("
                + "?, ".repeat(table.columns().size() - 1) + "?)";
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (T row : rows) {
                table.bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new ClickHouseException("insert into " + table.table() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Inserts rows in one batch as a TabSeparated body over HTTP, bypassing the JDBC driver's per-value
     * escaping; a no-op for an empty collection.
     */
    public <T> void insert(TsvRow<T> table, Collection<T> rows) {
        if (rows.isEmpty()) return;
        TabSeparated body = new TabSeparated();
        for (T row : rows) {
            table.write(body, row);
            body.endRow();
        }
        String sql = "INSERT INTO " + table.table() + " (" + String.join(", ", table.columns()) + ") FORMAT TabSeparated";
        byte[] bytes = body.bytes();
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(httpUrl + "/?database=" + urlEncode(database)
                    + "&query=" + urlEncode(sql)).toURL().openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(bytes.length);
            c.setRequestProperty("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            try (OutputStream out = c.getOutputStream()) {
                out.write(bytes);
            }
            int status = c.getResponseCode();
            // Reading the body to its end lets HttpURLConnection reuse the connection for the next batch.
            try (InputStream in = status == HttpURLConnection.HTTP_OK ? c.getInputStream() : c.getErrorStream()) {
                String answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (status != HttpURLConnection.HTTP_OK) {
                    throw new ClickHouseException("insert into " + table.table() + " failed: HTTP " + status + " " + answer.strip(), null);
                }
            }
        } catch (IOException e) {
            throw new ClickHouseException("insert into " + table.table() + " failed: " + e.getMessage(), e);
        }
    }

    /** DateTime('UTC') columns are written as UTC text, which no driver time-zone setting can shift. */
    public static String dateTime(Instant instant) {
        return DATE_TIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    public static Instant instant(String clickHouseDateTime) {
        return LocalDateTime.parse(clickHouseDateTime, DATE_TIME).toInstant(ZoneOffset.UTC);
    }

    private static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String stripComments(String sql) {
        StringBuilder out = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.strip().startsWith("--")) out.append(line).append('\n');
        }
        return out.toString().strip();
    }

    private static List<String> resourceLines(String name) {
        return resource(name).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String resource(String name) {
        try (InputStream in = ClickHouseClient.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable resource " + name, e);
        }
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** A ClickHouse failure with the server's message. */
    public static final class ClickHouseException extends RuntimeException {
        public ClickHouseException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
