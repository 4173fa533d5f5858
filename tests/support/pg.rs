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

/// Watchdog: `$1` pid to wait for, `$2` pg_ctl, `$3` data dir, `$4` base dir to remove,
/// `$5` runuser path or empty. The inner subshell is backgrounded so the outer `sh` exits at
/// once and the watchdog is re-parented; `-m immediate` because the data is thrown away anyway.
const WATCHDOG: &str = r#"
pid=$1 pg_ctl=$2 data=$3 base=$4 runuser=$5
(
  while kill -0 "$pid" 2>/dev/null; do sleep 1; done
  if [ -f "$data/postmaster.pid" ]; then
    if [ -n "$runuser" ]; then
      "$runuser" -u postgres -- "$pg_ctl" -D "$data" -m immediate -w stop
    else
      "$pg_ctl" -D "$data" -m immediate -w stop
    fi
  fi
  rm -rf "$base"
) </dev/null >/dev/null 2>&1 &
"#;

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
            "-c",
            sql,
        ])
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

/// Starts a throwaway cluster; the watchdog removes it when this process exits.
fn start_cluster(initdb: &Path) -> Result<Server, String> {
    let bindir = initdb.parent().ok_or("initdb has no parent directory")?;
    let pg_ctl = bindir.join("pg_ctl");
    if !pg_ctl.is_file() {
        return Err(format!("{} not found next to initdb", pg_ctl.display()));
    }
    let runas = if is_root() {
        Some(RunAs::postgres()?)
    } else {
        None
    };

    let base = make_base_dir(runas.as_ref())?;
    let data = base.join("data");
    let log = base.join("postgres.log");
    spawn_watchdog(&pg_ctl, &data, &base, runas.as_ref())?;
    let pg_command = |program: &Path| -> Command {
        let mut command = match &runas {
            Some(runas) => runas.command(program),
            None => Command::new(program),
        };
        command.current_dir(&base).stdin(Stdio::null());
        command
    };

    let output = pg_command(initdb)
        .arg("-D")
        .arg(&data)
        .args([
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-locale",
            "--no-sync",
        ])
        .output();
    check_output("initdb", output)?;

    // The port is picked by binding to port 0 and releasing it, so another process may grab it
    // before the postmaster binds: retry with a fresh port a few times.
    let mut last_error = String::new();
    for _ in 0..3 {
        let port = free_port()?;
        let settings = format!(
            "\n# ezh test harness\nlisten_addresses = '127.0.0.1'\nport = {port}\n\
             unix_socket_directories = '{}'\nfsync = off\nsynchronous_commit = off\n\
             full_page_writes = off\nshared_buffers = 16MB\nmax_connections = 100\n",
            base.display()
        );
        OpenOptions::new()
            .append(true)
            .open(data.join("postgresql.conf"))
            .and_then(|mut conf| conf.write_all(settings.as_bytes()))
            .map_err(|e| format!("cannot write postgresql.conf: {e}"))?;

        let output = pg_command(&pg_ctl)
            .arg("-D")
            .arg(&data)
            .arg("-l")
            .arg(&log)
            .args(["-w", "-t", "60", "start"])
            .output();
        match check_output("pg_ctl start", output) {
            Ok(()) => {
                let admin_url = format!("postgres://postgres@127.0.0.1:{port}/postgres");
                psql(&admin_url, "SELECT 1")
                    .map_err(|e| format!("cluster started but psql cannot connect: {e}"))?;
                return Ok(Server {
                    admin_url,
                    origin: format!("throwaway cluster in {}", base.display()),
                });
            }
            Err(e) => {
                let log_text = fs::read_to_string(&log).unwrap_or_default();
                last_error = format!("{e}\n--- {} ---\n{}", log.display(), tail(&log_text, 30));
                if !log_text.contains("could not bind") && !log_text.contains("already in use") {
                    break;
                }
            }
        }
    }
    Err(last_error)
}

/// Running as root: PostgreSQL binaries must run as the `postgres` OS user via `runuser`.
struct RunAs {
    runuser: PathBuf,
    uid: u32,
    gid: u32,
}

const NO_POSTGRES_USER: &str =
    "running as root, but there is no `postgres` OS user to run the cluster as";

impl RunAs {
    fn postgres() -> Result<RunAs, String> {
        let runuser = find_in_path("runuser")
            .or_else(|| {
                ["/usr/sbin/runuser", "/sbin/runuser"]
                    .into_iter()
                    .map(PathBuf::from)
                    .find(|p| p.is_file())
            })
            .ok_or("running as root, but runuser (util-linux) was not found")?;
        let id = |flag: &str| -> Result<u32, String> {
            let output = Command::new("id").args([flag, "postgres"]).output();
            match output {
                Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout)
                    .trim()
                    .parse()
                    .map_err(|e| format!("unexpected `id {flag} postgres` output: {e}")),
                _ => Err(NO_POSTGRES_USER.to_owned()),
            }
        };
        Ok(RunAs {
            runuser,
            uid: id("-u")?,
            gid: id("-g")?,
        })
    }

    /// `program` run as `postgres`.
    fn command(&self, program: &Path) -> Command {
        let mut command = Command::new(&self.runuser);
        command.args(["-u", "postgres", "--"]).arg(program);
        command
    }

    /// Hands `dir` to `postgres` and checks that it can really write there.
    fn adopt(&self, dir: &Path) -> Result<PathBuf, String> {
        std::os::unix::fs::chown(dir, Some(self.uid), Some(self.gid))
            .map_err(|e| format!("cannot chown {} to postgres: {e}", dir.display()))?;
        let check = self
            .command(Path::new("test"))
            .arg("-w")
            .arg(dir)
            .current_dir("/")
            .stdin(Stdio::null())
            .output();
        if check.is_ok_and(|o| o.status.success()) {
            Ok(dir.to_owned())
        } else {
            Err(format!(
                "the postgres user cannot write to {} (a parent directory is not traversable)",
                dir.display()
            ))
        }
    }
}

fn spawn_watchdog(
    pg_ctl: &Path,
    data: &Path,
    base: &Path,
    runas: Option<&RunAs>,
) -> Result<(), String> {
    let runuser = runas.map(|r| r.runuser.as_os_str()).unwrap_or_default();
    let status = Command::new("sh")
        .arg("-c")
        .arg(WATCHDOG)
        .arg("ezh-pg-watchdog")
        .arg(std::process::id().to_string())
        .arg(pg_ctl)
        .arg(data)
        .arg(base)
        .arg(runuser)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        // Own process group: a Ctrl-C on `cargo test` must not kill the watchdog.
        .process_group(0)
        .status()
        .map_err(|e| format!("cannot spawn the cleanup watchdog: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("cleanup watchdog failed to start: {status}"))
    }
}

/// A new, empty directory for the cluster, owned by `postgres` when running as root.
///
/// Tries `$TMPDIR` first, then `/tmp`: as root, `$TMPDIR` may be private (e.g. under the 0700
/// `/root`), and the `postgres` user must be able to traverse every parent directory. Paths are
/// kept short because the unix socket path inside is limited to ~100 bytes.
fn make_base_dir(runas: Option<&RunAs>) -> Result<PathBuf, String> {
    let mut parents = vec![std::env::temp_dir()];
    if parents[0].as_os_str().len() > 60 {
        parents.clear();
    }
    if !parents.iter().any(|p| p == Path::new("/tmp")) {
        parents.push(PathBuf::from("/tmp"));
    }
    let mut errors = Vec::new();
    for parent in &parents {
        match fresh_dir(parent).and_then(|dir| match runas {
            Some(runas) => runas.adopt(&dir).inspect_err(|_| {
                let _ = fs::remove_dir(&dir);
            }),
            None => Ok(dir),
        }) {
            Ok(dir) => return Ok(dir),
            Err(e) => errors.push(e),
        }
    }
    Err(errors.join("; "))
}

fn fresh_dir(parent: &Path) -> Result<PathBuf, String> {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    for attempt in 0..100u32 {
        let dir = parent.join(format!(
            "ezh-pg-{}-{:x}",
            std::process::id(),
            nanos.wrapping_add(attempt)
        ));
        match fs::create_dir(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == ErrorKind::AlreadyExists => {}
            Err(e) => return Err(format!("cannot create {}: {e}", dir.display())),
        }
    }
    Err(format!(
        "cannot create a fresh directory in {}",
        parent.display()
    ))
}

fn check_output(what: &str, output: std::io::Result<Output>) -> Result<(), String> {
    let output = output.map_err(|e| format!("cannot run {what}: {e}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{what} failed ({}):\n{}{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

fn free_port() -> Result<u16, String> {
    let listener =
        TcpListener::bind("127.0.0.1:0").map_err(|e| format!("cannot pick a free port: {e}"))?;
    listener
        .local_addr()
        .map(|addr| addr.port())
        .map_err(|e| format!("cannot pick a free port: {e}"))
}

/// Unique, lowercase, identifier-safe database name (at most 63 bytes).
fn database_name(test_name: &str) -> String {
    let n = DB_COUNTER.fetch_add(1, Ordering::SeqCst);
    let safe: String = test_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .take(32)
        .collect();
    format!("ezh_{}_{n}_{safe}", std::process::id())
}

/// `url` with its database (path) replaced by `database`; the query string is kept.
fn with_database(url: &str, database: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let authority_end = base[authority_start..]
        .find('/')
        .map_or(base.len(), |i| authority_start + i);
    let mut result = format!("{}/{database}", &base[..authority_end]);
    if let Some(query) = query {
        result.push('?');
        result.push_str(query);
    }
    result
}

/// `url` with any password replaced by `***`.
fn redact(url: &str) -> String {
    let Some(start) = url.find("://").map(|i| i + 3) else {
        return url.to_owned();
    };
    let authority_end = url[start..].find('/').map_or(url.len(), |i| start + i);
    let authority = &url[start..authority_end];
    match (authority.rfind('@'), authority.find(':')) {
        (Some(at), Some(colon)) if colon < at => format!(
            "{}{}:***{}",
            &url[..start],
            &authority[..colon],
            &url[start + at..]
        ),
        _ => url.to_owned(),
    }
}

fn tail(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

fn env_nonempty(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// `CI` set, non-empty and not `false`/`0`.
fn ci() -> bool {
    env_nonempty("CI").is_some_and(|v| {
        let v = v.trim();
        !v.eq_ignore_ascii_case("false") && v != "0"
    })
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.status.success() && String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn find_in_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

/// `program` in `/usr/lib/postgresql/<version>/bin`, newest version first.
fn find_in_pg_lib(program: &str) -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let version = entry.file_name().to_str()?.parse::<u32>().ok()?;
            let candidate = entry.path().join("bin").join(program);
            candidate.is_file().then_some((version, candidate))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, path)| path)
}

/// `initdb` with symlinks resolved, so `pg_ctl` and `postgres` are its siblings.
fn find_initdb() -> Option<PathBuf> {
    let initdb = find_in_path("initdb").or_else(|| find_in_pg_lib("initdb"))?;
    Some(fs::canonicalize(&initdb).unwrap_or(initdb))
}

fn find_psql() -> Option<PathBuf> {
    static PSQL: OnceLock<Option<PathBuf>> = OnceLock::new();
    PSQL.get_or_init(|| {
        find_in_path("psql")
            .or_else(|| {
                let initdb = find_initdb()?;
                let sibling = initdb.parent()?.join("psql");
                sibling.is_file().then_some(sibling)
            })
            .or_else(|| find_in_pg_lib("psql"))
    })
    .clone()
}
