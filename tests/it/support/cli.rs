//! Running the real `ezh` binary in tests, kept away from the user's own database, settings,
//! token and session: every command-line test starts here.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use assert_cmd::assert::Assert;
use assert_cmd::Command;

/// A fresh home of one command: `config`, `data` and `state` folders of its own, under cargo's
/// temporary folder for tests (inside `target/`, so nothing is left in the system's /tmp).
pub fn fresh_home() -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::SeqCst);
    let home = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("ezh-homes")
        .join(format!("{}-{n}", std::process::id()));
    for sub in ["config", "data", "state"] {
        std::fs::create_dir_all(home.join(sub)).expect("test home");
    }
    home
}

/// The variables a command of a test runs with: every `EZH_*` of the caller removed, the test
/// process's audit key, and the XDG folders (settings, default database, session) in `home`.
pub fn isolate(c: &mut std::process::Command, home: &Path) {
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("EZH_") {
            c.env_remove(key);
        }
    }
    c.env("HOME", home)
        .env("EZH_AUDIT_KEY_FILE", super::audit_key())
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"));
}

/// `ezh` in a fresh home of its own, away from the user's journal, settings, token and session.
pub fn ezh() -> Command {
    let mut std = std::process::Command::new(assert_cmd::cargo::cargo_bin("ezh"));
    isolate(&mut std, &fresh_home());
    Command::from_std(std)
}

/// `ezh --db DB ARGS` with `stdin`, keeping its session under `state` (so a `login` holds for
/// the next call of the same test and no other).
pub fn run(state: &Path, db: impl AsRef<OsStr>, args: &[&str], stdin: &str) -> Assert {
    let mut c = ezh();
    c.env("XDG_STATE_HOME", state)
        .arg("--db")
        .arg(db)
        .args(args)
        .write_stdin(stdin.to_string());
    c.assert()
}

/// A demo college of 27.11.2026 in `db` and `login` signed in to it, with its session under
/// `state` (the demo's password of that login).
pub fn demo_signed_in(state: &Path, db: impl AsRef<OsStr>, login: &str, password: &str) {
    run(state, db.as_ref(), &["demo", "--today", "27.11.2026"], "").success();
    let stdin = format!("{password}\n");
    run(
        state,
        db,
        &["login", "--login", login, "--password-stdin"],
        &stdin,
    )
    .success();
}
