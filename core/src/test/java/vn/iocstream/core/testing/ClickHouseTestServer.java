package vn.iocstream.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.clickhouse.ClickHouseServer;

/**
 * One real ClickHouse server per test JVM (from the OS package), started on first use and stopped at JVM
 * exit. Each caller gets its own database, so test classes do not see each other's rows.
 */
public final class ClickHouseTestServer {
    private static ClickHouseServer server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private ClickHouseTestServer() {}

    public static synchronized ClickHouseServer server() {
        if (server == null) {
            try {
                Path dir = Files.createTempDirectory("ioc-clickhouse-test");
                String binary = System.getenv().getOrDefault("IOC_CLICKHOUSE_BINARY", ClickHouseServer.DEFAULT_BINARY);
                server = ClickHouseServer.start(Path.of(binary), dir, 0, 0);
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "clickhouse-test-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    /** A client on a fresh, migrated database named after the caller. */
    public static ClickHouseClient freshDatabase(String prefix) {
        String db = prefix.replaceAll("[^A-Za-z0-9_]", "_") + "_" + DATABASES.incrementAndGet();
        ClickHouseClient client = new ClickHouseClient(server().httpUrl(), db, "default", "");
        client.migrate();
        return client;
    }
}
