//! A grade given to a student marked absent at the lesson (6.6). An answer in class proves the
//! student was there: the absence goes, in the same transaction as the grade, and both are
//! audited. Written work (a test, a practical or laboratory work, homework, an independent
//! work) may be handed in after a missed lesson: the absence stays, and the hours still count.
//! Lateness («оп») is presence and stays either way.

use super::entries::Grade;
use crate::app::{Actor, AppError};
use crate::domain::{AbsenceReason, GradeValue, WorkKind};
use crate::store::Db;

/// What became of the student's absence mark when the grade was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbsenceAfter {
    /// There was none.
    NoAbsence,
    /// An answer in class: the mark of this reason was removed.
    Removed(AbsenceReason),
    /// Written work or lateness: the mark of this reason stays.
    Kept(AbsenceReason),
}

/// A grade for the student at the lesson, deciding on their absence mark as above.
pub fn add_grade(
    db: &mut Db,
    actor: &Actor,
    at: (i64, i64),
    grade: (GradeValue, WorkKind),
    why: Option<&str>,
) -> Result<(Grade, AbsenceAfter), AppError> {
    let (lesson_id, student_id) = at;
    let (value, kind) = grade;
    let (row, after) = db.write_cell(lesson_id, |c| {
        let row = super::marks::add_grade_in(c, actor, lesson_id, student_id, value, kind, why)?;
        let absent = super::absences::absence_row(c, lesson_id, student_id)?;
        let Some(absent) = absent else {
            return Ok::<_, AppError>((row, AbsenceAfter::NoAbsence));
        };
        let absent = super::entries::Absence::try_from(absent)?;
        let reason = absent.reason;
        if kind != WorkKind::Answer || reason == AbsenceReason::Late {
            return Ok((row, AbsenceAfter::Kept(reason)));
        }
        super::absences::set_absence_in(
            c,
            actor,
            lesson_id,
            student_id,
            None,
            Some(absent.version),
            why,
        )?;
        Ok((row, AbsenceAfter::Removed(reason)))
    })?;
    Ok((row.try_into()?, after))
}
