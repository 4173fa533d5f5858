//! What the grid does with the results of its effects: a saved change (the grid as it is now,
//! the undo, the cursor to the next student), a failure, a conflict with someone else's change,
//! a late change that needs a reason, a grid read anew (by `r` or when idle, marking what
//! others changed) and a finished undo.

use std::collections::HashSet;

use super::action::{Action, Effect, Fresh};
use super::state::{Ask, GridScreen, Mode};
use super::update::{say, warn};
use crate::app::journal::cells::CellMarks;
use crate::app::journal::grid::Grid;
use crate::tui::field::Field;

/// Handles a result action.
pub fn update(s: &mut GridScreen, a: Action) -> Vec<Effect> {
    match a {
        Action::Saved(saved) => {
            let saved = *saved;
            let before = s
                .at()
                .and_then(|k| s.cells.get(&k))
                .map_or(0, |c| c.grades.len());
            match saved.fresh {
                Fresh::Grid(grid) => s.take_grid(*grid),
                Fresh::Cell(lesson, student, marks) => s.take_cell(lesson, student, marks),
            }
            if let Some(u) = saved.undo {
                s.undo.push(u);
            }
            if let Some(c) = saved
                .lesson
                .and_then(|id| s.grid.lessons.iter().position(|l| l.id == id))
            {
                s.col = c;
            }
            if let Mode::Cell(sel) = s.mode {
                // A grade added in the editor is selected; after a removal the one above it.
                let now = s
                    .at()
                    .and_then(|k| s.cells.get(&k))
                    .map_or(0, |c| c.grades.len());
                let last = now.saturating_sub(1);
                s.mode = Mode::Cell(if now > before { last } else { sel.min(last) });
            }
            if saved.advance {
                s.advance();
            }
            vec![say(format!("Сохранено: {}", saved.what))]
        }
        Action::Failed { error, grid, undo } => {
            if let Some(g) = grid {
                s.take_grid(*g);
            }
            if let Some(u) = undo {
                s.undo.push(u);
            }
            vec![warn(format!("Ошибка: {error}"))]
        }
        Action::Conflict { grid } => {
            s.take_grid(*grid);
            vec![warn(format!(
                "Конфликт: ячейку «{}» за это занятие уже изменил другой пользователь. \
                 На экране её текущее состояние; повторите, если нужно.",
                s.who()
            ))]
        }
        Action::Late { why, retry } => {
            let mode = std::mem::replace(&mut s.mode, Mode::Prompt(Ask::Reason, Field::default()));
            s.pending = Some((retry, mode));
            vec![warn(format!("{why}: укажите причину изменения"))]
        }
        Action::Loaded { grid, note, idle } => {
            let before = s.cells.clone();
            s.take_grid(*grid);
            if !idle {
                return note.map(say).into_iter().collect();
            }
            s.changed = changed(&before, s);
            match s.changed.len() {
                0 => Vec::new(),
                n => vec![say(format!(
                    "Журнал обновлён: другие изменили клеток — {n} (выделены)"
                ))],
            }
        }
        Action::Undone {
            grid,
            at,
            what,
            error,
        } => {
            if let Some(g) = grid {
                s.take_grid(*g);
            }
            if let Some((lesson, student)) = at {
                s.select(lesson, student);
            }
            match error {
                None => vec![say(format!("Отменено: {what}"))],
                Some(e) => vec![warn(format!("Ошибка: {e}"))],
            }
        }
        _ => Vec::new(),
    }
}

/// The cells whose marks differ from `before` (an empty cell and no cell are the same).
fn changed(
    before: &std::collections::HashMap<(i64, i64), CellMarks>,
    s: &GridScreen,
) -> HashSet<(i64, i64)> {
    let empty = |c: Option<&CellMarks>| {
        c.is_none_or(|m| m.grades.is_empty() && m.absence.is_none() && !m.debt)
    };
    before
        .keys()
        .chain(s.cells.keys())
        .copied()
        .filter(|k| {
            let (old, new) = (before.get(k), s.cells.get(k));
            !(old == new || empty(old) && empty(new))
        })
        .collect()
}

impl GridScreen {
    /// Takes a grid read anew, keeping the cursor on the same student and lesson.
    pub fn take_grid(&mut self, grid: Grid) {
        let here = self.at();
        self.grid = grid;
        if let Some((lesson, student)) = here {
            self.select(lesson, student);
        }
        self.index();
    }

    /// Takes one cell read anew after a write of it: the grid's marks of that cell are replaced,
    /// and only that student's figures are computed again (a key in class costs one cell, not
    /// the whole grid: `docs/journal.md`).
    pub fn take_cell(&mut self, lesson: i64, student: i64, marks: CellMarks) {
        let here = |l: i64, s: i64| l == lesson && s == student;
        let g = &mut self.grid;
        g.grades.retain(|x| !here(x.lesson_id, x.student_id));
        g.grades.extend(marks.grades.iter().cloned());
        g.absences.retain(|x| !here(x.lesson_id, x.student_id));
        g.absences.extend(marks.absence.iter().cloned());
        g.debts.retain(|x| !here(x.lesson_id, x.student_id));
        if marks.debt {
            g.debts.push(crate::app::journal::debts::Debt {
                id: 0,
                lesson_id: lesson,
                student_id: student,
            });
        }
        self.cells.insert((lesson, student), marks);
        if let Some(r) = self
            .grid
            .students
            .iter()
            .position(|x| x.student.id == student)
        {
            if let Some(slot) = self.stats.get_mut(r) {
                *slot = self.grid.stats(student, self.today);
            }
        }
    }

    /// Puts the cursor on a lesson and a student, where they are in the grid.
    pub fn select(&mut self, lesson: i64, student: i64) {
        if let Some(c) = self.grid.lessons.iter().position(|l| l.id == lesson) {
            self.col = c;
        }
        if let Some(r) = self
            .grid
            .students
            .iter()
            .position(|x| x.student.id == student)
        {
            self.row = r;
        }
    }
}
