-- The head of the audit log: the last record's number and hash, sealed with the college's key
-- (a file outside the database, store::audit_key). A log cut short or a chain recomputed after
-- an edit no longer matches its sealed head. The seal is empty until `ezh db migrate` (or
-- `ezh init`, `ezh demo`) seals it.
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    last_id INTEGER NOT NULL,
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
-- SQLite cannot change a CHECK in place: the table is rebuilt with its rows, indexes and
-- append-only triggers, the hash chain untouched.
DROP TRIGGER audit_log_no_update;
DROP TRIGGER audit_log_no_delete;
CREATE TABLE audit_log_next (
    id INTEGER PRIMARY KEY,
    at TIMESTAMP NOT NULL,
    actor_id INTEGER REFERENCES users (id),
    action TEXT NOT NULL CONSTRAINT audit_action CHECK (action IN ('insert', 'update', 'delete')),
    entity TEXT NOT NULL CONSTRAINT audit_entity CHECK (entity IN ('grade', 'absence', 'final_grade', 'lesson', 'student', 'guardian', 'user', 'membership', 'settings', 'academic_year', 'term', 'journal')),
    entity_id INTEGER NOT NULL,
    student_id INTEGER REFERENCES students (id),
    old_value TEXT,
    new_value TEXT,
    reason TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE
);
INSERT INTO audit_log_next SELECT id, at, actor_id, action, entity, entity_id, student_id, old_value, new_value, reason, prev_hash, hash FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_next RENAME TO audit_log;
CREATE INDEX audit_log_student ON audit_log (student_id);
CREATE INDEX audit_log_actor ON audit_log (actor_id);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'ezh:audit_append_only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'ezh:audit_append_only'); END;
