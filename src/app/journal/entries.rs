//! The journal's entries as the screens and the command line see them: lessons, grades,
//! absences and final grades with domain values (a grade, a kind of work, an absence reason, a
//! kind of lesson or of final grade), never the codes the database stores. Decoding happens
//! here, once, when the entries are read; an unknown code is one clear error there instead of
//! a «?» on a screen.

use chrono::NaiveDate;

use crate::app::AppError;
use crate::domain::person::PersonName;
use crate::domain::{AbsenceReason, FinalGradeValue, FinalKind, GradeValue, LessonKind, WorkKind};
use crate::store::rows::{AbsenceRow, FinalGradeRow, GradeRow, LessonRow, StudentRow};

/// A lesson of the journal (6.3, 6.6).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lesson {
    pub id: i64,
    pub assignment_id: i64,
    pub date: NaiveDate,
    pub pair: i32,
    pub hours: i32,
    pub kind: LessonKind,
    pub topic: String,
    pub homework: String,
    pub homework_due: Option<NaiveDate>,
    pub plan_item_id: Option<i64>,
    /// Who holds the lesson: the assignment's teacher or a substitute.
    pub held_by: i64,
    pub version: i32,
}

/// A current grade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grade {
    pub id: i64,
    pub lesson_id: i64,
    pub student_id: i64,
    pub value: GradeValue,
    pub work_kind: WorkKind,
    pub version: i32,
}

/// An absence mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Absence {
    pub id: i64,
    pub lesson_id: i64,
    pub student_id: i64,
    pub reason: AbsenceReason,
    pub version: i32,
}

/// A final grade of a term, an exam or the year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FinalGrade {
    pub id: i64,
    pub student_id: i64,
    pub group_id: i64,
    pub subject_id: i64,
    pub term_id: i64,
    pub kind: FinalKind,
    pub value: FinalGradeValue,
    pub version: i32,
}

/// A student as the journal lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Student {
    pub id: i64,
    pub name: PersonName,
    pub record_book: Option<String>,
}

impl TryFrom<LessonRow> for Lesson {
    type Error = AppError;
    fn try_from(r: LessonRow) -> Result<Self, AppError> {
        Ok(Lesson {
            kind: LessonKind::from_code(&r.kind)?,
            id: r.id,
            assignment_id: r.assignment_id,
            date: r.date,
            pair: r.pair,
            hours: r.hours,
            topic: r.topic,
            homework: r.homework,
            homework_due: r.homework_due,
            plan_item_id: r.plan_item_id,
            held_by: r.held_by,
            version: r.version,
        })
    }
}

impl TryFrom<GradeRow> for Grade {
    type Error = AppError;
    fn try_from(r: GradeRow) -> Result<Self, AppError> {
        Ok(Grade {
            value: GradeValue::from_code(r.value)?,
            work_kind: WorkKind::from_code(&r.work_kind)?,
            id: r.id,
            lesson_id: r.lesson_id,
            student_id: r.student_id,
            version: r.version,
        })
    }
}

impl TryFrom<AbsenceRow> for Absence {
    type Error = AppError;
    fn try_from(r: AbsenceRow) -> Result<Self, AppError> {
        Ok(Absence {
            reason: AbsenceReason::from_code(&r.reason)?,
            id: r.id,
            lesson_id: r.lesson_id,
            student_id: r.student_id,
            version: r.version,
        })
    }
}

impl TryFrom<FinalGradeRow> for FinalGrade {
    type Error = AppError;
    fn try_from(r: FinalGradeRow) -> Result<Self, AppError> {
        Ok(FinalGrade {
            kind: FinalKind::from_code(&r.kind)?,
            value: FinalGradeValue::from_code(r.value)?,
            id: r.id,
            student_id: r.student_id,
            group_id: r.group_id,
            subject_id: r.subject_id,
            term_id: r.term_id,
            version: r.version,
        })
    }
}

impl From<StudentRow> for Student {
    fn from(r: StudentRow) -> Self {
        Student {
            name: PersonName::new(&r.last_name, &r.first_name, &r.patronymic),
            id: r.id,
            record_book: r.record_book,
        }
    }
}

/// Decodes rows read from the database.
pub fn decode<R, T: TryFrom<R, Error = AppError>>(rows: Vec<R>) -> Result<Vec<T>, AppError> {
    rows.into_iter().map(T::try_from).collect()
}
