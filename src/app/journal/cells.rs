//! Cells of the journal grid as the database holds them now, for checking that nobody changed
//! a cell since the screen loaded it, and grading a whole lesson at once (a test written by
//! everybody) in one transaction.

use diesel::prelude::*;

use super::entries::{decode, Absence, Grade};
use super::marks::add_grade_in;
use crate::app::{Actor, AppError};
use crate::domain::{GradeValue, WorkKind};
use crate::store::rows::GradeRow;
use crate::store::schema::grades;
use crate::store::Db;

/// The grades (by id) and the absence of one student at one lesson.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CellMarks {
    pub grades: Vec<Grade>,
    pub absence: Option<Absence>,
    /// The student owes a work of the lesson («точка»).
    pub debt: bool,
}

/// Reads one cell as it is in the database now.
pub fn read(db: &mut Db, lesson_id: i64, student_id: i64) -> Result<CellMarks, AppError> {
    db.read(|c| read_in(c, lesson_id, student_id))
}

/// [`read`] inside a transaction the caller holds.
pub fn read_in(
    c: &mut crate::store::Conn<'_>,
    lesson_id: i64,
    student_id: i64,
) -> Result<CellMarks, AppError> {
    let grades: Vec<GradeRow> = crate::with_conn!(c, x => grades::table
        .filter(grades::lesson_id.eq(lesson_id))
        .filter(grades::student_id.eq(student_id))
        .order(grades::id)
        .select(GradeRow::as_select())
        .load(x))?;
    let absence = super::absences::absence_row(c, lesson_id, student_id)?;
    let debt = super::debts::debt_row(c, lesson_id, student_id)?;
    Ok(CellMarks {
        grades: decode(grades)?,
        absence: absence.map(Absence::try_from).transpose()?,
        debt: debt.is_some(),
    })
}

/// Gives every listed student the same grade at a lesson, all or none; the students must have
/// no grade there yet (the caller lists the empty cells it showed), else it is a conflict.
pub fn grade_all(
    db: &mut Db,
    actor: &Actor,
    lesson_id: i64,
    students: &[i64],
    value: GradeValue,
    kind: WorkKind,
    reason: Option<&str>,
) -> Result<Vec<Grade>, AppError> {
    let rows: Vec<GradeRow> = db.write_cell(lesson_id, |c| {
        let taken: i64 = crate::with_conn!(c, x => grades::table
            .filter(grades::lesson_id.eq(lesson_id))
            .filter(grades::student_id.eq_any(students))
            .count()
            .get_result(x))?;
        if taken > 0 {
            return Err(AppError::Conflict(format!(
                "отметки занятия № {lesson_id}: {taken} уже поставлены другим пользователем"
            )));
        }
        students
            .iter()
            .map(|s| add_grade_in(c, actor, lesson_id, *s, value, kind, reason))
            .collect()
    })?;
    decode(rows)
}
