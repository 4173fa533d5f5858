-- Length limits of free-text fields (domain::limits): SQLite cannot add a CHECK to a table in
-- place, so each table gets triggers that refuse an over-long value on insert and update with
-- the code `ezh:too_long:TABLE.COLUMN`, which the application turns into the field and its limit.
CREATE TRIGGER students_len_insert BEFORE INSERT ON students
BEGIN
    SELECT RAISE(ABORT, 'ezh:too_long:students.last_name') WHERE length(NEW.last_name) > 60;
    SELECT RAISE(ABORT, 'ezh:too_long:students.first_name') WHERE length(NEW.first_name) > 60;
    SELECT RAISE(ABORT, 'ezh:too_long:students.patronymic') WHERE length(NEW.patronymic) > 60;
    SELECT RAISE(ABORT, 'ezh:too_long:students.record_book') WHERE length(NEW.record_book) > 20;
    SELECT RAISE(ABORT, 'ezh:too_long:students.phone') WHERE length(NEW.phone) > 30;
    SELECT RAISE(ABORT, 'ezh:too_long:students.email') WHERE length(NEW.email) > 254;
    SELECT RAISE(ABORT, 'ezh:too_long:students.address') WHERE length(NEW.address) > 300;
END;
CREATE TRIGGER students_len_update BEFORE UPDATE OF last_name, first_name, patronymic, record_book, phone, email, address ON students
BEGIN
    SELECT RAISE(ABORT, 'ezh:too_long:students.last_name') WHERE length(NEW.last_name) > 60;
    SELECT RAISE(ABORT, 'ezh:too_long:students.first_name') WHERE length(NEW.first_name) > 60;
    SELECT RAISE(ABORT, 'ezh:too_long:students.patronymic') WHERE length(NEW.patronymic) > 60;
    SELECT RAISE(ABORT, 'ezh:too_long:students.record_book') WHERE length(NEW.record_book) > 20;
    SELECT RAISE(ABORT, 'ezh:too_long:students.phone') WHERE length(NEW.phone) > 30;
    SELECT RAISE(ABORT, 'ezh:too_long:students.email') WHERE length(NEW.email) > 254;
    SELECT RAISE(ABORT, 'ezh:too_long:students.address') WHERE length(NEW.address) > 300;
END;
CREATE TRIGGER guardians_len_insert BEFORE INSERT ON guardians
BEGIN
    SELECT RAISE(ABORT, 'ezh:too_long:guardians.last_name') WHERE length(NEW.last_name) > 60;
    SELECT RAISE(ABORT, 'ezh:too_long:guardians.first_name') WHERE length(NEW.first_name) > 60;
    SELECT RAISE(ABORT, 'ezh:too_long:guardians.patronymic') WHERE length(NEW.patronymic) > 60;
    SELECT RAISE(ABORT, 'ezh:too_long:guardians.phone') WHERE length(NEW.phone) > 30;
    SELECT RAISE(ABORT, 'ezh:too_long:guardians.email') WHERE length(NEW.email) > 254;
END;
CREATE TRIGGER guardians_len_update BEFORE UPDATE OF last_name, first_name, patronymic, phone, email ON guardians
BEGIN
    SELECT RAISE(ABORT, 'ezh:too_long:guardians.last_name') WHERE length(NEW.last_name) > 60;
    SELECT RAISE(ABORT, 'ezh:too_long:guardians.first_name') WHERE length(NEW.first_name) > 60;
    SELECT RAISE(ABORT, 'ezh:too_long:guardians.patronymic') WHERE length(NEW.patronymic) > 60;
    SELECT RAISE(ABORT, 'ezh:too_long:guardians.phone') WHERE length(NEW.phone) > 30;
    SELECT RAISE(ABORT, 'ezh:too_long:guardians.email') WHERE length(NEW.email) > 254;
END;
CREATE TRIGGER student_guardians_len_insert BEFORE INSERT ON student_guardians
BEGIN
    SELECT RAISE(ABORT, 'ezh:too_long:student_guardians.relation') WHERE length(NEW.relation) > 40;
END;
CREATE TRIGGER student_guardians_len_update BEFORE UPDATE OF relation ON student_guardians
BEGIN
    SELECT RAISE(ABORT, 'ezh:too_long:student_guardians.relation') WHERE length(NEW.relation) > 40;
END;
CREATE TRIGGER users_len_insert BEFORE INSERT ON users
BEGIN
    SELECT RAISE(ABORT, 'ezh:too_long:users.last_name') WHERE length(NEW.last_name) > 60;
    SELECT RAISE(ABORT, 'ezh:too_long:users.first_name') WHERE length(NEW.first_name) > 60;
    SELECT RAISE(ABORT, 'ezh:too_long:users.patronymic') WHERE length(NEW.patronymic) > 60;
    SELECT RAISE(ABORT, 'ezh:too_long:users.email') WHERE length(NEW.email) > 254;
    SELECT RAISE(ABORT, 'ezh:too_long:users.phone') WHERE length(NEW.phone) > 30;
    SELECT RAISE(ABORT, 'ezh:too_long:users.position') WHERE length(NEW.position) > 100;
END;
CREATE TRIGGER users_len_update BEFORE UPDATE OF last_name, first_name, patronymic, email, phone, position ON users
BEGIN
    SELECT RAISE(ABORT, 'ezh:too_long:users.last_name') WHERE length(NEW.last_name) > 60;
    SELECT RAISE(ABORT, 'ezh:too_long:users.first_name') WHERE length(NEW.first_name) > 60;
    SELECT RAISE(ABORT, 'ezh:too_long:users.patronymic') WHERE length(NEW.patronymic) > 60;
    SELECT RAISE(ABORT, 'ezh:too_long:users.email') WHERE length(NEW.email) > 254;
    SELECT RAISE(ABORT, 'ezh:too_long:users.phone') WHERE length(NEW.phone) > 30;
    SELECT RAISE(ABORT, 'ezh:too_long:users.position') WHERE length(NEW.position) > 100;
END;
CREATE TRIGGER study_groups_len_insert BEFORE INSERT ON study_groups
BEGIN
    SELECT RAISE(ABORT, 'ezh:too_long:study_groups.name') WHERE length(NEW.name) > 20;
END;
CREATE TRIGGER study_groups_len_update BEFORE UPDATE OF name ON study_groups
BEGIN
    SELECT RAISE(ABORT, 'ezh:too_long:study_groups.name') WHERE length(NEW.name) > 20;
END;
CREATE TRIGGER subgroups_len_insert BEFORE INSERT ON subgroups
BEGIN
    SELECT RAISE(ABORT, 'ezh:too_long:subgroups.name') WHERE length(NEW.name) > 40;
END;
CREATE TRIGGER subgroups_len_update BEFORE UPDATE OF name ON subgroups
BEGIN
    SELECT RAISE(ABORT, 'ezh:too_long:subgroups.name') WHERE length(NEW.name) > 40;
END;
CREATE TRIGGER subjects_len_insert BEFORE INSERT ON subjects
BEGIN
    SELECT RAISE(ABORT, 'ezh:too_long:subjects.name') WHERE length(NEW.name) > 200;
END;
CREATE TRIGGER subjects_len_update BEFORE UPDATE OF name ON subjects
BEGIN
    SELECT RAISE(ABORT, 'ezh:too_long:subjects.name') WHERE length(NEW.name) > 200;
END;
CREATE TRIGGER rooms_len_insert BEFORE INSERT ON rooms
BEGIN
    SELECT RAISE(ABORT, 'ezh:too_long:rooms.name') WHERE length(NEW.name) > 40;
END;
CREATE TRIGGER rooms_len_update BEFORE UPDATE OF name ON rooms
BEGIN
    SELECT RAISE(ABORT, 'ezh:too_long:rooms.name') WHERE length(NEW.name) > 40;
END;
CREATE TRIGGER lessons_len_insert BEFORE INSERT ON lessons
BEGIN
    SELECT RAISE(ABORT, 'ezh:too_long:lessons.topic') WHERE length(NEW.topic) > 500;
    SELECT RAISE(ABORT, 'ezh:too_long:lessons.homework') WHERE length(NEW.homework) > 2000;
END;
CREATE TRIGGER lessons_len_update BEFORE UPDATE OF topic, homework ON lessons
BEGIN
    SELECT RAISE(ABORT, 'ezh:too_long:lessons.topic') WHERE length(NEW.topic) > 500;
    SELECT RAISE(ABORT, 'ezh:too_long:lessons.homework') WHERE length(NEW.homework) > 2000;
END;
CREATE TRIGGER mail_messages_len_insert BEFORE INSERT ON mail_messages
BEGIN
    SELECT RAISE(ABORT, 'ezh:too_long:mail_messages.subject') WHERE length(NEW.subject) > 200;
    SELECT RAISE(ABORT, 'ezh:too_long:mail_messages.body') WHERE length(NEW.body) > 10000;
END;
CREATE TRIGGER mail_messages_len_update BEFORE UPDATE OF subject, body ON mail_messages
BEGIN
    SELECT RAISE(ABORT, 'ezh:too_long:mail_messages.subject') WHERE length(NEW.subject) > 200;
    SELECT RAISE(ABORT, 'ezh:too_long:mail_messages.body') WHERE length(NEW.body) > 10000;
END;
CREATE TRIGGER announcements_len_insert BEFORE INSERT ON announcements
BEGIN
    SELECT RAISE(ABORT, 'ezh:too_long:announcements.title') WHERE length(NEW.title) > 200;
    SELECT RAISE(ABORT, 'ezh:too_long:announcements.body') WHERE length(NEW.body) > 10000;
END;
CREATE TRIGGER announcements_len_update BEFORE UPDATE OF title, body ON announcements
BEGIN
    SELECT RAISE(ABORT, 'ezh:too_long:announcements.title') WHERE length(NEW.title) > 200;
    SELECT RAISE(ABORT, 'ezh:too_long:announcements.body') WHERE length(NEW.body) > 10000;
END;
CREATE TRIGGER achievements_len_insert BEFORE INSERT ON achievements
BEGIN
    SELECT RAISE(ABORT, 'ezh:too_long:achievements.title') WHERE length(NEW.title) > 300;
END;
CREATE TRIGGER achievements_len_update BEFORE UPDATE OF title ON achievements
BEGIN
    SELECT RAISE(ABORT, 'ezh:too_long:achievements.title') WHERE length(NEW.title) > 300;
END;
