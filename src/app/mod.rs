//! Use cases: the only layer that touches storage. The command line and the journal screen
//! call these functions; each write runs in one transaction and records its audit entries in
//! the same transaction.

pub mod absences;
pub mod actor;
pub mod audit;
pub mod auth;
pub mod cells;
pub mod codes;
pub mod deadline;
pub mod diary;
pub mod error;
pub mod family;
pub mod finals;
pub mod grid;
pub mod grid_stats;
pub mod groups;
pub mod lesson_edit;
pub mod lessons;
pub mod maintenance;
pub mod marks;
pub mod overview;
pub mod password;
pub mod screen_lock;
pub mod setup;
pub mod summary;
pub mod users;

pub use crate::access::Actor;
pub use error::AppError;
