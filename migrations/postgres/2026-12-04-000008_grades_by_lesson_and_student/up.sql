-- A student's marks of one assignment (the diary, a family's screen) are found lesson by lesson
-- through this index: by student alone they were hundreds of random row reads a subject.
-- It serves every lookup by lesson as well, so the index on lesson_id alone goes.
CREATE INDEX grades_lesson_student ON grades (lesson_id, student_id);
DROP INDEX grades_lesson;
