package vn.iocstream.core.config;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The whole configuration, as merged from {@code config/ioc-defaults.yaml}, the user's file and
 * {@code --set} overrides by {@link ConfigLoader}. The defaults file documents every key.
 */
public record IocConfig(Kafka kafka, ClickHouse clickhouse, Flink flink, Crawler crawler,
                        Nlp nlp, List<Source> sources, List<Watchlist> watchlists, Detector detector,
                        Alerts alerts, ControlRoom controlRoom, Search search, Trends trends, Traffic traffic, Reports reports,
                        Security security, Ingest ingest, EventFeeds eventFeeds,
                        Extraction extraction, SourceHealth sourceHealth, Validation validation, Digest digest) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * The broker: embedded (in-process, loopback, no security) or an external cluster at {@code bootstrap} with its
     * client security ({@code securityProtocol}, SASL {@code saslMechanism} with {@code username}/{@code password}, TLS
     * {@code truststoreFile}/{@code truststorePassword}; see {@link vn.iocstream.core.KafkaConnection}); topics the
     * runtime creates get {@code partitions} and {@code replicationFactor}.
     */
    public record Kafka(boolean embedded, String bootstrap, int port, String dataDir, int partitions, int replicationFactor,
                        long retentionMs, String securityProtocol, String saslMechanism, String username, String password,
                        String truststoreFile, String truststorePassword) implements Serializable {
        /** The password is not printed. */
        @Override
        public String toString() {
            return "Kafka[" + (embedded ? "embedded" : bootstrap + " " + securityProtocol) + "]";
        }
    }
    /** The daily digest: {@code ioc digest}'s defaults and the scheduled e-mails (defaults file, section {@code digest}). */
    public record Digest(String outDir, int topStories, List<DigestEmail> emails) implements Serializable {
        public Digest {
            emails = emails == null ? List.of() : List.copyOf(emails);
        }
    }

    /**
     * Every day at {@code at} (Vietnam time, "06:30") the digest of the day before for {@code scope}, sent through the
     * e-mail channel {@code channel} of the alerts file to {@code to}, with the files of {@code attach} (pdf, xlsx, csv).
     */
    public record DigestEmail(String at, String scope, String channel, List<String> to, List<String> attach) implements Serializable {
        public DigestEmail {
            to = to == null ? List.of() : List.copyOf(to);
            attach = attach == null ? List.of("pdf", "xlsx") : List.copyOf(attach);
        }
    }


    /**
     * ClickHouse: embedded (child process) or external at {@code url}; {@code sinkRetrySeconds}: how long a Flink sink
     * retries a failing insert (backing off) before it fails its task.
     */
    public record ClickHouse(boolean embedded, String url, String database, String user, String password,
                             int httpPort, int tcpPort, String dataDir, String binary, int sinkRetrySeconds) implements Serializable {
        /** The password is not printed. */
        @Override
        public String toString() {
            return "ClickHouse[" + (embedded ? "embedded" : url + " as " + user) + ", database " + database + "]";
        }
    }

    /**
     * {@code embedded}: the jobs run on a local MiniCluster inside {@code ioc run}; false: they run on a Flink cluster
     * ({@code flink run}), and {@code ioc run} starts no job.
     */
    public record Flink(boolean embedded, int parallelism, long checkpointIntervalMs, String checkpointDir,
                        int outOfOrdernessSeconds, int allowedLatenessSeconds, int idlenessSeconds,
                        String restartStrategy) implements Serializable {}

    /**
     * {@code sourcesFile}: a YAML file whose {@code sources:} list is added to the inline one ("" = none);
     * {@code threads}: hosts crawled at once; {@code minRefetchSeconds}/{@code maxRefetchSeconds}: bounds of the
     * adaptive poll interval; {@code sitemapMaxAgeHours}: sitemap entries (and forum threads) older than this are not
     * fetched; {@code forumMaxPages}: thread pages read per thread and poll; {@code allowedSites}: {@code host:port}
     * of sites the SSRF guard lets through although they are on a private or special address; {@code stateDir}: where
     * {@code ioc run}'s crawler keeps what it sent and its sources' health ("" = memory only).
     */
    public record Crawler(int pollIntervalSeconds, long perHostDelayMs, int timeoutSeconds, int maxBodyBytes,
                          String userAgent, boolean allowPrivateAddresses, String sourcesFile, int threads,
                          int minRefetchSeconds, int maxRefetchSeconds, int sitemapMaxAgeHours, int forumMaxPages,
                          List<String> allowedSites, String stateDir)
            implements Serializable {
        public Crawler {
            allowedSites = allowedSites == null ? List.of() : List.copyOf(allowedSites);
        }

        /**
         * For tests and tools: the other keys at the values of ioc-defaults.yaml, except {@code stateDir}, which is empty
         * (state in memory): a test or tool must not write, nor lock, the running platform's {@code data/crawler}.
         */
        public Crawler(int pollIntervalSeconds, long perHostDelayMs, int timeoutSeconds, int maxBodyBytes,
                       String userAgent, boolean allowPrivateAddresses) {
            this(pollIntervalSeconds, perHostDelayMs, timeoutSeconds, maxBodyBytes, userAgent, allowPrivateAddresses, "",
                    4, 60, 1800, 48, 5, List.of(), "");
        }
    }

    public record Nlp(String segmenter, String segmenterModel, String sentimentModel, int storyMaxDistance,
                      int storyWindowHours) implements Serializable {}

    /**
     * A source to crawl (see {@code config/sources.yaml}): {@code outlet} groups a paper's feeds, {@code schedule} is its
     * poll interval ("15m", "1h"; empty = crawler.pollIntervalSeconds), {@code verified} whether the URL was checked
     * to answer with the declared type, {@code linkSelector} (type listing only) the CSS selector of the article links
     * on the page (null = a generic one). Reader comments served as JSON: {@code comments} names the layout of the
     * outlet's comment API (a shipped mapping, e.g. {@code vnexpress}), {@code commentsUrl} is its address with
     * {@code {articleId}} in it, and {@code articleIdPattern} a regex whose first group finds that id in the article
     * URL (null = the last number in the URL's path).
     */
    public record Source(String name, String type, String url, String kind, String locality, String outlet,
                         String category, String schedule, boolean verified, String linkSelector, String comments,
                         String commentsUrl, String articleIdPattern) implements Serializable {
        public Source(String name, String type, String url, String kind, String locality) {
            this(name, type, url, kind, locality, null, null, null, false, null, null, null, null);
        }
    }

    public record Watchlist(String name, String title, String query) implements Serializable {}

    public record Detector(int bucketSeconds, int windowSeconds, int historyWindows, int minCount,
                           double factor, double sigmas) implements Serializable {}

    /**
     * The alerts service (defaults file, section {@code alerts}): {@code file} is the routing file (channels,
     * receivers, routes; "" = store and show alerts, notify nobody), checked for changes every {@code reloadSeconds};
     * the store writes in batches of {@code flushMillis} or {@code flushRows}; delivery outcomes are journaled in
     * {@code journalDir} ({@code journalSync}: forced to disk); timers are checked every {@code tickMillis}.
     */
    public record Alerts(String file, int reloadSeconds, long flushMillis, int flushRows, String journalDir,
                         boolean journalSync, int tickMillis) implements Serializable {}

    /** The control room (defaults file, section {@code controlRoom}: every key explained there). */
    public record ControlRoom(int port, String bindAddress, String searchDir, String usersFile, boolean secureCookie,
                              int sessionIdleMinutes, int sessionMaxHours, int loginAttemptsPerMinute,
                              int lockoutFailures, int lockoutMinutes, int workerThreads, int queueLimit,
                              int deadlineSeconds, long maxBodyBytes, int kioskSeconds) implements Serializable {}

    /** Bounds on records where they enter (defaults file, section {@code validation}); see {@code RecordLimits}. */
    public record Validation(String minTime, long maxAheadSeconds, int maxTextChars, int maxTitleChars, int maxFieldChars,
                             int maxLogLineChars, int maxListItems) implements Serializable {}

    /** The control room's full-text search: on or off, how fresh, and the bounds on one search (section {@code search}). */
    public record Search(boolean enabled, int refreshSeconds, int maxQueryChars, int maxQueryDepth, int maxQueryTerms,
                         int maxNearTerms, int maxPage, long timeoutMillis) implements Serializable {}

    /** Trending issues in MediaJob: windows, minimum support and alert thresholds (see ioc-defaults.yaml). */
    public record Trends(int bucketMinutes, int windowBuckets, int historyWindows, int minSupport, double minRatio,
                         double alertRatio, int pickupMinSocial, int negativeMinCount, double negativeRatio,
                         int maxPhrasesPerPost) implements Serializable {}

    /**
     * TrafficJob's speed detector and congestion rule (defaults file, section {@code traffic}); {@code segments} says
     * where each road segment is (segment id → site), {@code site} where the unlisted ones are.
     */
    public record Traffic(String detector, int bucketSeconds, double slowRatio, double minDropKmh,
                          int minDurationBuckets, int minHistoryBuckets, java.util.Map<String, Site> segments, Site site)
            implements Serializable {
        public Traffic {
            segments = segments == null ? java.util.Map.of() : java.util.Map.copyOf(segments);
            site = site == null ? Site.NONE : site;
        }

        /** Where a segment is. */
        public Site siteOf(String segment) {
            return segments.getOrDefault(segment, site);
        }
    }

    /**
     * Where something a rule watches is (a road segment, the servers a security sensor guards), for the locality of
     * its alerts: the current province as the gazetteer spells it, and the commune/ward ("" when not known).
     */
    public record Site(String province, String commune) implements Serializable {
        public static final Site NONE = new Site("", "");

        public Site {
            province = province == null ? "" : province;
            commune = commune == null ? "" : commune;
        }
    }

    /** TrafficJob's citizen-report clustering (defaults file, section {@code reports}). */
    public record Reports(int clusterMinReports, int clusterWindowMinutes) implements Serializable {}

    /** SecurityJob: parser settings and one entry per detection rule (defaults file explains each). */
    public record Security(int syslogYear, String syslogZone, int outOfOrdernessSeconds, Rule sshBruteForce, Rule webLoginBruteForce,
                           Rule compromise, Rule portScan, Rule hostScan, Rule webProbe, Rule idsAlert,
                           Rule zeekNotice, RequestRate requestRate, Site site) implements Serializable {
        public Security {
            site = site == null ? Site.NONE : site;
        }
    }

    /**
     * A threshold rule: {@code threshold} events (or distinct values, for scans) from one key within
     * {@code windowSeconds} of event time raise one alert of {@code severity}.
     */
    public record Rule(boolean enabled, int threshold, int windowSeconds, String severity) implements Serializable {}

    /** Article extraction: {@code rulesFile} names per-outlet CSS selectors overriding the generic extractor ("" = none). */
    public record Extraction(String rulesFile) implements Serializable {}

    /**
     * Source freshness ({@code source_health} table and the {@code source-stale} alert): written every
     * {@code writeIntervalSeconds}; a source is stale after {@code failedIntervals} of its poll intervals without a
     * successful fetch, or {@code silentHours} without a new item.
     */
    public record SourceHealth(int writeIntervalSeconds, int failedIntervals, int silentHours, String severity) implements Serializable {}

    /** Requests per destination host per bucket, scored by the named anomaly detector. */
    public record RequestRate(boolean enabled, String detector, int bucketSeconds, int minCount,
                              double scoreThreshold, String severity) implements Serializable {}

    /**
     * {@code POST /api/ingest/posts} on 127.0.0.1:{@code port} for platform connectors (defaults file, section
     * {@code ingest}): bearer {@code tokens} (none: the endpoint is off), a body cap and a per-token line rate.
     */
    public record Ingest(int port, List<String> tokens, int maxBodyBytes, int maxLinesPerMinute) implements Serializable {
        public Ingest {
            tokens = tokens == null ? List.of() : List.copyOf(tokens);
        }
    }

    /**
     * Log files to follow and syslog ports to listen on, feeding the raw security and traffic topics (defaults file,
     * section {@code eventFeeds}).
     */
    public record EventFeeds(List<FileFeed> files, List<SyslogFeed> syslog, String checkpointDir, long pollMillis,
                             int batchLines, int rotateWaitSeconds, String syslogHost, int maxFrameBytes,
                             int syslogIdleSeconds, int syslogMaxConnections, List<String> trafficCsvColumns)
            implements Serializable {
        /** These settings with other inputs and checkpoint folder (e.g. those given to {@code ioc tail}). */
        public EventFeeds withFeeds(List<FileFeed> otherFiles, List<SyslogFeed> otherSyslog, String otherCheckpointDir) {
            return new EventFeeds(otherFiles, otherSyslog, otherCheckpointDir, pollMillis, batchLines, rotateWaitSeconds,
                    syslogHost, maxFrameBytes, syslogIdleSeconds, syslogMaxConnections, trafficCsvColumns);
        }
    }

    /**
     * {@code kind}: zeek, suricata, auth, access, traffic-csv or traffic-json; {@code path}: a file, or a glob in its
     * name; {@code name}: what messages call the feed (a sources file's entry name), or null.
     */
    public record FileFeed(String kind, String path, String name) implements Serializable {
        public FileFeed(String kind, String path) {
            this(kind, path, null);
        }
    }

    /** {@code protocol}: udp or tcp; {@code name} as for {@link FileFeed}. */
    public record SyslogFeed(String kind, String protocol, int port, String name) implements Serializable {
        public SyslogFeed(String kind, String protocol, int port) {
            this(kind, protocol, port, null);
        }
    }
}
