//! Absence marks: н (no valid reason), у (valid reason), б (ill), оп (late), typed in the
//! Russian or the Latin keyboard layout (n u b l). Only «б» is stored for illness — never a
//! diagnosis, which would be health data under 152-ФЗ.

use std::fmt;

use super::{shown, DomainError};

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

    /// Parses `н у б оп` or the Latin `n u b l` (`op` too), in any case.
    pub fn parse(text: &str) -> Result<AbsenceReason, DomainError> {
        match text.trim().to_lowercase().as_str() {
            "н" | "n" => Ok(AbsenceReason::Absent),
            "у" | "u" => Ok(AbsenceReason::Excused),
            "б" | "b" => Ok(AbsenceReason::Ill),
            "оп" | "l" | "op" => Ok(AbsenceReason::Late),
            _ => Err(DomainError::UnknownAbsence(shown(text))),
        }
    }

    /// The database code: `absent`, `excused`, `ill`, `late`.
    pub fn as_code(self) -> &'static str {
        match self {
            AbsenceReason::Absent => "absent",
            AbsenceReason::Excused => "excused",
            AbsenceReason::Ill => "ill",
            AbsenceReason::Late => "late",
        }
    }

    /// Reads a database code (exactly as stored: no trimming, no case folding, since a
    /// different spelling in the database means a bug elsewhere, not a typo).
    pub fn from_code(code: &str) -> Result<AbsenceReason, DomainError> {
        AbsenceReason::ALL
            .into_iter()
            .find(|r| r.as_code() == code)
            .ok_or_else(|| DomainError::AbsenceCode(shown(code)))
    }

    /// The Russian words for reports: «без уважительной причины», «опоздание»…
    pub fn name_ru(self) -> &'static str {
        match self {
            AbsenceReason::Absent => "без уважительной причины",
            AbsenceReason::Excused => "по уважительной причине",
            AbsenceReason::Ill => "по болезни",
            AbsenceReason::Late => "опоздание",
        }
    }

    /// Whether the lesson's hours count as missed: lateness does not (`formulas.md`).
    pub fn counts_as_missed(self) -> bool {
        self != AbsenceReason::Late
    }
}

impl fmt::Display for AbsenceReason {
    /// The mark as the journal cell shows it: н, у, б, оп.
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
    use AbsenceReason as A;

    #[test]
    fn parses_both_layouts() {
        let cases = [
            ("н", A::Absent),
            ("Н", A::Absent),
            ("n", A::Absent),
            ("N", A::Absent),
            ("у", A::Excused),
            ("u", A::Excused),
            (" б ", A::Ill),
            ("B", A::Ill),
            ("оп", A::Late),
            ("ОП", A::Late),
            ("l", A::Late),
            ("L", A::Late),
        ];
        for (text, want) in cases {
            assert_eq!(A::parse(text), Ok(want), "{text}");
        }
        for bad in ["x", "", "нн", "о", "5", "ill"] {
            assert!(A::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            A::parse("x").err().map(|e| e.to_string()).as_deref(),
            Some("«x» — нет такой отметки о пропуске: допустимы н, у, б, оп")
        );
    }

    #[test]
    fn codes_and_letters() {
        let cases = [
            (A::Absent, "absent", "н", true),
            (A::Excused, "excused", "у", true),
            (A::Ill, "ill", "б", true),
            (A::Late, "late", "оп", false),
        ];
        for (reason, code, letter, missed) in cases {
            assert_eq!(reason.as_code(), code);
            assert_eq!(A::from_code(code), Ok(reason));
            assert_eq!(reason.to_string(), letter);
            assert_eq!(A::parse(letter), Ok(reason));
            assert_eq!(reason.counts_as_missed(), missed);
        }
        assert_eq!(
            A::from_code("Ill"),
            Err(DomainError::AbsenceCode("Ill".into()))
        );
        assert_eq!(
            A::from_code("sick").err().map(|e| e.to_string()).as_deref(),
            Some("недопустимый код пропуска «sick»")
        );
    }
}
