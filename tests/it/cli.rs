//! The command line as a user meets it: the clap definition is sound, completions are current,
//! `init` takes the password from standard input only, errors are Russian and name the place.

use crate::support;

use support::cli::ezh;

use clap::CommandFactory;
use predicates::prelude::*;

#[test]
fn clap_definition_is_sound() {
    ezh::cli::Cli::command().debug_assert();
}

#[test]
fn completions_are_current() {
    for (shell, file) in [
        (clap_complete::Shell::Bash, "ezh.bash"),
        (clap_complete::Shell::Zsh, "_ezh"),
        (clap_complete::Shell::Fish, "ezh.fish"),
    ] {
        let mut fresh = Vec::new();
        ezh::cli::print_completions(shell, &mut fresh).expect("script");
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("completions")
            .join(file);
        let stored = std::fs::read(&path).unwrap_or_default();
        assert!(
            stored == fresh,
            "completions/{file} is stale: run `cargo run -- completions {shell} > completions/{file}`"
        );
    }
}

#[test]
fn init_reads_the_password_from_stdin_and_refuses_a_weak_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("j.db");
    ezh()
        .args([
            "--db",
            db.to_str().unwrap_or_default(),
            "init",
            "--password-stdin",
        ])
        .write_stdin("qwerty123456\n")
        .assert()
        .failure()
        .stderr(predicate::str::contains("распространён"));
    ezh()
        .args([
            "--db",
            db.to_str().unwrap_or_default(),
            "init",
            "--password-stdin",
            "--college",
            "ГБПОУ «СЭМТ»",
        ])
        .write_stdin("сосна-берёза-2026\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("Администратор: admin"));
    let raw = std::fs::read(&db).expect("db file");
    let needle = "сосна-берёза-2026".as_bytes();
    assert!(
        !raw.windows(needle.len()).any(|w| w == needle),
        "the password is not stored in clear"
    );
    ezh()
        .args([
            "--db",
            db.to_str().unwrap_or_default(),
            "init",
            "--password-stdin",
        ])
        .write_stdin("сосна-берёза-2026\n")
        .assert()
        .failure()
        .stderr(predicate::str::contains("уже есть журнал"));
}

#[test]
fn a_missing_database_is_named_in_russian() {
    ezh()
        .args(["--db", "/nonexistent/dir/ezh.db", "db", "status"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "база данных не найдена: /nonexistent/dir/ezh.db",
        ));
    ezh()
        .args(["--db", "mysql://x/y", "db", "status"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("не понят"));
}

#[test]
fn demo_prints_logins_and_keeps_its_database_private() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("demo.db");
    let dbs = db.to_str().unwrap_or_default();
    let out = ezh()
        .args(["--db", dbs, "demo", "--today", "27.11.2026"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&out);
    for role in [
        "администратор",
        "заместитель по УР",
        "преподаватель",
        "куратор группы",
        "студент",
        "родитель",
    ] {
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("{role}\t")))
            .unwrap_or_default();
        assert_eq!(
            line.split('\t').count(),
            3,
            "role, login, password for {role}: {text}"
        );
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&db).expect("db").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "a new database is its owner's only");
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        ezh()
            .args(["--db", dbs, "db", "status"])
            .assert()
            .success()
            .stderr(predicate::str::contains("могут читать другие пользователи"));
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o600)).expect("chmod back");
    }
}

#[test]
fn login_whoami_audit_and_logout() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("demo.db");
    let dbs = db.to_str().unwrap_or_default();
    let state = dir.path().join("state");
    let run = |args: &[&str], stdin: &str| support::cli::run(&state, dbs, args, stdin);
    run(&["demo", "--today", "27.11.2026"], "").success();
    run(&["whoami"], "")
        .failure()
        .stderr(predicate::str::contains("нужно войти"));
    run(&["login", "--login", "nobody", "--password-stdin"], "x\n")
        .failure()
        .stderr(predicate::str::contains("неверный логин или пароль"));
    run(
        &["login", "--login", "deputy", "--password-stdin"],
        "demo-deputy-2026\n",
    )
    .success()
    .stdout(predicate::str::contains("Вход выполнен"));
    let file = state.join("ezh").join("session");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file)
            .expect("session file")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600);
    }
    run(&["whoami"], "")
        .success()
        .stdout(predicate::str::contains("(deputy)"));
    run(&["audit", "verify"], "")
        .success()
        .stdout(predicate::str::contains("цел"));
    run(&["user", "issue-codes", "--staff"], "")
        .failure()
        .stderr(predicate::str::contains("нет прав"));
    run(&["logout"], "").success();
    run(&["whoami"], "").failure();
    // A student reads their own diary and nobody else's, by number or by name.
    let out = run(&["demo", "--today", "27.11.2026"], "")
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&out).to_string();
    let student = text
        .lines()
        .find(|l| l.starts_with("студент\t"))
        .and_then(|l| l.split('\t').nth(1))
        .unwrap_or_default()
        .to_string();
    run(
        &["login", "--login", &student, "--password-stdin"],
        "demo-student-26\n",
    )
    .success();
    run(&["diary", "--date", "20.11.2026"], "")
        .success()
        .stdout(predicate::str::contains("Дневник:"));
    run(&["diary", "--student", "60", "--date", "20.11.2026"], "")
        .failure()
        .stderr(predicate::str::contains("нет прав"));
}

#[test]
fn a_reporter_token_reads_but_does_not_write() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("demo.db");
    let dbs = db.to_str().unwrap_or_default();
    let state = dir.path().join("state");
    let run = |args: &[&str], stdin: &str| support::cli::run(&state, dbs, args, stdin);
    run(&["demo", "--today", "27.11.2026"], "").success();
    run(
        &["login", "--login", "admin", "--password-stdin"],
        "demo-admin-2026\n",
    )
    .success();
    let out = run(&["user", "token", "create", "--name", "cron"], "")
        .success()
        .get_output()
        .stdout
        .clone();
    let token = String::from_utf8_lossy(&out).trim().to_string();
    assert_eq!(token.len(), 64, "{token}");
    // A Russian name is transliterated into the token's login, as people's logins are.
    run(&["user", "token", "create", "--name", "ночные отчёты"], "").success();
    run(&["user", "list"], "")
        .success()
        .stdout(predicate::str::contains("token-nochnye-otchety"));
    let file = dir.path().join("token");
    std::fs::write(&file, format!("{token}\n")).expect("token file");
    let as_cron = |args: &[&str]| {
        let mut c = ezh();
        c.env("EZH_TOKEN_FILE", &file)
            .arg("--db")
            .arg(dbs)
            .args(args);
        c.assert()
    };
    as_cron(&["whoami"])
        .success()
        .stdout(predicate::str::contains("token-cron"));
    as_cron(&["diary", "--student", "5", "--date", "20.11.2026"])
        .success()
        .stdout(predicate::str::contains("Дневник:"));
    as_cron(&["user", "list"])
        .failure()
        .stderr(predicate::str::contains("нет прав"));
    as_cron(&["audit", "verify"])
        .failure()
        .stderr(predicate::str::contains("нет прав"));
    // A cron job with a wrong or missing token file is told which file.
    let gone = dir.path().join("gone");
    let mut c = ezh();
    c.env("EZH_TOKEN_FILE", &gone).args(["--db", dbs, "whoami"]);
    c.assert()
        .failure()
        .stderr(predicate::str::contains(format!(
            "файл токена {} (EZH_TOKEN_FILE) не найден или пуст",
            gone.display()
        )));
    std::fs::write(&file, "0000\n").expect("a stale token");
    as_cron(&["whoami"])
        .failure()
        .stderr(predicate::str::contains("(EZH_TOKEN_FILE) не действует"));
}

#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    use std::io::Read;
    // The manual page is larger than a pipe's buffer, so `ezh` is still writing when the
    // reader goes away, as with `ezh … | head -1`.
    let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("ezh"));
    support::cli::isolate(&mut c, &support::cli::fresh_home());
    let mut child = c
        .arg("man")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("ezh");
    let mut first = [0u8; 16];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("some output");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "{:?}", out.status);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "",
        "no message, no panic"
    );
}

#[test]
fn without_a_terminal_a_password_prompt_names_the_stdin_flag() {
    // `setsid` leaves the command without a controlling terminal, as cron and services run it.
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("j.db");
    let mut c = std::process::Command::new("setsid");
    support::cli::isolate(&mut c, &support::cli::fresh_home());
    let out = c
        .arg(assert_cmd::cargo::cargo_bin("ezh"))
        .arg("--db")
        .arg(&db)
        .arg("init")
        .stdin(std::process::Stdio::null())
        .output();
    let Ok(out) = out else {
        support::skip("no-terminal prompt", "setsid (util-linux) is not installed");
        return;
    };
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("нет терминала для ввода пароля") && err.contains("--password-stdin"),
        "{err}"
    );
    assert!(!db.exists(), "nothing was created");
}

#[test]
fn the_binary_allocates_with_mimalloc() {
    // mimalloc prints its options at start when asked to; glibc's malloc prints nothing. The
    // batch's time and memory figures (docs/architecture.md) hold only with this allocator.
    let out = ezh()
        .arg("--version")
        .env("MIMALLOC_VERBOSE", "1")
        .output()
        .expect("run ezh");
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    // It lists its options in the order of their numbers: the one `ezh` sets is the purge delay.
    let options: Vec<&str> = err.lines().filter(|l| l.starts_with("option '")).collect();
    let at = usize::try_from(ezh::alloc::PURGE_DELAY).expect("option number");
    assert!(
        options
            .get(at)
            .is_some_and(|l| l.starts_with("option 'purge_delay'")),
        "stderr: {err}"
    );
}
