//! Starting the throwaway PostgreSQL cluster: as the `postgres` OS user when running as root,
//! in a fresh temporary directory, with a watchdog that removes it when the test process exits.

use super::*;

/// Watchdog: `$1` pid to wait for, `$2` pg_ctl, `$3` data dir, `$4` base dir to remove,
/// `$5` runuser path or empty. The inner subshell is backgrounded so the outer `sh` exits at
/// once and the watchdog is re-parented; `-m immediate` because the data is thrown away anyway.
pub(super) const WATCHDOG: &str = r#"
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

/// Starts a throwaway cluster; the watchdog removes it when this process exits.
pub(super) fn start_cluster(initdb: &Path) -> Result<Server, String> {
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
pub(super) struct RunAs {
    runuser: PathBuf,
    uid: u32,
    gid: u32,
}

pub(super) const NO_POSTGRES_USER: &str =
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

pub(super) fn spawn_watchdog(
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
pub(super) fn make_base_dir(runas: Option<&RunAs>) -> Result<PathBuf, String> {
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

pub(super) fn fresh_dir(parent: &Path) -> Result<PathBuf, String> {
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
