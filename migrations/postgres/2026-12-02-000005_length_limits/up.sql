-- Length limits of free-text fields (domain::limits) as CHECK constraints named
-- TABLE_COLUMN_len. NOT VALID: rows written before are left as they are; every new or changed
-- value is checked.
ALTER TABLE students ADD CONSTRAINT students_last_name_len CHECK (char_length(last_name) <= 60) NOT VALID;
ALTER TABLE students ADD CONSTRAINT students_first_name_len CHECK (char_length(first_name) <= 60) NOT VALID;
ALTER TABLE students ADD CONSTRAINT students_patronymic_len CHECK (char_length(patronymic) <= 60) NOT VALID;
ALTER TABLE students ADD CONSTRAINT students_record_book_len CHECK (char_length(record_book) <= 20) NOT VALID;
ALTER TABLE students ADD CONSTRAINT students_phone_len CHECK (char_length(phone) <= 30) NOT VALID;
ALTER TABLE students ADD CONSTRAINT students_email_len CHECK (char_length(email) <= 254) NOT VALID;
ALTER TABLE students ADD CONSTRAINT students_address_len CHECK (char_length(address) <= 300) NOT VALID;
ALTER TABLE guardians ADD CONSTRAINT guardians_last_name_len CHECK (char_length(last_name) <= 60) NOT VALID;
ALTER TABLE guardians ADD CONSTRAINT guardians_first_name_len CHECK (char_length(first_name) <= 60) NOT VALID;
ALTER TABLE guardians ADD CONSTRAINT guardians_patronymic_len CHECK (char_length(patronymic) <= 60) NOT VALID;
ALTER TABLE guardians ADD CONSTRAINT guardians_phone_len CHECK (char_length(phone) <= 30) NOT VALID;
ALTER TABLE guardians ADD CONSTRAINT guardians_email_len CHECK (char_length(email) <= 254) NOT VALID;
ALTER TABLE student_guardians ADD CONSTRAINT student_guardians_relation_len CHECK (char_length(relation) <= 40) NOT VALID;
ALTER TABLE users ADD CONSTRAINT users_last_name_len CHECK (char_length(last_name) <= 60) NOT VALID;
ALTER TABLE users ADD CONSTRAINT users_first_name_len CHECK (char_length(first_name) <= 60) NOT VALID;
ALTER TABLE users ADD CONSTRAINT users_patronymic_len CHECK (char_length(patronymic) <= 60) NOT VALID;
ALTER TABLE users ADD CONSTRAINT users_email_len CHECK (char_length(email) <= 254) NOT VALID;
ALTER TABLE users ADD CONSTRAINT users_phone_len CHECK (char_length(phone) <= 30) NOT VALID;
ALTER TABLE users ADD CONSTRAINT users_position_len CHECK (char_length(position) <= 100) NOT VALID;
ALTER TABLE study_groups ADD CONSTRAINT study_groups_name_len CHECK (char_length(name) <= 20) NOT VALID;
ALTER TABLE subgroups ADD CONSTRAINT subgroups_name_len CHECK (char_length(name) <= 40) NOT VALID;
ALTER TABLE subjects ADD CONSTRAINT subjects_name_len CHECK (char_length(name) <= 200) NOT VALID;
ALTER TABLE rooms ADD CONSTRAINT rooms_name_len CHECK (char_length(name) <= 40) NOT VALID;
ALTER TABLE lessons ADD CONSTRAINT lessons_topic_len CHECK (char_length(topic) <= 500) NOT VALID;
ALTER TABLE lessons ADD CONSTRAINT lessons_homework_len CHECK (char_length(homework) <= 2000) NOT VALID;
ALTER TABLE mail_messages ADD CONSTRAINT mail_messages_subject_len CHECK (char_length(subject) <= 200) NOT VALID;
ALTER TABLE mail_messages ADD CONSTRAINT mail_messages_body_len CHECK (char_length(body) <= 10000) NOT VALID;
ALTER TABLE announcements ADD CONSTRAINT announcements_title_len CHECK (char_length(title) <= 200) NOT VALID;
ALTER TABLE announcements ADD CONSTRAINT announcements_body_len CHECK (char_length(body) <= 10000) NOT VALID;
ALTER TABLE achievements ADD CONSTRAINT achievements_title_len CHECK (char_length(title) <= 300) NOT VALID;
