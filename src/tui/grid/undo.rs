//! Undo: the inverse steps of the last command, carried out through the app layer with the
//! versions the screen shows now, so an undo never overwrites someone else's later change; the
//! cursor returns to the cell the command changed.

use super::action::{Action, Step, Undo};
use super::state::GridScreen;
use crate::app::{self, AppError};
use crate::tui::state::Ctx;

/// Takes back a command's steps, last first, checking the current versions like any other
/// change; the grid read anew and the cell to return to come back as [`Action::Undone`].
pub fn run(s: &GridScreen, ctx: &mut Ctx<'_>, u: Undo) -> Action {
    let mut error = None;
    for step in u.steps.iter().rev() {
        if let Err(e) = undo_step(s, ctx, step) {
            error = Some(e.to_string());
            break;
        }
    }
    Action::Undone {
        grid: super::effects::read(s, ctx).ok().map(Box::new),
        at: u.at,
        what: u.what,
        error,
    }
}

fn undo_step(s: &GridScreen, ctx: &mut Ctx<'_>, step: &Step) -> Result<(), AppError> {
    let (db, actor) = (&mut *ctx.db, ctx.actor);
    let version = |id: i64| s.grid.grades.iter().find(|g| g.id == id).map(|g| g.version);
    match step {
        Step::RemoveGrade { id } => {
            let v = version(*id).ok_or_else(|| AppError::NotFound(format!("отметка № {id}")))?;
            app::journal::marks::change_grade(db, actor, *id, v, None, Some("отмена")).map(|_| ())
        }
        Step::SetGrade { id, value, kind } => {
            let v = version(*id).ok_or_else(|| AppError::NotFound(format!("отметка № {id}")))?;
            app::journal::marks::change_grade(
                db,
                actor,
                *id,
                v,
                Some((*value, *kind)),
                Some("отмена"),
            )
            .map(|_| ())
        }
        Step::AddGrade {
            lesson,
            student,
            value,
            kind,
        } => {
            app::journal::marks::add_grade(db, actor, *lesson, *student, *value, *kind).map(|_| ())
        }
        Step::Absence {
            lesson,
            student,
            reason,
        } => {
            let v = s
                .cells
                .get(&(*lesson, *student))
                .and_then(|c| c.absence.as_ref())
                .map(|a| a.version);
            app::journal::marks::set_absence(db, actor, *lesson, *student, *reason, v).map(|_| ())
        }
        Step::Debt {
            lesson,
            student,
            on,
        } => app::journal::debts::set_debt(db, actor, *lesson, *student, *on, Some("отмена"))
            .map(|_| ()),
        Step::Lesson { id, edit } => {
            let v = s
                .grid
                .lessons
                .iter()
                .find(|l| l.id == *id)
                .map(|l| l.version);
            let v = v.ok_or_else(|| AppError::NotFound(format!("занятие № {id}")))?;
            app::journal::lessons::edit(db, actor, *id, v, edit).map(|_| ())
        }
    }
}
