//! Embedded migrations of both backends: applying them (`ezh db migrate`, and `init`/`demo` on a
//! new database), listing them (`ezh db status`), and refusing to work on an outdated schema.

use diesel::connection::SimpleConnection;
use diesel::migration::MigrationSource;
use diesel::prelude::*;
use diesel::sqlite::Sqlite;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use super::{Db, StoreError};

const SQLITE: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
#[cfg(feature = "postgres")]
const POSTGRES: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// One migration and whether this database has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationState {
    pub name: String,
    pub applied: bool,
}

fn mig_err(e: impl std::fmt::Display) -> StoreError {
    StoreError::Migration(e.to_string())
}

/// Applies every pending migration; returns the names applied.
pub fn run_pending(db: &mut Db) -> Result<Vec<String>, StoreError> {
    let applied: Vec<String> = match db {
        Db::Sqlite(c, _) => {
            // Migrations create triggers and tables; take the write lock first like every write.
            c.batch_execute("PRAGMA foreign_keys = ON;")?;
            names(c.run_pending_migrations(SQLITE).map_err(mig_err)?)
        }
        #[cfg(feature = "postgres")]
        Db::Pg(c) => names(c.run_pending_migrations(POSTGRES).map_err(mig_err)?),
    };
    // A new journal, or one from before the sealed head, is sealed with the college's key.
    super::audit_head::seal_unsealed(db)?;
    Ok(applied)
}

fn names(applied: Vec<diesel::migration::MigrationVersion<'_>>) -> Vec<String> {
    applied.iter().map(|v| v.to_string()).collect()
}

/// Every migration this program knows, with its state in this database.
pub fn status(db: &mut Db) -> Result<Vec<MigrationState>, StoreError> {
    let (known, applied) = match db {
        Db::Sqlite(..) => {
            let known: Vec<String> = MigrationSource::<Sqlite>::migrations(&SQLITE)
                .map_err(mig_err)?
                .iter()
                .map(|m| m.name().version().to_string())
                .collect();
            (known, applied(db)?)
        }
        #[cfg(feature = "postgres")]
        Db::Pg(_) => {
            let known: Vec<String> = MigrationSource::<diesel::pg::Pg>::migrations(&POSTGRES)
                .map_err(mig_err)?
                .iter()
                .map(|m| m.name().version().to_string())
                .collect();
            (known, applied(db)?)
        }
    };
    Ok(known
        .into_iter()
        .map(|name| MigrationState {
            applied: applied.contains(&name),
            name,
        })
        .collect())
}

#[derive(QueryableByName)]
struct Version {
    #[diesel(sql_type = diesel::sql_types::Text)]
    version: String,
}

/// The versions applied, read from diesel's table by plain SELECT: diesel's own reader first
/// creates the table if missing, which the application role of a server may not (no CREATE).
fn applied(db: &mut Db) -> Result<Vec<String>, StoreError> {
    let rows: Vec<Version> = crate::with_conn!(&mut db.conn(), c =>
        diesel::sql_query("SELECT version FROM __diesel_schema_migrations").load(c))?;
    Ok(rows.into_iter().map(|v| v.version).collect())
}

/// Fails unless this is an ezh database with every migration applied.
pub fn ensure_current(db: &mut Db, shown_as: &str) -> Result<(), StoreError> {
    if !has_college_table(db)? {
        return Err(StoreError::NotEzh(shown_as.to_string()));
    }
    // A journal that a newer ezh has migrated is not this program's to write: it could break
    // rules it does not know.
    let states = status(db)?;
    let newer: Vec<String> = applied(db)?
        .into_iter()
        .filter(|v| !states.iter().any(|m| m.name == *v))
        .collect();
    if !newer.is_empty() {
        return Err(StoreError::Newer(newer.join(", ")));
    }
    let pending = states.iter().filter(|m| !m.applied).count();
    if pending > 0 {
        return Err(StoreError::Outdated(pending));
    }
    Ok(())
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

/// How many tables of any program the database holds (0 for a new, empty one).
pub fn table_count(db: &mut Db) -> Result<i64, StoreError> {
    let sql = match db {
        Db::Sqlite(..) => {
            "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' \
             AND name NOT LIKE 'sqlite_%'"
        }
        #[cfg(feature = "postgres")]
        Db::Pg(_) => {
            "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = \
             current_schema()"
        }
    };
    let c: Count = crate::with_conn!(&mut db.conn(), c => diesel::sql_query(sql).get_result(c))?;
    Ok(c.n)
}

/// Whether the database holds ezh's schema at all (the `college` table and diesel's bookkeeping).
pub fn has_college_table(db: &mut Db) -> Result<bool, StoreError> {
    let sql = match db {
        Db::Sqlite(..) => {
            "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' \
             AND name IN ('college', '__diesel_schema_migrations')"
        }
        #[cfg(feature = "postgres")]
        Db::Pg(_) => {
            "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = \
             current_schema() AND table_name IN ('college', '__diesel_schema_migrations')"
        }
    };
    let c: Count = crate::with_conn!(&mut db.conn(), c => diesel::sql_query(sql).get_result(c))?;
    Ok(c.n == 2)
}

/// Reverts the newest migration (for testing that `ezh db migrate` brings a database of the
/// previous version up to date, data and all).
pub fn revert_last(db: &mut Db) -> Result<(), StoreError> {
    match db {
        Db::Sqlite(c, _) => c.revert_last_migration(SQLITE).map(|_| ()).map_err(mig_err),
        #[cfg(feature = "postgres")]
        Db::Pg(c) => c
            .revert_last_migration(POSTGRES)
            .map(|_| ())
            .map_err(mig_err),
    }
}

/// Undoes every migration, leaving an empty database (used by `ezh demo --force` on PostgreSQL,
/// where the database itself belongs to the server).
pub fn revert_all(db: &mut Db) -> Result<(), StoreError> {
    match db {
        Db::Sqlite(c, _) => c.revert_all_migrations(SQLITE).map(|_| ()).map_err(mig_err),
        #[cfg(feature = "postgres")]
        Db::Pg(c) => c
            .revert_all_migrations(POSTGRES)
            .map(|_| ())
            .map_err(mig_err),
    }
}
