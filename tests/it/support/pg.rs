//! PostgreSQL server management for the integration tests.
//!
//! The server is resolved once per test process ([`OnceLock`]):
//!
//! 1. `EZH_TEST_PG_URL` set → that server (an admin URL; databases are created on it).
//! 2. else `initdb` found (on `PATH` or in `/usr/lib/postgresql/*/bin`) → a throwaway cluster:
//!    a temporary directory (handed to the `postgres` OS user via `runuser` when running as
//!    root, since PostgreSQL refuses to run as root), trust auth, listening on 127.0.0.1 on a free
//!    port, socket in the temporary directory, `fsync=off`. Statics are never dropped, so a
//!    detached watchdog shell waits for this process to exit, then stops the cluster
//!    (`pg_ctl stop -m immediate`) and removes the directory.
//! 3. else → skipped (`SKIP postgres: …` once on stderr), or a panic when `CI` is set.
//!
//! Databases are created with `psql` (not through diesel), so the harness does not depend on the
//! crate under test. They use `template0`, UTF-8 and the `C` collation, so text ordering is
//! byte-wise like SQLite's default and independent of the server's locale. Databases created on
//! an `EZH_TEST_PG_URL` server are not dropped; their names start with `ezh_<pid>_`.

use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Write};
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};

/// Admin URL of an existing server to create test databases on.
pub const URL_ENV: &str = "EZH_TEST_PG_URL";
/// File to which every PostgreSQL test run appends a line (used by `.ci/run`).
pub const RAN_FILE_ENV: &str = "EZH_PG_RAN_FILE";

mod cluster;
mod env;

use cluster::*;
use env::*;

/// A server on which test databases can be created.
pub struct Server {
    /// URL of a database to connect to for `CREATE DATABASE`.
    admin_url: String,
    /// Human-readable origin, for error messages.
    origin: String,
}

enum State {
    Ready(Server),
    /// No server available; the reason is used for the panic under `CI`.
    Unavailable(String),
    /// Configured or found but not working: every caller panics with this message.
    Broken(String),
}

static STATE: OnceLock<State> = OnceLock::new();
static DB_COUNTER: AtomicUsize = AtomicUsize::new(0);

/// The PostgreSQL server for this test process, `None` if unavailable and not on CI.
pub fn server() -> Option<&'static Server> {
    match STATE.get_or_init(init) {
        State::Ready(server) => Some(server),
        State::Unavailable(reason) => {
            if ci() {
                panic!(
                    "PostgreSQL is required because CI is set, but {reason}. Install PostgreSQL \
                     (initdb on PATH or in /usr/lib/postgresql/*/bin) or set {URL_ENV} to an \
                     admin URL such as postgres://postgres@127.0.0.1:5432/postgres"
                );
            }
            None
        }
        State::Broken(message) => panic!("{message}"),
    }
}

impl Server {
    /// Creates a fresh, empty database for `test_name` and returns its URL.
    pub fn create_database(&self, test_name: &str) -> String {
        let name = database_name(test_name);
        let sql = format!(
            "CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' \
             LC_COLLATE 'C' LC_CTYPE 'C'"
        );
        if let Err(e) = psql(&self.admin_url, &sql) {
            panic!("cannot create database {name} on {}: {e}", self.origin);
        }
        with_database(&self.admin_url, &name)
    }
}

/// Appends a line for `test_name` to the file named by `EZH_PG_RAN_FILE`, if set.
pub fn record_run(test_name: &str) {
    let Some(path) = env_nonempty(RAN_FILE_ENV) else {
        return;
    };
    let binary = std::env::args()
        .next()
        .and_then(|arg0| {
            Path::new(&arg0)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
        })
        .unwrap_or_default();
    let line = format!("PG: running {test_name} on PostgreSQL ({binary})\n");
    let result = OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut file| file.write_all(line.as_bytes()));
    if let Err(e) = result {
        panic!("cannot append to {RAN_FILE_ENV}={path}: {e}");
    }
}

/// Runs `sql` with `psql` against `url`; returns stdout (unaligned, tuples only) or stderr.
pub fn psql(url: &str, sql: &str) -> Result<String, String> {
    run_psql(url, "-c", sql.as_ref())
}

/// Runs the SQL file `file` (a plain `pg_dump`, say) with `psql` against `url`, stopping at
/// the first error.
pub fn psql_file(url: &str, file: &Path) -> Result<String, String> {
    run_psql(url, "-f", file.as_os_str())
}

/// A PostgreSQL client program (`pg_dump`, …): on PATH, or beside `psql`.
pub fn tool(name: &str) -> Option<PathBuf> {
    find_in_path(name).or_else(|| {
        let sibling = find_psql()?.parent()?.join(name);
        sibling.is_file().then_some(sibling)
    })
}

fn run_psql(url: &str, flag: &str, what: &std::ffi::OsStr) -> Result<String, String> {
    let psql = find_psql().ok_or("psql not found (PATH, /usr/lib/postgresql/*/bin)")?;
    let output = Command::new(&psql)
        .args([
            "-X",
            "-w",
            "-q",
            "-A",
            "-t",
            "-v",
            "ON_ERROR_STOP=1",
            "-d",
            url,
            flag,
        ])
        .arg(what)
        .env("PGCLIENTENCODING", "UTF8")
        .env("PGCONNECT_TIMEOUT", "10")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", psql.display()))?;
    if output.status.success() {
        let stdout = String::from_utf8_lossy(&output.stdout);
        Ok(stdout.trim_end_matches('\n').to_owned())
    } else {
        Err(format!(
            "psql failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ))
    }
}

fn init() -> State {
    if let Some(url) = env_nonempty(URL_ENV) {
        return match external_server(url) {
            Ok(server) => State::Ready(server),
            Err(e) => State::Broken(e),
        };
    }
    let Some(initdb) = find_initdb() else {
        let reason = format!("initdb not found and {URL_ENV} unset");
        if !ci() {
            // Straight to the process's stderr (not `eprintln!`), so the test harness's output
            // capture doesn't hide it.
            let _ = writeln!(
                std::io::stderr(),
                "SKIP postgres: {reason} — PostgreSQL tests skipped"
            );
        }
        return State::Unavailable(reason);
    };
    match start_cluster(&initdb) {
        Ok(server) => State::Ready(server),
        Err(e) => State::Broken(format!(
            "cannot start a throwaway PostgreSQL cluster with {}: {e}\n(set {URL_ENV} to use an \
             existing server instead)",
            initdb.display()
        )),
    }
}

fn external_server(url: String) -> Result<Server, String> {
    let origin = format!("{URL_ENV}={}", redact(&url));
    if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
        return Err(format!("{origin}: expected a postgres:// URL"));
    }
    psql(&url, "SELECT 1").map_err(|e| format!("cannot connect to {origin}: {e}"))?;
    Ok(Server {
        admin_url: url,
        origin,
    })
}
