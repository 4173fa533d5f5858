//! Absence marks (6.3): н, у, б, оп per student and lesson, set by the lesson's teacher; the
//! tutor may change the reason letter of an existing one (5.6). Every change names the version
//! it was read at and is audited with the reason given for a late change.

use super::entries::Absence;
use diesel::prelude::*;

use super::lesson_rights::{cell_at, marks_permit, member_or_refused};
use super::marks::record;
use crate::access::{self, Action};
use crate::app::{Actor, AppError};
use crate::domain::AbsenceReason;
use crate::store::audit::AuditEntry;
use crate::store::rows::AbsenceRow;
use crate::store::schema::absences;
use crate::store::{Conn, Db};

/// Sets or clears (`None`) the absence mark of a student at a lesson. `version` is the version
/// of the mark as read (`None` when the cell had none); a different state is a conflict.
pub fn set_absence(
    db: &mut Db,
    actor: &Actor,
    lesson_id: i64,
    student_id: i64,
    reason: Option<AbsenceReason>,
    version: Option<i32>,
) -> Result<Option<Absence>, AppError> {
    set_absence_because(db, actor, lesson_id, student_id, reason, version, None)
}

/// [`set_absence`] after the deadline: `why` goes into the audit record.
pub fn set_absence_because(
    db: &mut Db,
    actor: &Actor,
    lesson_id: i64,
    student_id: i64,
    reason: Option<AbsenceReason>,
    version: Option<i32>,
    why: Option<&str>,
) -> Result<Option<Absence>, AppError> {
    db.write_cell(lesson_id, |c| {
        set_absence_in(c, actor, lesson_id, student_id, reason, version, why)
    })?
    .map(Absence::try_from)
    .transpose()
}

/// The absence mark of a student at a lesson, if any.
pub(super) fn absence_row(
    c: &mut Conn<'_>,
    lesson_id: i64,
    student_id: i64,
) -> Result<Option<AbsenceRow>, AppError> {
    Ok(crate::with_conn!(c, x => absences::table
        .filter(absences::lesson_id.eq(lesson_id))
        .filter(absences::student_id.eq(student_id))
        .select(AbsenceRow::as_select())
        .first(x)
        .optional())?)
}

/// [`set_absence_because`] inside a transaction the caller holds.
pub(super) fn set_absence_in(
    c: &mut Conn<'_>,
    actor: &Actor,
    lesson_id: i64,
    student_id: i64,
    reason: Option<AbsenceReason>,
    version: Option<i32>,
    why: Option<&str>,
) -> Result<Option<AbsenceRow>, AppError> {
    let (at, cell) = cell_at(c, lesson_id, student_id)?;
    let group_id = at.group_id;
    let by_teacher = marks_permit(c, actor, &at, why);
    member_or_refused(cell.member, student_id, at.lesson.date)?;
    let old = absence_row(c, lesson_id, student_id)?;
    // The tutor may change the reason letter of an existing absence (5.6), not add or
    // remove one; that is the teacher's.
    let permit = match by_teacher {
        Ok(p) => p,
        Err(denied) if old.is_some() && reason.is_some() && !at.closed => {
            let p = access::check(actor, &Action::CorrectAbsenceReason { group_id })
                .map_err(|_| denied)?;
            // Past the lesson's deadline the tutor's correction, like the teacher's, says why
            // (a certificate brought late): the reason goes into the audit record.
            super::lesson_rights::reason_if_late(c, &at, why)?;
            p
        }
        Err(denied) => return Err(denied),
    };
    if old.as_ref().map(|o| o.version) != version {
        return Err(AppError::Conflict(format!(
            "пропуск обучающегося № {student_id}"
        )));
    }
    // A write that changes nothing writes nothing: no audit row, no new version.
    match (&old, reason) {
        (None, None) => return Ok(None),
        (Some(o), Some(r)) if o.reason == r.as_code() => return Ok(Some(o.clone())),
        _ => {}
    }
    let now = crate::store::now();
    let new_row: Option<AbsenceRow> = match (&old, reason) {
        (_, None) => {
            crate::with_conn!(c, x => diesel::delete(absences::table
                .filter(absences::lesson_id.eq(lesson_id))
                .filter(absences::student_id.eq(student_id)))
                .execute(x))?;
            None
        }
        (None, Some(r)) => Some(
            crate::with_conn!(c, x => diesel::insert_into(absences::table)
            .values((
                absences::lesson_id.eq(lesson_id),
                absences::student_id.eq(student_id),
                absences::reason.eq(r.as_code()),
                absences::entered_by.eq(permit.user_id()),
                absences::entered_at.eq(now),
            ))
            .returning(AbsenceRow::as_returning())
            .get_result(x))?,
        ),
        (Some(o), Some(r)) => Some(
            crate::with_conn!(c, x => diesel::update(absences::table.find(o.id))
            .set((
                absences::reason.eq(r.as_code()),
                absences::entered_by.eq(permit.user_id()),
                absences::entered_at.eq(now),
                absences::version.eq(o.version + 1),
            ))
            .returning(AbsenceRow::as_returning())
            .get_result(x))?,
        ),
    };
    if old.is_none() && new_row.is_none() {
        return Ok(None);
    }
    let show =
        |code: &str| AbsenceReason::from_code(code).map_or(code.to_string(), |r| r.to_string());
    record(
        c,
        &permit,
        &AuditEntry {
            actor_id: None,
            action: match (&old, &new_row) {
                (None, _) => "insert",
                (_, None) => "delete",
                _ => "update",
            },
            entity: "absence",
            entity_id: new_row.as_ref().or(old.as_ref()).map_or(0, |r| r.id),
            student_id: Some(student_id),
            old_value: old.as_ref().map(|o| show(&o.reason)),
            new_value: new_row.as_ref().map(|n| show(&n.reason)),
            reason: why.map(str::to_string),
            chain: at.chain(),
            ..Default::default()
        },
        now,
    )?;
    Ok(new_row)
}
