//! The grid's logic without a database: `update(state, action)` changes the state and returns
//! the effects to run. A mark becomes a [`Write`] with the cell as shown (the effect refuses to
//! overwrite what someone else changed since) and the reason already given for a late change of
//! the lesson; the results come back as actions (`update_done.rs`), the cell editor and the
//! prompts' answers are in `update_cell.rs` and `update_answer.rs`.

use super::action::{Action, Change, Effect, Step, Write};
use super::state::{Ask, GridScreen, Mode};
use crate::app::journal::cells::CellMarks;
use crate::domain::{AbsenceReason, GradeValue};
use crate::tui::field::Field;

/// A status line as an effect.
pub fn say(text: impl Into<String>) -> Effect {
    Effect::Status {
        text: text.into(),
        error: false,
    }
}

/// A warning or error on the status line.
pub fn warn(text: impl Into<String>) -> Effect {
    Effect::Status {
        text: text.into(),
        error: true,
    }
}

/// Applies `action` to the grid and returns what is to be done outside it.
pub fn update(s: &mut GridScreen, action: Action) -> Vec<Effect> {
    let after_o = std::mem::take(&mut s.after_o);
    if !matches!(action, Action::Idle | Action::Loaded { .. }) {
        s.changed.clear();
    }
    match action {
        Action::Move { rows, cols } => {
            s.page_from = None;
            s.move_by(rows, cols);
            Vec::new()
        }
        Action::Month(step) => super::update_page::month(s, step),
        Action::TermStart => super::update_page::jump(s, 0),
        Action::TermEnd => super::update_page::jump(s, s.grid.lessons.len().saturating_sub(1)),
        Action::Compact => {
            s.compact = !s.compact;
            Vec::new()
        }
        Action::Grade(v) => grade(s, v),
        Action::Absence(r) => {
            s.after_o = r == AbsenceReason::Late;
            absence(s, r)
        }
        // «п» after «о» completes «оп»; alone it means nothing.
        Action::LateTail => {
            let _ = after_o;
            Vec::new()
        }
        Action::Clear => clear(s),
        Action::Debt => super::update_cell::debt(s),
        Action::OpenCell => {
            if s.at().is_some() {
                s.mode = Mode::Cell(0);
            }
            Vec::new()
        }
        Action::Ask(ask) => {
            open_prompt(s, ask);
            Vec::new()
        }
        Action::Finals(on) => {
            s.mode = if on { Mode::Finals } else { Mode::Normal };
            Vec::new()
        }
        Action::Final(v) => super::update_cell::final_grade(s, v),
        Action::Undo => match s.undo.pop() {
            Some(u) => vec![Effect::Undo(u)],
            None => vec![warn("Отменять нечего.")],
        },
        Action::Reload => vec![Effect::Reload {
            note: Some("Журнал обновлён.".into()),
            idle: false,
        }],
        Action::Help => vec![Effect::Help],
        Action::Leave => vec![Effect::Home],
        Action::Idle if s.mode == Mode::Normal => vec![Effect::Reload {
            note: None,
            idle: true,
        }],
        Action::Idle => Vec::new(),
        a @ (Action::Edit(_)
        | Action::Submit
        | Action::Cancel
        | Action::Plan(_)
        | Action::Answer(..)) => super::update_answer::update(s, a),
        a @ (Action::CellSelect(_)
        | Action::CellAdd(_)
        | Action::CellKind(_)
        | Action::CellRemove
        | Action::CellClose) => super::update_cell::update(s, a),
        a => super::update_done::update(s, a),
    }
}

/// The selected cell (lesson, student, as shown) if the student belonged to the group that
/// day; otherwise the warning to show.
pub(super) fn cell(s: &GridScreen) -> Result<(i64, i64, CellMarks), Vec<Effect>> {
    let Some((lesson, student)) = s.at() else {
        return Err(Vec::new());
    };
    if !s.member(s.row, s.col) {
        return Err(vec![warn(format!(
            "{} не состоял(а) в группе в день этого занятия",
            s.who()
        ))]);
    }
    let shown = s.cells.get(&(lesson, student)).cloned().unwrap_or_default();
    Ok((lesson, student, shown))
}

/// A write of the selected lesson, with the reason already given for it, if any.
pub fn write(
    s: &GridScreen,
    change: Change,
    cell: Option<(i64, CellMarks)>,
    what: String,
    advance: bool,
    retry: Action,
) -> Vec<Effect> {
    let lesson = s.grid.lessons.get(s.col).map_or(0, |l| l.id);
    let timed = !matches!(change, Change::Final { .. } | Change::NewLesson(_));
    vec![Effect::Write(Box::new(Write {
        change,
        lesson,
        cell,
        why: s.reasons.get(&lesson).cloned(),
        timed,
        what,
        advance,
        retry: Box::new(retry),
    }))]
}

/// A digit: a grade in an empty cell, the replacement of the only one; a cell with several
/// grades opens the cell editor.
fn grade(s: &mut GridScreen, value: GradeValue) -> Vec<Effect> {
    let (_, student, shown) = match cell(s) {
        Ok(c) => c,
        Err(e) => return e,
    };
    let what = format!("{} — {value}", s.who());
    let change = match shown.grades.as_slice() {
        [] => Change::Grade {
            student,
            value,
            kind: s.default_kind(),
        },
        [one] => Change::Regrade {
            id: one.id,
            version: one.version,
            to: Some((value, one.work_kind)),
            back: Step::SetGrade {
                id: one.id,
                value: one.value,
                kind: one.work_kind,
            },
        },
        _ => {
            s.mode = Mode::Cell(0);
            return vec![say(
                "В ячейке несколько отметок: цифра добавляет ещё одну, Tab меняет вид работы",
            )];
        }
    };
    write(
        s,
        change,
        Some((student, shown)),
        what,
        true,
        Action::Grade(value),
    )
}

fn absence(s: &mut GridScreen, reason: AbsenceReason) -> Vec<Effect> {
    let (_, student, shown) = match cell(s) {
        Ok(c) => c,
        Err(e) => return e,
    };
    let change = Change::Absence {
        student,
        reason: Some(reason),
        version: shown.absence.as_ref().map(|a| a.version),
        before: shown.absence.as_ref().map(|a| a.reason),
    };
    let what = format!("{} — {}", s.who(), reason.name_ru());
    write(
        s,
        change,
        Some((student, shown)),
        what,
        true,
        Action::Absence(reason),
    )
}

fn clear(s: &mut GridScreen) -> Vec<Effect> {
    let (_, student, shown) = match cell(s) {
        Ok(c) => c,
        Err(e) => return e,
    };
    let what = format!("{} — ячейка очищена", s.who());
    let change = Change::Clear {
        student,
        cell: shown.clone(),
    };
    write(
        s,
        change,
        Some((student, shown)),
        what,
        false,
        Action::Clear,
    )
}

/// Opens a prompt; the topic starts from the lesson's topic, else its plan item, else the
/// plan's next topic no lesson has taken yet; the homework shows its due date.
fn open_prompt(s: &mut GridScreen, ask: Ask) {
    let lesson = s.grid.lessons.get(s.col);
    s.plan_pick = None;
    let start = match (ask, lesson) {
        (Ask::Topic, Some(l)) if !l.topic.is_empty() => {
            s.plan_pick = s
                .grid
                .plan
                .iter()
                .position(|p| Some(p.id) == l.plan_item_id);
            l.topic.clone()
        }
        (Ask::Topic, Some(l)) => {
            let taken = |id: i64| s.grid.lessons.iter().any(|x| x.plan_item_id == Some(id));
            s.plan_pick = s
                .grid
                .plan
                .iter()
                .position(|p| Some(p.id) == l.plan_item_id)
                .or_else(|| s.grid.plan.iter().position(|p| !taken(p.id)));
            s.plan_pick
                .and_then(|i| s.grid.plan.get(i))
                .map_or(String::new(), |p| p.topic.clone())
        }
        (Ask::Homework, Some(l)) => match l.homework_due {
            Some(d) if !l.homework.is_empty() => format!("{} до {}", l.homework, d.format("%d.%m")),
            _ => l.homework.clone(),
        },
        _ => String::new(),
    };
    s.mode = Mode::Prompt(ask, Field::offered(&start));
}
