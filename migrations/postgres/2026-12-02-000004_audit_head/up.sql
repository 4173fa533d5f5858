-- The head of the audit log: the last record's number and hash, sealed with the college's key
-- (a file outside the database, store::audit_key). A log cut short or a chain recomputed after
-- an edit no longer matches its sealed head. The seal is empty until `ezh db migrate` (or
-- `ezh init`, `ezh demo`) seals it.
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    last_id BIGINT NOT NULL,
    last_hash TEXT NOT NULL,
    seal TEXT
);
INSERT INTO audit_head (id, last_id, last_hash, seal)
SELECT 1,
       COALESCE((SELECT id FROM audit_log ORDER BY id DESC LIMIT 1), 0),
       COALESCE((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                '0000000000000000000000000000000000000000000000000000000000000000'),
       NULL;

-- Acts on the journal as a whole (its demo generation, sealing, restores) are audited too.
ALTER TABLE audit_log DROP CONSTRAINT audit_entity;
ALTER TABLE audit_log ADD CONSTRAINT audit_entity CHECK (entity IN ('grade', 'absence', 'final_grade', 'lesson', 'student', 'guardian', 'user', 'membership', 'settings', 'academic_year', 'term', 'journal'));
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
