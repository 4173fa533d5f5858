//! The weekly remark to a teacher late with the journal, on every backend: it lists exactly the
//! lessons the `deadlines` report lists for them as «не внесено» (same day, group, subject and
//! what is missing), and it is closed by the first run after the teacher filled them — topics
//! written, the missing lesson recorded, the test's results entered — through the journal's
//! own paths, after the deadline with a reason. The deadlines report then shows it closed.

use std::collections::BTreeMap;

use diesel::prelude::*;
use ezh::app::journal::lesson_edit::{self, LessonEdit};
use ezh::app::journal::open_items::{open_items, OpenItem};
use ezh::store::schema::{lessons, notice_remarks, users};
use ezh::store::{Db, DbTarget, OpenMode};

use crate::notify::{journal, notify};
use crate::support::{self, smtp::Smtp};

const AT: &str = "01.12.2026 09:30";

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date")
}

/// (date, group, subject, what) of the report's «не внесено» rows of `teacher`.
fn report_rows(
    j: &crate::notify::Journal,
    deputy: &std::path::Path,
    teacher: &str,
) -> Vec<(String, String, String, String)> {
    let out = support::cli::run(
        deputy,
        &j.url,
        &[
            "report",
            "deadlines",
            "--term",
            "1",
            "--date",
            "01.12.2026",
            "--format",
            "csv",
        ],
        "",
    )
    .success()
    .get_output()
    .stdout
    .clone();
    let text = String::from_utf8(out).expect("utf-8");
    let mut rows: Vec<_> = text
        .trim_start_matches('\u{feff}')
        .lines()
        .map(|l| l.split(';').map(str::to_string).collect::<Vec<_>>())
        .filter(|c| c.len() >= 7 && c[0] == teacher && c[6] == "не внесено")
        .map(|c| {
            (
                c[4].clone(),
                c[1].clone(),
                c[2].clone(),
                c[3].to_lowercase(),
            )
        })
        .collect();
    rows.sort();
    rows
}

/// (date, group, subject, what) of the remark's lines «ДД.ММ.ГГГГ, N пара, ГРУППА, ДИСЦИПЛИНА — что».
fn remark_rows(body: &str) -> Vec<(String, String, String, String)> {
    let mut rows: Vec<_> = body
        .lines()
        .filter(|l| l.starts_with("  ") && l.contains(" пара, "))
        .map(|l| {
            let (head, what) = l.trim().split_once(" — ").expect("line");
            let parts: Vec<&str> = head.split(", ").collect();
            (
                parts[0].to_string(),
                parts[2].to_string(),
                parts[3..].join(", "),
                what.to_string(),
            )
        })
        .collect();
    rows.sort();
    rows
}

/// Fills every item as the teacher would: the lesson recorded, the topic written, a result of
/// the test entered, each with the reason a late change needs.
fn fill(db: &mut Db, teacher: i64, items: &[OpenItem]) {
    let actor = ezh::app::actor::load(db, teacher).expect("teacher");
    for i in items {
        let mut parts = i.key.split(':');
        let (kind, a, b, c) = (parts.next(), parts.next(), parts.next(), parts.next());
        let lesson = match (kind, a, b, c) {
            (Some("slot"), _, _, Some(aid)) => {
                let aid: i64 = aid.parse().expect("assignment");
                ezh::app::journal::lessons::open(db, &actor, aid, i.date, i.pair)
                    .expect("record the lesson")
                    .id
            }
            (_, Some(id), _, _) => id.parse().expect("lesson"),
            _ => panic!("key {}", i.key),
        };
        let version: i32 = ezh::with_conn!(&mut db.conn(), c => lessons::table
            .find(lesson).select(lessons::version).first(c))
        .expect("version");
        let edit = LessonEdit {
            topic: Some("Повторение пройденного".into()),
            reason: Some("заполнено по замечанию".into()),
            ..LessonEdit::default()
        };
        lesson_edit::edit(db, &actor, lesson, version, &edit).expect("topic");
        if kind == Some("test") {
            let aid: i64 = ezh::with_conn!(&mut db.conn(), c => lessons::table
                .find(lesson).select(lessons::assignment_id).first(c))
            .expect("assignment");
            let g = ezh::app::journal::grid::open(db, &actor, aid).expect("grid");
            let student = g.students.first().expect("a student").student.id;
            ezh::app::journal::marks::add_grade_because(
                db,
                &actor,
                lesson,
                student,
                ezh::domain::GradeValue::Numeric(4),
                ezh::domain::WorkKind::Test,
                Some("заполнено по замечанию"),
            )
            .expect("result");
        }
    }
}

fn remarks(backend: &str, url: &str, dir: &std::path::Path) {
    let Some(server) = Smtp::start(dir, "notify_remarks") else {
        return;
    };
    let j = journal(backend, url, dir, "remarks");
    notify(&j, &server.url(), &["run", "--date", AT]).success();
    // The deputy reads the deadlines report (10.1).
    let deputy = dir.join(format!("deputy-{backend}"));
    support::cli::run(
        &deputy,
        url,
        &["login", "--login", "deputy", "--password-stdin"],
        "demo-deputy-2026\n",
    )
    .success();
    let mut db = Db::open(&DbTarget::parse(url).expect("url"), OpenMode::Existing).expect("db");
    let (weekday, test_days): (i32, i32) = ezh::with_conn!(&mut db.conn(), c => ezh::store::schema::college::table
        .select((ezh::store::schema::college::grade_deadline_weekday, ezh::store::schema::college::test_result_days))
        .first(c))
    .expect("settings");
    let start: chrono::NaiveDate =
        ezh::with_conn!(&mut db.conn(), c => ezh::store::schema::terms::table
        .filter(ezh::store::schema::terms::starts_on.le(today()))
        .filter(ezh::store::schema::terms::ends_on.ge(today()))
        .select(ezh::store::schema::terms::starts_on)
        .first(c))
        .expect("term");
    let span = ezh::domain::DateSpan {
        start,
        end: today(),
    };
    let items = db
        .read(|c| open_items(c, span, today(), None, weekday, test_days))
        .expect("items");
    let mut by: BTreeMap<i64, Vec<OpenItem>> = BTreeMap::new();
    for i in items {
        by.entry(i.teacher_id).or_default().push(i);
    }
    assert!(by.len() >= 2, "{backend}: the demo has late teachers");
    let letters = server.letters();
    for (teacher, list) in &by {
        let (login, last): (String, String) = ezh::with_conn!(&mut db.conn(), c => users::table
            .find(teacher).select((users::login, users::last_name)).first(c))
        .expect("teacher");
        let letter = letters
            .iter()
            .find(|l| {
                l.rcpt == format!("{login}@college.test") && l.subject.starts_with("Замечание")
            })
            .unwrap_or_else(|| panic!("{backend}: a remark to {login}"));
        let short = letter
            .subject
            .split(": ")
            .nth(1)
            .and_then(|s| s.split(", на").next())
            .expect("name");
        assert!(short.starts_with(&last), "{backend}: {short}");
        assert_eq!(
            remark_rows(&letter.body),
            report_rows(&j, &deputy, short),
            "{backend}: {login}"
        );
        assert_eq!(
            remark_rows(&letter.body).len(),
            list.len(),
            "{backend}: {login}"
        );
    }
    // The deputy's summary names every late teacher with the number of items (10.1); each
    // group's tutor has the past week's attendance and the teachers late in the group (5.1, 5.2).
    let summary = letters
        .iter()
        .find(|l| l.rcpt == "deputy@college.test")
        .unwrap_or_else(|| panic!("{backend}: the deputy's summary"));
    assert!(
        summary
            .subject
            .starts_with("Ведение журнала: сводка замечаний"),
        "{backend}"
    );
    for (teacher, list) in &by {
        let short: String = ezh::with_conn!(&mut db.conn(), c => users::table
            .find(teacher).select((users::last_name, users::first_name, users::patronymic)).first::<(String, String, String)>(c))
        .map(|(l, f, p)| ezh::domain::person::short_name(&l, &f, &p))
        .expect("name");
        assert!(
            summary.body.contains(&format!("{short} — {}", list.len())),
            "{backend}: {short} in {}",
            summary.body
        );
    }
    let tutors: Vec<&crate::support::smtp::Letter> = letters
        .iter()
        .filter(|l| l.subject.contains(": посещаемость 23.11 – 29.11.2026"))
        .collect();
    let groups: i64 = ezh::with_conn!(&mut db.conn(), c => ezh::store::schema::study_groups::table
        .filter(ezh::store::schema::study_groups::tutor_id.is_not_null())
        .count()
        .get_result(c))
    .expect("groups");
    assert_eq!(
        tutors.len() as i64,
        groups,
        "{backend}: a letter to each tutor"
    );
    assert!(
        tutors.iter().all(|l| l.body.contains("(п. 5.2)")),
        "{backend}"
    );

    // The teacher with the fewest items fills them; the next run closes their remark only.
    let (teacher, list) = by.iter().min_by_key(|(_, l)| l.len()).expect("a teacher");
    fill(&mut db, *teacher, list);
    notify(&j, &server.url(), &["run", "--date", "01.12.2026 09:45"])
        .success()
        .stdout(predicates::str::contains(
            "Закрыто замечаний преподавателям: 1.",
        ));
    let closed: Vec<(i64, Option<chrono::NaiveDateTime>)> =
        ezh::with_conn!(&mut db.conn(), c => notice_remarks::table
        .select((notice_remarks::teacher_id, notice_remarks::closed_at))
        .load(c))
        .expect("remarks");
    for (t, at) in closed {
        assert_eq!(at.is_some(), t == *teacher, "{backend}: teacher {t}");
    }
    support::cli::run(
        &deputy,
        &j.url,
        &["report", "deadlines", "--date", "01.12.2026"],
        "",
    )
    .success()
    .stdout(predicates::str::contains("закрыто 01.12.2026"))
    .stdout(predicates::str::contains("из них открыто"));
}

#[test]
fn a_remark_lists_the_reports_open_items_and_closes_when_filled_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("notify_remarks", dir.path()) {
        remarks(backend, &url, dir.path());
    }
}
