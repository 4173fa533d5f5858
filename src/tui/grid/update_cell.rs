//! The cell editor without a database (Enter on a cell): a cell may hold several grades, each
//! for a kind of work (an answer and a test at the same lesson). A digit adds a grade, Tab and
//! Shift+Tab change the kind of the selected one, Delete removes it, Esc or Enter go back. Also
//! the debt mark of a cell (`.`) and the final grade of a row.

use super::action::{Action, Change, Effect, Step};
use super::state::{GridScreen, Mode};
use super::update::{cell, write};
use crate::app::journal::marks::FinalKey;
use crate::domain::WorkKind;
use crate::domain::{FinalGradeValue, FinalKind};

/// Handles a cell-editor action.
pub fn update(s: &mut GridScreen, a: Action) -> Vec<Effect> {
    let Mode::Cell(sel) = s.mode else {
        return Vec::new();
    };
    let Some((lesson, student)) = s.at() else {
        s.mode = Mode::Normal;
        return Vec::new();
    };
    let shown = s.cells.get(&(lesson, student)).cloned().unwrap_or_default();
    let selected = shown.grades.get(sel).cloned();
    let cell = Some((student, shown.clone()));
    match a {
        Action::CellClose => {
            s.mode = Mode::Normal;
            Vec::new()
        }
        Action::CellSelect(step) => {
            let last = shown.grades.len().saturating_sub(1);
            s.mode = Mode::Cell(sel.saturating_add_signed(step).min(last));
            Vec::new()
        }
        Action::CellAdd(value) => {
            let change = Change::More {
                student,
                value,
                kind: s.default_kind(),
            };
            write(
                s,
                change,
                cell,
                format!("ещё одна отметка {value}"),
                false,
                a,
            )
        }
        Action::CellKind(step) => {
            let Some(g) = selected else {
                return Vec::new();
            };
            let i = WorkKind::ALL
                .iter()
                .position(|k| *k == g.work_kind)
                .unwrap_or(0);
            let n = WorkKind::ALL.len() as isize;
            let next = WorkKind::ALL[(i as isize + step).rem_euclid(n) as usize];
            let change = Change::Regrade {
                id: g.id,
                version: g.version,
                to: Some((g.value, next)),
                back: Step::SetGrade {
                    id: g.id,
                    value: g.value,
                    kind: g.work_kind,
                },
            };
            let what = format!("вид работы: {}", next.name_ru());
            write(s, change, cell, what, false, a)
        }
        Action::CellRemove => {
            let Some(g) = selected else {
                return Vec::new();
            };
            let change = Change::Regrade {
                id: g.id,
                version: g.version,
                to: None,
                back: Step::AddGrade {
                    lesson,
                    student,
                    value: g.value,
                    kind: g.work_kind,
                },
            };
            write(
                s,
                change,
                cell,
                format!("отметка {} удалена", g.value),
                false,
                a,
            )
        }
        _ => Vec::new(),
    }
}

/// «.»: a debt («точка») in the cell, or away if there is one; the cursor goes down like
/// after a mark, so a missed test is marked one key per student.
pub(super) fn debt(s: &mut GridScreen) -> Vec<Effect> {
    let (_, student, shown) = match cell(s) {
        Ok(c) => c,
        Err(e) => return e,
    };
    let on = !shown.debt;
    let what = if on {
        format!("{} — точка: долг по работе занятия", s.who())
    } else {
        format!("{} — точка снята", s.who())
    };
    let change = Change::Debt { student, on };
    write(s, change, Some((student, shown)), what, on, Action::Debt)
}

pub(super) fn final_grade(s: &mut GridScreen, value: FinalGradeValue) -> Vec<Effect> {
    let Some(st) = s.grid.students.get(s.row) else {
        return Vec::new();
    };
    let a = &s.grid.assignment;
    let key = FinalKey {
        student_id: st.student.id,
        group_id: a.group_id,
        subject_id: a.subject_id,
        term_id: a.term_id,
        kind: FinalKind::Term,
    };
    let version = s
        .grid
        .finals
        .iter()
        .find(|f| f.student_id == key.student_id && f.kind == FinalKind::Term)
        .map(|f| f.version);
    let what = format!("{} — итоговая {value}", s.who());
    let change = Change::Final {
        key,
        value,
        version,
    };
    write(s, change, None, what, true, Action::Final(value))
}
