DROP INDEX audit_log_entity;
ALTER TABLE audit_log DROP CONSTRAINT audit_entity;
-- Records of the journal as a whole stay (the log is append-only): the older rule holds for
-- new rows only.
ALTER TABLE audit_log ADD CONSTRAINT audit_entity CHECK (entity IN ('grade', 'absence', 'final_grade', 'lesson', 'student', 'guardian', 'user', 'membership', 'settings', 'academic_year', 'term')) NOT VALID;
DROP TABLE audit_head;
