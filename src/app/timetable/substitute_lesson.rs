//! The journal side of a substitution: finding the assignment of the subject taught, removing
//! an empty lesson that will not be held, and finding or creating the lesson the substitute
//! holds (`lessons.held_by`), each change audited by the caller's transaction.

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::app::lookup::{self, ru};
use crate::app::AppError;
use crate::store::audit::AuditEntry;
use crate::store::schema::{absences, assignments, debts, grades, lessons, terms};
use crate::store::Conn;

/// The group's assignment of `subject` in the term holding `date` (the same subgroup first) and
/// its teacher.
pub(super) fn assignment_for(
    c: &mut Conn<'_>,
    gid: i64,
    subgroup: Option<i64>,
    subject: i64,
    date: NaiveDate,
    group: &str,
) -> Result<(i64, i64), AppError> {
    let found: Vec<(i64, i64, Option<i64>)> = crate::with_conn!(c, x => assignments::table
        .inner_join(terms::table)
        .filter(assignments::group_id.eq(gid))
        .filter(assignments::subject_id.eq(subject))
        .filter(terms::starts_on.le(date))
        .filter(terms::ends_on.ge(date))
        .order(assignments::id)
        .select((assignments::id, assignments::teacher_id, assignments::subgroup_id))
        .load(x))?;
    found
        .iter()
        .find(|a| a.2 == subgroup)
        .or_else(|| found.iter().find(|a| a.2.is_none()))
        .or(found.first())
        .map(|a| (a.0, a.1))
        .ok_or_else(|| {
            AppError::Invalid(format!(
                "у группы {} нет нагрузки по этой дисциплине на {}: её нет в учебном плане периода",
                group.trim(),
                ru(date)
            ))
        })
}

/// Removes a lesson that will not be held; refused when it already has marks.
pub(super) fn drop_lesson(
    c: &mut Conn<'_>,
    id: i64,
    date: NaiveDate,
    pair: i32,
    entries: &mut Vec<AuditEntry>,
) -> Result<(), AppError> {
    let g: i64 = crate::with_conn!(c, x => grades::table.filter(grades::lesson_id.eq(id)).count().get_result(x))?;
    let a: i64 = crate::with_conn!(c, x => absences::table.filter(absences::lesson_id.eq(id)).count().get_result(x))?;
    let d: i64 = crate::with_conn!(c, x => debts::table.filter(debts::lesson_id.eq(id)).count().get_result(x))?;
    let marks = g + a + d;
    if marks > 0 {
        return Err(AppError::Invalid(format!(
            "{}-я пара {} уже проведена: в журнале есть отметки и пропуски ({marks}); замена невозможна",
            pair, ru(date)
        )));
    }
    crate::with_conn!(c, x => diesel::delete(lessons::table.find(id)).execute(x))?;
    entries.push(AuditEntry {
        action: "delete",
        entity: "lesson",
        entity_id: id,
        old_value: Some(format!("{} пара {pair}", ru(date))),
        ..Default::default()
    });
    Ok(())
}

/// Finds or creates the lesson of `assignment` at the date and pair and gives it to `holder`.
pub(super) fn hold_lesson(
    c: &mut Conn<'_>,
    assignment: i64,
    date: NaiveDate,
    pair: i32,
    holder: i64,
    entries: &mut Vec<AuditEntry>,
) -> Result<i64, AppError> {
    let now = crate::store::now();
    let existing: Option<(i64, i64)> = crate::with_conn!(c, x => lessons::table
        .filter(lessons::assignment_id.eq(assignment))
        .filter(lessons::date.eq(date))
        .filter(lessons::pair.eq(pair))
        .select((lessons::id, lessons::held_by))
        .first(x)
        .optional())?;
    match existing {
        Some((id, held)) if held == holder => Ok(id),
        Some((id, held)) => {
            crate::with_conn!(c, x => diesel::update(lessons::table.find(id))
                .set((lessons::held_by.eq(holder), lessons::updated_at.eq(now), lessons::version.eq(lessons::version + 1)))
                .execute(x))?;
            entries.push(AuditEntry {
                action: "update",
                entity: "lesson",
                entity_id: id,
                old_value: Some(format!("проводит {}", lookup::user_short_name(c, held)?)),
                new_value: Some(format!("проводит {}", lookup::user_short_name(c, holder)?)),
                ..Default::default()
            });
            Ok(id)
        }
        None => {
            let id: i64 = crate::with_conn!(c, x => diesel::insert_into(lessons::table)
                .values((
                    lessons::assignment_id.eq(assignment),
                    lessons::date.eq(date),
                    lessons::pair.eq(pair),
                    lessons::held_by.eq(holder),
                    lessons::created_at.eq(now),
                    lessons::updated_at.eq(now),
                ))
                .returning(lessons::id)
                .get_result(x))?;
            entries.push(AuditEntry {
                action: "insert",
                entity: "lesson",
                entity_id: id,
                new_value: Some(format!(
                    "{} пара {pair}: замена, проводит {}",
                    ru(date),
                    lookup::user_short_name(c, holder)?
                )),
                ..Default::default()
            });
            Ok(id)
        }
    }
}
