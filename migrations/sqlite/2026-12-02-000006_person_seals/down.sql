ALTER TABLE audit_log DROP COLUMN state_seal;
