//! Keeping the database: schema migrations, their status and the server's roles. These act on
//! the database file or server itself, for whoever operates it; backups and restores are the
//! administrator's ([`super::backup`]).

use std::path::Path;

use crate::app::AppError;
pub use crate::store::connect::readable_by_others;
use crate::store::migrate::MigrationState;
use crate::store::{migrate, Db, DbTarget, OpenMode};

/// Applies pending migrations; returns their names. With `backup`, a checked copy of the
/// database is written there first (the schema it had), and its size returned: an upgrade that goes wrong can be undone with `ezh db restore`. Like
/// the migration itself this is for whoever operates the database (who could copy the file or
/// run `pg_dump` as well), so no login is asked: an outdated journal accepts none.
pub fn migrate(
    target: &DbTarget,
    backup: Option<&Path>,
) -> Result<(Vec<String>, Option<u64>), AppError> {
    let mut db = Db::open(target, OpenMode::Existing)?;
    let copy = match backup {
        Some(file) => Some(crate::store::backup::backup(&mut db, target, file)?.bytes),
        None => None,
    };
    Ok((migrate::run_pending(&mut db)?, copy))
}

/// Grants the PostgreSQL application role its rights (the owner runs it after migrating).
pub fn grant_app_role(target: &DbTarget, role: &str) -> Result<(), AppError> {
    let mut db = Db::open(target, OpenMode::Existing)?;
    #[cfg(feature = "postgres")]
    return Ok(crate::store::pg_roles::grant_app_role(&mut db, role)?);
    #[cfg(not(feature = "postgres"))]
    {
        let _ = (&mut db, role);
        Err(AppError::Invalid(
            "--app-role — только для PostgreSQL, а эта сборка ezh без него".into(),
        ))
    }
}

/// Every migration with its state.
pub fn status(target: &DbTarget) -> Result<Vec<MigrationState>, AppError> {
    let mut db = Db::open(target, OpenMode::Existing)?;
    Ok(migrate::status(&mut db)?)
}
