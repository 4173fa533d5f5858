//! The storage story: one scenario walked on SQLite and on PostgreSQL — a demo college, a
//! teacher's day in the journal (lesson, grades, absences, a final grade), stale writes caught
//! as conflicts, impossible data refused with a Russian sentence, the audit chain intact, and a
//! backup restored.

use crate::support;

use chrono::NaiveDate;
use diesel::prelude::*;
use ezh::app::{journal::grid, journal::marks, AppError};
use ezh::demo::{self, DemoOptions, Size};
use ezh::domain::{AbsenceReason, FinalGradeValue, GradeValue, LessonKind, WorkKind};
use ezh::store::schema::{absences, assignments, curriculum, grades, lessons, subjects};
use ezh::store::{audit, backup, Db, DbTarget, OpenMode, StoreError};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default()
}

fn build(url: &str) -> (DbTarget, Db) {
    let target = DbTarget::parse(url).expect("url");
    let opts = DemoOptions {
        size: Size::Small,
        today: today(),
        seed: 7,
        full_year: false,
    };
    // Deadlines are judged on the demo's «today», as the server would on that day.
    ezh::app::college::clock::fix_today(Some(today()));
    let (db, report) = demo::build(&target, &opts, false).expect("demo builds");
    assert!(report.logins.iter().any(|l| l.role == "преподаватель"));
    (target, db)
}

/// The first assignment that has lessons, with its teacher.
fn some_assignment(db: &mut Db) -> (i64, i64) {
    ezh::with_conn!(&mut db.conn(), c => assignments::table
        .inner_join(lessons::table)
        .filter(assignments::subgroup_id.is_null())
        .select((assignments::id, assignments::teacher_id))
        .order(assignments::id)
        .first::<(i64, i64)>(c))
    .expect("an assignment with lessons")
}

fn story(url: &str, dir: &std::path::Path, backend: &str) {
    let (target, mut db) = build(url);
    let (assignment, teacher) = some_assignment(&mut db);
    let actor = ezh::app::actor::load(&mut db, teacher).expect("actor");
    let actor = &actor;

    // The grid shows 25 students (or the group as it was during the term) and the lessons.
    let g = grid::load(&mut db, assignment).expect("grid");
    assert!(
        g.students.len() >= 24,
        "{backend}: {} students",
        g.students.len()
    );
    assert!(!g.lessons.is_empty());
    assert!(!g.grades.is_empty(), "{backend}: demo grades present");

    // A new lesson on the demo's today, graded.
    let lesson = marks::add_lesson(
        &mut db,
        actor,
        &marks::NewLesson {
            assignment_id: assignment,
            date: today(),
            pair: 6,
            hours: 2,
            kind: LessonKind::Test,
            topic: "Контрольная работа № 2".into(),
            homework: "Повторить § 4–6".into(),
        },
    )
    .expect("lesson");
    let student = g
        .students
        .iter()
        .find(|s| s.member_on(today()))
        .expect("member")
        .student
        .id;
    let five = marks::add_grade(
        &mut db,
        actor,
        lesson.id,
        student,
        GradeValue::parse("5").expect("5"),
        WorkKind::Test,
    )
    .expect("grade");
    let changed = marks::change_grade(
        &mut db,
        actor,
        five.id,
        five.version,
        Some((GradeValue::parse("4").expect("4"), WorkKind::Test)),
        Some("описка"),
    )
    .expect("change")
    .expect("row");
    assert_eq!(changed.value, GradeValue::Numeric(4));
    assert_eq!(changed.value.to_code(), 4, "stored as code 4");
    assert_eq!(changed.version, 2);
    // A second writer still holding version 1 is told, not silently overwritten.
    let stale = marks::change_grade(
        &mut db,
        actor,
        five.id,
        1,
        Some((GradeValue::parse("3").expect("3"), WorkKind::Test)),
        None,
    );
    assert!(
        matches!(stale, Err(AppError::Conflict(_))),
        "{backend}: {stale:?}"
    );
    let stored: i32 = ezh::with_conn!(&mut db.conn(), c => grades::table.find(five.id).select(grades::value).first(c)).expect("read");
    assert_eq!(stored, 4);
    // Writing the value the cell already holds writes nothing: no audit row, no new version
    // (so nobody else gets a false conflict).
    let audit_rows = |db: &mut Db| -> i64 {
        ezh::with_conn!(&mut db.conn(), c => ezh::store::schema::audit_log::table.count().get_result(c))
            .expect("audit rows")
    };
    let before = audit_rows(&mut db);
    let same = marks::change_grade(
        &mut db,
        actor,
        five.id,
        2,
        Some((GradeValue::parse("4").expect("4"), WorkKind::Test)),
        None,
    )
    .expect("same value")
    .expect("row");
    assert_eq!(same.version, 2, "{backend}: no new version");
    assert_eq!(audit_rows(&mut db), before, "{backend}: no audit row");

    // Absence: set, change, conflict, clear.
    let other = g
        .students
        .iter()
        .filter(|s| s.member_on(today()))
        .nth(1)
        .expect("second")
        .student
        .id;
    let a = marks::set_absence(
        &mut db,
        actor,
        lesson.id,
        other,
        Some(AbsenceReason::parse("н").expect("н")),
        None,
    )
    .expect("absence")
    .expect("row");
    let before = audit_rows(&mut db);
    let same = marks::set_absence(
        &mut db,
        actor,
        lesson.id,
        other,
        Some(AbsenceReason::parse("н").expect("н")),
        Some(a.version),
    )
    .expect("same absence")
    .expect("row");
    assert_eq!(
        (same.version, audit_rows(&mut db)),
        (a.version, before),
        "{backend}: the same absence again writes nothing"
    );
    let a2 = marks::set_absence(
        &mut db,
        actor,
        lesson.id,
        other,
        Some(AbsenceReason::parse("б").expect("б")),
        Some(a.version),
    )
    .expect("update")
    .expect("row");
    assert_eq!(a2.reason, AbsenceReason::Ill);
    assert_eq!(a2.reason.as_code(), "ill");
    assert!(matches!(
        marks::set_absence(&mut db, actor, lesson.id, other, None, Some(a.version)),
        Err(AppError::Conflict(_))
    ));
    assert!(
        marks::set_absence(&mut db, actor, lesson.id, other, None, Some(a2.version))
            .expect("clear")
            .is_none()
    );

    // Final grade for the assignment's subject; then one for a subject the group does not study.
    let key = marks::FinalKey {
        student_id: student,
        group_id: g.assignment.group_id,
        subject_id: g.assignment.subject_id,
        term_id: g.assignment.term_id,
        kind: ezh::domain::FinalKind::Term,
    };
    let fin = marks::set_final(
        &mut db,
        actor,
        key,
        FinalGradeValue::parse("н/а").expect("н/а"),
        None,
        None,
    )
    .expect("final");
    assert_eq!(fin.value, FinalGradeValue::NotAttested);
    assert_eq!(fin.value.to_code(), 102, "н/а is stored as 102");
    let not_studied: i64 = ezh::with_conn!(&mut db.conn(), c => subjects::table
        .filter(subjects::id.ne_all(curriculum::table.filter(curriculum::group_id.eq(g.assignment.group_id)).select(curriculum::subject_id)))
        .select(subjects::id)
        .first(c))
    .expect("a subject the group does not study");
    let err = marks::set_final(
        &mut db,
        actor,
        marks::FinalKey {
            subject_id: not_studied,
            ..key
        },
        FinalGradeValue::parse("5").expect("5"),
        None,
        None,
    )
    .expect_err("refused");
    assert!(
        err.to_string().contains("нет в учебном плане"),
        "{backend}: {err}"
    );

    // The schema refuses it too, whoever writes.
    let raw = ezh::with_conn!(&mut db.conn(), c => diesel::insert_into(ezh::store::schema::final_grades::table)
        .values((ezh::store::schema::final_grades::student_id.eq(student),
                 ezh::store::schema::final_grades::group_id.eq(g.assignment.group_id),
                 ezh::store::schema::final_grades::subject_id.eq(not_studied),
                 ezh::store::schema::final_grades::term_id.eq(g.assignment.term_id),
                 ezh::store::schema::final_grades::kind.eq("term"),
                 ezh::store::schema::final_grades::value.eq(5),
                 ezh::store::schema::final_grades::entered_by.eq(teacher),
                 ezh::store::schema::final_grades::entered_at.eq(ezh::store::now())))
        .execute(c));
    let err = StoreError::from(raw.expect_err("not studied refused"));
    assert!(
        err.to_string().contains("нет в учебном плане"),
        "{backend}: {err}"
    );

    // A lesson outside the term is refused by the database with a Russian sentence.
    let err = marks::add_lesson(
        &mut db,
        actor,
        &marks::NewLesson {
            assignment_id: assignment,
            date: NaiveDate::from_ymd_opt(2027, 8, 1).unwrap_or_default(),
            pair: 1,
            hours: 2,
            kind: LessonKind::Lecture,
            topic: String::new(),
            homework: String::new(),
        },
    )
    .expect_err("outside term");
    assert!(
        err.to_string().contains("не входит в учебный период"),
        "{backend}: {err}"
    );

    // Values the domain would never produce are still refused by the schema itself.
    let raw = ezh::with_conn!(&mut db.conn(), c => diesel::insert_into(grades::table)
        .values((grades::lesson_id.eq(lesson.id), grades::student_id.eq(student), grades::value.eq(7),
                 grades::work_kind.eq("answer"), grades::entered_by.eq(teacher), grades::entered_at.eq(ezh::store::now())))
        .execute(c));
    let err = StoreError::from(raw.expect_err("grade 7 refused"));
    assert!(
        err.to_string().contains("недопустимое значение отметки"),
        "{backend}: {err}"
    );
    let raw = ezh::with_conn!(&mut db.conn(), c => diesel::insert_into(absences::table)
        .values((absences::lesson_id.eq(lesson.id), absences::student_id.eq(student), absences::reason.eq("x"),
                 absences::entered_by.eq(teacher), absences::entered_at.eq(ezh::store::now())))
        .execute(c));
    let err = StoreError::from(raw.expect_err("reason x refused"));
    assert!(
        err.to_string().contains("причина пропуска"),
        "{backend}: {err}"
    );

    // Every change above is in the audit log, and the chain is whole.
    match audit::verify(&mut db.conn()).expect("verify") {
        audit::Verdict::Intact { rows, .. } => {
            // Seven changes, the demo's record of its generation and the opening of the group's
            // chain (its first mark).
            assert_eq!(rows, 9, "{backend}: one audit row per change")
        }
        other => panic!("{backend}: chain broken: {other:?}"),
    }

    // Backup, a change, restore: the change is gone and the data is whole.
    let copy = dir.join(format!("{backend}.backup"));
    let skip_pg = backend == "postgres"
        && std::process::Command::new("pg_dump")
            .arg("--version")
            .output()
            .is_err();
    if skip_pg {
        // Fails under CI: the PostgreSQL backup and restore must be proven there.
        support::skip(
            "pg_dump",
            "not installed; the PostgreSQL backup and restore check did not run",
        );
    } else {
        backup::backup(&mut db, &target, &copy).expect("backup");
        marks::add_grade(
            &mut db,
            actor,
            lesson.id,
            student,
            GradeValue::parse("2").expect("2"),
            WorkKind::Answer,
        )
        .expect("after backup");
        drop(db);
        backup::restore(&target, &copy).expect("restore");
        let mut db = Db::open(&target, OpenMode::Existing).expect("reopen");
        let after: i64 = ezh::with_conn!(&mut db.conn(), c => grades::table.filter(grades::lesson_id.eq(lesson.id)).count().get_result(c)).expect("count");
        assert_eq!(
            after, 1,
            "{backend}: the grade made after the backup is gone"
        );
        assert!(matches!(
            audit::verify(&mut db.conn()).expect("verify"),
            audit::Verdict::Intact { .. }
        ));
        let not_ezh = dir.join("not-ezh.bin");
        std::fs::write(&not_ezh, b"hello, this is not a database").expect("write");
        assert!(matches!(
            backup::restore(&target, &not_ezh),
            Err(StoreError::NotEzh(_))
        ));
    }
}

#[test]
fn story_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("story", dir.path()) {
        story(&url, dir.path(), backend);
    }
}
