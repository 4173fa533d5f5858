//! Use cases: the only layer that touches storage. The command line and the journal screen
//! call these functions; each write runs in one transaction and records its audit entries in
//! the same transaction.

pub mod actor;
pub mod audit;
pub mod auth;
pub mod codes;
pub mod diary;
pub mod error;
pub mod finals;
pub mod grid;
pub mod groups;
pub mod maintenance;
pub mod marks;
pub mod password;
pub mod report;
pub mod setup;
pub mod summary;
pub mod users;

pub use crate::access::Actor;
pub use error::AppError;
