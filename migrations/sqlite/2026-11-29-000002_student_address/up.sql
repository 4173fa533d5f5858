-- A student's home address, kept current by the tutor with the other personal data (5.5).
ALTER TABLE students ADD COLUMN address TEXT NOT NULL DEFAULT '';
