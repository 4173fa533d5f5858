//! Kinds of work a grade is given for (with their default weights for the weighted average) and
//! kinds of lesson.

use super::DomainError;

/// The kind of work a grade is for; the weight is a college setting with these defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WorkKind {
    Answer,
    Homework,
    Independent,
    Practical,
    Laboratory,
    Test,
    Exam,
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

    /// The default weight (`formulas.md`).
    pub fn default_weight(self) -> u8 {
        match self {
            WorkKind::Answer | WorkKind::Homework | WorkKind::Other => 1,
            WorkKind::Independent | WorkKind::Practical | WorkKind::Laboratory => 2,
            WorkKind::Test | WorkKind::Exam => 3,
        }
    }

    /// Reads a database code.
    pub fn from_code(code: &str) -> Result<WorkKind, DomainError> {
        WorkKind::ALL
            .into_iter()
            .find(|k| k.as_code() == code)
            .ok_or_else(|| DomainError::new(format!("«{code}» — нет такого вида работы")))
    }
}

/// The kind of a lesson.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LessonKind {
    Lecture,
    Practical,
    Laboratory,
    Test,
    Other,
}

impl LessonKind {
    /// Every kind.
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

    /// Parses a code, a Russian name or the usual abbreviations (лек, пр, лаб, кр).
    pub fn parse(text: &str) -> Result<LessonKind, DomainError> {
        let s = text.trim().to_lowercase();
        let found = LessonKind::ALL
            .into_iter()
            .find(|k| k.as_code() == s || k.name_ru() == s);
        if let Some(k) = found {
            return Ok(k);
        }
        match s.trim_end_matches('.') {
            "лек" | "лекция" | "урок" | "теория" => Ok(LessonKind::Lecture),
            "пр" | "практ" | "практика" | "практическая" | "практическая работа" => Ok(LessonKind::Practical),
            "лаб" | "лр" | "лабораторная" => Ok(LessonKind::Laboratory),
            "кр" | "контр" | "контрольная" => Ok(LessonKind::Test),
            _ => Err(DomainError::new(format!(
                "«{}» — нет такого вида занятия: лекция, практическое, лабораторная, контрольная, другое",
                text.trim()
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_follow_the_formulas() {
        assert_eq!(WorkKind::Answer.default_weight(), 1);
        assert_eq!(WorkKind::Independent.default_weight(), 2);
        assert_eq!(WorkKind::Test.default_weight(), 3);
        for k in WorkKind::ALL {
            assert_eq!(WorkKind::from_code(k.as_code()).ok(), Some(k));
        }
        assert!(WorkKind::from_code("essay").is_err());
    }

    #[test]
    fn lesson_kinds_parse_abbreviations() {
        assert_eq!(LessonKind::parse("лаб").ok(), Some(LessonKind::Laboratory));
        assert_eq!(LessonKind::parse("КР").ok(), Some(LessonKind::Test));
        assert_eq!(LessonKind::parse("лекция").ok(), Some(LessonKind::Lecture));
        assert_eq!(LessonKind::parse("test").ok(), Some(LessonKind::Test));
        assert!(LessonKind::parse("пикник").is_err());
    }
}
