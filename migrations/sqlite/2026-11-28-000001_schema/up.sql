-- The whole data model of the regulation (SQLite). The PostgreSQL migration of the same name has
-- the same tables, columns, constraints and triggers; change both together.
-- Codes stored here are fixed by src/domain: grades 1..5, 100 незачёт, 101 зачёт, 102 н/а, 103 осв.
-- Constraint names are mapped to Russian messages in src/store/error.rs.

CREATE TABLE college (
    id INTEGER PRIMARY KEY CONSTRAINT college_singleton CHECK (id = 1),
    name TEXT NOT NULL CONSTRAINT college_name_nonempty CHECK (length(trim(name)) > 0),
    short_name TEXT NOT NULL,
    city TEXT NOT NULL DEFAULT '',
    director_name TEXT NOT NULL DEFAULT '',
    deputy_name TEXT NOT NULL DEFAULT '',
    demo BOOLEAN NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
    grade_deadline_weekday INTEGER NOT NULL DEFAULT 1 CONSTRAINT college_deadline_weekday CHECK (grade_deadline_weekday BETWEEN 1 AND 7),
    test_result_days INTEGER NOT NULL DEFAULT 1 CONSTRAINT college_test_result_days CHECK (test_result_days BETWEEN 0 AND 30),
    final_days_before_end INTEGER NOT NULL DEFAULT 2 CONSTRAINT college_final_days CHECK (final_days_before_end BETWEEN 0 AND 30),
    unexcused_threshold_pct INTEGER NOT NULL DEFAULT 30 CONSTRAINT college_unexcused_pct CHECK (unexcused_threshold_pct BETWEEN 1 AND 100),
    quality_counts_pass BOOLEAN NOT NULL DEFAULT 0 CHECK (quality_counts_pass IN (0, 1)),
    sou_variant TEXT NOT NULL DEFAULT 'full' CONSTRAINT college_sou_variant CHECK (sou_variant IN ('full', 'without_failures')),
    forecast_round_up_from INTEGER NOT NULL DEFAULT 50 CONSTRAINT college_forecast_round CHECK (forecast_round_up_from BETWEEN 1 AND 99),
    min_grades_per_month INTEGER NOT NULL DEFAULT 3 CONSTRAINT college_min_grades CHECK (min_grades_per_month BETWEEN 0 AND 31),
    idle_lock_staff_minutes INTEGER NOT NULL DEFAULT 5 CONSTRAINT college_idle_staff CHECK (idle_lock_staff_minutes BETWEEN 1 AND 5),
    idle_lock_family_minutes INTEGER NOT NULL DEFAULT 15 CONSTRAINT college_idle_family CHECK (idle_lock_family_minutes BETWEEN 1 AND 15),
    session_hours INTEGER NOT NULL DEFAULT 12 CONSTRAINT college_session_hours CHECK (session_hours BETWEEN 1 AND 12),
    family_code_days INTEGER NOT NULL DEFAULT 7 CONSTRAINT college_family_code_days CHECK (family_code_days BETWEEN 1 AND 30),
    staff_code_hours INTEGER NOT NULL DEFAULT 24 CONSTRAINT college_staff_code_hours CHECK (staff_code_hours BETWEEN 1 AND 72),
    login_lock_after INTEGER NOT NULL DEFAULT 5 CONSTRAINT college_lock_after CHECK (login_lock_after BETWEEN 3 AND 10),
    login_lock_first_minutes INTEGER NOT NULL DEFAULT 1 CONSTRAINT college_lock_first CHECK (login_lock_first_minutes BETWEEN 1 AND 60),
    login_lock_max_minutes INTEGER NOT NULL DEFAULT 60 CONSTRAINT college_lock_max CHECK (login_lock_max_minutes BETWEEN 1 AND 60)
);

CREATE TABLE work_kinds (
    code TEXT PRIMARY KEY CONSTRAINT work_kind_code CHECK (code IN ('answer', 'homework', 'independent', 'practical', 'laboratory', 'test', 'exam', 'other')),
    name TEXT NOT NULL,
    weight INTEGER NOT NULL CONSTRAINT work_kind_weight CHECK (weight BETWEEN 1 AND 10)
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL UNIQUE CONSTRAINT user_login_valid CHECK (length(login) BETWEEN 3 AND 64 AND login = lower(login) AND login NOT GLOB '*[^a-z0-9._-]*'),
    password_hash TEXT,
    last_name TEXT NOT NULL CONSTRAINT user_last_name CHECK (length(trim(last_name)) > 0),
    first_name TEXT NOT NULL,
    patronymic TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    position TEXT NOT NULL DEFAULT '',
    disabled BOOLEAN NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at TIMESTAMP NOT NULL,
    password_changed_at TIMESTAMP,
    last_login_at TIMESTAMP,
    failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
    locked_until TIMESTAMP,
    lock_level INTEGER NOT NULL DEFAULT 0 CHECK (lock_level >= 0)
);

CREATE TABLE user_roles (
    user_id INTEGER NOT NULL REFERENCES users (id),
    role TEXT NOT NULL CONSTRAINT user_role_valid CHECK (role IN ('admin', 'director', 'deputy', 'secretary', 'teacher', 'student', 'guardian', 'reporter')),
    PRIMARY KEY (user_id, role)
);

CREATE TABLE academic_years (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    starts_on DATE NOT NULL CHECK (date(starts_on) IS starts_on),
    ends_on DATE NOT NULL CHECK (date(ends_on) IS ends_on),
    CONSTRAINT academic_year_span CHECK (starts_on < ends_on)
);

CREATE TABLE terms (
    id INTEGER PRIMARY KEY,
    academic_year_id INTEGER NOT NULL REFERENCES academic_years (id),
    number INTEGER NOT NULL CONSTRAINT term_number CHECK (number BETWEEN 1 AND 4),
    name TEXT NOT NULL,
    starts_on DATE NOT NULL CHECK (date(starts_on) IS starts_on),
    ends_on DATE NOT NULL CHECK (date(ends_on) IS ends_on),
    closed_at TIMESTAMP,
    CONSTRAINT term_span CHECK (starts_on < ends_on),
    UNIQUE (academic_year_id, number)
);

CREATE TABLE specialties (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    prefix TEXT NOT NULL
);

CREATE TABLE study_groups (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CONSTRAINT group_name_nonempty CHECK (length(trim(name)) > 0),
    specialty_id INTEGER REFERENCES specialties (id),
    course INTEGER NOT NULL CONSTRAINT group_course CHECK (course BETWEEN 1 AND 6),
    admission_year INTEGER NOT NULL CHECK (admission_year BETWEEN 1990 AND 2100),
    capacity INTEGER NOT NULL DEFAULT 25 CONSTRAINT group_capacity CHECK (capacity BETWEEN 1 AND 60),
    tutor_id INTEGER REFERENCES users (id),
    archived BOOLEAN NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
);

CREATE TABLE subjects (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CONSTRAINT subject_name_nonempty CHECK (length(trim(name)) > 0),
    pass_fail BOOLEAN NOT NULL DEFAULT 0 CHECK (pass_fail IN (0, 1))
);

CREATE TABLE subgroups (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES study_groups (id),
    subject_id INTEGER REFERENCES subjects (id),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    UNIQUE (group_id, subject_id, name),
    UNIQUE (id, group_id)
);

CREATE TABLE students (
    id INTEGER PRIMARY KEY,
    last_name TEXT NOT NULL CONSTRAINT student_last_name CHECK (length(trim(last_name)) > 0),
    first_name TEXT NOT NULL CONSTRAINT student_first_name CHECK (length(trim(first_name)) > 0),
    patronymic TEXT NOT NULL DEFAULT '',
    birth_date DATE NOT NULL CONSTRAINT student_birth_date CHECK (date(birth_date) IS birth_date AND birth_date >= '1900-01-01'),
    sex TEXT CONSTRAINT student_sex CHECK (sex IN ('m', 'f')),
    record_book TEXT UNIQUE,
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    funding TEXT CONSTRAINT student_funding CHECK (funding IN ('budget', 'contract')),
    user_id INTEGER UNIQUE REFERENCES users (id)
);

CREATE TABLE subgroup_members (
    subgroup_id INTEGER NOT NULL REFERENCES subgroups (id),
    student_id INTEGER NOT NULL REFERENCES students (id),
    PRIMARY KEY (subgroup_id, student_id)
);

CREATE TABLE guardians (
    id INTEGER PRIMARY KEY,
    last_name TEXT NOT NULL CONSTRAINT guardian_last_name CHECK (length(trim(last_name)) > 0),
    first_name TEXT NOT NULL,
    patronymic TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    user_id INTEGER UNIQUE REFERENCES users (id)
);

CREATE TABLE student_guardians (
    student_id INTEGER NOT NULL REFERENCES students (id),
    guardian_id INTEGER NOT NULL REFERENCES guardians (id),
    relation TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (student_id, guardian_id)
);

CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL CHECK (length(trim(number)) > 0),
    date DATE NOT NULL CHECK (date(date) IS date),
    title TEXT NOT NULL DEFAULT '',
    UNIQUE (number, date)
);

CREATE TABLE group_memberships (
    id INTEGER PRIMARY KEY,
    student_id INTEGER NOT NULL REFERENCES students (id),
    group_id INTEGER NOT NULL REFERENCES study_groups (id),
    from_date DATE NOT NULL CHECK (date(from_date) IS from_date),
    to_date DATE CHECK (to_date IS NULL OR date(to_date) IS to_date),
    CONSTRAINT membership_span CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX group_memberships_group ON group_memberships (group_id);
CREATE INDEX group_memberships_student ON group_memberships (student_id);

CREATE TABLE movements (
    id INTEGER PRIMARY KEY,
    student_id INTEGER NOT NULL REFERENCES students (id),
    kind TEXT NOT NULL CONSTRAINT movement_kind CHECK (kind IN ('enrol', 'transfer', 'leave', 'return', 'expel', 'graduate')),
    date DATE NOT NULL CHECK (date(date) IS date),
    from_group_id INTEGER REFERENCES study_groups (id),
    to_group_id INTEGER REFERENCES study_groups (id),
    order_id INTEGER NOT NULL REFERENCES orders (id),
    reason TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    CONSTRAINT movement_groups CHECK (
        (kind IN ('enrol', 'return') AND to_group_id IS NOT NULL AND from_group_id IS NULL)
        OR (kind = 'transfer' AND to_group_id IS NOT NULL AND from_group_id IS NOT NULL AND to_group_id <> from_group_id)
        OR (kind IN ('leave', 'expel', 'graduate') AND from_group_id IS NOT NULL AND to_group_id IS NULL))
);
CREATE INDEX movements_student ON movements (student_id);

CREATE TABLE achievements (
    id INTEGER PRIMARY KEY,
    student_id INTEGER NOT NULL REFERENCES students (id),
    date DATE NOT NULL CHECK (date(date) IS date),
    kind TEXT NOT NULL CONSTRAINT achievement_kind CHECK (kind IN ('certificate', 'diploma', 'letter', 'other')),
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    created_by INTEGER REFERENCES users (id)
);

CREATE TABLE curriculum (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES study_groups (id),
    subject_id INTEGER NOT NULL REFERENCES subjects (id),
    term_id INTEGER NOT NULL REFERENCES terms (id),
    index_code TEXT NOT NULL DEFAULT '',
    hours INTEGER NOT NULL CONSTRAINT curriculum_hours CHECK (hours BETWEEN 1 AND 2000),
    control_form TEXT NOT NULL CONSTRAINT curriculum_control CHECK (control_form IN ('exam', 'credit', 'graded_credit', 'other')),
    UNIQUE (group_id, subject_id, term_id)
);

CREATE TABLE assignments (
    id INTEGER PRIMARY KEY,
    teacher_id INTEGER NOT NULL REFERENCES users (id),
    group_id INTEGER NOT NULL,
    subgroup_id INTEGER,
    subject_id INTEGER NOT NULL,
    term_id INTEGER NOT NULL,
    FOREIGN KEY (group_id, subject_id, term_id) REFERENCES curriculum (group_id, subject_id, term_id),
    FOREIGN KEY (subgroup_id, group_id) REFERENCES subgroups (id, group_id)
);
CREATE UNIQUE INDEX assignments_unique ON assignments (teacher_id, group_id, coalesce(subgroup_id, 0), subject_id, term_id);
CREATE INDEX assignments_group ON assignments (group_id, term_id);

CREATE TABLE rooms (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    capacity INTEGER CHECK (capacity IS NULL OR capacity > 0)
);

CREATE TABLE bells (
    pair INTEGER PRIMARY KEY CONSTRAINT bell_pair CHECK (pair BETWEEN 1 AND 8),
    starts_min INTEGER NOT NULL CHECK (starts_min BETWEEN 0 AND 1439),
    ends_min INTEGER NOT NULL CHECK (ends_min BETWEEN 0 AND 1439),
    CONSTRAINT bell_span CHECK (starts_min < ends_min)
);

CREATE TABLE timetable_entries (
    id INTEGER PRIMARY KEY,
    assignment_id INTEGER NOT NULL REFERENCES assignments (id),
    weekday INTEGER NOT NULL CONSTRAINT timetable_weekday CHECK (weekday BETWEEN 1 AND 7),
    pair INTEGER NOT NULL REFERENCES bells (pair),
    week_parity TEXT NOT NULL DEFAULT 'all' CONSTRAINT timetable_parity CHECK (week_parity IN ('all', 'even', 'odd')),
    room_id INTEGER REFERENCES rooms (id),
    valid_from DATE NOT NULL CHECK (date(valid_from) IS valid_from),
    valid_to DATE NOT NULL CHECK (date(valid_to) IS valid_to),
    CONSTRAINT timetable_span CHECK (valid_from <= valid_to)
);
CREATE INDEX timetable_entries_assignment ON timetable_entries (assignment_id);

CREATE TABLE substitutions (
    id INTEGER PRIMARY KEY,
    date DATE NOT NULL CHECK (date(date) IS date),
    pair INTEGER NOT NULL REFERENCES bells (pair),
    timetable_entry_id INTEGER REFERENCES timetable_entries (id),
    group_id INTEGER NOT NULL REFERENCES study_groups (id),
    subgroup_id INTEGER REFERENCES subgroups (id),
    teacher_id INTEGER REFERENCES users (id),
    subject_id INTEGER REFERENCES subjects (id),
    room_id INTEGER REFERENCES rooms (id),
    cancelled BOOLEAN NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
    created_by INTEGER REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX substitutions_date ON substitutions (date);

CREATE TABLE plan_items (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL,
    subject_id INTEGER NOT NULL,
    term_id INTEGER NOT NULL,
    number INTEGER NOT NULL CHECK (number > 0),
    topic TEXT NOT NULL CHECK (length(trim(topic)) > 0),
    hours INTEGER NOT NULL CONSTRAINT plan_item_hours CHECK (hours BETWEEN 1 AND 100),
    kind TEXT NOT NULL CONSTRAINT plan_item_kind CHECK (kind IN ('lecture', 'practical', 'laboratory', 'test', 'other')),
    FOREIGN KEY (group_id, subject_id, term_id) REFERENCES curriculum (group_id, subject_id, term_id),
    UNIQUE (group_id, subject_id, term_id, number)
);

CREATE TABLE lessons (
    id INTEGER PRIMARY KEY,
    assignment_id INTEGER NOT NULL REFERENCES assignments (id),
    date DATE NOT NULL CHECK (date(date) IS date),
    pair INTEGER NOT NULL REFERENCES bells (pair),
    hours INTEGER NOT NULL DEFAULT 2 CONSTRAINT lesson_hours CHECK (hours BETWEEN 1 AND 8),
    kind TEXT NOT NULL DEFAULT 'lecture' CONSTRAINT lesson_kind CHECK (kind IN ('lecture', 'practical', 'laboratory', 'test', 'other')),
    topic TEXT NOT NULL DEFAULT '',
    homework TEXT NOT NULL DEFAULT '',
    homework_due DATE CHECK (homework_due IS NULL OR date(homework_due) IS homework_due),
    plan_item_id INTEGER REFERENCES plan_items (id),
    held_by INTEGER NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    UNIQUE (assignment_id, date, pair)
);
CREATE INDEX lessons_date ON lessons (date);

CREATE TRIGGER lessons_in_term_insert BEFORE INSERT ON lessons
WHEN NOT EXISTS (SELECT 1 FROM assignments a JOIN terms t ON t.id = a.term_id
                 WHERE a.id = NEW.assignment_id AND NEW.date BETWEEN t.starts_on AND t.ends_on)
BEGIN SELECT RAISE(ABORT, 'ezh:lesson_outside_term'); END;

CREATE TRIGGER lessons_in_term_update BEFORE UPDATE OF date, assignment_id ON lessons
WHEN NOT EXISTS (SELECT 1 FROM assignments a JOIN terms t ON t.id = a.term_id
                 WHERE a.id = NEW.assignment_id AND NEW.date BETWEEN t.starts_on AND t.ends_on)
BEGIN SELECT RAISE(ABORT, 'ezh:lesson_outside_term'); END;

CREATE TABLE grades (
    id INTEGER PRIMARY KEY,
    lesson_id INTEGER NOT NULL REFERENCES lessons (id),
    student_id INTEGER NOT NULL REFERENCES students (id),
    value INTEGER NOT NULL CONSTRAINT grade_value CHECK (value IN (1, 2, 3, 4, 5, 100, 101)),
    work_kind TEXT NOT NULL DEFAULT 'answer' REFERENCES work_kinds (code),
    entered_by INTEGER NOT NULL REFERENCES users (id),
    entered_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
);
CREATE INDEX grades_lesson ON grades (lesson_id);
CREATE INDEX grades_student ON grades (student_id);

CREATE TABLE absences (
    id INTEGER PRIMARY KEY,
    lesson_id INTEGER NOT NULL REFERENCES lessons (id),
    student_id INTEGER NOT NULL REFERENCES students (id),
    reason TEXT NOT NULL CONSTRAINT absence_reason CHECK (reason IN ('absent', 'excused', 'ill', 'late')),
    entered_by INTEGER NOT NULL REFERENCES users (id),
    entered_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    UNIQUE (lesson_id, student_id)
);
CREATE INDEX absences_student ON absences (student_id);

CREATE TABLE final_grades (
    id INTEGER PRIMARY KEY,
    student_id INTEGER NOT NULL REFERENCES students (id),
    group_id INTEGER NOT NULL,
    subject_id INTEGER NOT NULL,
    term_id INTEGER NOT NULL,
    kind TEXT NOT NULL CONSTRAINT final_grade_kind CHECK (kind IN ('term', 'exam', 'year')),
    value INTEGER NOT NULL CONSTRAINT final_grade_value CHECK (value IN (1, 2, 3, 4, 5, 100, 101, 102, 103)),
    entered_by INTEGER NOT NULL REFERENCES users (id),
    entered_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    FOREIGN KEY (group_id, subject_id, term_id) REFERENCES curriculum (group_id, subject_id, term_id),
    UNIQUE (student_id, subject_id, term_id, kind)
);
CREATE INDEX final_grades_group ON final_grades (group_id, term_id);

CREATE TRIGGER final_grades_studied_insert BEFORE INSERT ON final_grades
WHEN NOT EXISTS (SELECT 1 FROM curriculum c WHERE c.group_id = NEW.group_id
                 AND c.subject_id = NEW.subject_id AND c.term_id = NEW.term_id)
BEGIN SELECT RAISE(ABORT, 'ezh:final_grade_not_studied'); END;

CREATE TABLE mail_messages (
    id INTEGER PRIMARY KEY,
    sender_id INTEGER NOT NULL REFERENCES users (id),
    subject TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    sent_at TIMESTAMP NOT NULL,
    reply_to_id INTEGER REFERENCES mail_messages (id)
);

CREATE TABLE mail_recipients (
    message_id INTEGER NOT NULL REFERENCES mail_messages (id),
    recipient_id INTEGER NOT NULL REFERENCES users (id),
    read_at TIMESTAMP,
    deleted_at TIMESTAMP,
    PRIMARY KEY (message_id, recipient_id)
);
CREATE INDEX mail_recipients_recipient ON mail_recipients (recipient_id);

CREATE TABLE announcements (
    id INTEGER PRIMARY KEY,
    author_id INTEGER NOT NULL REFERENCES users (id),
    group_id INTEGER REFERENCES study_groups (id),
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    body TEXT NOT NULL DEFAULT '',
    published_at TIMESTAMP NOT NULL,
    expires_on DATE CHECK (expires_on IS NULL OR date(expires_on) IS expires_on)
);

CREATE TABLE access_codes (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    code_hash TEXT NOT NULL UNIQUE,
    created_by INTEGER REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP,
    revoked_at TIMESTAMP,
    CONSTRAINT access_code_span CHECK (expires_at > created_at)
);
CREATE INDEX access_codes_user ON access_codes (user_id);

CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    token_hash TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CONSTRAINT session_kind CHECK (kind IN ('login', 'api')),
    name TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    ended_at TIMESTAMP,
    ended_reason TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE activity_log (
    id INTEGER PRIMARY KEY,
    at TIMESTAMP NOT NULL,
    user_id INTEGER REFERENCES users (id),
    login TEXT NOT NULL DEFAULT '',
    event TEXT NOT NULL CONSTRAINT activity_event CHECK (event IN ('login', 'login_failed', 'logout', 'locked', 'unlocked', 'activated', 'diary_view', 'entry', 'password_changed', 'code_issued', 'denied', 'import', 'export', 'report', 'user_changed')),
    details TEXT NOT NULL DEFAULT ''
);
CREATE INDEX activity_log_at ON activity_log (at);
CREATE INDEX activity_log_user ON activity_log (user_id);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TIMESTAMP NOT NULL,
    actor_id INTEGER REFERENCES users (id),
    action TEXT NOT NULL CONSTRAINT audit_action CHECK (action IN ('insert', 'update', 'delete')),
    entity TEXT NOT NULL CONSTRAINT audit_entity CHECK (entity IN ('grade', 'absence', 'final_grade', 'lesson', 'student', 'guardian', 'user', 'membership', 'settings')),
    entity_id INTEGER NOT NULL,
    student_id INTEGER REFERENCES students (id),
    old_value TEXT,
    new_value TEXT,
    reason TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE
);
CREATE INDEX audit_log_student ON audit_log (student_id);
CREATE INDEX audit_log_actor ON audit_log (actor_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'ezh:audit_append_only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'ezh:audit_append_only'); END;
