-- «Точка» (debt): the student owes a work of this lesson (a test missed, a practical not handed
-- in), as Russian journals mark it with a dot. At most one per cell; a later grade in the cell
-- removes it in the same transaction (src/app/journal/debts.rs).
CREATE TABLE debts (
    id INTEGER PRIMARY KEY,
    lesson_id INTEGER NOT NULL REFERENCES lessons (id),
    student_id INTEGER NOT NULL REFERENCES students (id),
    entered_by INTEGER NOT NULL REFERENCES users (id),
    entered_at TIMESTAMP NOT NULL,
    UNIQUE (lesson_id, student_id)
);
CREATE INDEX debts_student ON debts (student_id);

-- Debts are audited like marks. SQLite cannot change a CHECK in place: the audit log is
-- rebuilt with its rows, indexes and append-only triggers, the hash chain untouched.
DROP TRIGGER audit_log_no_update;
DROP TRIGGER audit_log_no_delete;
CREATE TABLE audit_log_next (
    id INTEGER PRIMARY KEY,
    at TIMESTAMP NOT NULL,
    actor_id INTEGER REFERENCES users (id),
    action TEXT NOT NULL CONSTRAINT audit_action CHECK (action IN ('insert', 'update', 'delete')),
    entity TEXT NOT NULL CONSTRAINT audit_entity CHECK (entity IN ('grade', 'absence', 'final_grade', 'lesson', 'student', 'guardian', 'user', 'membership', 'settings', 'academic_year', 'term', 'journal', 'debt')),
    entity_id INTEGER NOT NULL,
    student_id INTEGER REFERENCES students (id),
    old_value TEXT,
    new_value TEXT,
    reason TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    state_seal TEXT
);
INSERT INTO audit_log_next SELECT id, at, actor_id, action, entity, entity_id, student_id, old_value, new_value, reason, prev_hash, hash, state_seal FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_next RENAME TO audit_log;
CREATE INDEX audit_log_student ON audit_log (student_id);
CREATE INDEX audit_log_actor ON audit_log (actor_id);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'ezh:audit_append_only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'ezh:audit_append_only'); END;
