//! Final grades for a term, an exam or the year (6.5): set by the teacher of the assignment, for
//! a subject the group studies in that term, with a version check and an audit record.

use super::entries::FinalGrade;
use diesel::prelude::*;

use super::marks::record;
use crate::access::{self, Action};
use crate::app::{Actor, AppError};
use crate::domain::{FinalGradeValue, FinalKind};
use crate::store::audit::AuditEntry;
use crate::store::rows::FinalGradeRow;
use crate::store::schema::{assignments, final_grades};
use crate::store::Db;

/// Which final grade: for a term, the exam, or the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FinalKey {
    pub student_id: i64,
    pub group_id: i64,
    pub subject_id: i64,
    pub term_id: i64,
    pub kind: FinalKind,
}

/// Sets a final grade; `version` is that of the grade as read (`None` if there was none). A
/// subject the group does not study in that term is refused by the database.
pub fn set_final(
    db: &mut Db,
    actor: &Actor,
    key: FinalKey,
    value: FinalGradeValue,
    version: Option<i32>,
    reason: Option<&str>,
) -> Result<FinalGrade, AppError> {
    db.write(|c| {
        let form =
            crate::app::lookup::control_form(c, (key.group_id, key.subject_id, key.term_id))?;
        let Some(form) = form else {
            return Err(AppError::Invalid(
                "итоговая оценка по дисциплине, которой нет в учебном плане группы на этот период"
                    .into(),
            ));
        };
        if !form.fits(value) {
            return Err(AppError::Invalid(form.misfit(value)));
        }
        let own: i64 = crate::with_conn!(c, x => assignments::table
            .filter(assignments::group_id.eq(key.group_id))
            .filter(assignments::subject_id.eq(key.subject_id))
            .filter(assignments::term_id.eq(key.term_id))
            .filter(assignments::teacher_id.eq(actor.user_id))
            .count()
            .get_result(x))?;
        let teacher_id = if own > 0 { actor.user_id } else { 0 };
        let permit = if crate::app::college::term_close::is_closed(c, key.term_id)? {
            crate::app::college::term_close::closed_term_permit(actor, reason)?
        } else {
            access::check(actor, &Action::SetFinal { teacher_id })?
        };
        let old: Option<FinalGradeRow> = crate::with_conn!(c, x => final_grades::table
            .filter(final_grades::student_id.eq(key.student_id))
            .filter(final_grades::subject_id.eq(key.subject_id))
            .filter(final_grades::term_id.eq(key.term_id))
            .filter(final_grades::kind.eq(key.kind.as_code()))
            .select(FinalGradeRow::as_select())
            .first(x)
            .optional())?;
        if old.as_ref().map(|o| o.version) != version {
            return Err(AppError::Conflict(format!(
                "итоговая оценка обучающегося № {}",
                key.student_id
            )));
        }
        // A write that changes nothing writes nothing: no audit row, no new version.
        if let Some(o) = old.as_ref().filter(|o| o.value == value.to_code()) {
            return Ok(o.clone());
        }
        let now = crate::store::now();
        let row: FinalGradeRow = match &old {
            None => crate::with_conn!(c, x => diesel::insert_into(final_grades::table)
                .values((
                    final_grades::student_id.eq(key.student_id),
                    final_grades::group_id.eq(key.group_id),
                    final_grades::subject_id.eq(key.subject_id),
                    final_grades::term_id.eq(key.term_id),
                    final_grades::kind.eq(key.kind.as_code()),
                    final_grades::value.eq(value.to_code()),
                    final_grades::entered_by.eq(permit.user_id()),
                    final_grades::entered_at.eq(now),
                ))
                .returning(FinalGradeRow::as_returning())
                .get_result(x))?,
            Some(o) => crate::with_conn!(c, x => diesel::update(final_grades::table.find(o.id))
                .set((
                    final_grades::value.eq(value.to_code()),
                    final_grades::entered_by.eq(permit.user_id()),
                    final_grades::entered_at.eq(now),
                    final_grades::version.eq(o.version + 1),
                ))
                .returning(FinalGradeRow::as_returning())
                .get_result(x))?,
        };
        let show = |code: i32| {
            FinalGradeValue::from_code(code).map_or(code.to_string(), |v| v.to_string())
        };
        record(
            c,
            &permit,
            &AuditEntry {
                actor_id: None,
                action: if old.is_some() { "update" } else { "insert" },
                entity: "final_grade",
                entity_id: row.id,
                student_id: Some(key.student_id),
                old_value: old.as_ref().map(|o| show(o.value)),
                new_value: Some(show(row.value)),
                reason: reason.map(str::to_string),
                // The college's chain: finals are written under the exclusive lock and seldom,
                // and belong to no single page (a subject may have two subgroup pages).
                ..Default::default()
            },
            now,
        )?;
        Ok(row)
    })?
    .try_into()
}
