//! Use cases: the only layer that touches storage. The command line and the journal screen
//! call these functions; each write runs in one transaction and records its audit entries in
//! the same transaction.

pub mod absences;
pub mod actor;
pub mod announce;
pub mod audit;
pub mod auth;
pub mod cells;
pub mod codes;
pub mod deadline;
pub mod diary;
pub mod error;
pub mod export;
pub mod family;
pub mod finals;
pub mod grid;
pub mod grid_stats;
pub mod groups;
pub mod guardians;
pub mod import;
pub mod lesson_edit;
pub mod lessons;
pub mod lookup;
pub mod mail;
pub mod maintenance;
pub mod marks;
pub mod movement;
mod movement_kind;
mod movement_rules;
pub mod overview;
pub mod password;
pub mod report;
pub mod screen_lock;
pub mod settings;
mod settings_value;
pub mod setup;
pub mod student_fields;
pub mod students;
pub mod subgroups;
pub mod substitute;
mod substitute_lesson;
pub mod summary;
pub mod timetable;
mod timetable_slots;
pub mod users;

pub use crate::access::Actor;
pub use error::AppError;
