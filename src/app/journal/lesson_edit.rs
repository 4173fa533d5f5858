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
    db.write(|c| {
        let at = super::marks::lesson_and_group(c, lesson_id)?;
        let permit = super::marks::marks_permit(c, actor, &at, e.reason.as_deref())?;
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
        if (&topic, &homework, &kind, hours) == (&old.topic, &old.homework, &old.kind, old.hours) {
            return Ok(old); // a write that changes nothing writes nothing
        }
        let now = crate::store::now();
        let row: LessonRow = crate::with_conn!(c, x => diesel::update(lessons::table.find(lesson_id))
            .set((
                lessons::topic.eq(&topic),
                lessons::homework.eq(&homework),
                lessons::kind.eq(&kind),
                lessons::hours.eq(hours),
                lessons::updated_at.eq(now),
                lessons::version.eq(version + 1),
            ))
            .returning(LessonRow::as_returning())
            .get_result(x))?;
        let show = |l: &LessonRow| {
            crate::app::college::audit_state::lesson_text(&l.kind, l.hours, &l.topic, &l.homework)
        };
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
                ..Default::default()
            },
            now,
        )?;
        Ok(row)
    })?
    .try_into()
}
