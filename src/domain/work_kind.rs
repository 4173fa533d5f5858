//! Kinds of work a grade is given for, with their default weights for the weighted average
//! (`formulas.md`), and kinds of lesson (clause 6.7 of the regulation), with their storage codes
//! and Russian names.

use std::fmt;

use super::{shown, DomainError};

/// The kind of work a grade is for; its weight is a college setting with these defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WorkKind {
    /// Ответ на уроке.
    Answer,
    /// Домашняя работа.
    Homework,
    /// Самостоятельная работа.
    Independent,
    /// Практическая работа.
    Practical,
    /// Лабораторная работа.
    Laboratory,
    /// Контрольная работа.
    Test,
    /// Экзамен.
    Exam,
    /// Другое.
    Other,
}

impl WorkKind {
    /// Every kind, in the order the journal offers them.
    pub const ALL: [WorkKind; 8] = [
        WorkKind::Answer,
        WorkKind::Homework,
        WorkKind::Independent,
        WorkKind::Practical,
        WorkKind::Laboratory,
        WorkKind::Test,
        WorkKind::Exam,
        WorkKind::Other,
    ];

    /// The database code.
    pub fn as_code(self) -> &'static str {
        match self {
            WorkKind::Answer => "answer",
            WorkKind::Homework => "homework",
            WorkKind::Independent => "independent",
            WorkKind::Practical => "practical",
            WorkKind::Laboratory => "laboratory",
            WorkKind::Test => "test",
            WorkKind::Exam => "exam",
            WorkKind::Other => "other",
        }
    }

    /// The Russian name.
    pub fn name_ru(self) -> &'static str {
        match self {
            WorkKind::Answer => "ответ на уроке",
            WorkKind::Homework => "домашняя работа",
            WorkKind::Independent => "самостоятельная работа",
            WorkKind::Practical => "практическая работа",
            WorkKind::Laboratory => "лабораторная работа",
            WorkKind::Test => "контрольная работа",
            WorkKind::Exam => "экзамен",
            WorkKind::Other => "другое",
        }
    }

    /// The default weight of `formulas.md`: answer, homework, other 1; independent, practical,
    /// laboratory 2; test and exam 3.
    pub fn default_weight(self) -> u32 {
        match self {
            WorkKind::Answer | WorkKind::Homework | WorkKind::Other => 1,
            WorkKind::Independent | WorkKind::Practical | WorkKind::Laboratory => 2,
            WorkKind::Test | WorkKind::Exam => 3,
        }
    }

    /// Whether every student is expected to have a grade for such a work once it is held: the
    /// forecast counts these for completeness and names them when missing.
    pub fn is_required(self) -> bool {
        matches!(
            self,
            WorkKind::Practical | WorkKind::Laboratory | WorkKind::Test | WorkKind::Exam
        )
    }

    /// Reads a database code (exactly as stored).
    pub fn from_code(code: &str) -> Result<WorkKind, DomainError> {
        WorkKind::ALL
            .into_iter()
            .find(|k| k.as_code() == code)
            .ok_or_else(|| DomainError::UnknownWorkKind(shown(code)))
    }

    /// Parses a code, a Russian name or a usual abbreviation (дз, ср, пр, лр, кр, экз).
    pub fn parse(text: &str) -> Result<WorkKind, DomainError> {
        let s = text.trim().to_lowercase().replace('ё', "е");
        let s = s.trim_end_matches('.');
        if let Some(k) = WorkKind::ALL
            .into_iter()
            .find(|k| k.as_code() == s || k.name_ru() == s)
        {
            return Ok(k);
        }
        match s {
            "ответ" | "устно" | "уо" => Ok(WorkKind::Answer),
            "дз" | "д/з" | "домашняя" => Ok(WorkKind::Homework),
            "ср" | "с/р" | "самостоятельная" => Ok(WorkKind::Independent),
            "пр" | "п/р" | "практическая" => Ok(WorkKind::Practical),
            "лр" | "л/р" | "лаб" | "лабораторная" => Ok(WorkKind::Laboratory),
            "кр" | "к/р" | "контрольная" => Ok(WorkKind::Test),
            "экз" => Ok(WorkKind::Exam),
            _ => Err(DomainError::UnknownWorkKind(shown(text))),
        }
    }
}

impl fmt::Display for WorkKind {
    /// The Russian name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name_ru())
    }
}

/// The kind of a lesson.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LessonKind {
    /// Лекция.
    Lecture,
    /// Практическое занятие.
    Practical,
    /// Лабораторная работа.
    Laboratory,
    /// Контрольная работа.
    Test,
    /// Другое.
    Other,
}

impl LessonKind {
    /// Every kind, in the order the journal offers them.
    pub const ALL: [LessonKind; 5] = [
        LessonKind::Lecture,
        LessonKind::Practical,
        LessonKind::Laboratory,
        LessonKind::Test,
        LessonKind::Other,
    ];

    /// The database code.
    pub fn as_code(self) -> &'static str {
        match self {
            LessonKind::Lecture => "lecture",
            LessonKind::Practical => "practical",
            LessonKind::Laboratory => "laboratory",
            LessonKind::Test => "test",
            LessonKind::Other => "other",
        }
    }

    /// The Russian name.
    pub fn name_ru(self) -> &'static str {
        match self {
            LessonKind::Lecture => "лекция",
            LessonKind::Practical => "практическое занятие",
            LessonKind::Laboratory => "лабораторная работа",
            LessonKind::Test => "контрольная работа",
            LessonKind::Other => "другое",
        }
    }

    /// The graded work such a lesson is held for, if any: a test lesson expects a test grade
    /// from every student, a lecture expects nothing.
    pub fn expected_work(self) -> Option<WorkKind> {
        match self {
            LessonKind::Practical => Some(WorkKind::Practical),
            LessonKind::Laboratory => Some(WorkKind::Laboratory),
            LessonKind::Test => Some(WorkKind::Test),
            LessonKind::Lecture | LessonKind::Other => None,
        }
    }

    /// The work every student must have graded, if the lesson is held for one: a test
    /// (контрольная работа) is written, a laboratory work done and defended by everyone. A
    /// practical lesson is a class like the others — the teacher grades whom they ask — so
    /// it is not required of each student; counting it made nearly every student «под угрозой».
    pub fn required_work(self) -> Option<WorkKind> {
        match self {
            LessonKind::Laboratory => Some(WorkKind::Laboratory),
            LessonKind::Test => Some(WorkKind::Test),
            LessonKind::Practical | LessonKind::Lecture | LessonKind::Other => None,
        }
    }

    /// Reads a database code (exactly as stored).
    pub fn from_code(code: &str) -> Result<LessonKind, DomainError> {
        LessonKind::ALL
            .into_iter()
            .find(|k| k.as_code() == code)
            .ok_or_else(|| DomainError::UnknownLessonKind(shown(code)))
    }

    /// Parses a code, a Russian name or the usual abbreviations (лек, пр, лаб, кр).
    pub fn parse(text: &str) -> Result<LessonKind, DomainError> {
        let s = text.trim().to_lowercase().replace('ё', "е");
        let s = s.trim_end_matches('.');
        if let Some(k) = LessonKind::ALL
            .into_iter()
            .find(|k| k.as_code() == s || k.name_ru() == s)
        {
            return Ok(k);
        }
        match s {
            "лек" | "лекц" => Ok(LessonKind::Lecture),
            "пр" | "практ" | "практика" | "практическое" | "практическая работа" => {
                Ok(LessonKind::Practical)
            }
            "лаб" | "лр" | "л/р" | "лабораторная" => Ok(LessonKind::Laboratory),
            "кр" | "к/р" | "контр" | "контрольная" => Ok(LessonKind::Test),
            _ => Err(DomainError::UnknownLessonKind(shown(text))),
        }
    }
}

impl fmt::Display for LessonKind {
    /// The Russian name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name_ru())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_kinds_codes_weights_names() {
        let cases = [
            (WorkKind::Answer, "answer", 1, "ответ на уроке"),
            (WorkKind::Homework, "homework", 1, "домашняя работа"),
            (
                WorkKind::Independent,
                "independent",
                2,
                "самостоятельная работа",
            ),
            (WorkKind::Practical, "practical", 2, "практическая работа"),
            (WorkKind::Laboratory, "laboratory", 2, "лабораторная работа"),
            (WorkKind::Test, "test", 3, "контрольная работа"),
            (WorkKind::Exam, "exam", 3, "экзамен"),
            (WorkKind::Other, "other", 1, "другое"),
        ];
        for (kind, code, weight, name) in cases {
            assert_eq!(kind.as_code(), code);
            assert_eq!(WorkKind::from_code(code), Ok(kind));
            assert_eq!(kind.default_weight(), weight);
            assert_eq!(kind.to_string(), name);
            assert_eq!(WorkKind::parse(name), Ok(kind));
        }
        assert_eq!(WorkKind::parse("КР"), Ok(WorkKind::Test));
        assert_eq!(WorkKind::parse("с/р"), Ok(WorkKind::Independent));
        assert!(WorkKind::from_code("essay").is_err());
        assert!(WorkKind::from_code("Test").is_err());
        assert!(WorkKind::Test.is_required() && !WorkKind::Homework.is_required());
    }

    #[test]
    fn lesson_kinds_parse_names_and_abbreviations() {
        let cases = [
            ("лек", LessonKind::Lecture),
            ("лекция", LessonKind::Lecture),
            ("пр.", LessonKind::Practical),
            ("практическое занятие", LessonKind::Practical),
            ("лаб", LessonKind::Laboratory),
            ("Лабораторная работа", LessonKind::Laboratory),
            ("КР", LessonKind::Test),
            ("test", LessonKind::Test),
            ("другое", LessonKind::Other),
        ];
        for (text, want) in cases {
            assert_eq!(LessonKind::parse(text), Ok(want), "{text}");
        }
        assert_eq!(
            LessonKind::parse("пикник")
                .err()
                .map(|e| e.to_string())
                .as_deref(),
            Some(
                "«пикник» — нет такого вида занятия: допустимы лекция, практическое занятие, \
                 лабораторная работа, контрольная работа, другое"
            )
        );
        for k in LessonKind::ALL {
            assert_eq!(LessonKind::from_code(k.as_code()), Ok(k));
        }
        assert_eq!(LessonKind::Test.expected_work(), Some(WorkKind::Test));
        assert_eq!(LessonKind::Lecture.expected_work(), None);
        assert_eq!(LessonKind::Test.required_work(), Some(WorkKind::Test));
        assert_eq!(LessonKind::Practical.required_work(), None);
    }
}
