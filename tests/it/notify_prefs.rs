//! Who decides what is sent, on every backend: a guardian turns the weekly digest off in the
//! diary screen's tab «Уведомления» (and on again with `ezh notify prefs`), and the next digest
//! run leaves out that guardian only; the staff's letters cannot be turned off by their
//! readers. And a property over random moments of November: every notice holds one student's
//! name, goes only to that student's family, and one made in the quiet hours waits for 08:00.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use crossterm::event::KeyCode;
use diesel::prelude::*;
use ezh::app::notify::run::{run, RunOptions};
use ezh::app::notify::NoticeKind;
use ezh::store::schema::{notice_prefs, users};
use ezh::store::Db;
use proptest::prelude::*;

use crate::notify::{name_forms, named, people};
use crate::support::{self, tui};

fn moment(d: u32, h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, d)
        .and_then(|x| x.and_hms_opt(h, m, 0))
        .expect("moment")
}

fn preview(
    db: &mut Db,
    admin: &ezh::app::Actor,
    at: NaiveDateTime,
) -> Vec<ezh::app::notify::outbox::NewNotice> {
    let opts = RunOptions {
        at: Some(at),
        dry_run: true,
        ..RunOptions::default()
    };
    run(db, admin, &opts).expect("dry run").preview
}

fn admin(db: &mut Db) -> ezh::app::Actor {
    let id: i64 = ezh::with_conn!(&mut db.conn(), c => users::table
        .filter(users::login.eq("admin")).select(users::id).first(c))
    .expect("admin");
    ezh::app::actor::load(db, id).expect("actor")
}

fn preferences(backend: &str, url: &str, dir: &std::path::Path) {
    let (db, logins) = tui::demo(url);
    let parent = tui::login_of(&logins, "родитель").clone();
    let mut ui = tui::logged_in(db, &parent);
    for _ in 0..3 {
        tui::key(&mut ui, KeyCode::Tab);
    }
    let shown = tui::screen(&ui, 140, 30);
    assert!(shown.contains("[Уведомления]"), "{backend}: {shown}");
    assert!(shown.contains("[x] недельная сводка"), "{backend}: {shown}");
    for _ in 0..4 {
        tui::key(&mut ui, KeyCode::Down);
    }
    tui::key(&mut ui, KeyCode::Char(' '));
    let shown = tui::screen(&ui, 140, 30);
    assert!(
        shown.contains("> [ ] недельная сводка"),
        "{backend}: {shown}"
    );
    assert!(
        shown.contains("[x] пропуск занятия"),
        "{backend}: only the digest: {shown}"
    );
    let mut db = ezh::store::Db::open(
        &ezh::store::DbTarget::parse(url).expect("url"),
        ezh::store::OpenMode::Existing,
    )
    .expect("db");
    let parent_id: i64 = ezh::with_conn!(&mut db.conn(), c => users::table
        .filter(users::login.eq(&parent.login)).select(users::id).first(c))
    .expect("parent");
    let off: Vec<(String, bool)> = ezh::with_conn!(&mut db.conn(), c => notice_prefs::table
        .filter(notice_prefs::user_id.eq(parent_id))
        .select((notice_prefs::kind, notice_prefs::enabled))
        .load(c))
    .expect("prefs");
    assert_eq!(off, [("digest".to_string(), false)], "{backend}");
    // Saturday's digests leave this guardian out, and no one else.
    let admin = admin(&mut db);
    let digests: Vec<_> = preview(&mut db, &admin, moment(28, 18, 30))
        .into_iter()
        .filter(|n| n.kind == NoticeKind::Digest)
        .collect();
    assert!(digests.len() > 100, "{backend}: {}", digests.len());
    assert!(
        digests.iter().all(|n| n.user_id != Some(parent_id)),
        "{backend}"
    );
    // The command line: the same list, turned on again; the staff's letters stay on.
    let state = dir.join(format!("parent-{backend}"));
    let cli = |args: &[&str], stdin: &str| support::cli::run(&state, url, args, stdin);
    cli(
        &["login", "--login", &parent.login, "--password-stdin"],
        &format!("{}\n", parent.password),
    )
    .success();
    cli(&["notify", "prefs"], "")
        .success()
        .stdout(predicates::str::contains("digest   выкл  недельная сводка"));
    cli(&["notify", "prefs", "сводка", "вкл"], "")
        .success()
        .stdout(predicates::str::contains(
            "Уведомления «недельная сводка» включены.",
        ));
    cli(&["notify", "prefs", "remarks", "выкл"], "")
        .failure()
        .stderr(predicates::str::contains("отключить нельзя"));
    cli(&["notify", "run", "--internal-only"], "")
        .failure()
        .stderr(predicates::str::contains("нет прав: рассылка уведомлений"));
    let back = preview(&mut db, &admin, moment(28, 18, 30));
    assert!(
        back.iter()
            .any(|n| n.kind == NoticeKind::Digest && n.user_id == Some(parent_id)),
        "{backend}: the digest is back"
    );
}

#[test]
fn a_guardian_chooses_the_notices_in_the_diary_and_on_the_command_line_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("notify_prefs", dir.path()) {
        preferences(backend, &url, dir.path());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn a_notice_names_its_own_student_and_reaches_only_their_family(
        day in 16u32..=28, hour in 0u32..24, minute in 0u32..60,
    ) {
        thread_local! {
            static DEMO: std::cell::RefCell<Option<(tempfile::TempDir, Db)>> = const { std::cell::RefCell::new(None) };
        }
        DEMO.with(|cell| {
            let mut cell = cell.borrow_mut();
            let (_, db) = cell.get_or_insert_with(|| {
                let dir = tempfile::tempdir().expect("tempdir");
                let (db, _) = tui::demo(&support::sqlite_url(dir.path()));
                (dir, db)
            });
            let admin = admin(db);
            let forms = name_forms(db);
            let (students, guardians) = people(db);
            let at = moment(day, hour, minute);
            for n in preview(db, &admin, at) {
                let Some(s) = n.student_id else {
                    prop_assert!(n.kind == NoticeKind::Remarks);
                    continue;
                };
                let text = format!("{}\n{}", n.subject, n.body);
                // A namesake (the same full name, or the same initials) is the same words, not a
                // second student's data.
                let own = &forms.iter().find(|f| f.0 == s).expect("student").1;
                for other in named(&forms, &text) {
                    let theirs = &forms.iter().find(|f| f.0 == other).expect("student").1;
                    prop_assert!(other == s || theirs[0] == own[0] || theirs[1] == own[1], "{}", n.subject);
                }
                prop_assert!(named(&forms, &text).contains(&s), "{}", n.subject);
                let family: Vec<&String> = guardians.get(&s).into_iter().flatten().chain(std::iter::once(&students[&s].4)).collect();
                prop_assert!(n.email.is_empty() || family.contains(&&n.email), "{} → {}", n.subject, n.email);
                // 21:00–08:00 Moscow time is quiet: the notice waits for 08:00 (05:00 UTC).
                let utc = at - Duration::hours(3);
                let morning = if hour >= 21 { at.date() + Duration::days(1) } else { at.date() };
                let want = if !(8..21).contains(&hour) {
                    morning.and_hms_opt(5, 0, 0).expect("08:00")
                } else {
                    utc
                };
                prop_assert_eq!(n.not_before, want, "{} at {}", n.subject, at);
            }
            Ok(())
        })?;
    }
}
