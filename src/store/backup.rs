//! Consistent backups and checked restores. SQLite: `VACUUM INTO` copies one snapshot while
//! others keep writing, and the copy is opened and checked before we call it done. PostgreSQL:
//! `pg_dump` (one snapshot) in its custom format, and `pg_restore` in one transaction.

use std::path::Path;
use std::process::Command;

use diesel::prelude::*;

use super::connect::OpenMode;
use super::{migrate, Db, DbTarget, StoreError};

/// What a finished backup looks like.
#[derive(Debug, Clone)]
pub struct BackupInfo {
    pub bytes: u64,
}

fn io(path: &Path, e: impl std::fmt::Display) -> StoreError {
    StoreError::Io {
        path: path.display().to_string(),
        detail: e.to_string(),
    }
}

/// Creates `file` empty and readable by its owner only (0600): a copy of the journal holds
/// everyone's personal data, so it never exists, even for a moment, with wider rights. SQLite's
/// `VACUUM INTO` and `pg_dump` both write into an empty file that exists.
fn create_private(file: &Path) -> Result<(), StoreError> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    opts.open(file)
        .map(drop)
        .map_err(|e| io(file, crate::ioerr::describe(&e)))
}

/// Narrows a file's rights to its owner (0600).
fn make_private(file: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o600))
            .map_err(|e| io(file, crate::ioerr::describe(&e)))?;
    }
    let _ = file;
    Ok(())
}

/// Writes a consistent copy of the database to `file`, which must not exist yet; the copy is
/// readable by its owner only.
pub fn backup(db: &mut Db, target: &DbTarget, file: &Path) -> Result<BackupInfo, StoreError> {
    if file.exists() {
        return Err(io(file, "файл уже существует; укажите новое имя"));
    }
    create_private(file)?;
    let made = write_backup(db, target, file);
    if made.is_err() {
        let _ = std::fs::remove_file(file);
    }
    made
}

fn write_backup(db: &mut Db, target: &DbTarget, file: &Path) -> Result<BackupInfo, StoreError> {
    match (db, target) {
        (Db::Sqlite(c, _), _) => {
            let path = file.to_str().ok_or_else(|| io(file, "путь не в UTF-8"))?;
            diesel::sql_query(format!("VACUUM INTO '{}'", path.replace('\'', "''"))).execute(c)?;
            check_sqlite_file(file)?;
        }
        #[cfg(feature = "postgres")]
        (Db::Pg(_), DbTarget::Postgres(url)) => {
            run_tool(
                Command::new("pg_dump")
                    .arg("--format=custom")
                    .arg("--no-owner")
                    .arg(format!("--file={}", file.display()))
                    .arg(format!("--dbname={url}")),
                "pg_dump",
            )?;
            check_pg_dump(file)?;
        }
        #[cfg(feature = "postgres")]
        (Db::Pg(_), DbTarget::Sqlite(_)) => return Err(StoreError::BadUrl(target.display())),
    }
    let bytes = std::fs::metadata(file)
        .map_err(|e| io(file, crate::ioerr::describe(&e)))?
        .len();
    Ok(BackupInfo { bytes })
}

/// Replaces the database named by `target` with the backup in `file`, after checking that the
/// file is an ezh backup of the same backend. Other users must have closed the journal.
pub fn restore(target: &DbTarget, file: &Path) -> Result<(), StoreError> {
    let head = read_head(file)?;
    match target {
        DbTarget::Sqlite(dest) => {
            if !head.starts_with(b"SQLite format 3\0") {
                return Err(StoreError::NotEzh(file.display().to_string()));
            }
            check_sqlite_file(file)?;
            if let Ok(Db::Sqlite(mut c, _)) = Db::open(target, OpenMode::Existing) {
                // Wait for a running write (an import) to end, then seal the old file: a program
                // still holding it open gets an error instead of writing, unseen, into a file
                // that is no longer the journal.
                c.immediate_transaction(|c| diesel::sql_query(SEAL).execute(c))?;
                // Fold the write-ahead log into the file so that nothing of the old database
                // is left in a -wal file to be replayed over the restored one. The connection
                // closes before the swap, so it cannot touch the new file's side files.
                diesel::sql_query("PRAGMA wal_checkpoint(TRUNCATE)").execute(&mut c)?;
            }
            let swapped = swap_in(file, dest);
            if swapped.is_err() {
                if let Ok(Db::Sqlite(mut c, _)) = Db::open(target, OpenMode::Existing) {
                    let _ = diesel::sql_query("DROP TRIGGER IF EXISTS ezh_restored_away")
                        .execute(&mut c);
                }
            }
            swapped
        }
        DbTarget::Postgres(url) => {
            if !head.starts_with(b"PGDMP") {
                return Err(StoreError::NotEzh(file.display().to_string()));
            }
            check_pg_dump(file)?;
            // The journal's write lock for the whole restore: writers wait for it to end and
            // then write into the restored database, none into the one being replaced.
            let mut live = Db::open(target, OpenMode::Existing)?;
            crate::with_conn!(&mut live.conn(), c =>
                diesel::sql_query(format!("SELECT pg_advisory_lock({})", super::pg_locks::JOURNAL_LOCK)).execute(c))?;
            let restored = run_tool(
                Command::new("pg_restore")
                    .args([
                        "--clean",
                        "--if-exists",
                        "--no-owner",
                        "--single-transaction",
                    ])
                    .arg(format!("--dbname={url}"))
                    .arg(file),
                "pg_restore",
            );
            let _ = crate::with_conn!(&mut live.conn(), c =>
                diesel::sql_query(format!("SELECT pg_advisory_unlock({})", super::pg_locks::JOURNAL_LOCK)).execute(c));
            restored
        }
    }
}

/// The trigger that seals a replaced SQLite file against programs that still hold it open.
const SEAL: &str = "CREATE TRIGGER IF NOT EXISTS ezh_restored_away BEFORE INSERT ON audit_log \
                    BEGIN SELECT RAISE(ABORT, 'ezh:restored'); END";

/// Puts a copy of the backup in place of `dest`: written beside it (0600), the side files of
/// the old database removed, then renamed over it in one step.
fn swap_in(file: &Path, dest: &Path) -> Result<(), StoreError> {
    let tmp = dest.with_extension("restore-tmp");
    let _ = std::fs::remove_file(&tmp);
    create_private(&tmp)?;
    std::fs::copy(file, &tmp).map_err(|e| io(&tmp, crate::ioerr::describe(&e)))?;
    // `copy` takes the rights of the backup: the live database is the owner's only.
    make_private(&tmp)?;
    for suffix in ["-wal", "-shm"] {
        let side = sidecar(dest, suffix);
        if side.exists() {
            std::fs::remove_file(&side).map_err(|e| io(&side, crate::ioerr::describe(&e)))?;
        }
    }
    std::fs::rename(&tmp, dest).map_err(|e| io(dest, crate::ioerr::describe(&e)))?;
    Ok(())
}

/// `name.db` → `name.db-wal`: SQLite names its side files by appending to the whole name.
fn sidecar(dest: &Path, suffix: &str) -> std::path::PathBuf {
    let mut s = dest.as_os_str().to_owned();
    s.push(suffix);
    s.into()
}

fn read_head(file: &Path) -> Result<Vec<u8>, StoreError> {
    use std::io::Read;
    let mut f = std::fs::File::open(file).map_err(|e| io(file, crate::ioerr::describe(&e)))?;
    let mut buf = vec![0u8; 16];
    let n = f
        .read(&mut buf)
        .map_err(|e| io(file, crate::ioerr::describe(&e)))?;
    buf.truncate(n);
    Ok(buf)
}

#[derive(QueryableByName)]
struct Check {
    #[diesel(sql_type = diesel::sql_types::Text)]
    integrity_check: String,
}

/// Opens an SQLite file and checks that it is whole and holds ezh's schema.
fn check_sqlite_file(file: &Path) -> Result<(), StoreError> {
    let t = DbTarget::Sqlite(file.to_path_buf());
    let mut db = Db::open(&t, OpenMode::Existing)?;
    if !migrate::has_college_table(&mut db)? {
        return Err(StoreError::NotEzh(file.display().to_string()));
    }
    let rows: Vec<Check> = crate::with_conn!(&mut db.conn(), c =>
        diesel::sql_query("PRAGMA integrity_check").load(c))?;
    if rows.len() != 1 || rows[0].integrity_check != "ok" {
        return Err(io(file, "проверка целостности копии не пройдена"));
    }
    Ok(())
}

/// Lists a `pg_dump` archive and checks that it holds ezh's tables.
fn check_pg_dump(file: &Path) -> Result<(), StoreError> {
    let out = Command::new("pg_restore")
        .arg("--list")
        .arg(file)
        .output()
        .map_err(|e| {
            io(
                file,
                format!("pg_restore не запускается: {}", crate::ioerr::describe(&e)),
            )
        })?;
    let list = String::from_utf8_lossy(&out.stdout);
    if !out.status.success()
        || !list.contains("TABLE public college ")
        || !list.contains("TABLE public audit_log ")
    {
        return Err(StoreError::NotEzh(file.display().to_string()));
    }
    Ok(())
}

fn run_tool(cmd: &mut Command, name: &str) -> Result<(), StoreError> {
    let out = cmd.output().map_err(|e| StoreError::Io {
        path: name.to_string(),
        detail: format!("не запускается ({e}); установите клиент PostgreSQL"),
    })?;
    if !out.status.success() {
        return Err(StoreError::Io {
            path: name.to_string(),
            detail: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        });
    }
    Ok(())
}
