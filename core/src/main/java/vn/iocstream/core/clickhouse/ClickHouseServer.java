package vn.iocstream.core.clickhouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import vn.iocstream.core.Ports;
import org.slf4j.LoggerFactory;

/**
 * A real ClickHouse server, started from the OS package's binary as a child process listening on
 * 127.0.0.1 only, with its configuration generated under {@code dataDir}. Used by the embedded runtime
 * and by every test that needs ClickHouse.
 *
 * <p>The server runs under a small shell watchdog that stops it when this JVM disappears, even by
 * {@code kill -9}: a monitoring box must not collect orphaned database servers.
 */
public final class ClickHouseServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseServer.class);
    public static final String DEFAULT_BINARY = "/usr/sbin/clickhouse-server";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final int httpPort;
    private final Path dataDir;

    private ClickHouseServer(Process process, int httpPort, Path dataDir) {
        this.process = process;
        this.httpPort = httpPort;
        this.dataDir = dataDir;
    }

    /**
     * Starts a server and waits until it answers {@code /ping}.
     *
     * @param httpPort 0 for a free port
     * @param tcpPort  0 for a free port
     * @throws IllegalStateException with an actionable message if the binary is missing or it does not start
     */
    public static ClickHouseServer start(Path binary, Path dataDir, int httpPort, int tcpPort) {
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("ClickHouse server binary not found at " + binary
                    + ". Install it with: sudo apt-get install -y clickhouse-server");
        }
        try {
            Path dir = dataDir.toAbsolutePath();
            for (String sub : new String[] {"data", "tmp", "user_files", "format_schemas", "log"}) {
                Files.createDirectories(dir.resolve(sub));
            }
            int http = httpPort == 0 ? Ports.free() : httpPort;
            int tcp = tcpPort == 0 ? Ports.free() : tcpPort;
            Files.writeString(dir.resolve("config.xml"), serverConfig(dir, http, tcp));
            Files.writeString(dir.resolve("users.xml"), USERS_CONFIG);
            long parentPid = ProcessHandle.current().pid();
            // The watchdog: starts the server, then polls the JVM's pid; TERM to the shell stops both.
            String script = "\"$0\" --config-file=\"$1\" & child=$!; "
                    + "trap 'kill -TERM $child 2>/dev/null; wait $child; exit 0' TERM INT; "
                    + "while kill -0 " + parentPid + " 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done; "
                    + "kill -TERM $child 2>/dev/null; wait $child";
            // setsid: a Ctrl-C in the terminal must reach only the JVM, which then stops the server in order.
            Process process = new ProcessBuilder("setsid", "bash", "-c", script, binary.toString(), dir.resolve("config.xml").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("log/stdout.log").toFile())
                    .start();
            ClickHouseServer server = new ClickHouseServer(process, http, dir);
            server.awaitPing();
            LOG.info("ClickHouse server up on 127.0.0.1:{} (data {})", http, dir);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start ClickHouse: " + e.getMessage(), e);
        }
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    private void awaitPing() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("ClickHouse exited at start (code " + process.exitValue()
                        + "); see " + dataDir.resolve("log"));
            }
            if (ping()) return;
            sleep(100);
        }
        close();
        throw new IllegalStateException("ClickHouse did not answer /ping within " + START_TIMEOUT.toSeconds()
                + " s; see " + dataDir.resolve("log"));
    }

    public boolean ping() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(httpUrl() + "/ping").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(500);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the server (TERM, then KILL after 15 s) and waits for it. */
    @Override
    public void close() {
        if (!process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("ClickHouse server stopped");
    }


    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for ClickHouse", e);
        }
    }

    private static String serverConfig(Path dir, int http, int tcp) {
        return """
                <yandex>
                  <logger>
                    <level>warning</level>
                    <log>%1$s/log/server.log</log>
                    <errorlog>%1$s/log/error.log</errorlog>
                    <size>10M</size>
                    <count>2</count>
                  </logger>
                  <http_port>%2$d</http_port>
                  <tcp_port>%3$d</tcp_port>
                  <listen_host>127.0.0.1</listen_host>
                  <path>%1$s/data/</path>
                  <tmp_path>%1$s/tmp/</tmp_path>
                  <user_files_path>%1$s/user_files/</user_files_path>
                  <format_schema_path>%1$s/format_schemas/</format_schema_path>
                  <users_config>%1$s/users.xml</users_config>
                  <default_profile>default</default_profile>
                  <default_database>default</default_database>
                  <timezone>UTC</timezone>
                  <mark_cache_size>268435456</mark_cache_size>
                  <uncompressed_cache_size>268435456</uncompressed_cache_size>
                  <max_concurrent_queries>100</max_concurrent_queries>
                </yandex>
                """.formatted(dir, http, tcp);
    }

    private static final String USERS_CONFIG = """
            <yandex>
              <profiles><default><max_memory_usage>4000000000</max_memory_usage></default></profiles>
              <users>
                <default>
                  <password></password>
                  <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
                  <profile>default</profile>
                  <quota>default</quota>
                </default>
              </users>
              <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors>
                <result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
            </yandex>
            """;
}
