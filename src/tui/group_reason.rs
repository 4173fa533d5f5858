//! The tutor's correction of an absence's reason letter on the group screen's week list (5.6),
//! with the same rule as a teacher's change: past the lesson's deadline the journal asks why
//! (a certificate brought late) and writes the answer into the audit record; Esc drops it.

use crossterm::event::KeyEvent;

use super::field::Field;
use super::keys::{self, Key};
use super::state::Ctx;
use crate::app::journal::overview::WeekAbsence;
use crate::app::{self, AppError};
use crate::domain::AbsenceReason;

/// A correction waiting for its reason.
#[derive(Debug, Clone)]
pub struct Pending {
    pub absence: WeekAbsence,
    pub to: AbsenceReason,
    /// Why the journal asks: «срок … истёк».
    pub late: String,
    pub field: Field,
}

impl Pending {
    /// The prompt's label.
    pub fn label(&self) -> String {
        format!("Причина изменения после срока ({})", self.late)
    }
}

/// Sets the reason letter `to` of `a`, with `why` when one was given; a late change without
/// one comes back as the correction that waits for its reason.
pub fn correct(
    ctx: &mut Ctx<'_>,
    a: &WeekAbsence,
    to: AbsenceReason,
    why: Option<&str>,
) -> Option<Pending> {
    let r = app::journal::marks::set_absence_because(
        ctx.db,
        ctx.actor,
        a.lesson_id,
        a.student_id,
        Some(to),
        Some(a.version),
        why,
    );
    match r {
        Ok(_) => {
            ctx.status.ok(format!(
                "Сохранено: {} {} — {}",
                a.student,
                crate::domain::format_ru(a.date),
                to.name_ru()
            ));
            None
        }
        Err(AppError::Late(late)) if why.is_none() => {
            ctx.status.warn(format!(
                "{}: {late} — укажите причину изменения (Enter — сохранить, Esc — отменить)",
                crate::domain::format_ru(a.date)
            ));
            Some(Pending {
                absence: a.clone(),
                to,
                late,
                field: Field::new(""),
            })
        }
        Err(e) => {
            ctx.status.fail(&e);
            None
        }
    }
}

/// A key while the reason is asked: typing, Enter to save with it, Esc to drop the change.
/// Returns the correction still waiting, if any; `done` is set when it was carried out.
pub fn key(ctx: &mut Ctx<'_>, mut p: Pending, ev: KeyEvent, done: &mut bool) -> Option<Pending> {
    match keys::read(ev, "") {
        Key::Esc => {
            ctx.status.ok("Отменено.");
            None
        }
        Key::Enter => {
            let why = p.field.take();
            if why.trim().is_empty() {
                ctx.status
                    .warn("Причина не указана: изменение не сохранено.");
                return None;
            }
            *done = true;
            correct(ctx, &p.absence, p.to, Some(why.trim()))
        }
        _ => {
            p.field.edit(&ev);
            Some(p)
        }
    }
}
