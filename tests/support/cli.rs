//! Running the real `ezh` binary in tests, kept away from the user's own database, settings,
//! token and session: every command-line test starts here.

use std::ffi::OsStr;
use std::path::Path;

use assert_cmd::assert::Assert;
use assert_cmd::Command;

/// `ezh` with the environment that could reach the user's own journal removed.
pub fn ezh() -> Command {
    let mut c = Command::cargo_bin("ezh").expect("binary");
    c.env_remove("EZH_DATABASE_URL")
        .env_remove("EZH_CONFIG")
        .env_remove("EZH_TOKEN_FILE")
        .env(
            "XDG_CONFIG_HOME",
            std::env::temp_dir().join("ezh-test-config"),
        )
        .env("XDG_DATA_HOME", std::env::temp_dir().join("ezh-test-data"));
    c
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
