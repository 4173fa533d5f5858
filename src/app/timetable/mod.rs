//! The timetable as it stands on a date (7.2, 9.2) and its substitutions.

pub mod clash;
pub mod schedule;
pub mod substitute;
pub(crate) mod substitute_lesson;
pub(crate) mod timetable_slots;
