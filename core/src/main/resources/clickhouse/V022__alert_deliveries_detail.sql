-- What each delivery is (see V004): the notification it carries and to whom. alert_ids: every alert the
-- notification is about (alert_id is the first). due_at: when a scheduled delivery is due (its attempts follow).
ALTER TABLE alert_deliveries ADD COLUMN delivery_id String DEFAULT '';
ALTER TABLE alert_deliveries ADD COLUMN notification_id String DEFAULT '';
ALTER TABLE alert_deliveries ADD COLUMN alert_ids Array(String);
ALTER TABLE alert_deliveries ADD COLUMN route String DEFAULT '';
ALTER TABLE alert_deliveries ADD COLUMN receiver String DEFAULT '';
ALTER TABLE alert_deliveries ADD COLUMN address String DEFAULT '';
ALTER TABLE alert_deliveries ADD COLUMN reason String DEFAULT '';
ALTER TABLE alert_deliveries ADD COLUMN group_key String DEFAULT '';
ALTER TABLE alert_deliveries ADD COLUMN due_at DateTime('UTC') DEFAULT updated_at
