//! Which final grade (6.5): for a term, the exam of a subject, or the year, with the codes the
//! database stores in `final_grades.kind`.

use super::DomainError;

/// The kind of a final grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FinalKind {
    /// Итоговая за семестр.
    Term,
    /// Экзамен.
    Exam,
    /// Годовая.
    Year,
}

impl FinalKind {
    /// The database code.
    pub fn as_code(self) -> &'static str {
        match self {
            FinalKind::Term => "term",
            FinalKind::Exam => "exam",
            FinalKind::Year => "year",
        }
    }

    /// Reads a database code.
    pub fn from_code(code: &str) -> Result<FinalKind, DomainError> {
        match code {
            "term" => Ok(FinalKind::Term),
            "exam" => Ok(FinalKind::Exam),
            "year" => Ok(FinalKind::Year),
            _ => Err(DomainError::FinalKindCode(code.to_string())),
        }
    }

    /// The Russian name.
    pub fn name_ru(self) -> &'static str {
        match self {
            FinalKind::Term => "итоговая за семестр",
            FinalKind::Exam => "экзамен",
            FinalKind::Year => "годовая",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_unknown_is_refused() {
        for k in [FinalKind::Term, FinalKind::Exam, FinalKind::Year] {
            assert_eq!(FinalKind::from_code(k.as_code()), Ok(k));
        }
        assert_eq!(
            FinalKind::from_code("month").map_err(|e| e.to_string()),
            Err("недопустимый вид итоговой оценки «month»".into())
        );
    }
}
