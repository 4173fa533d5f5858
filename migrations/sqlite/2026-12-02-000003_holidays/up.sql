-- Holidays and vacations of an academic year (4.5, 9.2): no lessons are offered on them, and
-- the deadlines of marks skip them.
CREATE TABLE holidays (
    id INTEGER PRIMARY KEY,
    academic_year_id INTEGER NOT NULL REFERENCES academic_years (id),
    starts_on DATE NOT NULL CHECK (date(starts_on) IS starts_on),
    ends_on DATE NOT NULL CHECK (date(ends_on) IS ends_on),
    CONSTRAINT holiday_span CHECK (starts_on <= ends_on)
);
CREATE INDEX holidays_year ON holidays (academic_year_id);

-- The calendar's acts are audited too: the audit log learns the academic year and the term.
-- SQLite cannot change a CHECK in place: the table is rebuilt with its rows, indexes and
-- append-only triggers, the hash chain untouched.
DROP TRIGGER audit_log_no_update;
DROP TRIGGER audit_log_no_delete;
CREATE TABLE audit_log_next (
    id INTEGER PRIMARY KEY,
    at TIMESTAMP NOT NULL,
    actor_id INTEGER REFERENCES users (id),
    action TEXT NOT NULL CONSTRAINT audit_action CHECK (action IN ('insert', 'update', 'delete')),
    entity TEXT NOT NULL CONSTRAINT audit_entity CHECK (entity IN ('grade', 'absence', 'final_grade', 'lesson', 'student', 'guardian', 'user', 'membership', 'settings', 'academic_year', 'term')),
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
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'ezh:audit_append_only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'ezh:audit_append_only'); END;
