//! Use cases: the only layer that touches storage. The command line and the journal screen
//! call these functions; each write runs in one transaction and records its audit entries in
//! the same transaction.

pub mod accounts;
pub mod actor;
pub mod college;
pub mod contingent;
pub mod error;
pub mod family;
pub mod import;
pub mod journal;
pub mod lookup;
pub mod mail;
pub mod notify;
pub mod report;
pub mod timetable;

pub use crate::access::Actor;
pub use error::AppError;
