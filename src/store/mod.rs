//! Storage: the diesel schema, the connection to SQLite or PostgreSQL, migrations, backups and
//! the row-level queries. Only [`crate::app`] calls into this module.
//!
//! Both backends are driven through one enum, [`Db`] (an owned connection), its borrowed view
//! [`Conn`] that every query function takes, and the [`with_conn!`](crate::with_conn) macro,
//! which expands a query body once per backend. This keeps every diesel feature of each backend
//! (SQLite's `BEGIN IMMEDIATE`, batch inserts, `RETURNING`) that `MultiConnection` would hide;
//! `docs/architecture.md` explains the choice. Writes go through [`Db::write`].

pub mod audit;
pub mod audit_chain;
pub mod audit_head;
pub mod audit_key;
pub mod audit_seal;
pub mod audit_verify;
pub mod backup;
pub mod connect;
pub mod error;
pub mod migrate;
pub mod network_fs;
#[cfg(feature = "postgres")]
mod pg_cell;
pub mod pg_locks;
#[cfg(feature = "postgres")]
pub mod pg_roles;
pub mod rows;
pub mod schema;
pub mod sqlite_queue;

pub use connect::{Backend, Conn, Db, DbTarget, OpenMode};
pub use error::StoreError;
pub use sqlite_queue::WriteQueue;

/// Runs `$body` with `$c` bound to the backend's own connection (`&mut SqliteConnection` or
/// `&mut PgConnection`), given a `&mut Conn`. The body is compiled once per backend, so every
/// diesel query in it is checked against both.
#[macro_export]
macro_rules! with_conn {
    ($conn:expr, $c:ident => $body:expr) => {
        match $conn {
            $crate::store::Conn::Sqlite($c) => {
                let $c: &mut ::diesel::SqliteConnection = &mut **$c;
                $body
            }
            #[cfg(feature = "postgres")]
            $crate::store::Conn::Pg($c) => {
                let $c: &mut ::diesel::PgConnection = &mut **$c;
                $body
            }
        }
    };
}

/// A timestamp cut to microseconds, the precision PostgreSQL keeps, so that a value read back
/// equals the value written on both backends (the audit hash depends on it).
pub fn truncate_micros(t: chrono::NaiveDateTime) -> chrono::NaiveDateTime {
    use chrono::Timelike;
    let nanos = t.nanosecond() / 1000 * 1000;
    t.with_nanosecond(nanos).unwrap_or(t)
}

/// The current time in UTC, at storage precision.
pub fn now() -> chrono::NaiveDateTime {
    truncate_micros(chrono::Utc::now().naive_utc())
}
