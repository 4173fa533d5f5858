//! The form of final control of a subject in a term (the curriculum's «форма контроля») and
//! the one rule every report and screen uses to decide a student's result from it
//! (`formulas.md`, «Which final grade counts»): for an exam or a differentiated credit the exam
//! grade, else the term grade; for a credit зачёт/незачёт; «н/а» and «осв» stand for any of
//! them; for a year the year grade, else the last term's result.

use super::{DomainError, FinalGradeValue};

/// The form of final control of a subject in a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ControlForm {
    /// Экзамен.
    Exam,
    /// Зачёт (pass or fail).
    Credit,
    /// Дифференцированный зачёт (graded).
    GradedCredit,
    /// Другие формы контроля (защита проекта, контрольная работа).
    Other,
}

impl ControlForm {
    pub const ALL: [ControlForm; 4] = [
        ControlForm::Exam,
        ControlForm::Credit,
        ControlForm::GradedCredit,
        ControlForm::Other,
    ];

    /// The code stored in the database.
    pub fn as_code(self) -> &'static str {
        match self {
            ControlForm::Exam => "exam",
            ControlForm::Credit => "credit",
            ControlForm::GradedCredit => "graded_credit",
            ControlForm::Other => "other",
        }
    }

    /// Reads a stored code.
    pub fn from_code(code: &str) -> Result<ControlForm, DomainError> {
        ControlForm::ALL
            .into_iter()
            .find(|f| f.as_code() == code)
            .ok_or_else(|| DomainError::ControlFormCode(code.to_string()))
    }

    /// As written in a curriculum.
    pub fn label(self) -> &'static str {
        match self {
            ControlForm::Exam => "экзамен",
            ControlForm::Credit => "зачёт",
            ControlForm::GradedCredit => "дифференцированный зачёт",
            ControlForm::Other => "другие формы контроля",
        }
    }

    /// Whether the subject is graded зачёт/незачёт only: such a subject is left out of the
    /// quality rate and of СОУ unless the college counts зачёт as quality.
    pub fn pass_fail(self) -> bool {
        self == ControlForm::Credit
    }

    /// Whether `value` can be the final result of a subject of this form: a credit takes
    /// зачёт/незачёт, an exam or a differentiated credit a grade 2–5 (1 is allowed too, as
    /// the five-point scale has it), any other form either; «н/а» and «осв» fit every form.
    pub fn fits(self, value: FinalGradeValue) -> bool {
        match value {
            FinalGradeValue::NotAttested | FinalGradeValue::Exempt => true,
            FinalGradeValue::Pass | FinalGradeValue::Fail => {
                matches!(self, ControlForm::Credit | ControlForm::Other)
            }
            FinalGradeValue::Numeric(_) => self != ControlForm::Credit,
        }
    }

    /// The Russian reason a value does not fit, for errors at the place it was entered.
    pub fn misfit(self, value: FinalGradeValue) -> String {
        let wants = if self.pass_fail() {
            "«зч» или «нз»"
        } else {
            "оценка 2–5"
        };
        format!(
            "«{value}» не подходит: форма контроля по учебному плану — {}, нужна {wants} \
             (или «н/а», «осв»)",
            self.label()
        )
    }

    /// The student's result of a term from the finals stored for it: the exam grade where the
    /// form has an exam or a graded credit and the exam is set, otherwise the term's grade.
    pub fn term_result(
        self,
        term: Option<FinalGradeValue>,
        exam: Option<FinalGradeValue>,
    ) -> Option<FinalGradeValue> {
        match self {
            ControlForm::Credit => term.or(exam),
            _ => exam.or(term),
        }
    }
}

/// The result of a year: the year grade where there is one, else the last term's result.
pub fn year_result(
    year: Option<FinalGradeValue>,
    last_term: Option<FinalGradeValue>,
) -> Option<FinalGradeValue> {
    year.or(last_term)
}

#[cfg(test)]
mod tests {
    use super::*;
    use FinalGradeValue::{Exempt, Fail, NotAttested, Numeric, Pass};

    #[test]
    fn the_exam_decides_where_there_is_one() {
        // АТ-24-2 of the issue: term 3, exam 4 — the statement counts 4.
        let e = ControlForm::Exam;
        assert_eq!(
            e.term_result(Some(Numeric(3)), Some(Numeric(4))),
            Some(Numeric(4))
        );
        assert_eq!(e.term_result(Some(Numeric(3)), None), Some(Numeric(3)));
        assert_eq!(e.term_result(None, Some(NotAttested)), Some(NotAttested));
        assert_eq!(e.term_result(None, None), None);
        let d = ControlForm::GradedCredit;
        assert_eq!(
            d.term_result(Some(Numeric(5)), Some(Numeric(2))),
            Some(Numeric(2))
        );
        let c = ControlForm::Credit;
        assert_eq!(c.term_result(Some(Pass), Some(Numeric(2))), Some(Pass));
        assert_eq!(
            year_result(Some(Numeric(4)), Some(Numeric(3))),
            Some(Numeric(4))
        );
        assert_eq!(year_result(None, Some(Numeric(3))), Some(Numeric(3)));
    }

    #[test]
    fn a_result_must_fit_the_form_of_control() {
        assert!(!ControlForm::Exam.fits(Pass));
        assert!(!ControlForm::GradedCredit.fits(Fail));
        assert!(!ControlForm::Credit.fits(Numeric(4)));
        for f in ControlForm::ALL {
            assert!(f.fits(NotAttested) && f.fits(Exempt), "{f:?}");
        }
        assert!(ControlForm::Other.fits(Pass) && ControlForm::Other.fits(Numeric(5)));
        assert_eq!(
            ControlForm::Exam.misfit(Pass),
            "«зч» не подходит: форма контроля по учебному плану — экзамен, нужна оценка 2–5 \
             (или «н/а», «осв»)"
        );
        for f in ControlForm::ALL {
            assert_eq!(ControlForm::from_code(f.as_code()), Ok(f));
        }
        assert!(ControlForm::from_code("oral").is_err());
    }
}
