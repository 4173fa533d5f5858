//! Absence marks: н (no valid reason), у (valid reason), б (ill), оп (late), typed in the
//! Russian or the Latin keyboard layout (n u b l). Only «б» is stored for illness — never a
//! diagnosis, which would be health data under 152-ФЗ.

use std::fmt;

use super::DomainError;

/// Why a student missed a lesson (or came late).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AbsenceReason {
    /// н — без уважительной причины.
    Absent,
    /// у — по уважительной причине.
    Excused,
    /// б — по болезни.
    Ill,
    /// оп — опоздание; not a missed hour.
    Late,
}

impl AbsenceReason {
    /// Every reason, in the order the journal offers them.
    pub const ALL: [AbsenceReason; 4] = [
        AbsenceReason::Absent,
        AbsenceReason::Excused,
        AbsenceReason::Ill,
        AbsenceReason::Late,
    ];

    /// Parses `н у б оп` or `n u b l` (any case).
    pub fn parse(text: &str) -> Result<AbsenceReason, DomainError> {
        match text.trim().to_lowercase().as_str() {
            "н" | "n" => Ok(AbsenceReason::Absent),
            "у" | "u" => Ok(AbsenceReason::Excused),
            "б" | "b" => Ok(AbsenceReason::Ill),
            "оп" | "о" | "l" | "op" => Ok(AbsenceReason::Late),
            _ => Err(DomainError::new(format!(
                "«{}» — нет такой отметки о пропуске: допустимы н, у, б, оп",
                text.trim()
            ))),
        }
    }

    /// The database code.
    pub fn as_code(self) -> &'static str {
        match self {
            AbsenceReason::Absent => "absent",
            AbsenceReason::Excused => "excused",
            AbsenceReason::Ill => "ill",
            AbsenceReason::Late => "late",
        }
    }

    /// Reads a database code.
    pub fn from_code(code: &str) -> Result<AbsenceReason, DomainError> {
        AbsenceReason::ALL
            .into_iter()
            .find(|r| r.as_code() == code)
            .ok_or_else(|| DomainError::new(format!("недопустимый код пропуска «{code}»")))
    }

    /// Whether the lesson's hours count as missed (lateness does not).
    pub fn counts_as_missed(self) -> bool {
        self != AbsenceReason::Late
    }
}

impl fmt::Display for AbsenceReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AbsenceReason::Absent => "н",
            AbsenceReason::Excused => "у",
            AbsenceReason::Ill => "б",
            AbsenceReason::Late => "оп",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_layouts() {
        for (t, r) in [
            ("н", AbsenceReason::Absent),
            ("N", AbsenceReason::Absent),
            ("у", AbsenceReason::Excused),
            ("u", AbsenceReason::Excused),
            ("б", AbsenceReason::Ill),
            ("b", AbsenceReason::Ill),
            ("оп", AbsenceReason::Late),
            ("l", AbsenceReason::Late),
        ] {
            assert_eq!(AbsenceReason::parse(t).ok(), Some(r), "{t}");
        }
        assert!(AbsenceReason::parse("x").is_err());
        assert!(AbsenceReason::parse("").is_err());
    }

    #[test]
    fn codes_round_trip_and_lateness_is_not_missed() {
        for r in AbsenceReason::ALL {
            assert_eq!(AbsenceReason::from_code(r.as_code()).ok(), Some(r));
            assert_eq!(AbsenceReason::parse(&r.to_string()).ok(), Some(r));
        }
        assert!(AbsenceReason::from_code("x").is_err());
        assert!(!AbsenceReason::Late.counts_as_missed());
        assert!(AbsenceReason::Ill.counts_as_missed());
    }
}
