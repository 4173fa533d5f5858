//! Changes after the deadline or in a closed term (6.1, 6.5): the first such change of a lesson
//! asks for a reason, which is then recorded in the audit of that change and of every later
//! change of the same lesson in this session; the interrupted change is carried out once the
//! reason is given.

use super::field::Field;
use super::grid_ops;
use super::grid_screen::{Ask, GridScreen, Mode};
use super::state::Ctx;
use crate::app;
use crate::domain::{AbsenceReason, GradeValue};

/// The change that waits for a reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    Grade(GradeValue),
    Absence(Option<AbsenceReason>),
    Clear,
    Fill(GradeValue),
    /// A change in the cell editor: the person repeats it after giving the reason.
    Again,
}

/// The reason to record for a change of the selected lesson: `Some(None)` when it is on time,
/// `Some(Some(reason))` when late and already explained, `None` when the screen now asks.
pub fn reason(s: &mut GridScreen, ctx: &mut Ctx<'_>, pending: Pending) -> Option<Option<String>> {
    let lesson = s.grid.lessons.get(s.col)?.id;
    if let Some(r) = s.reasons.get(&lesson) {
        return Some(Some(r.clone()));
    }
    match app::journal::deadline::lateness(ctx.db, lesson) {
        Ok(None) => Some(None),
        Ok(Some(why)) => {
            ctx.status.warn(format!("{why}: укажите причину изменения"));
            s.pending = Some(pending);
            s.mode = Mode::Prompt(Ask::Reason, Field::default());
            None
        }
        Err(e) => {
            ctx.status.fail(&e);
            None
        }
    }
}

/// The answer to the reason prompt: remembered for the lesson, then the waiting change.
pub fn answered(s: &mut GridScreen, ctx: &mut Ctx<'_>, text: &str) {
    let pending = s.pending.take();
    let text = text.trim();
    if text.is_empty() {
        return ctx
            .status
            .warn("Изменение не сделано: после срока нужна причина.");
    }
    if let Some(l) = s.grid.lessons.get(s.col) {
        s.reasons.insert(l.id, text.to_string());
    }
    match pending {
        Some(Pending::Grade(v)) => grid_ops::put_grade(s, ctx, v),
        Some(Pending::Absence(r)) => grid_ops::put_absence(s, ctx, r),
        Some(Pending::Clear) => grid_ops::clear(s, ctx),
        Some(Pending::Fill(v)) => {
            super::grid_answer::answer(s, ctx, Ask::FillColumn, v.to_string())
        }
        Some(Pending::Again) | None => ctx.status.ok("Причина принята; повторите изменение."),
    }
}
