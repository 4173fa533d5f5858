//! Editing a lesson (6.6): its topic, homework, kind and hours, by the teacher who holds it, with
//! a version check and an audit record of the whole before and after.

use super::entries::Lesson;
use diesel::prelude::*;

use super::marks::record;
use crate::app::{Actor, AppError};
use crate::domain::LessonKind;
use crate::store::audit::AuditEntry;
use crate::store::rows::LessonRow;
use crate::store::schema::lessons;
use crate::store::Db;

/// What a teacher changes in a lesson; `None` keeps the field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LessonEdit {
    pub topic: Option<String>,
    pub homework: Option<String>,
    pub kind: Option<LessonKind>,
    pub hours: Option<i32>,
    /// The thematic plan item the lesson covers (`Some(None)` unlinks it).
    pub plan_item: Option<Option<i64>>,
    /// When the homework is due (`Some(None)`: by the next lesson).
    pub homework_due: Option<Option<chrono::NaiveDate>>,
    /// Why, for a change after the deadline or in a closed term (goes into the audit).
    pub reason: Option<String>,
}

/// Changes a lesson read at `version`; a different version in the database is a conflict.
pub fn edit(
    db: &mut Db,
    actor: &Actor,
    lesson_id: i64,
    version: i32,
    e: &LessonEdit,
) -> Result<Lesson, AppError> {
    db.write_cell(lesson_id, |c| {
        let at = super::lesson_rights::lesson_and_group(c, lesson_id)?;
        let permit = super::lesson_rights::marks_permit(c, actor, &at, e.reason.as_deref())?;
        let chain = at.chain();
        let old = at.lesson;
        if old.version != version {
            return Err(AppError::Conflict(format!("занятие № {lesson_id}")));
        }
        if let Some(h) = e.hours.filter(|h| !(1..=8).contains(h)) {
            return Err(AppError::Invalid(format!(
                "«Часы»: «{h}» — от 1 до 8 часов"
            )));
        }
        let topic = e.topic.as_deref().map_or(old.topic.clone(), |t| t.trim().to_string());
        let homework = e
            .homework
            .as_deref()
            .map_or(old.homework.clone(), |t| t.trim().to_string());
        let kind = e.kind.map_or(old.kind.clone(), |k| k.as_code().to_string());
        let hours = e.hours.unwrap_or(old.hours);
        let plan = e.plan_item.unwrap_or(old.plan_item_id);
        let due = e.homework_due.unwrap_or(old.homework_due);
        if let Some(p) = plan.filter(|p| Some(*p) != old.plan_item_id) {
            check_plan_item(c, old.assignment_id, p)?;
        }
        if let Some(d) = due.filter(|d| *d < old.date) {
            return Err(AppError::Invalid(format!(
                "«Срок д/з»: «{}» — раньше самого занятия ({})",
                crate::domain::format_ru(d),
                crate::domain::format_ru(old.date)
            )));
        }
        if (&topic, &homework, &kind, hours, plan, due)
            == (&old.topic, &old.homework, &old.kind, old.hours, old.plan_item_id, old.homework_due)
        {
            return Ok(old); // a write that changes nothing writes nothing
        }
        let now = crate::store::now();
        let row: LessonRow = crate::with_conn!(c, x => diesel::update(lessons::table.find(lesson_id))
            .set((
                lessons::topic.eq(&topic),
                lessons::homework.eq(&homework),
                lessons::kind.eq(&kind),
                lessons::hours.eq(hours),
                lessons::plan_item_id.eq(plan),
                lessons::homework_due.eq(due),
                lessons::updated_at.eq(now),
                lessons::version.eq(version + 1),
            ))
            .returning(LessonRow::as_returning())
            .get_result(x))?;
        let show = crate::app::college::audit_state::lesson_row_text;
        record(
            c,
            &permit,
            &AuditEntry {
                action: "update",
                entity: "lesson",
                entity_id: lesson_id,
                old_value: Some(show(&old)),
                new_value: Some(show(&row)),
                reason: e.reason.clone(),
                chain,
                ..Default::default()
            },
            now,
        )?;
        Ok(row)
    })?
    .try_into()
}

/// A plan item may be linked only to a lesson of its own group, subject and term.
fn check_plan_item(
    c: &mut crate::store::Conn<'_>,
    assignment: i64,
    item: i64,
) -> Result<(), AppError> {
    use crate::store::schema::{assignments, plan_items};
    let a: (i64, i64, i64) = crate::with_conn!(c, x => assignments::table
        .find(assignment)
        .select((assignments::group_id, assignments::subject_id, assignments::term_id))
        .first(x))?;
    let p: Option<(i64, i64, i64)> = crate::with_conn!(c, x => plan_items::table
        .find(item)
        .select((plan_items::group_id, plan_items::subject_id, plan_items::term_id))
        .first(x)
        .optional())?;
    match p {
        Some(p) if p == a => Ok(()),
        Some(_) => Err(AppError::Invalid(format!(
            "тема плана № {item} — из плана другой группы, дисциплины или периода"
        ))),
        None => Err(AppError::NotFound(format!("тема плана № {item}"))),
    }
}
