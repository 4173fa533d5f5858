//! Undo: the inverse steps of the last command, carried out through the app layer with the
//! versions the screen shows now, so an undo never overwrites someone else's later change; the
//! cursor returns to the cell the command changed.

use super::grid_ops::{reload, Step};
use super::grid_screen::GridScreen;
use super::state::Ctx;
use crate::app::{self, AppError};

/// Takes back the last command, checking the current versions like any other change.
pub fn undo(s: &mut GridScreen, ctx: &mut Ctx<'_>) {
    let Some(u) = s.undo.pop() else {
        return ctx.status.warn("Отменять нечего.");
    };
    let mut result = Ok(());
    for step in u.steps.iter().rev() {
        result = undo_step(s, ctx, step);
        if result.is_err() {
            break;
        }
    }
    let _ = reload(s, ctx);
    if let Some((lesson, student)) = u.at {
        if let Some(c) = s.grid.lessons.iter().position(|l| l.id == lesson) {
            s.col = c;
        }
        if let Some(r) = s.grid.students.iter().position(|x| x.student.id == student) {
            s.row = r;
        }
    }
    match result {
        Ok(()) => ctx.status.ok(format!("Отменено: {}", u.what)),
        Err(e) => ctx.status.fail(&e),
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
