-- The lifecycle of managed alerts (see V003). Times of 0 (1970-01-01, shown as 0000-00-00 00:00:00 by 18.16) mean
-- "never". province is the current province as the gazetteer spells it, commune the ward/commune as written,
-- commune_key its comparison key (lower case, without "phường"/"xã"), which scope filters compare. drivers is the
-- JSON of AlertDrivers. occurrence_ids: the newest raw alert ids folded in (a replayed one is not counted twice).
ALTER TABLE alerts ADD COLUMN kind String DEFAULT '';
ALTER TABLE alerts ADD COLUMN summary String DEFAULT '';
ALTER TABLE alerts ADD COLUMN province String DEFAULT '';
ALTER TABLE alerts ADD COLUMN commune String DEFAULT '';
ALTER TABLE alerts ADD COLUMN commune_key String DEFAULT '';
ALTER TABLE alerts ADD COLUMN label_names Array(String);
ALTER TABLE alerts ADD COLUMN label_values Array(String);
ALTER TABLE alerts ADD COLUMN dedup_key String DEFAULT '';
ALTER TABLE alerts ADD COLUMN drivers String DEFAULT '{}';
ALTER TABLE alerts ADD COLUMN state String DEFAULT 'open';
ALTER TABLE alerts ADD COLUMN state_since DateTime('UTC') DEFAULT created_at;
ALTER TABLE alerts ADD COLUMN occurrences UInt64 DEFAULT 1;
ALTER TABLE alerts ADD COLUMN last_seen DateTime('UTC') DEFAULT created_at;
ALTER TABLE alerts ADD COLUMN assignee String DEFAULT '';
ALTER TABLE alerts ADD COLUMN acknowledged_by String DEFAULT '';
ALTER TABLE alerts ADD COLUMN acknowledged_at DateTime('UTC') DEFAULT toDateTime(0);
ALTER TABLE alerts ADD COLUMN resolved_by String DEFAULT '';
ALTER TABLE alerts ADD COLUMN resolved_at DateTime('UTC') DEFAULT toDateTime(0);
ALTER TABLE alerts ADD COLUMN silence_id String DEFAULT '';
ALTER TABLE alerts ADD COLUMN escalation_step UInt32 DEFAULT 0;
ALTER TABLE alerts ADD COLUMN episode UInt32 DEFAULT 1;
ALTER TABLE alerts ADD COLUMN opened_at DateTime('UTC') DEFAULT created_at;
ALTER TABLE alerts ADD COLUMN occurrence_ids Array(String);
ALTER TABLE alerts ADD COLUMN version UInt64 DEFAULT 0
