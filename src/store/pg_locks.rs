//! The write locks of a journal on PostgreSQL. SQLite writes one at a time by itself; on
//! PostgreSQL, two advisory locks keep what must be ordered in order without making every
//! write wait for every other:
//!
//! - the journal lock ([`JOURNAL_LOCK`]): a write of one lesson's cells (a mark, an absence,
//!   the topic — [`Db::write_cell`](super::Db::write_cell)) takes it shared, so that writes of
//!   other pages go side by side; any other write takes it exclusive, and so does a
//!   restore for its whole run. What decides whether a cell may be written at all (a closed
//!   term, a membership, an account, the settings) is changed only under the exclusive lock,
//!   so it cannot change under a cell write.
//! - the chain lock ([`CHAIN_LOCK`]): taken by every append to an audit chain
//!   ([`super::audit::append_many`]) and held to the commit, so the hash chain stays one line in
//!   the order of commits. A cell write takes the chain lock of its lesson's journal page (the
//!   assignment) first thing: the page's writes go one by one and each sees what the one
//!   before wrote, and once the body has read its lesson ([`lesson_is_on_page`]) the append
//!   does not ask for the lock again. Two terminals wait for each other only on one page, not
//!   on one group.
//!
//! Both locks are taken in the message that opens the transaction (`BEGIN; SELECT …; SELECT …`,
//! one round trip): a mark costs as few round trips to the server as it can, which is what the
//! server's CPU goes to with 300 terminals (`docs/database.md`).

use std::cell::Cell;

#[cfg(feature = "postgres")]
use diesel::{PgConnection, RunQueryDsl};

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
    /// Beside other cell writes, with the chain lock of this lesson's journal page: one
    /// lesson's marks, absences, topic.
    Cell(i64),
}

/// What the cell write open on this thread locked when it began.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HeldLock {
    /// The chain of lesson `0`'s page, not yet known by number.
    LessonPage(i64),
    /// Chain `0`.
    Chain(i64),
}

thread_local! {
    /// The journal chain whose lock the cell write open on this thread took when it began: an
    /// append to that chain in the same transaction does not ask for it again.
    static HELD: Cell<Option<HeldLock>> = const { Cell::new(None) };
}

/// Clears [`HELD`] when the body of a cell write ends, however it ends.
#[cfg(feature = "postgres")]
struct Held;

#[cfg(feature = "postgres")]
impl Held {
    fn set(held: Option<HeldLock>) -> Held {
        HELD.with(|h| h.set(held));
        Held
    }
}

#[cfg(feature = "postgres")]
impl Drop for Held {
    fn drop(&mut self) {
        HELD.with(|h| h.set(None));
    }
}

/// The lesson `lesson`, read in the current transaction, belongs to journal page (assignment)
/// `page`: when the cell write open on this thread locked that lesson's page, its appends to
/// chain `page` need not lock it again. A lesson stays on its page for life.
pub fn lesson_is_on_page(lesson: i64, page: i64) {
    HELD.with(|h| {
        if h.get() == Some(HeldLock::LessonPage(lesson)) {
            h.set(Some(HeldLock::Chain(page)));
        }
    });
}

/// The key of the lock of journal chain `chain` beside [`CHAIN_LOCK`]. Chain numbers are within
/// 32 bits; a larger one shares a lock with another chain, which only makes the two wait for
/// each other. The begin of a cell write computes the same in SQL.
#[cfg(feature = "postgres")]
fn chain_key(chain: i64) -> i32 {
    (chain & 0x7fff_ffff) as i32
}

/// A transaction on PostgreSQL that first takes the journal lock as `hold` says (and for a cell
/// write its page's chain lock), and is retried when PostgreSQL reports a serialization
/// failure or a deadlock (the one PostgreSQL stops runs again, after the other).
#[cfg(feature = "postgres")]
pub fn pg_write<T, E, F>(conn: &mut PgConnection, hold: Hold, mut body: F) -> Result<T, E>
where
    F: FnMut(&mut PgConnection) -> Result<T, E>,
    E: From<diesel::result::Error> + super::error::Retryable,
{
    // One message: the statements run one after another, the page's lock (none for a lesson
    // that does not exist, which the body then reports) after the journal's.
    let begin = match hold {
        Hold::Exclusive => format!("BEGIN; SELECT pg_advisory_xact_lock({JOURNAL_LOCK})"),
        Hold::Cell(lesson) => format!(
            "BEGIN; SELECT pg_advisory_xact_lock_shared({JOURNAL_LOCK}); \
             SELECT pg_advisory_xact_lock({}, (SELECT (assignment_id & 2147483647)::int \
             FROM lessons WHERE id = {lesson}))",
            CHAIN_LOCK as i32
        ),
    };
    let held = match hold {
        Hold::Exclusive => None,
        Hold::Cell(lesson) => Some(HeldLock::LessonPage(lesson)),
    };
    let mut attempt = 0;
    loop {
        attempt += 1;
        let result = super::pg_cell::transaction(conn, &begin, |c| {
            let _held = Held::set(held);
            body(c)
        });
        match result {
            Err(e) if attempt < 5 && e.is_retryable() => continue,
            other => return other,
        }
    }
}

/// Takes the lock of audit chain `chain` (0: the college's) in the current transaction before
/// the chain is appended to, unless this thread's cell write holds it already; on SQLite, whose
/// writers are one at a time already, nothing.
pub fn lock_chain(c: &mut Conn<'_>, chain: i64) -> Result<(), diesel::result::Error> {
    if chain != 0 && HELD.with(|h| h.get()) == Some(HeldLock::Chain(chain)) {
        return Ok(());
    }
    match c {
        Conn::Sqlite(_) => Ok(()),
        // The two-key form: (CHAIN_LOCK, chain) for a journal page's chain, CHAIN_LOCK alone
        // (as before chains) for the college's.
        #[cfg(feature = "postgres")]
        Conn::Pg(c) => {
            let sql = match chain {
                0 => format!("SELECT pg_advisory_xact_lock({CHAIN_LOCK})"),
                n => format!(
                    "SELECT pg_advisory_xact_lock({}, {})",
                    CHAIN_LOCK as i32,
                    chain_key(n)
                ),
            };
            diesel::sql_query(sql).execute(&mut **c).map(|_| ())
        }
    }
}
