//! The write locks of a journal on PostgreSQL. SQLite writes one at a time by itself; on
//! PostgreSQL, two advisory locks keep what must be ordered in order without making every
//! write wait for every other:
//!
//! - the journal lock ([`JOURNAL_LOCK`]): a write of one lesson's cells (a mark, an absence,
//!   the topic — [`Db::write_cell`](super::Db::write_cell)) takes it shared and locks the
//!   lesson's row, so writes of one lesson still go one by one while other lessons' go side by
//!   side; any other write takes it exclusive, and so does a restore for its whole run. What
//!   decides whether a cell may be written at all (a closed term, a membership, an account, the
//!   settings) is changed only under the exclusive lock, so it cannot change under a cell write.
//! - the chain lock ([`CHAIN_LOCK`]): taken by every append to the audit log
//!   ([`super::audit::append_many`]) and held to the commit, so the hash chain stays one line in
//!   the order of commits. This is where cell writes queue: from their audit record to their
//!   commit, a few statements, not the whole transaction.

#[cfg(feature = "postgres")]
use diesel::{Connection, PgConnection, RunQueryDsl};

use super::Conn;

/// The key of the journal lock.
pub const JOURNAL_LOCK: i64 = 7707;

/// The key of the audit chain's lock.
pub const CHAIN_LOCK: i64 = 7708;

/// How a write transaction holds the journal lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hold {
    /// Alone: settings, people, movement, imports, the calendar, finals.
    Exclusive,
    /// Beside other cell writes: one lesson's marks, absences, topic.
    Shared,
}

/// A transaction on PostgreSQL that first takes the journal lock as `hold` says, and is retried
/// when PostgreSQL reports a serialization failure or a deadlock (two cell writes that each
/// hold a row the other wants: the one PostgreSQL stops runs again, after the other).
#[cfg(feature = "postgres")]
pub fn pg_write<T, E, F>(conn: &mut PgConnection, hold: Hold, mut body: F) -> Result<T, E>
where
    F: FnMut(&mut PgConnection) -> Result<T, E>,
    E: From<diesel::result::Error> + super::error::Retryable,
{
    let lock = match hold {
        Hold::Exclusive => format!("SELECT pg_advisory_xact_lock({JOURNAL_LOCK})"),
        Hold::Shared => format!("SELECT pg_advisory_xact_lock_shared({JOURNAL_LOCK})"),
    };
    let mut attempt = 0;
    loop {
        attempt += 1;
        let result = conn.transaction(|c| {
            diesel::sql_query(&lock).execute(c)?;
            body(c)
        });
        match result {
            Err(e) if attempt < 5 && e.is_retryable() => continue,
            other => return other,
        }
    }
}

/// Locks one lesson's row for the rest of the transaction (on PostgreSQL), so that two cell
/// writes of one lesson — a whole class graded from two terminals — run one after the other
/// and the second sees what the first wrote, as on SQLite.
pub fn lock_lesson(c: &mut Conn<'_>, lesson_id: i64) -> Result<(), diesel::result::Error> {
    match c {
        Conn::Sqlite(_) => {
            let _ = lesson_id;
            Ok(())
        }
        #[cfg(feature = "postgres")]
        Conn::Pg(c) => {
            use diesel::QueryDsl;
            super::schema::lessons::table
                .find(lesson_id)
                .select(super::schema::lessons::id)
                .for_update()
                .execute(&mut **c)
                .map(|_| ())
        }
    }
}

/// Takes the lock of audit chain `chain` (0: the college's) in the current transaction before
/// the chain is appended to; on SQLite, whose writers are one at a time already, nothing.
pub fn lock_chain(c: &mut Conn<'_>, chain: i64) -> Result<(), diesel::result::Error> {
    match c {
        Conn::Sqlite(_) => {
            let _ = chain;
            Ok(())
        }
        // The two-key form: (CHAIN_LOCK, group) for a group's chain, CHAIN_LOCK alone (as
        // before chains) for the college's. Group ids are within 32 bits; a larger one shares
        // a lock with another group, which only makes the two wait for each other.
        #[cfg(feature = "postgres")]
        Conn::Pg(c) => {
            let sql = match chain {
                0 => format!("SELECT pg_advisory_xact_lock({CHAIN_LOCK})"),
                n => format!(
                    "SELECT pg_advisory_xact_lock({}, {})",
                    CHAIN_LOCK as i32,
                    (n & 0x7fff_ffff) as i32
                ),
            };
            diesel::sql_query(sql).execute(&mut **c).map(|_| ())
        }
    }
}
