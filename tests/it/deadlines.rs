//! Deadlines (6.1, 6.9) held by the app layer on every backend, on the server's clock: a mark,
//! an absence or a topic of a lesson past its deadline needs a reason, from its teacher or from
//! the deputy; anyone else is refused first; a refusal changes nothing. And `ezh tui --today`
//! is refused on a journal that is not a demo.

use chrono::NaiveDate;
use diesel::prelude::*;
use predicates::prelude::*;

use crate::support;
use ezh::app::college::clock;
use ezh::app::journal::{lesson_edit, marks};
use ezh::app::AppError;
use ezh::domain::{AbsenceReason, GradeValue, WorkKind};
use ezh::store::schema::audit_log;
use support::college::{build, fingerprint};

fn late_marks_need_a_reason(url: &str, backend: &str) {
    let (_, mut db, logins) = build(url);
    let (_, teacher, g) = support::college::whole_group_journal(&mut db);
    // A lesson of Friday 25.09.2026 or earlier: due on Monday 28.09 at the latest, weeks before
    // the fixture's 27.11.2026.
    let lesson = g
        .lessons
        .iter()
        .find(|l| {
            l.date <= NaiveDate::from_ymd_opt(2026, 9, 25).expect("date")
                && l.kind != ezh::domain::LessonKind::Test
        })
        .expect("an early lesson")
        .clone();
    let mut members = g
        .students
        .iter()
        .filter(|s| s.member_on(lesson.date))
        .map(|s| s.student.id);
    let (first, second) = (
        members.next().expect("student"),
        members.next().expect("student"),
    );
    let deputy = support::college::actor_of(&mut db, &logins, "заместитель по УР");
    let secretary = support::college::actor_of(&mut db, &logins, "секретарь");
    let four = GradeValue::parse("4").expect("4");

    // Late: the teacher without a reason is refused with the dates, and nothing is written.
    let before = fingerprint(&mut db);
    let e = marks::add_grade(&mut db, &teacher, lesson.id, first, four, WorkKind::Answer)
        .expect_err("late without a reason");
    assert!(
        matches!(&e, AppError::Late(why) if why.starts_with(&format!("срок внесения отметок за {}", ezh::domain::format_ru(lesson.date)))),
        "{backend}: {e}"
    );
    assert!(e.to_string().contains("только с указанием причины"), "{e}");
    let e = marks::set_absence(
        &mut db,
        &teacher,
        lesson.id,
        first,
        Some(AbsenceReason::Absent),
        None,
    )
    .expect_err("late absence");
    assert!(matches!(e, AppError::Late(_)), "{backend}: {e}");
    let e = lesson_edit::edit(
        &mut db,
        &teacher,
        lesson.id,
        lesson.version,
        &lesson_edit::LessonEdit {
            topic: Some("Новая тема".into()),
            ..Default::default()
        },
    )
    .expect_err("late topic");
    assert!(matches!(e, AppError::Late(_)), "{backend}: {e}");
    // The secretary is refused for her rights, reason or not; the deputy without one for lateness.
    let e = marks::add_grade_because(
        &mut db,
        &secretary,
        lesson.id,
        first,
        four,
        WorkKind::Answer,
        Some("с бумаги"),
    )
    .expect_err("secretary");
    assert!(matches!(e, AppError::Denied(_)), "{backend}: {e}");
    let e = marks::add_grade(&mut db, &deputy, lesson.id, first, four, WorkKind::Answer)
        .expect_err("deputy without a reason");
    assert!(matches!(e, AppError::Late(_)), "{backend}: {e}");
    assert_eq!(
        fingerprint(&mut db),
        before,
        "{backend}: refusals changed nothing"
    );

    // With a reason the teacher and the deputy may, and the reason is in the audit record.
    marks::add_grade_because(
        &mut db,
        &teacher,
        lesson.id,
        first,
        four,
        WorkKind::Answer,
        Some("болел, сдал позже"),
    )
    .expect("teacher with a reason");
    marks::add_grade_because(
        &mut db,
        &deputy,
        lesson.id,
        second,
        four,
        WorkKind::Answer,
        Some("по заявлению"),
    )
    .expect("deputy with a reason");
    let reasons: Vec<Option<String>> = ezh::with_conn!(&mut db.conn(), c => audit_log::table
        .order(audit_log::id.desc())
        .limit(2)
        .select(audit_log::reason)
        .load(c))
    .expect("audit");
    assert_eq!(
        reasons,
        vec![
            Some("по заявлению".to_string()),
            Some("болел, сдал позже".to_string())
        ],
        "{backend}"
    );

    // On the lesson's own week the same teacher needs no reason.
    clock::fix_today(Some(lesson.date));
    marks::set_absence(
        &mut db,
        &teacher,
        lesson.id,
        first,
        Some(AbsenceReason::Late),
        None,
    )
    .expect("on time");
}

#[test]
fn late_marks_need_a_reason_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("late_marks_need_a_reason", dir.path()) {
        late_marks_need_a_reason(&url, backend);
    }
}

#[test]
fn today_is_refused_on_a_journal_that_is_not_a_demo() {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = support::sqlite_url(dir.path());
    let state = dir.path().join("state");
    support::cli::run(
        &state,
        &url,
        &["init", "--password-stdin"],
        "пароль-админа-2026\n",
    )
    .success();
    support::cli::run(&state, &url, &["tui", "--today", "01.10.2026"], "")
        .failure()
        .stderr(predicate::str::contains(
            "--today допускается только в демонстрационном журнале",
        ));
}
