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

fn d(m: u32, day: u32) -> NaiveDate {
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

fn grid() -> Grid {
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

fn screen() -> GridScreen {
    // The cursor on 02.11 (the third lesson), first student.
    GridScreen::new(grid(), Some(3), d(11, 27))
}

fn write_of(effects: &[Effect]) -> &super::action::Write {
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

#[test]
fn the_topic_prompt_offers_the_plan_and_links_the_chosen_item() {
    let mut s = screen();
    // 02.11 has no plan item; items 1 and 2 are taken by the October lessons: item 3 is next.
    update(&mut s, Action::Ask(Ask::Topic));
    assert!(
        matches!(&s.mode, Mode::Prompt(Ask::Topic, f) if f.text == "Тема плана 3" && f.offered)
    );
    update(&mut s, Action::Plan(1));
    update(&mut s, Action::Plan(1));
    assert!(
        matches!(&s.mode, Mode::Prompt(Ask::Topic, f) if f.text == "Тема плана 1"),
        "Tab wraps round"
    );
    let e = update(&mut s, Action::Submit);
    match &write_of(&e).change {
        Change::Lesson { edit, back, .. } => {
            assert_eq!(edit.topic.as_deref(), Some("Тема плана 1"));
            assert_eq!(edit.plan_item, Some(Some(1)));
            assert_eq!(back.plan_item, Some(None), "undo unlinks it");
        }
        other => panic!("{other:?}"),
    }
    // The homework prompt takes a due date at its end.
    update(&mut s, Action::Ask(Ask::Homework));
    let e = update(
        &mut s,
        Action::Answer(Ask::Homework, "№ 12–14 до 09.11".into()),
    );
    match &write_of(&e).change {
        Change::Lesson { edit, .. } => {
            assert_eq!(edit.homework.as_deref(), Some("№ 12–14"));
            assert_eq!(edit.homework_due, Some(Some(d(11, 9))));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn homework_due_dates_read_as_people_write_them() {
    use super::update_answer::homework_due;
    assert_eq!(homework_due("§ 5", d(11, 2)), Ok(("§ 5".into(), None)));
    assert_eq!(
        homework_due("§ 5 до 10.01", d(12, 28)).map(|x| x.1),
        Ok(NaiveDate::from_ymd_opt(2027, 1, 10))
    );
    assert!(homework_due("§ 5 до 31.02", d(11, 2)).is_err());
    assert_eq!(
        homework_due("читать до конца", d(11, 2)).map(|x| x.1),
        Ok(None)
    );
}

#[test]
fn a_debt_is_put_with_a_dot_shown_in_the_cell_and_the_risk_and_taken_away_again() {
    use crate::app::journal::debts::Debt;
    let mut s = screen();
    s.move_by(1, 0);
    // «.» on Борисова's empty cell of 02.11: a debt, and the cursor goes on like after a mark.
    let e = update(&mut s, Action::Debt);
    let w = write_of(&e);
    assert!(matches!(
        w.change,
        Change::Debt {
            student: 2,
            on: true
        }
    ));
    assert!(w.advance && w.timed);
    assert!(matches!(w.retry.as_ref(), Action::Debt));
    // The grid read after the write holds it: the cell shows «•», the forecast is at risk.
    let mut owed = grid();
    owed.debts.push(Debt {
        id: 1,
        lesson_id: 3,
        student_id: 2,
    });
    update(
        &mut s,
        Action::Saved(Box::new(Saved {
            fresh: super::action::Fresh::Grid(Box::new(owed)),
            undo: None,
            what: "Борисова А. И. — точка".into(),
            advance: true,
            lesson: None,
        })),
    );
    assert_eq!(s.row, 2);
    let (text, failing, _) = super::view::cell_text(&s, 1, 2);
    assert_eq!((text.as_str(), failing), ("•", true));
    let risks = &s.stats[1].as_ref().map(|x| x.forecast.risks.clone());
    assert_eq!(
        risks.as_deref(),
        Some(&[crate::domain::forecast::Risk::Debts(1)][..])
    );
    // «.» again on the same cell takes it away; a grade there is a plain grade, whose
    // transaction pays the debt (the app layer).
    s.row = 1;
    let e = update(&mut s, Action::Debt);
    assert!(matches!(
        write_of(&e).change,
        Change::Debt {
            student: 2,
            on: false
        }
    ));
    assert_eq!(
        write_of(&e).cell.as_ref().map(|c| c.1.debt),
        Some(true),
        "the cell as shown, debt included, guards against a conflict"
    );
    let e = update(&mut s, Action::Grade(GradeValue::Numeric(4)));
    assert!(matches!(
        write_of(&e).change,
        Change::Grade { student: 2, .. }
    ));
    // The key: «.» in both layouts (ю sits on it in the Russian one).
    use crate::tui::keys::{read, Key};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    for c in ['.', 'ю'] {
        let k = read(
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
            "нубопНУБОП.",
        );
        assert!(matches!(
            super::keymap::action(super::keymap::Scope::Grid, k),
            Some(Action::Debt)
        ));
    }
    assert!(matches!(
        super::keymap::action(super::keymap::Scope::Grid, Key::Char('/')),
        Some(Action::Ask(Ask::Find))
    ));
}
