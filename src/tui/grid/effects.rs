//! The grid's effects, run against the app layer (access check, version check, audit) and
//! turned back into actions. Before a cell is written it is read again: a cell someone else
//! changed since it was shown is not overwritten (a [`Action::Conflict`]). A change of a lesson
//! past its deadline without a reason comes back as [`Action::Late`], so the screen asks why
//! and carries the change out again. After a write of one cell that cell is read anew (after a
//! change of the whole lesson, the grid), so the screen shows the database.

use super::action::{Action, Effect, Fresh, Saved, Undo, Write};
use super::state::GridScreen;
use crate::app::{self, AppError};
use crate::tui::state::Ctx;

/// Runs an effect that needs the database; the others (status, help, home) are the shell's.
pub fn run(s: &GridScreen, ctx: &mut Ctx<'_>, e: Effect) -> Option<Action> {
    match e {
        Effect::Write(w) => Some(write(s, ctx, *w)),
        Effect::Reload { note, idle } => Some(match read(s, ctx) {
            Ok(grid) => Action::Loaded {
                grid: Box::new(grid),
                note,
                idle,
            },
            Err(e) => failed(e, None, None),
        }),
        Effect::Undo(u) => Some(super::undo::run(s, ctx, u)),
        Effect::Status { .. } | Effect::Help | Effect::Home => None,
    }
}

/// The grid of the screen's assignment as it is in the database now.
pub fn read(s: &GridScreen, ctx: &mut Ctx<'_>) -> Result<app::journal::grid::Grid, AppError> {
    app::journal::grid::open(ctx.db, ctx.actor, s.grid.assignment.id)
}

fn failed(e: AppError, grid: Option<app::journal::grid::Grid>, undo: Option<Undo>) -> Action {
    Action::Failed {
        error: e.to_string(),
        grid: grid.map(Box::new),
        undo,
    }
}

fn write(s: &GridScreen, ctx: &mut Ctx<'_>, w: Write) -> Action {
    // The cell as it is now and whether the lesson is past its deadline, in one read.
    let cell = w.cell.as_ref().map(|(student, _)| *student);
    let asks = w.timed && w.why.is_none();
    let (now, late) = match ctx.db.read(|c| {
        let now = cell
            .map(|st| app::journal::cells::read_in(c, w.lesson, st))
            .transpose()?;
        let late = match asks {
            true => app::journal::deadline::lateness_in(c, w.lesson)?,
            false => None,
        };
        Ok::<_, AppError>((now, late))
    }) {
        Ok(x) => x,
        Err(e) => return failed(e, None, None),
    };
    if let (Some((_, shown)), Some(now)) = (&w.cell, now) {
        if now != *shown {
            // Someone else changed the cell since it was shown: it is not overwritten.
            return match read(s, ctx) {
                Ok(grid) => Action::Conflict {
                    grid: Box::new(grid),
                },
                Err(e) => failed(e, None, None),
            };
        }
    }
    if let Some(why) = late {
        return Action::Late {
            why,
            retry: w.retry,
        };
    }
    let mut what = w.what;
    let mut new_lesson = None;
    let (mut steps, error) = super::effects_change::change(
        ctx,
        &w.change,
        w.lesson,
        w.why.as_deref(),
        &mut what,
        &mut new_lesson,
    );
    super::effects_change::paid_debts(s, &w.change, w.lesson, &mut steps, &mut what);
    let undo = (!steps.is_empty()).then(|| Undo {
        what: what.clone(),
        steps,
        at: s.at(),
    });
    if error.is_none() {
        if let Some((student, _)) = &w.cell {
            // One cell changed: read that cell, not the whole grid.
            return match app::journal::cells::read(ctx.db, w.lesson, *student) {
                Ok(marks) => Action::Saved(Box::new(Saved {
                    fresh: Fresh::Cell(w.lesson, *student, marks),
                    undo,
                    what,
                    advance: w.advance,
                    lesson: new_lesson,
                })),
                Err(e) => failed(e, None, undo),
            };
        }
    }
    let grid = read(s, ctx);
    match (error, grid) {
        (None, Ok(grid)) => Action::Saved(Box::new(Saved {
            fresh: Fresh::Grid(Box::new(grid)),
            undo,
            what,
            advance: w.advance,
            lesson: new_lesson,
        })),
        (None, Err(e)) => failed(e, None, undo),
        (Some(e), grid) => failed(e, grid.ok(), undo),
    }
}
