//! Who may write a lesson's marks, and for whom: the lesson with its group, teacher and
//! whether its term is closed; the permit of its teacher (or of the substitute who held it) —
//! in a closed term only the deputy's, with a reason; and the check that the student belonged
//! to the group on the lesson's date. Every write of grades and absences passes through here.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::deadline::DeadlineRules;
use crate::access::{self, Action, Permit};
use crate::app::{Actor, AppError};
use crate::store::rows::LessonRow;
use crate::store::schema::{assignments, college, debts, group_memberships, lessons, terms};
use crate::store::Conn;

/// A lesson with what its rights depend on.
pub(super) struct LessonAt {
    pub(super) lesson: LessonRow,
    pub(super) group_id: i64,
    pub(super) teacher: i64,
    /// Whether the lesson's term is closed.
    pub(super) closed: bool,
    /// The college's deadline settings when read with the lesson ([`cell_at`]).
    pub(super) rules: Option<DeadlineRules>,
}

/// What a write of one student's cell checks besides the lesson: read with it by [`cell_at`].
pub(super) struct CellAt {
    /// The student belonged to the lesson's group on its date.
    pub(super) member: bool,
    /// The id of the student's debt at the lesson, if there is one.
    pub(super) debt: Option<i64>,
}

impl LessonAt {
    /// The audit chain the lesson's cells are recorded in: its journal page's, numbered by
    /// the assignment (`store/audit_chain.rs`).
    pub(super) fn chain(&self) -> i64 {
        self.lesson.assignment_id
    }
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
    crate::store::pg_locks::lesson_is_on_page(lesson_id, lesson.assignment_id);
    Ok(LessonAt {
        lesson,
        group_id,
        teacher,
        closed,
        rules: None,
    })
}

/// [`lesson_and_group`] with what a write of student `student_id`'s cell checks — whether the
/// student belonged to the group on the lesson's date, the debt in the cell, the college's
/// deadline settings — in one query: this runs on every mark, and with 300 terminals a
/// statement more on each is what the server's processors go to (`docs/database.md`).
pub(super) fn cell_at(
    c: &mut Conn<'_>,
    lesson_id: i64,
    student_id: i64,
) -> Result<(LessonAt, CellAt), AppError> {
    let member_then = group_memberships::group_id
        .eq(assignments::group_id)
        .and(group_memberships::student_id.eq(student_id))
        .and(group_memberships::from_date.le(lessons::date))
        .and(
            group_memberships::to_date
                .is_null()
                .or(group_memberships::to_date.ge(lessons::date.nullable())),
        );
    let debt_here = debts::lesson_id
        .eq(lessons::id)
        .and(debts::student_id.eq(student_id));
    type Found = (
        LessonRow,
        i64,
        i64,
        bool,
        Option<i64>,
        Option<i64>,
        i32,
        i32,
    );
    let found: Option<Found> = crate::with_conn!(c, x => lessons::table
        .inner_join(assignments::table.inner_join(terms::table))
        .left_join(group_memberships::table.on(member_then))
        .left_join(debts::table.on(debt_here))
        .inner_join(college::table.on(college::id.is_not_null()))
        .filter(lessons::id.eq(lesson_id))
        .select((LessonRow::as_select(), assignments::group_id, assignments::teacher_id,
                 terms::closed_at.is_not_null(), group_memberships::id.nullable(),
                 debts::id.nullable(), college::grade_deadline_weekday, college::test_result_days))
        .first(x)
        .optional())?;
    let (lesson, group_id, teacher, closed, member, debt, weekday, test_days) =
        found.ok_or_else(|| AppError::NotFound(format!("занятие № {lesson_id}")))?;
    crate::store::pg_locks::lesson_is_on_page(lesson_id, lesson.assignment_id);
    let at = LessonAt {
        lesson,
        group_id,
        teacher,
        closed,
        rules: Some(DeadlineRules { weekday, test_days }),
    };
    let cell = CellAt {
        member: member.is_some(),
        debt,
    };
    Ok((at, cell))
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
    let late = super::deadline::late_by(c, at.lesson.date, &at.lesson.kind, at.rules)?;
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
    match super::deadline::late_by(c, at.lesson.date, &at.lesson.kind, at.rules)? {
        Some(why) if crate::app::college::term_close::reason_text(reason).is_none() => {
            Err(AppError::Late(why))
        }
        _ => Ok(()),
    }
}

/// The refusal of a mark for student `student_id`, who was not a `member` of the lesson's
/// group on its `date`.
pub(super) fn member_or_refused(
    member: bool,
    student_id: i64,
    date: NaiveDate,
) -> Result<(), AppError> {
    if !member {
        return Err(AppError::Invalid(format!(
            "обучающийся № {student_id} не состоял в группе занятия на {}",
            date.format("%d.%m.%Y")
        )));
    }
    Ok(())
}
