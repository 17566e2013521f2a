-- IOC Stream's tables on a ClickHouse cluster: the same columns, engines and keys as the single-server schema
-- (core/src/main/resources/clickhouse/V*.sql, with every ALTER folded in), as
--   <table>_local  a Replicated*MergeTree on every node (copies of a shard through ClickHouse Keeper / ZooKeeper), and
--   <table>        a Distributed table over them, with the name the platform reads and writes.
-- Run it once, before the first `ioc run` or `flink run`, on any node:
--   clickhouse-client --multiquery < deploy/clickhouse/cluster.sql
-- It needs, in every node's configuration: a cluster named ioc_cluster under <remote_servers> (internal_replication:
-- true, so that a Distributed insert goes to one replica of a shard and replication copies it), the macros {shard}
-- and {replica}, and a Keeper/ZooKeeper ensemble. The platform's own migration (ClickHouseClient.migrate) then finds
-- every table and column present and changes nothing.
--
-- The sharding key of each Distributed table is the first column of the local table's ORDER BY (or the id it is made
-- of), so every copy of a row — a replay, a restarted sink's second insert — lands on the shard that holds the
-- first, where ReplacingMergeTree folds it and `SELECT … FINAL` (pushed down to each shard) counts it once.
-- ClusterDdlTest checks this file against the migrations on the real server: same tables, columns, types, engines.

CREATE DATABASE IF NOT EXISTS ioc ON CLUSTER ioc_cluster;

CREATE TABLE IF NOT EXISTS ioc.posts_local ON CLUSTER ioc_cluster (
    id            String,
    url           String,
    kind          String,
    source        String,
    title         String,
    text          String,
    author        String,
    published_at  DateTime('UTC'),
    fetched_at    DateTime('UTC'),
    province      String,
    places        Array(String),
    entity_types  Array(String),
    entity_ids    Array(String),
    entity_texts  Array(String),
    words         UInt32,
    sentiment     String,
    score         Float64,
    watchlists    Array(String),
    fingerprint   UInt64,
    story_id      String,
    flags         Array(String)
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/ioc/posts', '{replica}', fetched_at)
PARTITION BY toYYYYMM(published_at) ORDER BY id;

CREATE TABLE IF NOT EXISTS ioc.posts ON CLUSTER ioc_cluster AS ioc.posts_local
ENGINE = Distributed(ioc_cluster, ioc, posts_local, cityHash64(id));

CREATE TABLE IF NOT EXISTS ioc.watchlist_stats_local ON CLUSTER ioc_cluster (
    watchlist  String,
    minute     DateTime('UTC'),
    posts      UInt64,
    negative   UInt64,
    avg_score  Float64
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/ioc/watchlist_stats', '{replica}')
PARTITION BY toYYYYMM(minute) ORDER BY (watchlist, minute);

CREATE TABLE IF NOT EXISTS ioc.watchlist_stats ON CLUSTER ioc_cluster AS ioc.watchlist_stats_local
ENGINE = Distributed(ioc_cluster, ioc, watchlist_stats_local, cityHash64(watchlist));

CREATE TABLE IF NOT EXISTS ioc.alerts_local ON CLUSTER ioc_cluster (
    id               String,
    rule             String,
    severity         String,
    key              String,
    title            String,
    window_start     DateTime('UTC'),
    window_end       DateTime('UTC'),
    count            UInt64,
    baseline         Float64,
    post_ids         Array(String),
    created_at       DateTime('UTC'),
    kind             String DEFAULT '',
    summary          String DEFAULT '',
    province         String DEFAULT '',
    commune          String DEFAULT '',
    commune_key      String DEFAULT '',
    label_names      Array(String),
    label_values     Array(String),
    dedup_key        String DEFAULT '',
    drivers          String DEFAULT '{}',
    state            String DEFAULT 'open',
    state_since      DateTime('UTC') DEFAULT created_at,
    occurrences      UInt64 DEFAULT 1,
    last_seen        DateTime('UTC') DEFAULT created_at,
    assignee         String DEFAULT '',
    acknowledged_by  String DEFAULT '',
    acknowledged_at  DateTime('UTC') DEFAULT toDateTime(0),
    resolved_by      String DEFAULT '',
    resolved_at      DateTime('UTC') DEFAULT toDateTime(0),
    silence_id       String DEFAULT '',
    escalation_step  UInt32 DEFAULT 0,
    episode          UInt32 DEFAULT 1,
    opened_at        DateTime('UTC') DEFAULT created_at,
    occurrence_ids   Array(String),
    version          UInt64 DEFAULT 0
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/ioc/alerts', '{replica}', version)
PARTITION BY toYYYYMM(window_start) ORDER BY id;

CREATE TABLE IF NOT EXISTS ioc.alerts ON CLUSTER ioc_cluster AS ioc.alerts_local
ENGINE = Distributed(ioc_cluster, ioc, alerts_local, cityHash64(id));

CREATE TABLE IF NOT EXISTS ioc.alert_deliveries_local ON CLUSTER ioc_cluster (
    alert_id         String,
    channel          String,
    status           String,
    attempts         UInt32,
    detail           String,
    updated_at       DateTime('UTC'),
    delivery_id      String DEFAULT '',
    notification_id  String DEFAULT '',
    alert_ids        Array(String),
    route            String DEFAULT '',
    receiver         String DEFAULT '',
    address          String DEFAULT '',
    reason           String DEFAULT '',
    group_key        String DEFAULT '',
    due_at           DateTime('UTC') DEFAULT updated_at
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/ioc/alert_deliveries', '{replica}')
PARTITION BY toYYYYMM(updated_at) ORDER BY (alert_id, channel, delivery_id, attempts);

CREATE TABLE IF NOT EXISTS ioc.alert_deliveries ON CLUSTER ioc_cluster AS ioc.alert_deliveries_local
ENGINE = Distributed(ioc_cluster, ioc, alert_deliveries_local, cityHash64(alert_id));

CREATE TABLE IF NOT EXISTS ioc.security_events_local ON CLUSTER ioc_cluster (
    id         String,
    time       DateTime('UTC'),
    format     String,
    kind       String,
    source     String,
    sensor     String,
    src_ip     String,
    src_port   UInt16,
    dst_ip     String,
    dst_port   UInt16,
    proto      String,
    user_name  String,
    action     String,
    outcome    String,
    method     String,
    path       String,
    status     UInt16,
    signature  String,
    severity   String,
    repeat     UInt32,
    raw        String
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/ioc/security_events', '{replica}')
PARTITION BY toYYYYMM(time) ORDER BY id;

CREATE TABLE IF NOT EXISTS ioc.security_events ON CLUSTER ioc_cluster AS ioc.security_events_local
ENGINE = Distributed(ioc_cluster, ioc, security_events_local, cityHash64(id));

CREATE TABLE IF NOT EXISTS ioc.trends_local ON CLUSTER ioc_cluster (
    key_type      String,
    key           String,
    label         String,
    window_start  DateTime('UTC'),
    window_end    DateTime('UTC'),
    score         Float64,
    count         UInt64,
    negative      UInt64,
    baseline      Float64,
    first_seen    DateTime('UTC'),
    post_ids      Array(String)
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/ioc/trends', '{replica}')
PARTITION BY toYYYYMM(window_start) ORDER BY (key_type, key, window_start);

CREATE TABLE IF NOT EXISTS ioc.trends ON CLUSTER ioc_cluster AS ioc.trends_local
ENGINE = Distributed(ioc_cluster, ioc, trends_local, cityHash64(key));

CREATE TABLE IF NOT EXISTS ioc.traffic_stats_local ON CLUSTER ioc_cluster (
    segment_id      String,
    bucket_start    DateTime('UTC'),
    bucket_seconds  UInt32,
    readings        UInt32,
    avg_speed       Float64,
    volume          UInt64,
    avg_occupancy   Float64,
    anomaly_score   Float64,
    usual_speed     Float64,
    congested       UInt8
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/ioc/traffic_stats', '{replica}')
PARTITION BY toYYYYMM(bucket_start) ORDER BY (segment_id, bucket_start);

CREATE TABLE IF NOT EXISTS ioc.traffic_stats ON CLUSTER ioc_cluster AS ioc.traffic_stats_local
ENGINE = Distributed(ioc_cluster, ioc, traffic_stats_local, cityHash64(segment_id));

CREATE TABLE IF NOT EXISTS ioc.citizen_reports_local ON CLUSTER ioc_cluster (
    id                String,
    reported_at       DateTime('UTC'),
    channel           String,
    category          String,
    topic             String,
    text              String,
    commune_key       String,
    commune           String,
    province          String,
    province_written  String,
    lat               Nullable(Float64),
    lon               Nullable(Float64),
    places            Array(String),
    keywords          Array(String),
    sentiment         String,
    score             Float64,
    cluster_id        String,
    version           UInt8
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/ioc/citizen_reports', '{replica}', version)
PARTITION BY toYYYYMM(reported_at) ORDER BY id;

CREATE TABLE IF NOT EXISTS ioc.citizen_reports ON CLUSTER ioc_cluster AS ioc.citizen_reports_local
ENGINE = Distributed(ioc_cluster, ioc, citizen_reports_local, cityHash64(id));

CREATE TABLE IF NOT EXISTS ioc.source_health_local ON CLUSTER ioc_cluster (
    source              String,
    outlet              String,
    url                 String,
    interval_seconds    UInt32,
    last_attempt        DateTime('UTC'),
    last_success        DateTime('UTC'),
    last_new_item       DateTime('UTC'),
    consecutive_errors  UInt32,
    total_errors        UInt64,
    attempts            UInt64,
    new_items           UInt64,
    status              String,
    updated_at          DateTime('UTC')
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/ioc/source_health', '{replica}', updated_at)
ORDER BY source;

CREATE TABLE IF NOT EXISTS ioc.source_health ON CLUSTER ioc_cluster AS ioc.source_health_local
ENGINE = Distributed(ioc_cluster, ioc, source_health_local, cityHash64(source));

CREATE TABLE IF NOT EXISTS ioc.alert_events_local ON CLUSTER ioc_cluster (
    seq          UInt64,
    alert_id     String,
    at           DateTime('UTC'),
    actor        String,
    action       String,
    from_state   String,
    to_state     String,
    comment      String,
    province     String,
    commune_key  String
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/ioc/alert_events', '{replica}')
PARTITION BY toYYYYMM(at) ORDER BY (alert_id, seq);

CREATE TABLE IF NOT EXISTS ioc.alert_events ON CLUSTER ioc_cluster AS ioc.alert_events_local
ENGINE = Distributed(ioc_cluster, ioc, alert_events_local, cityHash64(alert_id));

CREATE TABLE IF NOT EXISTS ioc.alert_silences_local ON CLUSTER ioc_cluster (
    id           String,
    matcher      String,
    province     String,
    commune_key  String,
    starts_at    DateTime('UTC'),
    ends_at      DateTime('UTC'),
    created_by   String,
    created_at   DateTime('UTC'),
    comment      String,
    expired_by   String,
    expired_at   DateTime('UTC'),
    version      UInt64
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/ioc/alert_silences', '{replica}', version)
ORDER BY id;

CREATE TABLE IF NOT EXISTS ioc.alert_silences ON CLUSTER ioc_cluster AS ioc.alert_silences_local
ENGINE = Distributed(ioc_cluster, ioc, alert_silences_local, cityHash64(id));

CREATE TABLE IF NOT EXISTS ioc.alert_groups_local ON CLUSTER ioc_cluster (
    id                String,
    route             String,
    group_key         String,
    members           Array(String),
    pending           Array(String),
    notified          Array(String),
    first_pending_at  DateTime('UTC'),
    last_notified_at  DateTime('UTC'),
    version           UInt64
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/ioc/alert_groups', '{replica}', version)
ORDER BY id;

CREATE TABLE IF NOT EXISTS ioc.alert_groups ON CLUSTER ioc_cluster AS ioc.alert_groups_local
ENGINE = Distributed(ioc_cluster, ioc, alert_groups_local, cityHash64(id));

CREATE TABLE IF NOT EXISTS ioc.audit_log_local ON CLUSTER ioc_cluster (
    time     DateTime('UTC'),
    nanos    UInt64,
    actor    String,
    role     String,
    action   String,
    target   String,
    outcome  String,
    detail   String,
    address  String
) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/ioc/audit_log', '{replica}')
PARTITION BY toYYYYMM(time) ORDER BY (target, time, nanos);

CREATE TABLE IF NOT EXISTS ioc.audit_log ON CLUSTER ioc_cluster AS ioc.audit_log_local
ENGINE = Distributed(ioc_cluster, ioc, audit_log_local, cityHash64(target));

CREATE TABLE IF NOT EXISTS ioc.dead_letters_local ON CLUSTER ioc_cluster (
    id            String,
    source_topic  String,
    reason        String,
    received_at   DateTime('UTC'),
    preview       String,
    bytes         UInt32
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/ioc/dead_letters', '{replica}')
PARTITION BY toYYYYMM(received_at) ORDER BY id;

CREATE TABLE IF NOT EXISTS ioc.dead_letters ON CLUSTER ioc_cluster AS ioc.dead_letters_local
ENGINE = Distributed(ioc_cluster, ioc, dead_letters_local, cityHash64(id));
