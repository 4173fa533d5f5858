-- Notices to families and staff (`ezh notify`, docs/notify.md): the college's time zone, the
-- sender of its mail, which kinds it sends, the quiet hours and the hours of the weekly
-- letters; the outbox with one row per notice and recipient; what has been told already.
ALTER TABLE college ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Europe/Moscow' CHECK (time_zone IN ('Europe/Kaliningrad', 'Europe/Moscow', 'Europe/Samara', 'Asia/Yekaterinburg', 'Asia/Omsk', 'Asia/Novosibirsk', 'Asia/Krasnoyarsk', 'Asia/Irkutsk', 'Asia/Yakutsk', 'Asia/Vladivostok', 'Asia/Magadan', 'Asia/Kamchatka', 'UTC'));
ALTER TABLE college ADD COLUMN notify_sender TEXT NOT NULL DEFAULT '';
ALTER TABLE college ADD COLUMN notify_kinds TEXT NOT NULL DEFAULT 'absence,failing,final,risk,digest,remarks';
ALTER TABLE college ADD COLUMN notify_quiet TEXT NOT NULL DEFAULT '21:00-08:00';
ALTER TABLE college ADD COLUMN notify_digest_weekday INTEGER NOT NULL DEFAULT 6 CHECK (notify_digest_weekday BETWEEN 1 AND 7);
ALTER TABLE college ADD COLUMN notify_digest_hour INTEGER NOT NULL DEFAULT 18 CHECK (notify_digest_hour BETWEEN 0 AND 23);
ALTER TABLE college ADD COLUMN notify_remarks_weekday INTEGER NOT NULL DEFAULT 2 CHECK (notify_remarks_weekday BETWEEN 1 AND 7);
ALTER TABLE college ADD COLUMN notify_remarks_hour INTEGER NOT NULL DEFAULT 9 CHECK (notify_remarks_hour BETWEEN 0 AND 23);

-- One notice to one recipient. `dedupe_key` (event and recipient) makes every notice exactly
-- once however often `notify run` runs; `status`: queued → sending → sent, or back to queued
-- with a later `next_attempt_at` when the server refused, failed after the last attempt,
-- internal when the recipient has no address (the internal mailbox only), cancelled when the
-- event was undone before it went out.
CREATE TABLE notices (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    dedupe_key TEXT NOT NULL UNIQUE,
    source_id INTEGER,
    student_id INTEGER REFERENCES students (id),
    user_id INTEGER REFERENCES users (id),
    email TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL CHECK (length(subject) <= 300),
    body TEXT NOT NULL CHECK (length(body) <= 100000),
    created_at TIMESTAMP NOT NULL,
    not_before TIMESTAMP NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'internal', 'cancelled')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP,
    last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX notices_due ON notices (status, next_attempt_at);
CREATE INDEX notices_student ON notices (student_id);

-- A person's choice of the kinds they receive (no row: the kind is on).
CREATE TABLE notice_prefs (
    user_id INTEGER NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL,
    enabled BOOLEAN NOT NULL,
    PRIMARY KEY (user_id, kind)
);

-- The last forecast seen per student and assignment, and since when it has been «под угрозой»
-- after a fall seen by a run: the notice goes once the fall has held for 12 hours.
CREATE TABLE notice_forecasts (
    student_id INTEGER NOT NULL REFERENCES students (id),
    assignment_id INTEGER NOT NULL REFERENCES assignments (id),
    at_risk BOOLEAN NOT NULL,
    fell_at TIMESTAMP,
    changed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (student_id, assignment_id)
);

-- A weekly remark to a teacher late with the journal (6.1, 6.3, 6.9): the open items as lines
-- «ключ<TAB>текст»; closed when none of them is open any more.
CREATE TABLE notice_remarks (
    id INTEGER PRIMARY KEY,
    teacher_id INTEGER NOT NULL REFERENCES users (id),
    week_of DATE NOT NULL,
    items TEXT NOT NULL,
    opened_at TIMESTAMP NOT NULL,
    closed_at TIMESTAMP,
    UNIQUE (teacher_id, week_of)
);

-- The runs of `notify run`: the open one (no finished_at) is the lease that keeps two runs
-- from sending at once; `holder` is «host:pid», so a run killed on this host is taken over.
CREATE TABLE notify_runs (
    id INTEGER PRIMARY KEY,
    holder TEXT NOT NULL,
    started_at TIMESTAMP NOT NULL,
    heartbeat_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    made INTEGER NOT NULL DEFAULT 0,
    sent INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0
);

-- The notifier token's role: SQLite cannot change a CHECK, so the small table is rebuilt.
CREATE TABLE user_roles_new (
    user_id INTEGER NOT NULL REFERENCES users (id),
    role TEXT NOT NULL CONSTRAINT user_role_valid CHECK (role IN ('admin', 'director', 'deputy', 'secretary', 'teacher', 'student', 'guardian', 'reporter', 'notifier')),
    PRIMARY KEY (user_id, role)
);
INSERT INTO user_roles_new (user_id, role) SELECT user_id, role FROM user_roles;
DROP TABLE user_roles;
ALTER TABLE user_roles_new RENAME TO user_roles;
