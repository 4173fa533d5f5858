//! Use cases: the only layer that touches storage. The command line and the journal screen
//! call these functions; each write runs in one transaction and records its audit entries in
//! the same transaction.

pub mod error;
pub mod grid;
pub mod marks;
pub mod password;
pub mod setup;
pub mod summary;

pub use error::AppError;

/// Who is doing something: the user whose id goes into audit and activity records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    pub user_id: i64,
}
