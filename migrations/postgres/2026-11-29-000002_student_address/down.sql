ALTER TABLE students DROP COLUMN address;
