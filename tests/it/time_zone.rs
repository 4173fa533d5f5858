//! Times shown to people in the college's time zone, stored in UTC, on every backend: after the
//! administrator sets Yekaterinburg time, the previous login, the audit log's table, the inbox
//! and the sheet of access codes say «МСК+2» and show the hour two hours past Moscow's, while
//! the audit log's JSON stays UTC for scripts.

use predicates::prelude::*;

use crate::support;

fn zone(backend: &str, url: &str, dir: &std::path::Path) {
    let admin = dir.join(format!("tz-admin-{backend}"));
    let run = |args: &[&str], stdin: &str| support::cli::run(&admin, url, args, stdin);
    run(&["demo", "--today", "27.11.2026"], "").success();
    run(
        &["login", "--login", "admin", "--password-stdin"],
        "demo-admin-2026\n",
    )
    .success();
    run(&["college", "set", "time_zone", "Asia/Yekaterinburg"], "").success();
    run(&["college", "set", "time_zone", "Europe/Berlin"], "")
        .failure()
        .stderr(predicate::str::contains(
            "нужно одно из: Europe/Kaliningrad, Europe/Moscow",
        ));
    run(
        &["login", "--login", "admin", "--password-stdin"],
        "demo-admin-2026\n",
    )
    .success()
    .stdout(
        predicate::str::is_match(r"Предыдущий вход: \d\d\.\d\d\.\d{4} \d\d:\d\d МСК\+2")
            .expect("re"),
    );
    let table = run(&["--width", "0", "audit", "--limit", "1"], "")
        .success()
        .get_output()
        .stdout
        .clone();
    let table = String::from_utf8(table).expect("utf-8");
    assert!(table.contains(" МСК+2"), "{backend}: {table}");
    let json = run(&["audit", "--limit", "1", "--format", "json"], "")
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&json).expect("json");
    let at = json[0]["at"].as_str().expect("at");
    assert!(at.ends_with('Z'), "{backend}: scripts read UTC: {at}");
    // The hour shown is the stored UTC hour plus five.
    let utc =
        chrono::NaiveDateTime::parse_from_str(at.trim_end_matches('Z'), "%Y-%m-%dT%H:%M:%S%.f")
            .expect("time");
    let local = (utc + chrono::Duration::hours(5))
        .format("%d.%m.%Y %H:%M")
        .to_string();
    assert!(table.contains(&local), "{backend}: {local} in {table}");
    run(
        &[
            "mail",
            "send",
            "--to",
            "deputy",
            "--subject",
            "Время",
            "--body",
            "проверка",
        ],
        "",
    )
    .success();
    let deputy = dir.join(format!("tz-deputy-{backend}"));
    support::cli::run(
        &deputy,
        url,
        &["login", "--login", "deputy", "--password-stdin"],
        "demo-deputy-2026\n",
    )
    .success();
    support::cli::run(&deputy, url, &["mail", "inbox"], "")
        .success()
        .stdout(predicate::str::contains(" МСК+2"));
    run(&["user", "issue-codes", "--staff"], "")
        .success()
        .stdout(predicate::str::contains("МСК+2"));
}

#[test]
fn times_are_shown_in_the_colleges_zone_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("time_zone", dir.path()) {
        zone(backend, &url, dir.path());
    }
}
