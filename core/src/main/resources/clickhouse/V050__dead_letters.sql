-- Records no job could process, copied from ioc.deadletter for the pipeline-health dashboard and its alert rule. The id
-- hashes the dead letter's Kafka partition and offset, so reading a record again rewrites its row (read with FINAL).
-- reason is the job's reason as written; preview the first characters of the original bytes; bytes their size.
CREATE TABLE IF NOT EXISTS dead_letters (
    id            String,
    source_topic  String,
    reason        String,
    received_at   DateTime('UTC'),
    preview       String,
    bytes         UInt32
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(received_at)
ORDER BY id
