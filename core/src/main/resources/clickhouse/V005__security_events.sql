-- Normalised security events (Zeek, Suricata, auth logs, access logs). Idempotent under replay: the id is a
-- hash of source + offset + line, so a re-delivered event collapses onto its row (read with FINAL for exact
-- counts). Same id ⇒ same time ⇒ same partition. Ports and status are 0 when the source has none.
CREATE TABLE IF NOT EXISTS security_events (
    id          String,
    time        DateTime('UTC'),
    format      String,
    kind        String,
    source      String,
    sensor      String,
    src_ip      String,
    src_port    UInt16,
    dst_ip      String,
    dst_port    UInt16,
    proto       String,
    user_name   String,
    action      String,
    outcome     String,
    method      String,
    path        String,
    status      UInt16,
    signature   String,
    severity    String,
    repeat      UInt32,
    raw         String
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(time)
ORDER BY id
