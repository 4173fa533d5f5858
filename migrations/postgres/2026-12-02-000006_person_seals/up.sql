-- The seal of a student's or guardian's row after each audited change (store::audit_seal): an
-- HMAC under the college's key, so that personal data changed behind the application is found
-- by `ezh audit verify`. Older records have none; their hash stays as it was computed.
ALTER TABLE audit_log ADD COLUMN state_seal TEXT;
