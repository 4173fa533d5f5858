//! The journal's subject matter, pure: grades and their codes, absence marks, kinds of work and
//! lessons, date spans, exact figures and the forecast. No database, terminal or files here.

pub mod absence;
pub mod forecast;
pub mod formulas;
pub mod grade;
pub mod kinds;
pub mod period;
pub mod ratio;

pub use absence::AbsenceReason;
pub use forecast::{forecast, Forecast, ForecastInput};
pub use formulas::{Attendance, FigureSettings, FinalCounts, SouVariant};
pub use grade::{FinalGradeValue, GradeValue};
pub use kinds::{LessonKind, WorkKind};
pub use period::{parse_date, parse_month, DateSpan};
pub use ratio::Fixed2;

/// A value that breaks a rule of the journal; the text is Russian and names the value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct DomainError(String);

impl DomainError {
    /// A new error with a Russian message.
    pub fn new(message: impl Into<String>) -> DomainError {
        DomainError(message.into())
    }
}
