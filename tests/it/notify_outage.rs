//! The outbox when things go wrong, on every backend: with the mail server down every run
//! queues and loses nothing; with it back the queue goes out; a run of hundreds of letters
//! killed with SIGKILL in the middle and run again leaves no notice unsent and none sent twice
//! (the one letter in flight at the kill may arrive again with the same Message-ID, which is
//! the same letter to a mail program: at most one such).

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use diesel::prelude::*;
use ezh::store::schema::notices;
use ezh::store::{Db, DbTarget, OpenMode};

use crate::notify::{journal, notify};
use crate::support::{self, smtp::Smtp};

fn queued(url: &str) -> BTreeMap<String, i64> {
    let mut db = Db::open(&DbTarget::parse(url).expect("url"), OpenMode::Existing).expect("db");
    let rows: Vec<(String, i64)> = ezh::with_conn!(&mut db.conn(), c => notices::table
        .group_by(notices::status)
        .select((notices::status, diesel::dsl::count_star()))
        .load(c))
    .expect("count");
    rows.into_iter().collect()
}

fn outage_and_kill(backend: &str, url: &str, dir: &std::path::Path) {
    let Some(mut server) = Smtp::with_handler(dir, "notify_outage", "handlers.Slow", &["0.004"])
    else {
        return;
    };
    server.stop();
    let j = journal(
        backend,
        url,
        dir,
        "absence,failing,final,risk,digest,remarks",
    );
    // A week of cron runs while the mail server is down: all queued, nothing lost.
    for at in [
        "21.11.2026 18:30",
        "26.11.2026 20:00",
        "27.11.2026 20:00",
        "28.11.2026 18:30",
    ] {
        notify(&j, &server.url(), &["run", "--date", at])
            .success()
            .stderr(predicates::str::contains("почтовый сервер недоступен"));
    }
    let before = queued(url);
    let waiting = before.get("queued").copied().unwrap_or(0);
    assert!(
        waiting >= 500,
        "{backend}: hundreds of notices wait: {before:?}"
    );
    assert_eq!(before.get("sent"), None, "{backend}: nothing went out");
    notify(&j, &server.url(), &["status"])
        .success()
        .stdout(predicates::str::contains(format!("в очереди: {waiting}")));

    // The server is back; the run is killed in the middle of the queue.
    server.resume();
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("ezh"));
    support::cli::isolate(&mut cmd, &support::cli::fresh_home());
    let mut child = cmd
        .env("EZH_TOKEN_FILE", &j.token)
        .env("EZH_SMTP_URL", server.url())
        .env("XDG_STATE_HOME", &j.admin)
        .args(["--db", url, "notify", "run", "--date", "28.11.2026 18:40"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("notify run");
    let until = Instant::now() + Duration::from_secs(60);
    while server.count() < 150 {
        assert!(Instant::now() < until, "{backend}: the run sends");
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill().expect("SIGKILL");
    let _ = child.wait();
    let at_kill = server.count();
    assert!(
        at_kill < waiting as usize,
        "{backend}: killed before the end ({at_kill})"
    );

    // The next run takes over the dead run's lease and sends the rest.
    notify(&j, &server.url(), &["run", "--date", "28.11.2026 18:45"]).success();
    let after = queued(url);
    assert_eq!(after.get("queued"), None, "{backend}: {after:?}");
    assert_eq!(after.get("sending"), None, "{backend}: {after:?}");
    assert_eq!(after.get("failed"), None, "{backend}: {after:?}");
    let sent = after.get("sent").copied().unwrap_or(0);
    let letters = server.letters();
    let mut by_id: BTreeMap<String, usize> = BTreeMap::new();
    for l in &letters {
        *by_id.entry(l.message_id.clone()).or_default() += 1;
    }
    assert_eq!(
        by_id.len() as i64,
        sent,
        "{backend}: every notice sent arrived"
    );
    let twice: Vec<_> = by_id.iter().filter(|(_, n)| **n > 1).collect();
    assert!(
        twice.len() <= 1,
        "{backend}: at most the letter in flight again: {twice:?}"
    );
    assert!(twice.iter().all(|(_, n)| **n == 2), "{backend}: {twice:?}");
    // Every queued notice was an outbox row: the ids the letters carry are the rows sent.
    let mut db = Db::open(&DbTarget::parse(url).expect("url"), OpenMode::Existing).expect("db");
    let ids: Vec<i64> = ezh::with_conn!(&mut db.conn(), c => notices::table
        .filter(notices::status.eq("sent"))
        .select(notices::id)
        .load(c))
    .expect("ids");
    for id in ids {
        let prefix = format!("<ezh.notice.{id}.");
        assert!(
            by_id.keys().any(|m| m.starts_with(&prefix)),
            "{backend}: notice {id} arrived"
        );
    }
}

#[test]
fn an_outage_and_a_killed_run_lose_nothing_and_send_nothing_twice_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("notify_outage", dir.path()) {
        outage_and_kill(backend, &url, dir.path());
    }
}
