//! The grid's logic without a database, continued: the topic prompt with the thematic plan,
//! homework due dates, and the debt mark («точка») put, shown and taken away.

use chrono::NaiveDate;

use super::action::{Action, Change, Saved};
use super::state::{Ask, Mode};
use super::tests::{d, grid, screen, write_of};
use super::update::update;
use crate::domain::GradeValue;

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
