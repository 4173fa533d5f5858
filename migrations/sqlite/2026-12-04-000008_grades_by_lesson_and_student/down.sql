CREATE INDEX grades_lesson ON grades (lesson_id);
DROP INDEX grades_lesson_student;
