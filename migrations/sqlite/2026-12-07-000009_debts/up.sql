-- «Точка» (debt): the student owes a work of this lesson (a test missed, a practical not handed
-- in), as Russian journals mark it with a dot. At most one per cell; a later grade in the cell
-- removes it in the same transaction (src/app/journal/debts.rs).
CREATE TABLE debts (
    id INTEGER PRIMARY KEY,
    lesson_id INTEGER NOT NULL REFERENCES lessons (id),
    student_id INTEGER NOT NULL REFERENCES students (id),
    entered_by INTEGER NOT NULL REFERENCES users (id),
    entered_at TIMESTAMP NOT NULL,
    UNIQUE (lesson_id, student_id)
);
CREATE INDEX debts_student ON debts (student_id);
