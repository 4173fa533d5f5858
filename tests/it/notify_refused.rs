//! Letters the mail server refuses, on every backend (a real aiosmtpd answering 451 to
//! recipients at refuse.test and 550 to those at reject.test): a letter refused for good fails at
//! once; one refused for now is tried again after 5, 10, 20, 40 and 80 minutes, not before, and
//! fails after the sixth attempt; `ezh notify status` lists both with the server's answer and
//! `ezh notify retry` puts them back in the queue.

use diesel::prelude::*;
use ezh::store::schema::{grades, notices};
use ezh::store::{Db, DbTarget, OpenMode};

use crate::notify::{journal, notify};
use crate::support::{self, smtp::Smtp};

fn attempts(db: &mut Db, email: &str) -> Vec<(String, i32)> {
    ezh::with_conn!(&mut db.conn(), c => notices::table
        .filter(notices::email.eq(email))
        .select((notices::status, notices::attempts))
        .load(c))
    .expect("notices")
}

fn refused(backend: &str, url: &str, dir: &std::path::Path) {
    let Some(server) = Smtp::with_handler(dir, "notify_refused", "handlers.Refusing", &[]) else {
        return;
    };
    let j = journal(backend, url, dir, "failing");
    let mut db = Db::open(&DbTarget::parse(url).expect("url"), OpenMode::Existing).expect("db");
    // Two students with a failing grade on 27.11 (their letters go to them as well).
    // The run of 27.11 20:00 Moscow time looks 48 hours back from 17:00 UTC.
    let at = |d: u32, h: u32| {
        chrono::NaiveDate::from_ymd_opt(2026, 11, d)
            .and_then(|x| x.and_hms_opt(h, 0, 0))
            .expect("moment")
    };
    let mut who: Vec<i64> = ezh::with_conn!(&mut db.conn(), c => grades::table
        .filter(grades::value.eq(2))
        .filter(grades::entered_at.gt(at(26, 0)))
        .filter(grades::entered_at.le(at(27, 17)))
        .select(grades::student_id)
        .distinct()
        .load(c))
    .expect("students");
    who.sort_unstable();
    assert!(who.len() >= 2, "{backend}: failing grades on the day");
    let admin = |args: &[&str]| support::cli::run(&j.admin, url, args, "");
    admin(&[
        "student",
        "edit",
        &who[0].to_string(),
        "--email",
        "busy@refuse.test",
    ])
    .success();
    admin(&[
        "student",
        "edit",
        &who[1].to_string(),
        "--email",
        "gone@reject.test",
    ])
    .success();

    notify(&j, &server.url(), &["run", "--date", "27.11.2026 20:00"]).success();
    let busy = attempts(&mut db, "busy@refuse.test");
    assert!(!busy.is_empty(), "{backend}");
    assert!(
        busy.iter().all(|b| b == &("queued".to_string(), 1)),
        "{backend}: {busy:?}"
    );
    let gone = attempts(&mut db, "gone@reject.test");
    assert!(
        gone.iter().all(|g| g == &("failed".to_string(), 1)),
        "{backend}: {gone:?}"
    );
    // Too early for the first retry: nothing tried.
    notify(&j, &server.url(), &["run", "--date", "27.11.2026 20:04"]).success();
    assert_eq!(attempts(&mut db, "busy@refuse.test"), busy, "{backend}");
    for (at, n) in [("20:05", 2), ("20:15", 3), ("20:35", 4), ("21:15", 5)] {
        notify(
            &j,
            &server.url(),
            &["run", "--date", &format!("27.11.2026 {at}")],
        )
        .success();
        let now = attempts(&mut db, "busy@refuse.test");
        assert!(
            now.iter().all(|b| b == &("queued".to_string(), n)),
            "{backend} {at}: {now:?}"
        );
    }
    notify(&j, &server.url(), &["run", "--date", "27.11.2026 22:35"]).success();
    let last = attempts(&mut db, "busy@refuse.test");
    assert!(
        last.iter().all(|b| b == &("failed".to_string(), 6)),
        "{backend}: {last:?}"
    );
    notify(&j, &server.url(), &["--width", "0", "status"])
        .success()
        .stdout(predicates::str::contains("busy@refuse.test"))
        .stdout(predicates::str::contains("451"))
        .stdout(predicates::str::contains("gone@reject.test"))
        .stdout(predicates::str::contains("550"));
    let failed = busy.len() + gone.len();
    notify(&j, &server.url(), &["retry"])
        .success()
        .stdout(predicates::str::contains(format!(
            "Возвращено в очередь: {failed};"
        )));
    let letters = server.letters();
    assert!(!letters.is_empty(), "{backend}: the others' letters went");
    assert!(
        letters
            .iter()
            .all(|l| !l.rcpt.ends_with("@refuse.test") && !l.rcpt.ends_with("@reject.test")),
        "{backend}: a refused letter is not delivered"
    );
}

#[test]
fn refused_letters_are_retried_with_backoff_then_listed_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("notify_refused", dir.path()) {
        refused(backend, &url, dir.path());
    }
}
