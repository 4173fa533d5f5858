//! Movement by order on every backend: a transfer keeps the old grades in the old group's
//! journal and shows the student in the new group's journal only from the date of the order;
//! leave, return, expulsion and re-enrolment follow each other; invalid movements are refused
//! with exact Russian errors and change nothing; only the administrator moves students.

use crate::contingent_fixture;
use crate::support;

use contingent_fixture::{build, d, Fixture};
use diesel::prelude::*;
use ezh::app::contingent::movement::{self, MovementKind, MovementRequest, NewStudent};
use ezh::app::{journal::grid, lookup, AppError};
use ezh::store::rows::StudentRow;
use ezh::store::schema::{grades, group_memberships, movements, students};

fn req(
    kind: MovementKind,
    student: &str,
    date: chrono::NaiveDate,
    group: Option<&str>,
) -> MovementRequest {
    MovementRequest {
        kind,
        student: student.to_string(),
        date,
        group: group.map(str::to_string),
        order_number: "101-к".into(),
        order_date: None,
        reason: "по заявлению".into(),
    }
}

fn invalid(r: Result<impl std::fmt::Debug, AppError>) -> String {
    match r {
        Err(AppError::Invalid(m)) => m,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn state(f: &mut Fixture) -> (i64, i64, i64) {
    let m: i64 = ezh::with_conn!(&mut f.db.conn(), c => movements::table.count().get_result(c))
        .expect("count");
    (f.memberships(), m, f.audit_rows())
}

fn story(url: &str, backend: &str) {
    let mut f = build(url);
    // A student whose only membership is ТМ-26 (the demo moves a few).
    let (sid, book) = f
        .students_of("ТМ-26")
        .into_iter()
        .find(|(id, _)| {
            let n: i64 = ezh::with_conn!(&mut f.db.conn(), c => group_memberships::table
                .filter(group_memberships::student_id.eq(*id))
                .count()
                .get_result(c))
            .expect("count");
            n == 1
        })
        .expect("a student");
    let s: StudentRow = ezh::with_conn!(&mut f.db.conn(), c => students::table.find(sid).select(StudentRow::as_select()).first(c)).expect("student");
    let name = lookup::full_name(&s);
    let enrolled: chrono::NaiveDate =
        ezh::with_conn!(&mut f.db.conn(), c => group_memberships::table
        .filter(group_memberships::student_id.eq(sid))
        .select(group_memberships::from_date)
        .first(c))
        .expect("span");
    let old_grid_id = f.whole_group_assignment("ТМ-26", d(2026, 11, 27));
    let new_grid_id = f.whole_group_assignment("ЭС-26", d(2026, 11, 27));
    let grades_before: i64 = ezh::with_conn!(&mut f.db.conn(), c => grades::table.filter(grades::student_id.eq(sid)).count().get_result(c)).expect("grades");
    assert!(grades_before > 0, "{backend}: the demo student has grades");

    // Refusals change nothing.
    let before = state(&mut f);
    let transfer = req(
        MovementKind::Transfer,
        &book,
        d(2026, 11, 30),
        Some("ЭС-26"),
    );
    for who in [&f.deputy.clone(), &f.tutor.clone(), &f.secretary.clone()] {
        assert!(
            matches!(
                movement::apply(&mut f.db, who, &transfer),
                Err(AppError::Denied(_))
            ),
            "{backend}"
        );
    }
    let same = req(
        MovementKind::Transfer,
        &book,
        d(2026, 11, 30),
        Some("ТМ-26"),
    );
    assert_eq!(
        invalid(movement::apply(&mut f.db, &f.admin, &same)),
        format!("{name} уже в группе ТМ-26: перевод в ту же группу невозможен")
    );
    let early = req(MovementKind::Transfer, &book, enrolled, Some("ЭС-26"));
    assert_eq!(
        invalid(movement::apply(&mut f.db, &f.admin, &early)),
        format!(
            "дата {} (перевод) должна быть позже начала обучения в группе ТМ-26 ({})",
            lookup::ru(enrolled),
            lookup::ru(enrolled)
        )
    );
    let retro = req(MovementKind::Transfer, &book, d(2026, 10, 1), Some("ЭС-26"));
    let msg = invalid(movement::apply(&mut f.db, &f.admin, &retro));
    assert!(
        msg.starts_with(&format!(
            "{name}: есть отметки и пропуски в журнале группы ТМ-26 на 01.10.2026 и позже ("
        )),
        "{backend}: {msg}"
    );
    assert_eq!(
        invalid(movement::apply(
            &mut f.db,
            &f.admin,
            &req(MovementKind::Return, &book, d(2026, 11, 30), None)
        )),
        format!("{name} не находится в академическом отпуске")
    );
    let mut no_order = transfer.clone();
    no_order.order_number = "  ".into();
    assert_eq!(
        invalid(movement::apply(&mut f.db, &f.admin, &no_order)),
        "номер приказа не может быть пустым"
    );
    assert_eq!(state(&mut f), before, "{backend}: refusals changed nothing");

    // The transfer.
    let m = movement::apply(&mut f.db, &f.admin, &transfer).expect("transfer");
    assert_eq!((m.kind.as_str(), m.date), ("transfer", d(2026, 11, 30)));
    assert_eq!(m.from_group_id, Some(f.group("ТМ-26")));
    assert_eq!(m.to_group_id, Some(f.group("ЭС-26")));
    let after = state(&mut f);
    assert_eq!(
        (after.0, after.1, after.2),
        (before.0 + 1, before.1 + 1, before.2 + 3),
        "{backend}"
    );
    let (action, entity, student, old, new) = f.last_audit();
    assert_eq!(
        (action.as_str(), entity.as_str(), student),
        ("update", "student", Some(sid))
    );
    assert_eq!(
        old,
        Some(format!("группа ТМ-26 с {}", lookup::ru(enrolled)))
    );
    assert_eq!(new.as_deref(), Some("группа ЭС-26 с 30.11.2026"));

    let old_grid = grid::load(&mut f.db, old_grid_id).expect("old grid");
    let row = old_grid
        .students
        .iter()
        .find(|g| g.student.id == sid)
        .expect("still in the old journal");
    assert_eq!(row.spans, vec![(enrolled, Some(d(2026, 11, 29)))]);
    assert!(row.member_on(d(2026, 11, 27)) && !row.member_on(d(2026, 11, 30)));
    assert!(
        old_grid.grades.iter().any(|g| g.student_id == sid),
        "{backend}: old grades stay in the old journal"
    );
    let new_grid = grid::load(&mut f.db, new_grid_id).expect("new grid");
    let row = new_grid
        .students
        .iter()
        .find(|g| g.student.id == sid)
        .expect("in the new journal");
    assert_eq!(row.spans, vec![(d(2026, 11, 30), None)]);
    assert!(!row.member_on(d(2026, 11, 27)) && row.member_on(d(2026, 11, 30)));
    assert!(new_grid.grades.iter().all(|g| g.student_id != sid));
    let grades_after: i64 = ezh::with_conn!(&mut f.db.conn(), c => grades::table.filter(grades::student_id.eq(sid)).count().get_result(c)).expect("grades");
    assert_eq!(grades_after, grades_before, "{backend}: no grade lost");

    // Leave, a refused transfer while on leave, return to the same group, expulsion.
    movement::apply(
        &mut f.db,
        &f.admin,
        &req(MovementKind::Leave, &book, d(2026, 12, 7), None),
    )
    .expect("leave");
    let on_leave = state(&mut f);
    assert_eq!(
        invalid(movement::apply(
            &mut f.db,
            &f.admin,
            &req(MovementKind::Transfer, &book, d(2026, 12, 8), Some("ТМ-26"))
        )),
        format!("{name} в академическом отпуске с 07.12.2026: сначала оформите выход из отпуска")
    );
    assert_eq!(
        invalid(movement::apply(&mut f.db, &f.admin, &req(MovementKind::Return, &book, d(2026, 12, 7), None))),
        "дата 07.12.2026 (выход из академического отпуска) должна быть позже начала академического отпуска (07.12.2026)"
    );
    assert_eq!(state(&mut f), on_leave);
    movement::apply(
        &mut f.db,
        &f.admin,
        &req(MovementKind::Return, &book, d(2026, 12, 14), None),
    )
    .expect("return");
    assert_eq!(
        lookup::current_group(&mut f.db.conn(), sid).expect("group"),
        Some(f.group("ЭС-26"))
    );
    movement::apply(
        &mut f.db,
        &f.admin,
        &req(MovementKind::Expel, &book, d(2026, 12, 21), None),
    )
    .expect("expel");
    assert_eq!(
        lookup::current_group(&mut f.db.conn(), sid).expect("group"),
        None
    );
    let left = state(&mut f);
    for kind in [
        MovementKind::Transfer,
        MovementKind::Leave,
        MovementKind::Graduate,
        MovementKind::Expel,
    ] {
        let g = kind.needs_group().then_some("ТМ-26");
        assert_eq!(
            invalid(movement::apply(
                &mut f.db,
                &f.admin,
                &req(kind, &book, d(2026, 12, 28), g)
            )),
            format!(
                "{name}: отчисление с 21.12.2026 — движение невозможно, сначала зачислите снова"
            ),
            "{backend}"
        );
    }
    assert_eq!(state(&mut f), left, "{backend}: nothing changed");
    // Re-enrolment (восстановление) after the expulsion, not before it.
    assert_eq!(
        invalid(movement::apply(
            &mut f.db,
            &f.admin,
            &req(MovementKind::Enrol, &book, d(2026, 12, 20), Some("ТМ-26"))
        )),
        "дата 20.12.2026 (зачисление) не может быть раньше даты ухода (21.12.2026)"
    );
    movement::apply(
        &mut f.db,
        &f.admin,
        &req(MovementKind::Enrol, &book, d(2027, 1, 11), Some("ТМ-26")),
    )
    .expect("re-enrol");
    let spans: Vec<(i64, chrono::NaiveDate, Option<chrono::NaiveDate>)> = ezh::with_conn!(&mut f.db.conn(), c => group_memberships::table
        .filter(group_memberships::student_id.eq(sid))
        .order(group_memberships::from_date)
        .select((group_memberships::group_id, group_memberships::from_date, group_memberships::to_date))
        .load(c))
    .expect("spans");
    let (tm, es) = (f.group("ТМ-26"), f.group("ЭС-26"));
    assert_eq!(
        spans,
        vec![
            (tm, enrolled, Some(d(2026, 11, 29))),
            (es, d(2026, 11, 30), Some(d(2026, 12, 6))),
            (es, d(2026, 12, 14), Some(d(2026, 12, 20))),
            (tm, d(2027, 1, 11), None),
        ],
        "{backend}: the whole history is kept"
    );

    // A new person: created and enrolled in one go; a second enrolment is refused.
    let person = NewStudent {
        full_name: "Ёлкина Анна-Мария Петровна".into(),
        birth_date: d(2010, 5, 5),
        record_book: Some("26-09999".into()),
    };
    let mut e = req(MovementKind::Enrol, "", d(2026, 12, 1), Some("ТМ-26"));
    e.order_number = "120-к".into();
    let (new, _) = movement::enrol_new(&mut f.db, &f.admin, &person, &e).expect("enrol new");
    assert_eq!(lookup::full_name(&new), "Ёлкина Анна-Мария Петровна");
    assert_eq!(
        invalid(movement::enrol_new(&mut f.db, &f.admin, &person, &e)),
        "Ёлкина Анна-Мария Петровна уже учится в группе ТМ-26 с 01.12.2026"
    );
    assert!(matches!(
        movement::enrol_new(&mut f.db, &f.tutor, &person, &e),
        Err(AppError::Denied(_))
    ));
}

#[test]
fn movement_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("contingent_movement", dir.path()) {
        story(&url, backend);
    }
}
