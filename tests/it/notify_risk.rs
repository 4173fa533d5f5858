//! A forecast that falls to «под угрозой», on every backend: a teacher records a test and enters
//! every result but one; the next run sees the fall and says nothing yet (the teacher has the
//! day to enter results, 6.9); a run 12 hours later tells that student's family, once; once
//! the result is in, the fall is over. The runs look at the journal as the moment they run at,
//! so they run just after the marks were entered (on the server's clock), whatever the date.

use chrono::{Duration, NaiveDate};
use diesel::prelude::*;
use ezh::app::journal::{cells, marks};
use ezh::domain::{GradeValue, LessonKind, WorkKind};
use ezh::store::schema::{assignments, notice_forecasts, notices, users};
use ezh::store::{Db, DbTarget, OpenMode};

use crate::notify::{journal, notify};
use crate::support;

fn risk_notices(db: &mut Db) -> Vec<(Option<i64>, String, String)> {
    ezh::with_conn!(&mut db.conn(), c => notices::table
        .filter(notices::kind.eq("risk"))
        .select((notices::student_id, notices::subject, notices::body))
        .load(c))
    .expect("notices")
}

fn fall(backend: &str, url: &str, dir: &std::path::Path) {
    let j = journal(backend, url, dir, "risk");
    let at = |hours: i64| {
        // A minute ahead: the flag takes minutes, and the marks just entered must be before it.
        let local = chrono::Utc::now().naive_utc()
            + Duration::hours(3)
            + Duration::hours(hours)
            + Duration::minutes(1);
        local.format("%d.%m.%Y %H:%M").to_string()
    };
    let run = |when: &str| notify(&j, "", &["run", "--internal-only", "--date", when]).success();
    let mut db = Db::open(&DbTarget::parse(url).expect("url"), OpenMode::Existing).expect("db");
    let teacher: i64 = ezh::with_conn!(&mut db.conn(), c => users::table
        .filter(users::login.eq("grigoreva.oa")).select(users::id).first(c))
    .expect("teacher");
    let actor = ezh::app::actor::load(&mut db, teacher).expect("actor");
    let day = NaiveDate::from_ymd_opt(2026, 11, 27).expect("day");
    ezh::app::college::clock::fix_today(Some(day));
    let aid: i64 = ezh::with_conn!(&mut db.conn(), c => assignments::table
        .inner_join(ezh::store::schema::terms::table)
        .filter(assignments::teacher_id.eq(teacher))
        .filter(assignments::subgroup_id.is_null())
        .filter(ezh::store::schema::terms::starts_on.le(day))
        .filter(ezh::store::schema::terms::ends_on.ge(day))
        .order(assignments::id)
        .select(assignments::id)
        .first(c))
    .expect("assignment");
    // A mark in the assignment makes the next run look at it: its first look only records.
    let grid = ezh::app::journal::grid::open(&mut db, &actor, aid).expect("grid");
    let roll: Vec<i64> = grid
        .students
        .iter()
        .filter(|s| s.member_on(day))
        .map(|s| s.student.id)
        .collect();
    let last = grid
        .lessons
        .iter()
        .filter(|l| l.date <= day)
        .map(|l| l.id)
        .max()
        .expect("a lesson");
    marks::add_grade(
        &mut db,
        &actor,
        last,
        roll[0],
        GradeValue::Numeric(5),
        WorkKind::Answer,
    )
    .expect("a mark");
    run(&at(0));
    let lesson = marks::add_lesson(
        &mut db,
        &actor,
        &marks::NewLesson {
            assignment_id: aid,
            date: day,
            pair: 6, // the last pair of the bells, free on a Friday
            hours: 2,
            kind: LessonKind::Test,
            topic: "Контрольная работа".into(),
            homework: String::new(),
        },
    )
    .expect("test lesson");
    // Everyone but the first: were they at risk before? Only a fall counts.
    let (missing, rest) = roll.split_first().expect("students");
    cells::grade_all(
        &mut db,
        &actor,
        lesson.id,
        rest,
        GradeValue::Numeric(4),
        WorkKind::Test,
        None,
    )
    .expect("results");
    let was: Option<bool> = ezh::with_conn!(&mut db.conn(), c => notice_forecasts::table
        .find((missing, aid)).select(notice_forecasts::at_risk).first(c).optional())
    .expect("seen");
    assert_eq!(
        was,
        Some(false),
        "{backend}: the student was not at risk before"
    );

    run(&at(0));
    assert!(
        risk_notices(&mut db).is_empty(),
        "{backend}: not yet, the day is the teacher's"
    );
    let fell: Option<chrono::NaiveDateTime> =
        ezh::with_conn!(&mut db.conn(), c => notice_forecasts::table
        .find((missing, aid)).select(notice_forecasts::fell_at).first(c))
        .expect("fell");
    assert!(fell.is_some(), "{backend}: the fall is recorded");
    run(&at(13));
    run(&at(14));
    let told = risk_notices(&mut db);
    assert!(!told.is_empty(), "{backend}: the family is told");
    assert!(
        told.iter().all(|n| n.0 == Some(*missing)),
        "{backend}: only that student: {told:?}"
    );
    assert!(
        told.iter().all(|n| n.1.starts_with("Под угрозой: ")),
        "{backend}"
    );
    assert!(
        told.iter().all(|n| n.2.contains("нет отметок за 1 из")),
        "{backend}: the reason: {}",
        told[0].2
    );
    // The result is entered: the fall is over, nothing more is said.
    cells::grade_all(
        &mut db,
        &actor,
        lesson.id,
        &[*missing],
        GradeValue::Numeric(3),
        WorkKind::Test,
        None,
    )
    .expect("the last result");
    run(&at(15));
    let after: (bool, Option<chrono::NaiveDateTime>) = ezh::with_conn!(&mut db.conn(), c => notice_forecasts::table
        .find((missing, aid)).select((notice_forecasts::at_risk, notice_forecasts::fell_at)).first(c))
    .expect("after");
    assert_eq!(after, (false, None), "{backend}");
    assert_eq!(
        risk_notices(&mut db).len(),
        told.len(),
        "{backend}: nothing new"
    );
    ezh::app::college::clock::fix_today(None);
}

#[test]
fn a_fall_to_at_risk_is_told_once_after_it_held_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("notify_risk", dir.path()) {
        fall(backend, &url, dir.path());
    }
}
