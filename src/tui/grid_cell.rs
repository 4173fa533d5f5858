//! Clearing a cell (Delete), and the cell editor (Enter on a cell): a cell may hold several grades, each for a kind of work
//! (an answer and a test at the same lesson). Digits add a grade, Tab and Shift+Tab change the
//! kind of the selected one, Delete removes it, Esc or Enter go back to the grid.

use crossterm::event::KeyEvent;

use super::grid_ops::{self, Step, Undo};
use super::grid_screen::{GridScreen, Mode};
use super::keys::{self, Key};
use super::state::Ctx;
use crate::app;
use crate::domain::{GradeValue, WorkKind};

/// Handles a key while the cell editor is open.
pub fn cell_key(s: &mut GridScreen, ctx: &mut Ctx<'_>, ev: KeyEvent) {
    let Mode::Cell(sel) = s.mode else {
        return;
    };
    let Some((lesson, student)) = s.at() else {
        s.mode = Mode::Normal;
        return;
    };
    let grades = s
        .cells
        .get(&(lesson, student))
        .map(|c| c.grades.clone())
        .unwrap_or_default();
    let selected = grades.get(sel).cloned();
    let writes = matches!(
        keys::read(ev, ""),
        Key::Char('1'..='5' | '+' | '-')
            | Key::Tab
            | Key::BackTab
            | Key::Right
            | Key::Left
            | Key::Delete
            | Key::Backspace
    );
    let why = if writes {
        match super::grid_late::reason(s, ctx, super::grid_late::Pending::Again) {
            Some(w) => w,
            None => return,
        }
    } else {
        None
    };
    let why = why.as_deref();
    let change = |kind_step: isize| {
        let g = selected.clone()?;
        let i = WorkKind::ALL
            .iter()
            .position(|k| *k == g.work_kind)
            .unwrap_or(0);
        let n = WorkKind::ALL.len() as isize;
        let next = WorkKind::ALL[((i as isize + kind_step).rem_euclid(n)) as usize];
        Some((g, next))
    };
    let result = match keys::read(ev, "") {
        Key::Esc | Key::Enter => {
            s.mode = Mode::Normal;
            return;
        }
        Key::Up | Key::Char('k') => {
            s.mode = Mode::Cell(sel.saturating_sub(1));
            return;
        }
        Key::Down | Key::Char('j') => {
            s.mode = Mode::Cell((sel + 1).min(grades.len().saturating_sub(1)));
            return;
        }
        Key::Char(c @ ('1'..='5' | '+' | '-')) => {
            let text = match c {
                '+' => "зч".to_string(),
                '-' => "нз".to_string(),
                d => d.to_string(),
            };
            let Ok(value) = GradeValue::parse(&text) else {
                return;
            };
            let kind = grid_ops::default_kind(s);
            app::journal::marks::add_grade_because(
                ctx.db, ctx.actor, lesson, student, value, kind, why,
            )
            .map(|g| {
                s.mode = Mode::Cell(grades.len());
                Undo {
                    at: s.at(),
                    what: format!("ещё одна отметка {value}"),
                    steps: vec![Step::RemoveGrade { id: g.id }],
                }
            })
        }
        k @ (Key::Tab | Key::BackTab | Key::Right | Key::Left) => {
            let step = if matches!(k, Key::Tab | Key::Right) {
                1
            } else {
                -1
            };
            let Some((g, next)) = change(step) else {
                return;
            };
            let (value, old) = (g.value, g.work_kind);
            app::journal::marks::change_grade(
                ctx.db,
                ctx.actor,
                g.id,
                g.version,
                Some((value, next)),
                why,
            )
            .map(|_| Undo {
                at: s.at(),
                what: format!("вид работы: {}", next.name_ru()),
                steps: vec![Step::SetGrade {
                    id: g.id,
                    value,
                    kind: old,
                }],
            })
        }
        Key::Delete | Key::Backspace => {
            let Some(g) = selected else {
                return;
            };
            let (value, kind) = (g.value, g.work_kind);
            s.mode = Mode::Cell(sel.saturating_sub(1));
            app::journal::marks::change_grade(ctx.db, ctx.actor, g.id, g.version, None, why).map(
                |_| Undo {
                    at: s.at(),
                    what: format!("отметка {value} удалена"),
                    steps: vec![Step::AddGrade {
                        lesson,
                        student,
                        value,
                        kind,
                    }],
                },
            )
        }
        _ => return,
    };
    match result {
        Ok(u) => {
            ctx.status.ok(format!("Сохранено: {}", u.what));
            s.undo.push(u);
        }
        Err(e) => ctx.status.fail(&e),
    }
    if let Err(e) = grid_ops::reload(s, ctx) {
        ctx.status.fail(&e);
    }
}

/// Clears the selected cell: its grades and its absence.
pub fn clear(s: &mut GridScreen, ctx: &mut Ctx<'_>) {
    let Some((lesson, student)) = grid_ops::writable_cell(s, ctx) else {
        return;
    };
    let Some(why) = super::grid_late::reason(s, ctx, super::grid_late::Pending::Clear) else {
        return;
    };
    let why = why.as_deref();
    let cell = s.cells.get(&(lesson, student)).cloned().unwrap_or_default();
    let mut steps = Vec::new();
    let mut result = Ok(());
    for g in &cell.grades {
        let (value, kind) = (g.value, g.work_kind);
        result = app::journal::marks::change_grade(ctx.db, ctx.actor, g.id, g.version, None, why)
            .map(|_| ());
        if result.is_err() {
            break;
        }
        steps.push(Step::AddGrade {
            lesson,
            student,
            value,
            kind,
        });
    }
    if let (Ok(()), Some(a)) = (&result, &cell.absence) {
        result = app::journal::marks::set_absence_because(
            ctx.db,
            ctx.actor,
            lesson,
            student,
            None,
            Some(a.version),
            why,
        )
        .map(|_| ());
        if result.is_ok() {
            steps.push(Step::Absence {
                lesson,
                student,
                reason: Some(a.reason),
            });
        }
    }
    let what = format!("{} — ячейка очищена", grid_ops::who(s));
    // Steps already done stay undoable even if a later one failed.
    if let Err(e) = result {
        if !steps.is_empty() {
            s.undo.push(Undo {
                what: what.clone(),
                steps,
                at: s.at(),
            });
        }
        let _ = grid_ops::reload(s, ctx);
        return ctx.status.fail(&e);
    }
    grid_ops::finish(s, ctx, Ok(steps), what, false);
}
