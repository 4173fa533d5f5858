ALTER TABLE audit_log DROP CONSTRAINT audit_entity;
ALTER TABLE audit_log ADD CONSTRAINT audit_entity CHECK (entity IN ('grade', 'absence', 'final_grade', 'lesson', 'student', 'guardian', 'user', 'membership', 'settings')) NOT VALID;
DROP TABLE holidays;
