//! Keeping the database: schema migrations, their status and the server's roles. These act on
//! the database file or server itself, for whoever operates it; backups and restores are the
//! administrator's ([`super::backup`]).

use crate::app::AppError;
pub use crate::store::connect::readable_by_others;
use crate::store::migrate::MigrationState;
use crate::store::{migrate, Db, DbTarget, OpenMode};

/// Applies pending migrations; returns their names.
pub fn migrate(target: &DbTarget) -> Result<Vec<String>, AppError> {
    let mut db = Db::open(target, OpenMode::Existing)?;
    Ok(migrate::run_pending(&mut db)?)
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
