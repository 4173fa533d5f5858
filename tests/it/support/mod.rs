//! Shared helpers for the integration tests: database URLs for every backend.
//!
//! Use it from an integration test with `mod support;`:
//!
//! ```ignore
//! mod support;
//!
//! #[test]
//! fn something_works_everywhere() {
//!     let dir = tempfile::tempdir().unwrap();
//!     for (backend, url) in support::backends("something_works_everywhere", dir.path()) {
//!         // run the app against `url`; mention `backend` in assertion messages
//!     }
//! }
//! ```
//!
//! * SQLite: [`sqlite_url`] gives the path of a fresh `ezh.db` in a directory owned by the test.
//! * PostgreSQL: [`pg_url`] creates a fresh, empty database for every call. The server is taken
//!   from `EZH_TEST_PG_URL` (an admin URL, e.g. `postgres://postgres@127.0.0.1:5432/postgres`)
//!   or, failing that, a throwaway cluster started once per test process with `initdb`
//!   (see `pg.rs`). Without either, PostgreSQL tests are skipped with a `SKIP postgres:` line on
//!   stderr — unless `CI` is set, in which case they panic, so CI cannot silently lose coverage.
//!
//! Every PostgreSQL run prints `PG: running <test> on PostgreSQL` (visible with `--nocapture`)
//! and, if `EZH_PG_RAN_FILE` names a file, appends one line to it; `.ci/run` counts those lines
//! to prove that PostgreSQL tests really executed.
#![allow(dead_code)] // not every test binary uses every helper

mod pg;
pub mod smtp;

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Number of [`pg_url`] calls in this process that returned a database.
static PG_RUNS: AtomicUsize = AtomicUsize::new(0);

/// The audit key of this test process (`target/tmp/ezh-test-audit.key`), for the library and for
/// every binary a test runs, so that both seal the same journals; never the user's own key.
pub fn audit_key() -> std::path::PathBuf {
    let file = Path::new(env!("CARGO_TARGET_TMPDIR")).join("ezh-test-audit.key");
    ezh::store::audit_key::use_file_for_process(file.clone());
    // The process's key file, whichever was looked up first (under CI: EZH_AUDIT_KEY_FILE).
    ezh::store::audit_key::path().unwrap_or(file)
}

/// Path (as a string) of a fresh SQLite database file `dir/ezh.db`.
///
/// Any leftover file of that name (and its `-wal`/`-shm` companions) is removed first.
pub fn sqlite_url(dir: &Path) -> String {
    audit_key();
    let path = dir.join("ezh.db");
    for suffix in ["", "-wal", "-shm"] {
        let mut leftover = path.clone().into_os_string();
        leftover.push(suffix);
        match std::fs::remove_file(&leftover) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => panic!(
                "cannot remove stale {}: {e}",
                Path::new(&leftover).display()
            ),
        }
    }
    path.to_str()
        .unwrap_or_else(|| panic!("temporary path is not UTF-8: {}", path.display()))
        .to_owned()
}

/// URL (`postgres://…`) of a fresh, empty PostgreSQL database created for this call only.
///
/// Returns `None` (after printing one `SKIP postgres:` line per process) when no server is
/// available and `CI` is unset; panics when `CI` is set or the server is configured but broken.
pub fn pg_url(test_name: &str) -> Option<String> {
    audit_key();
    let server = pg::server()?;
    let url = server.create_database(test_name);
    PG_RUNS.fetch_add(1, Ordering::SeqCst);
    eprintln!("PG: running {test_name} on PostgreSQL");
    pg::record_run(test_name);
    Some(url)
}

/// The backends to run a test against: SQLite always, PostgreSQL when available.
pub fn backends(test_name: &str, dir: &Path) -> Vec<(&'static str, String)> {
    let mut backends = vec![("sqlite", sqlite_url(dir))];
    if let Some(url) = pg_url(test_name) {
        backends.push(("postgres", url));
    }
    backends
}

/// Says that part of a test did not run, on the process's own stderr (libtest captures
/// `eprintln!`, which would hide it), or fails the test under `CI`, where nothing may skip.
pub fn skip(what: &str, why: &str) {
    use std::io::Write;
    assert!(
        std::env::var_os("CI").is_none(),
        "{what} cannot run under CI: {why}"
    );
    let _ = writeln!(std::io::stderr(), "SKIP {what}: {why}");
}

/// How many PostgreSQL databases this test process has handed out so far.
pub fn pg_runs() -> usize {
    PG_RUNS.load(Ordering::SeqCst)
}

/// Runs `sql` with `psql` against `url`; returns stdout (unaligned, tuples only) or stderr.
///
/// Handy for inspecting a PostgreSQL database independently of the crate under test.
pub fn psql(url: &str, sql: &str) -> Result<String, String> {
    pg::psql(url, sql)
}

/// Runs the SQL file `file` with `psql` against `url` (see [`psql`]).
pub fn psql_file(url: &str, file: &Path) -> Result<String, String> {
    pg::psql_file(url, file)
}

/// A PostgreSQL client program (`pg_dump`, …) when one is installed.
pub fn pg_tool(name: &str) -> Option<std::path::PathBuf> {
    pg::tool(name)
}
pub mod cli;
pub mod college;
pub mod tmux;
pub mod tui;
