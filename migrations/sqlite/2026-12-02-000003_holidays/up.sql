-- Holidays and vacations of an academic year (4.5, 9.2): no lessons are offered on them, and
-- the deadlines of marks skip them.
CREATE TABLE holidays (
    id INTEGER PRIMARY KEY,
    academic_year_id INTEGER NOT NULL REFERENCES academic_years (id),
    starts_on DATE NOT NULL CHECK (date(starts_on) IS starts_on),
    ends_on DATE NOT NULL CHECK (date(ends_on) IS ends_on),
    CONSTRAINT holiday_span CHECK (starts_on <= ends_on)
);
CREATE INDEX holidays_year ON holidays (academic_year_id);
