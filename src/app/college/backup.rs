//! Backups and restores as acts of the administrator (roles.md): a copy of the journal holds
//! everyone's personal data, a restore undoes everyone's work since the copy. A restore waits
//! for a running write and seals the old database against programs still holding it, refuses
//! while others worked in the last minutes (unless forced), and is itself recorded in the
//! restored journal's audit log.

use std::path::Path;

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::access::{self, Action, Actor};
use crate::app::{actor, college::setup, AppError};
use crate::store::audit::{self, AuditEntry};
use crate::store::schema::{sessions, user_roles, users};
use crate::store::{backup, Db, DbTarget};

/// How recent a session's last action must be for a restore to wait for it.
pub const ACTIVE_MINUTES: i64 = 5;

/// Writes a checked, consistent copy (the administrator); returns its size in bytes.
pub fn backup(db: &mut Db, actor: &Actor, target: &DbTarget, file: &Path) -> Result<u64, AppError> {
    access::check(actor, &Action::Backup)?;
    Ok(backup::backup(db, target, file)?.bytes)
}

/// Other people's sessions active in the last [`ACTIVE_MINUTES`]: login and last action.
pub fn active_sessions(db: &mut Db, except: i64) -> Result<Vec<(String, NaiveDateTime)>, AppError> {
    let since = crate::store::now() - Duration::minutes(ACTIVE_MINUTES);
    Ok(crate::with_conn!(&mut db.conn(), c => sessions::table
        .inner_join(users::table)
        .filter(sessions::ended_at.is_null())
        .filter(sessions::last_seen_at.gt(since))
        .filter(sessions::id.ne(except))
        .order(sessions::last_seen_at.desc())
        .select((users::login, sessions::last_seen_at))
        .load(c))?)
}

/// Replaces the database with a checked backup (the administrator, in session `session`), brings
/// its schema up to date and records the restore in it.
pub fn restore(
    target: &DbTarget,
    actor: &Actor,
    session: i64,
    file: &Path,
    force: bool,
) -> Result<(), AppError> {
    access::check(actor, &Action::Backup)?;
    let mut db = setup::open(target)?;
    let others = active_sessions(&mut db, session)?;
    if !others.is_empty() && !force {
        let zone = super::clock::zone(&mut db);
        let list: Vec<String> = others
            .iter()
            .map(|(l, at)| {
                format!(
                    "{l} ({})",
                    crate::domain::time_zone::shown(*at, &zone, "%H:%M")
                )
            })
            .collect();
        return Err(AppError::Invalid(format!(
            "в журнале работают (последнее действие за {ACTIVE_MINUTES} мин): {}; попросите их \
             выйти или добавьте --force — их несохранённая работа пропадёт",
            list.join(", ")
        )));
    }
    let login: String = crate::with_conn!(&mut db.conn(), c => users::table
        .find(actor.user_id)
        .select(users::login)
        .first(c))?;
    drop(db);
    backup::restore(target, file)?;
    super::maintenance::migrate(target, None)?;
    let mut db = setup::open(target)?;
    record(&mut db, &login, file)
}

/// The restore, in the restored journal's audit log: by the same login if the copy has it,
/// else by its first administrator.
fn record(db: &mut Db, login: &str, file: &Path) -> Result<(), AppError> {
    let same: Option<i64> = crate::with_conn!(&mut db.conn(), c => users::table
        .filter(users::login.eq(login))
        .select(users::id)
        .first(c)
        .optional())?;
    let id = match same {
        Some(id) => id,
        None => crate::with_conn!(&mut db.conn(), c => user_roles::table
            .filter(user_roles::role.eq("admin"))
            .select(user_roles::user_id)
            .order(user_roles::user_id)
            .first(c))?,
    };
    let who = actor::load(db, id)?;
    let permit = access::check(&who, &Action::Backup)?;
    let entry = AuditEntry {
        action: "update",
        entity: "journal",
        new_value: Some(format!(
            "база данных восстановлена из резервной копии {} ({login})",
            file.display()
        )),
        ..Default::default()
    };
    Ok(db.write(|c| audit::append(c, &permit, &entry, crate::store::now()))?)
}
