-- Posts after NLP. Idempotent under replay: one row per id survives merges (ReplacingMergeTree keeps the
-- newest fetched_at); read with FINAL for exact counts. Same id ⇒ same published_at ⇒ same partition.
CREATE TABLE IF NOT EXISTS posts (
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
    -- Entities as parallel arrays (type, canonical id, text as written): Nested is awkward over JDBC.
    entity_types  Array(String),
    entity_ids    Array(String),
    entity_texts  Array(String),
    words         UInt32,
    sentiment     String,
    score         Float64,
    watchlists    Array(String),
    fingerprint   UInt64,
    story_id      String
) ENGINE = ReplacingMergeTree(fetched_at)
PARTITION BY toYYYYMM(published_at)
ORDER BY id
