//! A write that changes nothing writes nothing, on every backend and every path that keeps a
//! record: the same grade, absence, topic, personal data, roles or account state again leaves
//! the audit log and the record's version as they were (a bumped version would give others a
//! false conflict).

use diesel::prelude::*;

use crate::support;
use ezh::app::accounts::users;
use ezh::app::contingent::{student_fields::Field, students};
use ezh::app::journal::{grid, lesson_edit, marks};
use ezh::domain::{AbsenceReason, GradeValue, WorkKind};
use ezh::store::schema::{audit_log, students as st};
use support::college::build;

fn audit_rows(db: &mut ezh::store::Db) -> i64 {
    ezh::with_conn!(&mut db.conn(), c => audit_log::table.count().get_result(c)).expect("count")
}

fn same_again_writes_nothing(url: &str, backend: &str) {
    let (_, mut db, logins) = build(url);
    let (assignment, teacher, g) = support::college::whole_group_journal(&mut db);
    let lesson = g.lessons.first().expect("lesson").clone();
    ezh::app::college::clock::fix_today(Some(lesson.date));
    let mut members = g.students.iter().filter(|s| s.member_on(lesson.date));
    let (a, b) = (
        members.next().expect("a").student.id,
        members.next().expect("b").student.id,
    );
    let admin = support::college::actor_of(&mut db, &logins, "администратор");
    let five = GradeValue::parse("5").expect("5");

    let grade =
        marks::add_grade(&mut db, &teacher, lesson.id, a, five, WorkKind::Answer).expect("grade");
    let absence = marks::set_absence(
        &mut db,
        &teacher,
        lesson.id,
        b,
        Some(AbsenceReason::Absent),
        None,
    )
    .expect("absence")
    .expect("an absence");
    let before = audit_rows(&mut db);

    let again = marks::change_grade(
        &mut db,
        &teacher,
        grade.id,
        grade.version,
        Some((five, WorkKind::Answer)),
        None,
    )
    .expect("same grade")
    .expect("still there");
    assert_eq!(
        again.version, grade.version,
        "{backend}: grade version kept"
    );
    let again = marks::set_absence(
        &mut db,
        &teacher,
        lesson.id,
        b,
        Some(AbsenceReason::Absent),
        Some(absence.version),
    )
    .expect("same absence")
    .expect("still absent");
    assert_eq!(
        again.version, absence.version,
        "{backend}: absence version kept"
    );
    let none = marks::set_absence(&mut db, &teacher, lesson.id, a, None, None).expect("no absence");
    assert!(none.is_none(), "{backend}");
    let fresh = grid::load(&mut db, assignment).expect("grid");
    let l = fresh
        .lessons
        .iter()
        .find(|l| l.id == lesson.id)
        .expect("lesson")
        .clone();
    let edited = lesson_edit::edit(
        &mut db,
        &teacher,
        l.id,
        l.version,
        &lesson_edit::LessonEdit {
            topic: Some(format!("  {}  ", l.topic)),
            homework: Some(l.homework.clone()),
            ..Default::default()
        },
    )
    .expect("same topic");
    assert_eq!(edited.version, l.version, "{backend}: lesson version kept");

    let (reference, last): (String, String) = ezh::with_conn!(&mut db.conn(), c => st::table
        .find(a)
        .select((st::record_book.assume_not_null(), st::last_name))
        .first(c))
    .expect("student");
    let n =
        students::edit(&mut db, &admin, &reference, &[(Field::LastName, last)]).expect("same name");
    assert_eq!(n, 0, "{backend}: no field changed");

    let teacher_login = users::show(&mut db, teacher.user_id).expect("show").login;
    let had = users::show(&mut db, teacher.user_id).expect("show").roles;
    let roles = users::parse_roles(&had.join(",")).expect("roles");
    users::set_roles(&mut db, &admin, &teacher_login, &roles).expect("same roles");
    users::set_disabled(&mut db, &admin, &teacher_login, false).expect("already enabled");

    assert_eq!(audit_rows(&mut db), before, "{backend}: nothing audited");
    // The check can fail: a real change is audited.
    users::set_disabled(&mut db, &admin, &teacher_login, true).expect("disable");
    assert_eq!(
        audit_rows(&mut db),
        before + 1,
        "{backend}: a real change is audited"
    );
}

#[test]
fn the_same_value_again_writes_nothing_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("same_again_writes_nothing", dir.path()) {
        same_again_writes_nothing(&url, backend);
    }
}
