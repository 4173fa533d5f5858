//! Who may write a lesson's marks, and for whom: the lesson with its group, teacher and
//! whether its term is closed; the permit of its teacher (or of the substitute who held it) —
//! in a closed term only the deputy's, with a reason; and the check that the student belonged
//! to the group on the lesson's date. Every write of grades and absences passes through here.

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::access::{self, Action, Permit};
use crate::app::{Actor, AppError};
use crate::store::rows::LessonRow;
use crate::store::schema::{assignments, group_memberships, lessons, terms};
use crate::store::Conn;

/// A lesson with what its rights depend on.
pub(super) struct LessonAt {
    pub(super) lesson: LessonRow,
    pub(super) group_id: i64,
    pub(super) teacher: i64,
    /// Whether the lesson's term is closed.
    pub(super) closed: bool,
}

/// The lesson, its group, its assignment's teacher and whether its term is closed, or a
/// not-found error.
pub(super) fn lesson_and_group(c: &mut Conn<'_>, lesson_id: i64) -> Result<LessonAt, AppError> {
    // One query on every write of a mark: the lesson, its assignment and its term.
    let found: Option<(LessonRow, i64, i64, bool)> = crate::with_conn!(c, x => lessons::table
        .inner_join(assignments::table.inner_join(terms::table))
        .filter(lessons::id.eq(lesson_id))
        .select((LessonRow::as_select(), assignments::group_id, assignments::teacher_id, terms::closed_at.is_not_null()))
        .first(x)
        .optional())?;
    let (lesson, group_id, teacher, closed) =
        found.ok_or_else(|| AppError::NotFound(format!("занятие № {lesson_id}")))?;
    Ok(LessonAt {
        lesson,
        group_id,
        teacher,
        closed,
    })
}

/// The permit to write marks of a lesson: its teacher or the one who held it; past the deadline
/// (on the server's clock) the same teacher or the deputy, with a reason; in a closed term only
/// the deputy, with a reason. Rights are checked before lateness, so that a refusal tells an
/// outsider nothing about the lesson.
pub(super) fn marks_permit(
    c: &mut Conn<'_>,
    actor: &Actor,
    at: &LessonAt,
    reason: Option<&str>,
) -> Result<Permit, AppError> {
    if at.closed {
        return crate::app::college::term_close::closed_term_permit(actor, reason);
    }
    let teacher = access::check(
        actor,
        &Action::EnterMarks {
            teacher_id: at.teacher,
            held_by: at.lesson.held_by,
        },
    );
    let deputy = || access::check(actor, &Action::ChangeClosedTerm);
    let late = super::deadline::late_in(c, at.lesson.date, &at.lesson.kind)?;
    match (teacher, late) {
        (Ok(p), None) => Ok(p),
        (Err(denied), None) => Err(denied.into()),
        (teacher, Some(why)) => {
            let permit = match teacher {
                Ok(p) => p,
                Err(denied) => deputy().map_err(|_| denied)?,
            };
            if crate::app::college::term_close::reason_text(reason).is_none() {
                return Err(AppError::Late(why));
            }
            Ok(permit)
        }
    }
}

/// Past the lesson's deadline a change says why: refused as late without a reason.
pub(super) fn reason_if_late(
    c: &mut Conn<'_>,
    at: &LessonAt,
    reason: Option<&str>,
) -> Result<(), AppError> {
    match super::deadline::late_in(c, at.lesson.date, &at.lesson.kind)? {
        Some(why) if crate::app::college::term_close::reason_text(reason).is_none() => {
            Err(AppError::Late(why))
        }
        _ => Ok(()),
    }
}

/// Refuses a mark for a student who did not belong to the group on the lesson's date.
pub(super) fn require_member(
    c: &mut Conn<'_>,
    student_id: i64,
    group_id: i64,
    date: NaiveDate,
) -> Result<(), AppError> {
    let n: i64 = crate::with_conn!(c, x => group_memberships::table
        .filter(group_memberships::student_id.eq(student_id))
        .filter(group_memberships::group_id.eq(group_id))
        .filter(group_memberships::from_date.le(date))
        .filter(group_memberships::to_date.is_null().or(group_memberships::to_date.ge(date)))
        .count()
        .get_result(x))?;
    if n == 0 {
        return Err(AppError::Invalid(format!(
            "обучающийся № {student_id} не состоял в группе занятия на {}",
            date.format("%d.%m.%Y")
        )));
    }
    Ok(())
}
