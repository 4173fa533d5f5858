//! The timetable on every backend: a week of a group with bells and parity, an even-week entry
//! shown only in even weeks, substitutions visible in the week and in the substitute's day,
//! the substitute allowed to enter marks in the moved lesson and a third teacher not, a
//! cancelled pair, refusals with exact Russian errors that change nothing.

use crate::contingent_fixture;
use crate::support;

use contingent_fixture::{build, d, user_id};
use diesel::prelude::*;
use ezh::app::timetable::schedule::{self, Whose};
use ezh::app::timetable::substitute::{substitute, SubstituteRequest};
use ezh::app::{actor, journal::marks, AppError};
use ezh::domain::{GradeValue, WorkKind};
use ezh::store::schema::{lessons, substitutions, timetable_entries, user_roles, users};

fn counts(db: &mut ezh::store::Db) -> (i64, i64) {
    let s: i64 = ezh::with_conn!(&mut db.conn(), c => substitutions::table.count().get_result(c))
        .expect("substitutions");
    let l: i64 = ezh::with_conn!(&mut db.conn(), c => lessons::table.count().get_result(c))
        .expect("lessons");
    (s, l)
}

fn invalid(r: Result<impl std::fmt::Debug, AppError>) -> String {
    match r {
        Err(AppError::Invalid(m)) => m,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn story(url: &str, backend: &str) {
    let mut f = build(url);
    let monday = d(2026, 11, 30);
    let group = Whose::Group("ТМ-26".into());

    // The week as printed: title with parity, bells, one column per day.
    let w = schedule::week(&mut f.db, &f.admin, &group, d(2026, 11, 25)).expect("week");
    assert_eq!((w.monday, w.parity), (d(2026, 11, 23), "нечётная"));
    assert_eq!(w.days.len(), 6, "{backend}: Monday to Saturday");
    let text = ezh::cli::timetable::render(&group, &w, None);
    assert!(
        text.starts_with("Группа ТМ-26: неделя 23.11.2026 — 29.11.2026 (нечётная)\n"),
        "{text}"
    );
    for head in ["Пара", "Пн 23.11", "Сб 28.11", "08:30–10:00"] {
        assert!(text.contains(head), "{backend}: {head} in\n{text}");
    }

    // An even-week entry appears in the even week only.
    let slot = w.days[0].1[0].clone();
    let entry = slot.entry_id.expect("weekly entry");
    ezh::with_conn!(&mut f.db.conn(), c => diesel::insert_into(timetable_entries::table)
        .values((
            timetable_entries::assignment_id.eq(slot.planned_assignment_id.expect("assignment")),
            timetable_entries::weekday.eq(1),
            timetable_entries::pair.eq(6),
            timetable_entries::week_parity.eq("even"),
            timetable_entries::valid_from.eq(d(2026, 9, 1)),
            timetable_entries::valid_to.eq(d(2026, 12, 31)),
        ))
        .execute(c))
    .expect("even entry");
    let _ = entry;
    let odd = schedule::day(&mut f.db, &f.admin, &group, d(2026, 11, 23)).expect("odd day");
    let even = schedule::day(&mut f.db, &f.admin, &group, monday).expect("even day");
    assert!(
        odd.iter().all(|s| s.pair != 6),
        "{backend}: not in an odd week"
    );
    assert!(
        even.iter().any(|s| s.pair == 6),
        "{backend}: in an even week"
    );
    let even_week = schedule::week(&mut f.db, &f.admin, &group, monday).expect("week");
    assert_eq!(even_week.parity, "чётная");

    // The pair to substitute and a teacher free at that time.
    let planned = even
        .iter()
        .find(|s| s.pair == 2 && s.subgroup.is_none())
        .expect("pair 2")
        .clone();
    let teachers: Vec<(i64, String)> = ezh::with_conn!(&mut f.db.conn(), c => users::table
        .inner_join(user_roles::table)
        .filter(user_roles::role.eq("teacher"))
        .order(users::id)
        .select((users::id, users::login))
        .load(c))
    .expect("teachers");
    let mut free = Vec::new();
    for (id, login) in &teachers {
        let day = schedule::day(&mut f.db, &f.admin, &Whose::TeacherId(*id), monday).expect("day");
        if day.iter().all(|s| s.pair != 2) {
            free.push((*id, login.clone()));
        }
    }
    let (sub_id, sub_login) = free[0].clone();
    let (third_id, _) = free[1].clone();
    let busy = even
        .iter()
        .find(|s| s.pair == 1)
        .expect("pair 1")
        .teacher_id;
    let busy_login: String = teachers
        .iter()
        .find(|t| t.0 == busy)
        .expect("busy")
        .1
        .clone();

    let req = SubstituteRequest {
        date: Some(monday),
        pair: 2,
        group: "ТМ-26".into(),
        teacher: Some(sub_login.clone()),
        ..Default::default()
    };
    let before = counts(&mut f.db);
    let audit_before = f.audit_rows();
    for who in [f.teacher.clone(), f.tutor.clone(), f.student.clone()] {
        assert!(
            matches!(substitute(&mut f.db, &who, &req), Err(AppError::Denied(_))),
            "{backend}"
        );
    }
    let both = SubstituteRequest {
        cancel: true,
        ..req.clone()
    };
    assert_eq!(
        invalid(substitute(&mut f.db, &f.secretary, &both)),
        "«--cancel» нельзя сочетать с --teacher, --room и --subject"
    );
    let nothing = SubstituteRequest {
        teacher: None,
        ..req.clone()
    };
    assert_eq!(
        invalid(substitute(&mut f.db, &f.secretary, &nothing)),
        "укажите, что меняется: --teacher, --room или --subject, либо --cancel"
    );
    let no_pair = SubstituteRequest {
        pair: 7,
        ..req.clone()
    };
    assert_eq!(
        invalid(substitute(&mut f.db, &f.secretary, &no_pair)),
        "у группы ТМ-26 нет 7-й пары 30.11.2026 по расписанию: для дополнительной пары укажите --subject и --teacher"
    );
    if busy != planned.teacher_id {
        let taken = SubstituteRequest {
            teacher: Some(busy_login),
            ..req.clone()
        };
        let msg = invalid(substitute(&mut f.db, &f.secretary, &taken));
        assert!(
            msg.contains(" уже ведёт 2-ю пару 30.11.2026 ("),
            "{backend}: {msg}"
        );
    }
    assert_eq!(
        counts(&mut f.db),
        before,
        "{backend}: refusals changed nothing"
    );
    assert_eq!(f.audit_rows(), audit_before);

    // The substitution: the lesson is created in the planned journal, held by the substitute.
    let row = substitute(&mut f.db, &f.secretary, &req).expect("substitute");
    assert_eq!((row.teacher_id, row.cancelled), (Some(sub_id), false));
    let theirs =
        schedule::day(&mut f.db, &f.admin, &Whose::TeacherId(sub_id), monday).expect("day");
    let moved = theirs
        .iter()
        .find(|s| s.pair == 2)
        .expect("the substitute's day has it");
    assert_eq!(
        (moved.group.as_str(), moved.subject.as_str()),
        ("ТМ-26", planned.subject.as_str())
    );
    assert_eq!(
        moved.replaced_teacher.as_deref(),
        Some(planned.teacher.as_str())
    );
    assert_eq!(moved.assignment_id, planned.planned_assignment_id);
    let lesson_id = moved.lesson_id.expect("lesson created");
    let held_by: i64 = ezh::with_conn!(&mut f.db.conn(), c => lessons::table.find(lesson_id).select(lessons::held_by).first(c)).expect("lesson");
    assert_eq!(held_by, sub_id);
    let original = schedule::day(
        &mut f.db,
        &f.admin,
        &Whose::TeacherId(planned.teacher_id),
        monday,
    )
    .expect("day");
    assert!(
        original
            .iter()
            .all(|s| !(s.pair == 2 && s.group == "ТМ-26")),
        "{backend}: moved away"
    );
    let (_, entity, _, _, new) = f.last_audit();
    assert_eq!(entity, "lesson");
    assert!(new.is_some_and(|n| n.starts_with(&format!(
        "замена № {}: 30.11.2026 2-я пара, группа ТМ-26: ведёт ",
        row.id
    ))));

    // Marks: the substitute may enter them, a third teacher may not.
    let student = f.students_of("ТМ-26")[0].0;
    let substitute_actor = actor::load(&mut f.db, sub_id).expect("actor");
    let third = actor::load(&mut f.db, third_id).expect("actor");
    assert!(matches!(
        marks::add_grade(
            &mut f.db,
            &third,
            lesson_id,
            student,
            GradeValue::Numeric(5),
            WorkKind::Answer
        ),
        Err(AppError::Denied(_))
    ));
    marks::add_grade(
        &mut f.db,
        &substitute_actor,
        lesson_id,
        student,
        GradeValue::Numeric(5),
        WorkKind::Answer,
    )
    .expect("the substitute enters a mark");

    // The week shows the substitution; a cancelled pair shows as cancelled.
    let cancel = SubstituteRequest {
        pair: 1,
        teacher: None,
        cancel: true,
        ..req.clone()
    };
    let first = even
        .iter()
        .find(|s| s.pair == 1)
        .expect("pair 1")
        .subject
        .clone();
    substitute(&mut f.db, &f.deputy, &cancel).expect("cancel");
    let w = schedule::week(&mut f.db, &f.admin, &group, monday).expect("week");
    let text = ezh::cli::timetable::render(&group, &w, None);
    assert!(
        text.contains(&format!("ОТМЕНА: {first}")),
        "{backend}:\n{text}"
    );
    assert!(
        text.contains("(замена)") && text.contains(&format!("вместо {}", planned.teacher)),
        "{backend}:\n{text}"
    );
    // Cancelling the substituted pair now is refused: the lesson has a mark.
    let cancel2 = SubstituteRequest {
        teacher: None,
        cancel: true,
        ..req.clone()
    };
    assert_eq!(
        invalid(substitute(&mut f.db, &f.secretary, &cancel2)),
        "2-я пара 30.11.2026 уже проведена: в журнале есть отметки и пропуски (1); замена невозможна"
    );
    // Families see their own group's day only; a teacher sees another teacher's day only with
    // the administration's rights.
    assert!(schedule::day(&mut f.db, &f.student, &group, monday).is_ok());
    assert!(matches!(
        schedule::day(&mut f.db, &f.student, &Whose::Group("ЭС-26".into()), monday),
        Err(AppError::Denied(_))
    ));
    assert!(matches!(
        schedule::day(&mut f.db, &third, &Whose::TeacherId(sub_id), monday),
        Err(AppError::Denied(_))
    ));
    let _ = user_id;
}

#[test]
fn timetable_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("contingent_timetable", dir.path()) {
        story(&url, backend);
    }
}
