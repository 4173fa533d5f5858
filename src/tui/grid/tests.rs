//! The grid's logic driven by actions alone, without a database: a hand-made grid of three
//! students and lessons over two months, and the effects each action asks for — a write with
//! the cell as shown, a late change that asks for a reason and is carried out again with it,
//! a conflict that shows the other person's marks, month paging and the plan's topics.

use chrono::NaiveDate;

use super::action::{Action, Change, Effect, Saved};
use super::state::{Ask, GridScreen, Mode};
use super::update::update;
use crate::app::journal::entries::{Grade, Lesson, Student};
use crate::app::journal::grid::{Grid, GridStudent, PlanItem};
use crate::domain::person::PersonName;
use crate::domain::{GradeValue, LessonKind, WorkKind};
use crate::store::rows::{AssignmentRow, TermRow};

pub(super) fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap_or_default()
}

fn lesson(id: i64, date: NaiveDate, plan: Option<i64>) -> Lesson {
    Lesson {
        id,
        assignment_id: 1,
        date,
        pair: 1,
        hours: 2,
        kind: LessonKind::Lecture,
        topic: String::new(),
        homework: String::new(),
        homework_due: None,
        plan_item_id: plan,
        held_by: 1,
        version: 1,
    }
}

pub(super) fn grid() -> Grid {
    let student = |id: i64, last: &str| GridStudent {
        student: Student {
            id,
            name: PersonName {
                last: last.into(),
                first: "Анна".into(),
                patronymic: "Ивановна".into(),
            },
            record_book: None,
        },
        spans: vec![(d(9, 1), None)],
    };
    let dates = [d(10, 26), d(10, 30), d(11, 2), d(11, 6), d(11, 9), d(12, 1)];
    Grid {
        assignment: AssignmentRow {
            id: 1,
            teacher_id: 1,
            group_id: 1,
            subgroup_id: None,
            subject_id: 1,
            term_id: 1,
        },
        group_name: "ТМ-26".into(),
        subject_name: "Математика".into(),
        term: TermRow {
            id: 1,
            academic_year_id: 1,
            number: 1,
            name: "1 семестр".into(),
            starts_on: d(9, 1),
            ends_on: d(12, 31),
            closed_at: None,
        },
        students: vec![
            student(1, "Андреева"),
            student(2, "Борисова"),
            student(3, "Волкова"),
        ],
        lessons: dates
            .iter()
            .enumerate()
            .map(|(i, &x)| lesson(i as i64 + 1, x, (i < 2).then_some(i as i64 + 1)))
            .collect(),
        grades: vec![Grade {
            id: 9,
            lesson_id: 3,
            student_id: 1,
            value: GradeValue::Numeric(4),
            work_kind: WorkKind::Answer,
            version: 1,
        }],
        absences: Vec::new(),
        debts: Vec::new(),
        finals: Vec::new(),
        weights: Default::default(),
        forecast: Default::default(),
        control: crate::domain::ControlForm::Other,
        plan: (1..=4)
            .map(|i| PlanItem {
                id: i,
                number: i as i32,
                topic: format!("Тема плана {i}"),
                hours: 2,
            })
            .collect(),
    }
}

pub(super) fn screen() -> GridScreen {
    // The cursor on 02.11 (the third lesson), first student.
    GridScreen::new(grid(), Some(3), d(11, 27))
}

pub(super) fn write_of(effects: &[Effect]) -> &super::action::Write {
    match effects {
        [Effect::Write(w)] => w,
        other => panic!("expected one write, got {other:?}"),
    }
}

#[test]
fn a_grade_on_a_late_lesson_asks_why_and_is_made_again_with_the_reason() {
    let mut s = screen();
    s.move_by(1, 0);
    let e = update(&mut s, Action::Grade(GradeValue::Numeric(5)));
    let w = write_of(&e);
    assert!(matches!(
        w.change,
        Change::Grade {
            student: 2,
            value: GradeValue::Numeric(5),
            kind: WorkKind::Answer
        }
    ));
    assert_eq!((w.lesson, w.why.as_deref(), w.timed), (3, None, true));
    assert_eq!(
        w.cell.as_ref().map(|c| c.0),
        Some(2),
        "the cell as shown goes with the write"
    );
    // The effect finds the deadline passed: the screen asks why, the change waits.
    let retry = w.retry.clone();
    let e = update(
        &mut s,
        Action::Late {
            why: "срок истёк 05.11.2026".into(),
            retry,
        },
    );
    assert!(matches!(s.mode, Mode::Prompt(Ask::Reason, _)));
    assert!(
        matches!(&e[..], [Effect::Status { text, error: true }] if text.contains("укажите причину"))
    );
    // An empty reason makes nothing.
    let e = update(&mut s, Action::Submit);
    assert!(matches!(&e[..], [Effect::Status { error: true, .. }]));
    assert_eq!(s.mode, Mode::Normal);
    assert_eq!(s.reasons.len(), 0);
    // With a reason, the same grade is written again, now carrying it.
    let e = update(
        &mut s,
        Action::Late {
            why: "срок истёк".into(),
            retry: Box::new(Action::Grade(GradeValue::Numeric(5))),
        },
    );
    assert_eq!(e.len(), 1);
    if let Mode::Prompt(_, field) = &mut s.mode {
        field.text = "болел, сдал позже".into();
    }
    let e = update(&mut s, Action::Submit);
    let w = write_of(&e);
    assert_eq!(w.why.as_deref(), Some("болел, сдал позже"));
    assert!(matches!(w.change, Change::Grade { student: 2, .. }));
    assert_eq!(s.mode, Mode::Normal);
    // The next change of the same lesson carries the reason without asking.
    let e = update(
        &mut s,
        Action::Absence(crate::domain::AbsenceReason::Absent),
    );
    assert_eq!(write_of(&e).why.as_deref(), Some("болел, сдал позже"));
}

#[test]
fn a_conflict_shows_the_other_persons_marks_and_a_saved_grade_moves_on() {
    let mut s = screen();
    // The only grade of the cell is replaced, not added to.
    let e = update(&mut s, Action::Grade(GradeValue::Numeric(3)));
    assert!(matches!(
        write_of(&e).change,
        Change::Regrade {
            id: 9,
            to: Some((GradeValue::Numeric(3), WorkKind::Answer)),
            ..
        }
    ));
    // Someone else wrote a 2 into the second student's cell meanwhile.
    let mut theirs = grid();
    theirs.grades.push(Grade {
        id: 10,
        lesson_id: 3,
        student_id: 2,
        value: GradeValue::Numeric(2),
        work_kind: WorkKind::Answer,
        version: 1,
    });
    let e = update(
        &mut s,
        Action::Conflict {
            grid: Box::new(theirs.clone()),
        },
    );
    assert!(
        matches!(&e[..], [Effect::Status { text, error: true }] if text.starts_with("Конфликт"))
    );
    assert_eq!(
        s.cells.get(&(3, 2)).map(|c| c.grades.len()),
        Some(1),
        "their mark is on screen"
    );
    assert_eq!((s.row, s.col), (0, 2), "the cursor stays");
    let e = update(
        &mut s,
        Action::Saved(Box::new(Saved {
            fresh: super::action::Fresh::Grid(Box::new(theirs)),
            undo: None,
            what: "Андреева А. И. — 3".into(),
            advance: true,
            lesson: None,
        })),
    );
    assert!(
        matches!(&e[..], [Effect::Status { text, error: false }] if text == "Сохранено: Андреева А. И. — 3")
    );
    assert_eq!(s.row, 1, "one key per student: the cursor goes down");
}

#[test]
fn pages_go_by_month_and_home_end_to_the_terms_ends() {
    let mut s = screen();
    assert!(update(&mut s, Action::Month(1)).is_empty());
    assert_eq!(
        (s.col, s.page_from),
        (5, Some(5)),
        "to 01.12, the first lesson of December"
    );
    assert!(
        matches!(&update(&mut s, Action::Month(1))[..], [Effect::Status { text, .. }] if text.contains("последний месяц"))
    );
    update(&mut s, Action::Month(-1));
    assert_eq!(s.col, 2, "back to 02.11");
    update(&mut s, Action::Move { rows: 0, cols: 1 });
    update(&mut s, Action::Month(-1));
    assert_eq!(s.col, 2, "first to the start of this month");
    update(&mut s, Action::Month(-1));
    assert_eq!(s.col, 0, "then to October's first lesson");
    update(&mut s, Action::TermEnd);
    assert_eq!((s.col, s.page_from), (5, None));
    update(&mut s, Action::Compact);
    assert!(s.compact);
}
