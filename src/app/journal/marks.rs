//! Entering the journal: lessons, grades, absences and final grades. Every write runs in one
//! transaction with its audit record; a change to a grade, absence or final grade names the
//! version it was read at, and a different version in the database is a conflict, not a
//! silent overwrite.

use super::entries::{Grade, Lesson};
use chrono::NaiveDate;
use diesel::prelude::*;

pub use super::finals::{set_final, FinalKey};
use crate::access::{self, Action, Permit};
use crate::app::{Actor, AppError};
use crate::domain::{GradeValue, LessonKind, WorkKind};
use crate::store::audit::{self, AuditEntry};
use crate::store::rows::{GradeRow, LessonRow};
use crate::store::schema::{assignments, grades, lessons, terms};
use crate::store::{Conn, Db};

/// A new lesson of an assignment.
#[derive(Debug, Clone)]
pub struct NewLesson {
    pub assignment_id: i64,
    pub date: NaiveDate,
    pub pair: i32,
    pub hours: i32,
    pub kind: LessonKind,
    pub topic: String,
    pub homework: String,
}

/// Adds a lesson; a date outside the assignment's term is refused by the database.
pub fn add_lesson(db: &mut Db, actor: &Actor, l: &NewLesson) -> Result<Lesson, AppError> {
    db.write(|c| {
        let (teacher, closed): (i64, bool) = crate::with_conn!(c, x => assignments::table
            .inner_join(terms::table)
            .filter(assignments::id.eq(l.assignment_id))
            .select((assignments::teacher_id, terms::closed_at.is_not_null()))
            .first(x)
            .optional())?
        .ok_or_else(|| AppError::NotFound(format!("нагрузка № {}", l.assignment_id)))?;
        if closed {
            return Err(AppError::Invalid(format!(
                "{}: семестр закрыт, новые занятия в нём не записываются",
                crate::domain::format_ru(l.date)
            )));
        }
        let permit = access::check(
            actor,
            &Action::EnterMarks {
                teacher_id: teacher,
                held_by: teacher,
            },
        )?;
        super::lesson_pair::check(c, l.assignment_id, l.date, l.pair)?;
        let now = crate::store::now();
        let row: LessonRow = crate::with_conn!(c, x => diesel::insert_into(lessons::table)
            .values((
                lessons::assignment_id.eq(l.assignment_id),
                lessons::date.eq(l.date),
                lessons::pair.eq(l.pair),
                lessons::hours.eq(l.hours),
                lessons::kind.eq(l.kind.as_code()),
                lessons::topic.eq(l.topic.trim()),
                lessons::homework.eq(l.homework.trim()),
                lessons::held_by.eq(permit.user_id()),
                lessons::created_at.eq(now),
                lessons::updated_at.eq(now),
            ))
            .returning(LessonRow::as_returning())
            .get_result(x))?;
        record(
            c,
            &permit,
            &AuditEntry {
                action: "insert",
                entity: "lesson",
                entity_id: row.id,
                new_value: Some(format!("{} пара {}: {}", row.date, row.pair, row.topic)),
                ..Default::default()
            },
            now,
        )?;
        Ok::<_, AppError>(row)
    })?
    .try_into()
}

/// Records a journal entry in the audit log. Its author, time and entity are the record's own,
/// so the monthly activity reports count entries from there; the log of events
/// (`activity_log`) does not repeat them, which would cost every mark a second insert.
pub(crate) fn record(
    c: &mut Conn<'_>,
    permit: &Permit,
    e: &AuditEntry,
    at: chrono::NaiveDateTime,
) -> Result<(), AppError> {
    Ok(audit::append(c, permit, e, at)?)
}

use super::lesson_rights::{cell_at, lesson_and_group, marks_permit, member_or_refused};

/// A grade as the audit log records it: «5 (ответ на уроке)».
pub(crate) fn grade_text(value: i32, kind: &str) -> String {
    let v = GradeValue::from_code(value).map_or(value.to_string(), |g| g.to_string());
    let k = WorkKind::from_code(kind).map_or(kind.to_string(), |k| k.name_ru().to_string());
    format!("{v} ({k})")
}

/// Puts a new grade into a cell (a cell may hold several grades of different kinds of work).
pub fn add_grade(
    db: &mut Db,
    actor: &Actor,
    lesson_id: i64,
    student_id: i64,
    value: GradeValue,
    kind: WorkKind,
) -> Result<Grade, AppError> {
    db.write_cell(lesson_id, |c| {
        add_grade_in(c, actor, lesson_id, student_id, value, kind, None)
    })?
    .try_into()
}

/// [`add_grade`] after the deadline: the reason goes into the audit record.
pub fn add_grade_because(
    db: &mut Db,
    actor: &Actor,
    lesson_id: i64,
    student_id: i64,
    value: GradeValue,
    kind: WorkKind,
    reason: Option<&str>,
) -> Result<Grade, AppError> {
    db.write_cell(lesson_id, |c| {
        add_grade_in(c, actor, lesson_id, student_id, value, kind, reason)
    })?
    .try_into()
}

/// [`add_grade`] inside a transaction the caller holds.
pub(super) fn add_grade_in(
    c: &mut Conn<'_>,
    actor: &Actor,
    lesson_id: i64,
    student_id: i64,
    value: GradeValue,
    kind: WorkKind,
    reason: Option<&str>,
) -> Result<GradeRow, AppError> {
    let (at, cell) = cell_at(c, lesson_id, student_id)?;
    let permit = marks_permit(c, actor, &at, reason)?;
    member_or_refused(cell.member, student_id, at.lesson.date)?;
    let now = crate::store::now();
    let row: GradeRow = crate::with_conn!(c, x => diesel::insert_into(grades::table)
            .values((
                grades::lesson_id.eq(lesson_id),
                grades::student_id.eq(student_id),
                grades::value.eq(value.to_code()),
                grades::work_kind.eq(kind.as_code()),
                grades::entered_by.eq(permit.user_id()),
                grades::entered_at.eq(now),
            ))
            .returning(GradeRow::as_returning())
            .get_result(x))?;
    record(
        c,
        &permit,
        &AuditEntry {
            action: "insert",
            entity: "grade",
            entity_id: row.id,
            student_id: Some(student_id),
            new_value: Some(grade_text(row.value, &row.work_kind)),
            reason: reason.map(str::to_string),
            chain: at.chain(),
            ..Default::default()
        },
        now,
    )?;
    // A grade in the cell pays the student's debt («точка») there.
    if let Some(debt) = super::debts::DebtAt::in_cell(&cell, student_id, &at) {
        super::debts::paid_in(c, &permit, debt, reason)?;
    }
    Ok(row)
}

/// Changes a grade read at `version`; `None` as the new value deletes it.
pub fn change_grade(
    db: &mut Db,
    actor: &Actor,
    grade_id: i64,
    version: i32,
    new: Option<(GradeValue, WorkKind)>,
    reason: Option<&str>,
) -> Result<Option<Grade>, AppError> {
    // A grade stays at its lesson for life: the lesson to lock is known before the write.
    let lesson: Option<i64> = crate::with_conn!(&mut db.conn(), x => grades::table
        .find(grade_id)
        .select(grades::lesson_id)
        .first(x)
        .optional())?;
    let lesson = lesson.ok_or_else(|| AppError::NotFound(format!("отметка № {grade_id}")))?;
    db.write_cell(lesson, |c| {
        let old: GradeRow = crate::with_conn!(c, x => grades::table
            .find(grade_id)
            .select(GradeRow::as_select())
            .first(x)
            .optional())?
        .ok_or_else(|| AppError::NotFound(format!("отметка № {grade_id}")))?;
        let at = lesson_and_group(c, old.lesson_id)?;
        let permit = marks_permit(c, actor, &at, reason)?;
        if old.version != version {
            return Err(AppError::Conflict(format!("отметка № {grade_id}")));
        }
        // A write that changes nothing writes nothing: no audit row, no new version.
        if new.is_some_and(|(v, k)| v.to_code() == old.value && k.as_code() == old.work_kind) {
            return Ok(Some(old));
        }
        let now = crate::store::now();
        let (action, row) = match new {
            Some((value, kind)) => {
                let row: GradeRow = crate::with_conn!(c, x => diesel::update(grades::table
                    .filter(grades::id.eq(grade_id))
                    .filter(grades::version.eq(version)))
                    .set((
                        grades::value.eq(value.to_code()),
                        grades::work_kind.eq(kind.as_code()),
                        grades::entered_by.eq(permit.user_id()),
                        grades::entered_at.eq(now),
                        grades::version.eq(version + 1),
                    ))
                    .returning(GradeRow::as_returning())
                    .get_result(x))?;
                ("update", Some(row))
            }
            None => {
                crate::with_conn!(c, x => diesel::delete(grades::table
                    .filter(grades::id.eq(grade_id))
                    .filter(grades::version.eq(version)))
                    .execute(x))?;
                ("delete", None)
            }
        };
        record(
            c,
            &permit,
            &AuditEntry {
                actor_id: None,
                action,
                entity: "grade",
                entity_id: grade_id,
                student_id: Some(old.student_id),
                old_value: Some(grade_text(old.value, &old.work_kind)),
                new_value: row.as_ref().map(|r| grade_text(r.value, &r.work_kind)),
                reason: reason.map(str::to_string),
                chain: at.chain(),
                ..Default::default()
            },
            now,
        )?;
        Ok(row)
    })?
    .map(Grade::try_from)
    .transpose()
}

pub use super::absences::{set_absence, set_absence_because};
