//! The statements of a PostgreSQL write that diesel would spend a round trip or a parse on:
//! the transaction begun together with its locks (`BEGIN; SELECT pg_advisory_xact_lock…`, one
//! message of several statements, `pg_locks`), and the update of a journal chain's head as a
//! prepared statement. A mark written from 300 terminals at once costs the server mostly per
//! statement, not per row (`docs/database.md`, «Очередь писателей SQLite и нагрузка»).

use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::pg::Pg;
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::sql_types::{BigInt, Text};
use diesel::{PgConnection, QueryResult, RunQueryDsl};

/// Runs `body` in a transaction begun by `begin` (SQL that starts with `BEGIN`): committed when
/// it returns `Ok`, rolled back otherwise, as diesel's own `transaction` does.
pub(super) fn transaction<T, E, F>(conn: &mut PgConnection, begin: &str, body: F) -> Result<T, E>
where
    F: FnOnce(&mut PgConnection) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    if let Err(e) = AnsiTransactionManager::begin_transaction_sql(&mut *conn, begin) {
        // The BEGIN may have opened a transaction whose lock then failed (a deadlock, a
        // timeout): closed here, so that the connection takes the next command.
        let _ = conn.batch_execute("ROLLBACK");
        return Err(e.into());
    }
    match body(&mut *conn) {
        Ok(value) => {
            AnsiTransactionManager::commit_transaction(&mut *conn)?;
            Ok(value)
        }
        Err(e) => match AnsiTransactionManager::rollback_transaction(&mut *conn) {
            // A broken manager says less than the error that broke it.
            Ok(()) | Err(diesel::result::Error::BrokenTransactionManager) => Err(e),
            Err(rollback) => Err(rollback.into()),
        },
    }
}

/// Seals journal chain `chain`'s head at record `id` with `hash` and `seal`: the number of rows
/// updated (1, or 0 for a head that is gone). Of its own type, so that diesel prepares it once per connection.
pub(super) fn update_head(
    conn: &mut PgConnection,
    chain: i64,
    (id, hash): (i64, &str),
    seal: &str,
) -> QueryResult<usize> {
    UpdateHead {
        chain,
        id,
        hash: hash.to_string(),
        seal: seal.to_string(),
    }
    .execute(conn)
}

/// `UPDATE audit_chains …` of one chain (diesel's own update is not prepared; a raw `sql_query` is parsed and planned every time).
#[derive(Debug, Clone, QueryId)]
struct UpdateHead {
    chain: i64,
    id: i64,
    hash: String,
    seal: String,
}

impl QueryFragment<Pg> for UpdateHead {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql("UPDATE audit_chains SET last_id = ");
        out.push_bind_param::<BigInt, _>(&self.id)?;
        out.push_sql(", last_hash = ");
        out.push_bind_param::<Text, _>(&self.hash)?;
        out.push_sql(", seal = ");
        out.push_bind_param::<Text, _>(&self.seal)?;
        out.push_sql(" WHERE chain = ");
        out.push_bind_param::<BigInt, _>(&self.chain)?;
        Ok(())
    }
}

impl RunQueryDsl<PgConnection> for UpdateHead {}
