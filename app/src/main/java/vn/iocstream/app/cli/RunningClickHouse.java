package vn.iocstream.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.iocstream.app.runtime.IocRuntime;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.config.IocConfig;

/** The ClickHouse a command reads: {@code --clickhouse URL}, else the configured external one, else the embedded one running. */
final class RunningClickHouse {
    private RunningClickHouse() {}

    static ClickHouseClient connect(Options o, IocConfig.ClickHouse ch, String usage) throws IOException {
        String url = o.get("clickhouse", null);
        if (url == null && !ch.embedded()) url = ch.url();
        if (url == null) {
            Path file = IocRuntime.clickHouseFile(ch);
            if (!Files.isRegularFile(file)) {
                throw new UsageException("no running embedded ClickHouse found (" + file + "): start ioc run, or give --clickhouse URL", usage);
            }
            url = Files.readString(file).strip();
        }
        return new ClickHouseClient(url, ch.database(), ch.user(), ch.password());
    }
}
