//! The journal's subject matter, pure: grades and their codes, absence marks, kinds of work and
//! lessons, date spans, exact figures and the forecast. No database, terminal or files here, so
//! every rule of `formulas.md` can be tested without any of them.

pub mod abbrev;
pub mod absence;
pub mod attendance;
pub mod collate;
pub mod control_form;
pub mod final_kind;
pub mod forecast;
pub mod formulas;
pub mod grade;
pub mod group_figures;
pub mod limits;
pub mod login;
pub mod movement_kind;
pub mod period;
pub mod person;
pub mod plural;
pub mod ratio;
pub mod time_zone;
pub mod work_kind;

pub use absence::AbsenceReason;
pub use attendance::{whole_day_missed, Attendance, DEFAULT_LESSON_HOURS};
pub use control_form::{year_result, ControlForm};
pub use final_kind::FinalKind;
pub use forecast::{
    forecast, grade_of_sums, Forecast, ForecastInput, ForecastRounding, ForecastSettings, Risk,
    WhatItTakes,
};
pub use formulas::{
    average, definition, definitions, weighted_average, weighted_ratio, Averaged, Figure,
    FigureSettings, FinalCounts, Omitted, SouVariant,
};
pub use grade::{FinalGradeValue, GradeValue};
pub use group_figures::{Categories, PooledCounts};
pub use period::{format_ru, parse_date, parse_month, DateSpan};
pub use ratio::{Fixed2, Ratio};
pub use work_kind::{LessonKind, WorkKind};

use chrono::NaiveDate;

/// A value that breaks a rule of the journal. Every message is Russian, because it is shown to
/// the teacher as is, and names the offending value so that it can be found in the input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    /// Text that is not a current grade.
    #[error("«{0}» — нет такой отметки: допустимы 5, 4, 3, 2, 1, зч, нз")]
    UnknownGrade(String),
    /// Text that is not a final grade.
    #[error("«{0}» — нет такой итоговой оценки: допустимы 5, 4, 3, 2, 1, зч, нз, н/а, осв")]
    UnknownFinalGrade(String),
    /// A stored integer that is not a current grade's code.
    #[error("недопустимый код отметки {0}")]
    GradeCode(i32),
    /// A stored integer that is not a final grade's code.
    #[error("недопустимый код итоговой оценки {0}")]
    FinalGradeCode(i32),
    /// A stored string that is not a form of control.
    #[error("недопустимая форма контроля «{0}»")]
    ControlFormCode(String),
    /// A stored string that is not a kind of final grade.
    #[error("недопустимый вид итоговой оценки «{0}»")]
    FinalKindCode(String),
    /// Text that is not an absence mark.
    #[error("«{0}» — нет такой отметки о пропуске: допустимы н, у, б, оп")]
    UnknownAbsence(String),
    /// A stored string that is not an absence code.
    #[error("недопустимый код пропуска «{0}»")]
    AbsenceCode(String),
    /// Text or a stored code that is not a kind of work.
    #[error("«{0}» — нет такого вида работы")]
    UnknownWorkKind(String),
    /// Text or a stored code that is not a kind of lesson.
    #[error(
        "«{0}» — нет такого вида занятия: допустимы лекция, практическое занятие, \
         лабораторная работа, контрольная работа, другое"
    )]
    UnknownLessonKind(String),
    /// A date written in none of the accepted forms.
    #[error("«{0}» — дата должна быть вида ДД.ММ.ГГГГ или ГГГГ-ММ-ДД")]
    DateFormat(String),
    /// A well-formed date that the calendar does not have, such as 31.02.
    #[error("«{0}» — нет такой даты")]
    NoSuchDate(String),
    /// A month written in none of the accepted forms.
    #[error("«{0}» — месяц должен быть вида ГГГГ-ММ")]
    MonthFormat(String),
    /// A well-formed month that does not exist, such as 2026-13.
    #[error("«{0}» — нет такого месяца")]
    NoSuchMonth(String),
    /// A span whose end comes before its start.
    #[error(
        "дата окончания {} раньше даты начала {}",
        .end.format("%d.%m.%Y"),
        .start.format("%d.%m.%Y")
    )]
    SpanReversed {
        /// The first day given.
        start: NaiveDate,
        /// The last day given, earlier than `start`.
        end: NaiveDate,
    },
}

/// The longest piece of user input quoted back in a message; a pasted page would drown the
/// message itself.
const SHOWN_CHARS: usize = 24;

/// The user's text as quoted in an error: trimmed, and cut with «…» when it is long.
pub(crate) fn shown(text: &str) -> String {
    let t = text.trim();
    if t.chars().count() <= SHOWN_CHARS {
        return t.to_string();
    }
    let mut cut: String = t.chars().take(SHOWN_CHARS).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_russian_and_name_the_value() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
        let cases = [
            (
                DomainError::UnknownAbsence("x".into()),
                "«x» — нет такой отметки о пропуске: допустимы н, у, б, оп",
            ),
            (DomainError::GradeCode(7), "недопустимый код отметки 7"),
            (
                DomainError::SpanReversed {
                    start: d(2026, 9, 2),
                    end: d(2026, 9, 1),
                },
                "дата окончания 01.09.2026 раньше даты начала 02.09.2026",
            ),
            (
                DomainError::NoSuchMonth("2026-13".into()),
                "«2026-13» — нет такого месяца",
            ),
        ];
        for (err, text) in cases {
            assert_eq!(err.to_string(), text);
        }
    }

    #[test]
    fn long_input_is_cut_when_quoted() {
        assert_eq!(shown("  5 "), "5");
        let long = "ж".repeat(100);
        let s = shown(&long);
        assert_eq!(s.chars().count(), SHOWN_CHARS + 1);
        assert!(s.ends_with('…'));
    }
}
