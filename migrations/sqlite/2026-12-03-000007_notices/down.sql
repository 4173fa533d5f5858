CREATE TABLE user_roles_new (
    user_id INTEGER NOT NULL REFERENCES users (id),
    role TEXT NOT NULL CONSTRAINT user_role_valid CHECK (role IN ('admin', 'director', 'deputy', 'secretary', 'teacher', 'student', 'guardian', 'reporter')),
    PRIMARY KEY (user_id, role)
);
INSERT INTO user_roles_new (user_id, role) SELECT user_id, role FROM user_roles WHERE role <> 'notifier';
DROP TABLE user_roles;
ALTER TABLE user_roles_new RENAME TO user_roles;
DROP TABLE notify_runs;
DROP TABLE notice_remarks;
DROP TABLE notice_forecasts;
DROP TABLE notice_prefs;
DROP TABLE notices;
ALTER TABLE college DROP COLUMN notify_remarks_hour;
ALTER TABLE college DROP COLUMN notify_remarks_weekday;
ALTER TABLE college DROP COLUMN notify_digest_hour;
ALTER TABLE college DROP COLUMN notify_digest_weekday;
ALTER TABLE college DROP COLUMN notify_quiet;
ALTER TABLE college DROP COLUMN notify_kinds;
ALTER TABLE college DROP COLUMN notify_sender;
ALTER TABLE college DROP COLUMN time_zone;
