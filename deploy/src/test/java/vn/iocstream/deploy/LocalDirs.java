package vn.iocstream.deploy;

import java.nio.file.Path;
import java.util.List;

/** Settings that keep a test's runtime in its own folder and on free ports, beside anything else on the machine. */
final class LocalDirs {
    private LocalDirs() {}

    static List<String> under(Path dir) {
        return List.of("kafka.dataDir=" + dir.resolve("kafka"), "clickhouse.dataDir=" + dir.resolve("clickhouse"),
                "flink.checkpointDir=" + dir.resolve("checkpoints"), "crawler.stateDir=" + dir.resolve("crawler"),
                "alerts.journalDir=" + dir.resolve("alerts"), "controlRoom.searchDir=" + dir.resolve("search"),
                "controlRoom.usersFile=" + dir.resolve("users.json"), "eventFeeds.checkpointDir=" + dir.resolve("event-feeds"),
                "controlRoom.port=0", "ingest.port=0");
    }
}
