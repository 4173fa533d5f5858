//! `ezh notify run` against a real SMTP server on every backend: after a day of the demo
//! journal each expected notice arrives exactly once, at the right addresses only, however often
//! the run runs; every letter has one recipient; no letter names a student other than its own.
//! The expected set is computed here from the journal's tables by the rules of docs/notify.md
//! (an absence «н» of the day or the day before, a failing grade or a final grade entered in the
//! last 48 hours; guardians with an address, the student when of age or, for grades, always).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use ezh::domain::person::short_name;
use ezh::store::schema::{
    absences, assignments, grades, guardians, lessons, student_guardians, students, subjects,
};
use ezh::store::{Db, DbTarget, OpenMode};

use crate::support::{self, smtp::Smtp};

/// The demo journal, the administrator's session, a notifier token in a 0600 file.
pub struct Journal {
    pub url: String,
    pub admin: std::path::PathBuf,
    pub token: std::path::PathBuf,
}

/// Builds the demo of 27.11.2026 at `url` and a notifier token; `kinds` for notify_kinds.
pub fn journal(backend: &str, url: &str, dir: &std::path::Path, kinds: &str) -> Journal {
    let admin = dir.join(format!("admin-{backend}"));
    let run = |args: &[&str], stdin: &str| support::cli::run(&admin, url, args, stdin);
    run(&["demo", "--today", "27.11.2026"], "").success();
    run(
        &["login", "--login", "admin", "--password-stdin"],
        "demo-admin-2026\n",
    )
    .success();
    run(
        &[
            "college",
            "set",
            "notify_sender",
            "Техникум <ezh@college.test>",
        ],
        "",
    )
    .success();
    run(&["college", "set", "notify_kinds", kinds], "").success();
    let out = run(
        &[
            "user",
            "token",
            "create",
            "--name",
            "рассылка",
            "--role",
            "notifier",
        ],
        "",
    )
    .success()
    .get_output()
    .stdout
    .clone();
    let token = dir.join(format!("token-{backend}"));
    std::fs::write(&token, out).expect("token file");
    Journal {
        url: url.to_string(),
        admin,
        token,
    }
}

/// `ezh notify ARGS` under the notifier token, with the mail server at `smtp`.
pub fn notify(j: &Journal, smtp: &str, args: &[&str]) -> assert_cmd::assert::Assert {
    let mut c = support::cli::ezh();
    c.env("EZH_TOKEN_FILE", &j.token)
        .env("EZH_SMTP_URL", smtp)
        .env("XDG_STATE_HOME", &j.admin)
        .arg("--db")
        .arg(&j.url)
        .arg("notify")
        .args(args);
    c.assert()
}

fn open(url: &str) -> Db {
    Db::open(&DbTarget::parse(url).expect("url"), OpenMode::Existing).expect("db")
}

/// (last, first, patronymic, birth, email) of every student, and the guardians' addresses.
type People = (
    BTreeMap<i64, (String, String, String, NaiveDate, String)>,
    BTreeMap<i64, Vec<String>>,
);

pub fn people(db: &mut Db) -> People {
    let s: Vec<(i64, String, String, String, NaiveDate, String)> =
        ezh::with_conn!(&mut db.conn(), c => students::table
            .select((students::id, students::last_name, students::first_name,
                     students::patronymic, students::birth_date, students::email))
            .load(c))
        .expect("students");
    let g: Vec<(i64, String)> = ezh::with_conn!(&mut db.conn(), c => student_guardians::table
        .inner_join(guardians::table)
        .select((student_guardians::student_id, guardians::email))
        .load(c))
    .expect("guardians");
    let mut by: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    for (s, e) in g.into_iter().filter(|g| !g.1.is_empty()) {
        by.entry(s).or_default().push(e);
    }
    (
        s.into_iter()
            .map(|r| (r.0, (r.1, r.2, r.3, r.4, r.5)))
            .collect(),
        by,
    )
}

fn adult(birth: NaiveDate, day: NaiveDate) -> bool {
    let years = day.year()
        - birth.year()
        - i32::from((day.month(), day.day()) < (birth.month(), birth.day()));
    years >= 18
}

/// The (address, subject) of every notice a run at `local` (Moscow time) must send.
fn expected(db: &mut Db, local: NaiveDateTime) -> Vec<(String, String)> {
    let utc = local - chrono::Duration::hours(3);
    let from = utc - chrono::Duration::hours(48);
    let day = local.date();
    let (students_by, guardians_by) = people(db);
    let mut out = Vec::new();
    let mut add = |student: i64, subject: String, with_student: bool| {
        for e in guardians_by.get(&student).into_iter().flatten() {
            out.push((e.clone(), subject.clone()));
        }
        let s = &students_by[&student];
        if with_student && !s.4.is_empty() {
            out.push((s.4.clone(), subject));
        }
    };
    let ab: Vec<(i64, NaiveDate, i32, String)> =
        ezh::with_conn!(&mut db.conn(), c => absences::table
        .inner_join(lessons::table.inner_join(assignments::table.inner_join(subjects::table)))
        .filter(absences::reason.eq("absent"))
        .filter(absences::entered_at.gt(from).and(absences::entered_at.le(utc)))
        .filter(lessons::date.between(day - chrono::Duration::days(1), day))
        .select((absences::student_id, lessons::date, lessons::pair, subjects::name))
        .load(c))
        .expect("absences");
    for (s, date, pair, subject) in ab {
        let st = &students_by[&s];
        let subject_line = format!(
            "Пропуск занятия: {}, {}, {subject}, {pair} пара",
            short_name(&st.0, &st.1, &st.2),
            date.format("%d.%m.%Y")
        );
        add(s, subject_line, adult(st.3, day));
    }
    let gr: Vec<(i64, NaiveDate, String, i32)> = ezh::with_conn!(&mut db.conn(), c => grades::table
        .inner_join(lessons::table.inner_join(assignments::table.inner_join(subjects::table)))
        .filter(grades::value.eq_any([1, 2, 100]))
        .filter(grades::entered_at.gt(from).and(grades::entered_at.le(utc)))
        .select((grades::student_id, lessons::date, subjects::name, grades::value))
        .load(c))
    .expect("grades");
    for (s, date, subject, value) in gr {
        let st = &students_by[&s];
        let v = if value == 100 {
            "нз".to_string()
        } else {
            value.to_string()
        };
        let subject_line = format!(
            "Неудовлетворительная отметка: {}, {}, {subject} — {v}",
            short_name(&st.0, &st.1, &st.2),
            date.format("%d.%m.%Y")
        );
        add(s, subject_line, true);
    }
    out.sort();
    out
}

/// Every student's «Фамилия Имя» and «Фамилия И. О.», the forms the letters print.
pub fn name_forms(db: &mut Db) -> Vec<(i64, [String; 2])> {
    people(db)
        .0
        .into_iter()
        .map(|(id, s)| {
            (
                id,
                [format!("{} {}", s.0, s.1), short_name(&s.0, &s.1, &s.2)],
            )
        })
        .collect()
}

/// The students a text names.
pub fn named(forms: &[(i64, [String; 2])], text: &str) -> Vec<i64> {
    forms
        .iter()
        .filter(|(_, f)| f.iter().any(|n| text.contains(n.as_str())))
        .map(|(id, _)| *id)
        .collect()
}

fn day_of_notices(backend: &str, url: &str, dir: &std::path::Path) {
    let Some(server) = Smtp::start(dir, "notify_day") else {
        return;
    };
    let j = journal(backend, url, dir, "absence,failing,final");
    let at = "27.11.2026 20:00";
    notify(&j, &server.url(), &["run", "--date", at])
        .success()
        .stdout(predicates::str::contains(
            "Рассылка 27.11.2026 20:00: новых уведомлений",
        ));
    let first = server.count();
    // The same moment again, and an hour later: nothing new, nothing twice.
    notify(&j, &server.url(), &["run", "--date", at])
        .success()
        .stdout(predicates::str::contains("новых уведомлений 0;"));
    notify(&j, &server.url(), &["run", "--date", "27.11.2026 21:00"]).success();
    let letters = server.letters();
    assert_eq!(
        letters.len(),
        first,
        "{backend}: the second and third runs sent nothing"
    );
    let mut db = open(url);
    let local = NaiveDate::from_ymd_opt(2026, 11, 27)
        .and_then(|d| d.and_hms_opt(20, 0, 0))
        .expect("moment");
    let want = expected(&mut db, local);
    assert!(
        want.len() > 20,
        "{backend}: a day of the demo has notices ({})",
        want.len()
    );
    let mut got: Vec<(String, String)> = letters
        .iter()
        .map(|l| (l.rcpt.clone(), l.subject.clone()))
        .collect();
    got.sort();
    assert_eq!(
        got, want,
        "{backend}: exactly the expected notices, each once"
    );
    let forms = name_forms(&mut db);
    for l in &letters {
        assert!(
            !l.to.contains(',') && l.to.contains(&l.rcpt),
            "{backend}: one recipient per letter, nobody sees another: {}",
            l.to
        );
        let who = named(&forms, &format!("{}\n{}", l.subject, l.body));
        assert_eq!(
            who.len(),
            1,
            "{backend}: one student per letter: {}",
            l.subject
        );
    }
    // The copies in the internal mailboxes: one per notice to a person with an account.
    let internal: i64 = ezh::with_conn!(&mut db.conn(), c => ezh::store::schema::notices::table
        .filter(ezh::store::schema::notices::user_id.is_not_null())
        .count()
        .get_result(c))
    .expect("count");
    let copies: i64 = ezh::with_conn!(&mut db.conn(), c => ezh::store::schema::mail_messages::table
        .filter(ezh::store::schema::mail_messages::subject.like("Пропуск занятия:%")
            .or(ezh::store::schema::mail_messages::subject.like("Неудовлетворительная отметка:%")))
        .count()
        .get_result(c))
    .expect("count");
    assert_eq!(
        copies, internal,
        "{backend}: each notice also in the internal mailbox"
    );
    notify(&j, &server.url(), &["status"])
        .success()
        .stdout(predicates::str::contains("Недоставленных нет."));
}

#[test]
fn a_day_of_notices_arrives_once_at_the_right_addresses_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("notify_day", dir.path()) {
        day_of_notices(backend, &url, dir.path());
    }
}
