package vn.iocstream.core.config;

import java.util.List;

/**
 * The whole configuration, as merged from {@code config/ioc-defaults.yaml}, the user's file and
 * {@code --set} overrides by {@link ConfigLoader}. The defaults file documents every key.
 */
public record IocConfig(Kafka kafka, ClickHouse clickhouse, Flink flink, Crawler crawler,
                        List<Source> sources, List<Watchlist> watchlists, Detector detector,
                        Alerts alerts, ControlRoom controlRoom) {

    public record Kafka(boolean embedded, String bootstrap, int port, String dataDir, int partitions, long retentionMs) {}

    public record ClickHouse(boolean embedded, String url, String database, String user, String password,
                             int httpPort, int tcpPort, String dataDir, String binary) {}

    public record Flink(int parallelism, long checkpointIntervalMs, String checkpointDir,
                        int outOfOrdernessSeconds, int idlenessSeconds) {}

    public record Crawler(int pollIntervalSeconds, long perHostDelayMs, int timeoutSeconds, int maxBodyBytes,
                          String userAgent, boolean allowPrivateAddresses) {}

    public record Source(String name, String type, String url, String kind, String locality) {}

    public record Watchlist(String name, String title, String query) {}

    public record Detector(int bucketSeconds, int windowSeconds, int historyWindows, int minCount,
                           double factor, double sigmas) {}

    public record Alerts(List<Route> routes, String webhookUrl, int webhookAttempts) {}

    public record Route(String rule, String minSeverity, List<String> channels) {}

    public record ControlRoom(int port) {}
}
