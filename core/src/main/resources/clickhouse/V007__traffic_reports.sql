-- Traffic per road segment and event-time bucket. A replayed bucket rewrites the same (segment, bucket) key;
-- the detector and the congestion rule see buckets in event-time order, so a replay computes the same row.
CREATE TABLE IF NOT EXISTS traffic_stats (
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
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(bucket_start)
ORDER BY (segment_id, bucket_start);

-- Citizen reports after analysis. A report is written when analysed and again, with version 1, when it
-- joins a cluster; the highest version per id survives merges (read with FINAL), and a replay writes the
-- same versions again.
CREATE TABLE IF NOT EXISTS citizen_reports (
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
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(reported_at)
ORDER BY id
