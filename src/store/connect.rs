//! Opening the database a URL names: the backend is chosen from the scheme, a mistyped SQLite
//! path is refused unless the command creates a database, a path on a network filesystem is
//! refused, and every SQLite connection gets the durability pragmas of `security.md`.

use std::path::{Path, PathBuf};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
#[cfg(feature = "postgres")]
use diesel::PgConnection;
use diesel::SqliteConnection;

#[cfg(feature = "postgres")]
use super::pg_locks::pg_write;
use super::pg_locks::Hold;
use super::sqlite_queue::WriteQueue;
use super::StoreError;

/// Which database engine a connection talks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A parsed database address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DbTarget {
    /// An SQLite file (from a plain path or a `sqlite://` URL).
    Sqlite(PathBuf),
    /// A PostgreSQL URL, kept whole for libpq.
    Postgres(String),
}

impl DbTarget {
    /// Parses `postgres://…`/`postgresql://…`, `sqlite://PATH` or a plain path. Diesel's own
    /// SQLite connection accepts any string, so the scheme is checked here, explicitly.
    pub fn parse(raw: &str) -> Result<DbTarget, StoreError> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(StoreError::BadUrl(raw.to_string()));
        }
        if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            return Ok(DbTarget::Postgres(s.to_string()));
        }
        if let Some(path) = s.strip_prefix("sqlite://") {
            if path.is_empty() {
                return Err(StoreError::BadUrl(raw.to_string()));
            }
            return Ok(DbTarget::Sqlite(PathBuf::from(path)));
        }
        if s.contains("://") || s.starts_with("file:") {
            return Err(StoreError::BadUrl(raw.to_string()));
        }
        Ok(DbTarget::Sqlite(PathBuf::from(s)))
    }

    /// The backend this address selects.
    pub fn backend(&self) -> Backend {
        match self {
            DbTarget::Sqlite(_) => Backend::Sqlite,
            DbTarget::Postgres(_) => Backend::Postgres,
        }
    }

    /// The address for messages, with any password in a PostgreSQL URL masked.
    pub fn display(&self) -> String {
        match self {
            DbTarget::Sqlite(p) => p.display().to_string(),
            DbTarget::Postgres(url) => mask_password(url),
        }
    }
}

fn mask_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.split_once('@') {
        Some((creds, host)) => match creds.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

/// Whether opening may create a new database.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenMode {
    /// The database must exist already (every command but `init` and `demo`).
    Existing,
    /// A missing SQLite file is created (with its parent folders).
    Create,
}

/// A connection to one of the two backends.
pub enum Db {
    Sqlite(SqliteConnection, WriteQueue),
    #[cfg(feature = "postgres")]
    Pg(PgConnection),
}

impl Db {
    /// Opens `target`; see [`OpenMode`] for when a missing file is an error.
    pub fn open(target: &DbTarget, mode: OpenMode) -> Result<Db, StoreError> {
        match target {
            DbTarget::Sqlite(path) => {
                open_sqlite(path, mode).map(|c| Db::Sqlite(c, WriteQueue::beside(path)))
            }
            #[cfg(not(feature = "postgres"))]
            DbTarget::Postgres(_) => Err(StoreError::Connect {
                target: target.display(),
                detail: "эта сборка ezh собрана без PostgreSQL (только встроенный SQLite)".into(),
            }),
            #[cfg(feature = "postgres")]
            DbTarget::Postgres(url) => {
                PgConnection::establish(url)
                    .map(Db::Pg)
                    .map_err(|e| StoreError::Connect {
                        target: target.display(),
                        detail: e.to_string(),
                    })
            }
        }
    }

    /// The backend of this connection.
    pub fn backend(&self) -> Backend {
        match self {
            Db::Sqlite(..) => Backend::Sqlite,
            #[cfg(feature = "postgres")]
            Db::Pg(_) => Backend::Postgres,
        }
    }

    /// A borrowed view for query functions, outside any explicit transaction.
    pub fn conn(&mut self) -> Conn<'_> {
        match self {
            Db::Sqlite(c, _) => Conn::Sqlite(c),
            #[cfg(feature = "postgres")]
            Db::Pg(c) => Conn::Pg(c),
        }
    }

    /// Runs `body` in a write transaction: `BEGIN IMMEDIATE` on SQLite (a deferred transaction
    /// that reads and then writes fails with SQLITE_BUSY instead of waiting), and on PostgreSQL
    /// [`pg_write`] holding the journal lock alone. Either everything in `body` is stored or
    /// nothing is. The body may run more than once on PostgreSQL.
    pub fn write<T, E, F>(&mut self, body: F) -> Result<T, E>
    where
        F: FnMut(&mut Conn<'_>) -> Result<T, E>,
        E: From<diesel::result::Error> + super::error::Retryable,
    {
        self.write_holding(Hold::Exclusive, body)
    }

    /// [`Db::write`] of one lesson's cells (its marks, absences, topic), which on PostgreSQL
    /// runs beside the writes of other journal pages' lessons and after those of the same page
    /// (its chain lock is taken first: `pg_locks`); on SQLite the same as any write.
    pub fn write_cell<T, E, F>(&mut self, lesson_id: i64, body: F) -> Result<T, E>
    where
        F: FnMut(&mut Conn<'_>) -> Result<T, E>,
        E: From<diesel::result::Error> + super::error::Retryable,
    {
        self.write_holding(Hold::Cell(lesson_id), body)
    }

    fn write_holding<T, E, F>(&mut self, hold: Hold, mut body: F) -> Result<T, E>
    where
        F: FnMut(&mut Conn<'_>) -> Result<T, E>,
        E: From<diesel::result::Error> + super::error::Retryable,
    {
        match self {
            Db::Sqlite(c, queue) => {
                let _ = hold;
                let _turn = queue.wait();
                c.immediate_transaction(|c| body(&mut Conn::Sqlite(c)))
            }
            #[cfg(feature = "postgres")]
            Db::Pg(c) => pg_write(c, hold, |c| body(&mut Conn::Pg(c))),
        }
    }

    /// Runs `body` in a read transaction, so that several queries see one snapshot.
    pub fn read<T, E, F>(&mut self, mut body: F) -> Result<T, E>
    where
        F: FnMut(&mut Conn<'_>) -> Result<T, E>,
        E: From<diesel::result::Error>,
    {
        match self {
            Db::Sqlite(c, _) => c.transaction(|c| body(&mut Conn::Sqlite(c))),
            #[cfg(feature = "postgres")]
            Db::Pg(c) => c
                .build_transaction()
                .read_only()
                .repeatable_read()
                .run(|c| body(&mut Conn::Pg(c))),
        }
    }
}

/// A borrowed connection: what query functions take, inside or outside a transaction.
pub enum Conn<'a> {
    Sqlite(&'a mut SqliteConnection),
    #[cfg(feature = "postgres")]
    Pg(&'a mut PgConnection),
}

impl Conn<'_> {
    /// The backend of this connection.
    pub fn backend(&self) -> Backend {
        match self {
            Conn::Sqlite(_) => Backend::Sqlite,
            #[cfg(feature = "postgres")]
            Conn::Pg(_) => Backend::Postgres,
        }
    }
}

fn open_sqlite(path: &Path, mode: OpenMode) -> Result<SqliteConnection, StoreError> {
    let exists = path.is_file();
    if !exists && mode == OpenMode::Existing {
        return Err(StoreError::NotFound(path.display().to_string()));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !exists {
        std::fs::create_dir_all(&dir).map_err(|e| StoreError::Io {
            path: dir.display().to_string(),
            detail: crate::ioerr::describe(&e),
        })?;
    }
    if let Some(fs) = super::network_fs::of_database(path, &dir) {
        return Err(StoreError::NetworkFs {
            path: path.display().to_string(),
            fs: fs.to_string(),
        });
    }
    let text = path.to_str().ok_or_else(|| StoreError::Io {
        path: path.display().to_string(),
        detail: "путь не в UTF-8".into(),
    })?;
    let mut conn = SqliteConnection::establish(text).map_err(|e| StoreError::Connect {
        target: path.display().to_string(),
        detail: e.to_string(),
    })?;
    if !exists {
        // Whoever can read the file can read every grade: a new database is its owner's only.
        restrict_to_owner(path);
    }
    // WAL lets readers go on while one writer writes; FULL makes a committed grade survive a
    // power cut (NORMAL may lose the last transactions in WAL mode); the busy timeout lets
    // twenty writers queue instead of failing with SQLITE_BUSY. The WAL grows while readers
    // never stop (reports back to back: 250 MB in 25 s under `examples/load.rs`); the size
    // limit gives that space back at the next checkpoint instead of keeping the file at its
    // peak.
    conn.batch_execute(
        "PRAGMA busy_timeout = 30000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
         PRAGMA foreign_keys = ON; PRAGMA journal_size_limit = 67108864;",
    )?;
    Ok(conn)
}

/// Makes a file readable and writable by its owner only (0600) where the OS has such modes.
pub fn restrict_to_owner(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
    }
}

/// Whether other OS users may read the file (group or world read bits set).
pub fn readable_by_others(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o044 != 0)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_schemes() {
        assert_eq!(
            DbTarget::parse("postgres://u:p@h/db")
                .map(|t| t.backend())
                .ok(),
            Some(Backend::Postgres)
        );
        assert_eq!(
            DbTarget::parse("sqlite:///var/lib/ezh.db").ok(),
            Some(DbTarget::Sqlite(PathBuf::from("/var/lib/ezh.db")))
        );
        assert_eq!(
            DbTarget::parse("ezh.db").ok(),
            Some(DbTarget::Sqlite(PathBuf::from("ezh.db")))
        );
        assert!(DbTarget::parse("mysql://x/y").is_err());
        assert!(DbTarget::parse("  ").is_err());
    }

    #[test]
    fn masks_password() {
        let t = DbTarget::Postgres("postgres://ezh:secret@db.local/ezh".into());
        assert_eq!(t.display(), "postgres://ezh:***@db.local/ezh");
    }
}
