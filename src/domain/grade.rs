//! Grades as a teacher types them and as the database stores them: current grades (5 4 3 2 1,
//! зачёт, незачёт) and final grades (also н/а and осв), with their fixed integer codes.

use std::fmt;

use super::{shown, DomainError};

/// Code of «незачёт»; fixed, the database CHECK constraints use it.
pub const CODE_FAIL: i32 = 100;
/// Code of «зачёт».
pub const CODE_PASS: i32 = 101;
/// Code of «н/а» (не аттестован), final grades only.
pub const CODE_NOT_ATTESTED: i32 = 102;
/// Code of «осв» (освобождён), final grades only.
pub const CODE_EXEMPT: i32 = 103;

/// A current grade in a journal cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GradeValue {
    /// 1 to 5; the constructors never make another number.
    Numeric(u8),
    /// зачёт
    Pass,
    /// незачёт
    Fail,
}

/// A final grade for a term, an exam or the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FinalGradeValue {
    /// 1 to 5.
    Numeric(u8),
    /// зачёт
    Pass,
    /// незачёт
    Fail,
    /// н/а — не аттестован; counted in N, as a failing result.
    NotAttested,
    /// осв — освобождён; not counted in N.
    Exempt,
}

/// Trims, lower-cases and folds the spellings people actually use: ё typed as е, a backslash
/// for the slash of «н/а» (they sit on one key in the Russian layout), a trailing dot of «осв.».
fn norm(text: &str) -> String {
    let s = text
        .trim()
        .to_lowercase()
        .replace('ё', "е")
        .replace('\\', "/");
    s.trim_end_matches('.').to_string()
}

/// One of the five digits alone: «0», «6», «05» or «5.0» are typos, refused rather than guessed.
fn numeric(s: &str) -> Option<u8> {
    match s.as_bytes() {
        [d @ b'1'..=b'5'] => Some(d - b'0'),
        _ => None,
    }
}

/// зачёт / незачёт in Russian, in Latin transliteration, and as typed in the Latin layout by
/// mistake («px» is «зч» on the same keys, «yp» is «нз»).
fn pass_or_fail(s: &str) -> Option<bool> {
    match s {
        "зч" | "зач" | "зачет" | "зачтено" | "z" | "zch" | "zach" | "zachet" | "px" => {
            Some(true)
        }
        "нз" | "незач" | "незачет" | "не зачтено" | "nz" | "nezach" | "nezachet" | "yp" => {
            Some(false)
        }
        _ => None,
    }
}

impl GradeValue {
    /// Parses what a teacher types: `5 4 3 2 1`, `зч`/`зачёт`, `нз`/`незачёт` (any case, the
    /// Latin spellings too). The error names the value and lists what is allowed.
    pub fn parse(text: &str) -> Result<GradeValue, DomainError> {
        let s = norm(text);
        if let Some(n) = numeric(&s) {
            return Ok(GradeValue::Numeric(n));
        }
        match pass_or_fail(&s) {
            Some(true) => Ok(GradeValue::Pass),
            Some(false) => Ok(GradeValue::Fail),
            None => Err(DomainError::UnknownGrade(shown(text))),
        }
    }

    /// The database code: 1..=5, 100 незачёт, 101 зачёт.
    pub fn to_code(self) -> i32 {
        FinalGradeValue::from(self).to_code()
    }

    /// Reads a database code; the final-only codes (н/а, осв) are refused.
    pub fn from_code(code: i32) -> Result<GradeValue, DomainError> {
        match FinalGradeValue::from_code(code) {
            Ok(FinalGradeValue::Numeric(n)) => Ok(GradeValue::Numeric(n)),
            Ok(FinalGradeValue::Pass) => Ok(GradeValue::Pass),
            Ok(FinalGradeValue::Fail) => Ok(GradeValue::Fail),
            _ => Err(DomainError::GradeCode(code)),
        }
    }

    /// The number, for averages; `None` for зачёт and незачёт.
    pub fn numeric(self) -> Option<u8> {
        FinalGradeValue::from(self).numeric()
    }

    /// 2, 1 and незачёт.
    pub fn is_failing(self) -> bool {
        FinalGradeValue::from(self).is_failing()
    }
}

impl FinalGradeValue {
    /// Parses a final grade: as [`GradeValue::parse`], plus `н/а` (`на`, `н\а`, `n/a`) and
    /// `осв` (`освобождён`, `osv`).
    pub fn parse(text: &str) -> Result<FinalGradeValue, DomainError> {
        let s = norm(text);
        match s.as_str() {
            "н/а" | "на" | "н.а" | "не аттестован" | "не аттестована" | "n/a" | "na" => {
                return Ok(FinalGradeValue::NotAttested)
            }
            "осв" | "освоб" | "освобожден" | "освобождена" | "osv" | "jcd" => {
                return Ok(FinalGradeValue::Exempt)
            }
            _ => {}
        }
        GradeValue::parse(text)
            .map(FinalGradeValue::from)
            .map_err(|_| DomainError::UnknownFinalGrade(shown(text)))
    }

    /// The database code: 1..=5, 100 незачёт, 101 зачёт, 102 н/а, 103 осв.
    pub fn to_code(self) -> i32 {
        match self {
            FinalGradeValue::Numeric(n) => i32::from(n),
            FinalGradeValue::Pass => CODE_PASS,
            FinalGradeValue::Fail => CODE_FAIL,
            FinalGradeValue::NotAttested => CODE_NOT_ATTESTED,
            FinalGradeValue::Exempt => CODE_EXEMPT,
        }
    }

    /// Reads a database code.
    pub fn from_code(code: i32) -> Result<FinalGradeValue, DomainError> {
        match code {
            // The range check makes the narrowing exact.
            1..=5 => Ok(FinalGradeValue::Numeric(code as u8)),
            CODE_FAIL => Ok(FinalGradeValue::Fail),
            CODE_PASS => Ok(FinalGradeValue::Pass),
            CODE_NOT_ATTESTED => Ok(FinalGradeValue::NotAttested),
            CODE_EXEMPT => Ok(FinalGradeValue::Exempt),
            _ => Err(DomainError::FinalGradeCode(code)),
        }
    }

    /// The number, for averages; `None` for зачёт, незачёт, н/а and осв, which are not grades.
    pub fn numeric(self) -> Option<u8> {
        match self {
            FinalGradeValue::Numeric(n) => Some(n),
            _ => None,
        }
    }

    /// 2, 1, незачёт and н/а.
    pub fn is_failing(self) -> bool {
        matches!(
            self,
            FinalGradeValue::Numeric(1 | 2) | FinalGradeValue::Fail | FinalGradeValue::NotAttested
        )
    }
}

impl From<GradeValue> for FinalGradeValue {
    fn from(g: GradeValue) -> Self {
        match g {
            GradeValue::Numeric(n) => FinalGradeValue::Numeric(n),
            GradeValue::Pass => FinalGradeValue::Pass,
            GradeValue::Fail => FinalGradeValue::Fail,
        }
    }
}

impl fmt::Display for GradeValue {
    /// The canonical short form: `5`, `зч`, `нз`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        FinalGradeValue::from(*self).fmt(f)
    }
}

impl fmt::Display for FinalGradeValue {
    /// The canonical short form: `5`, `зч`, `нз`, `н/а`, `осв`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FinalGradeValue::Numeric(n) => write!(f, "{n}"),
            FinalGradeValue::Pass => f.write_str("зч"),
            FinalGradeValue::Fail => f.write_str("нз"),
            FinalGradeValue::NotAttested => f.write_str("н/а"),
            FinalGradeValue::Exempt => f.write_str("осв"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use FinalGradeValue as F;

    #[test]
    fn parses_what_teachers_type() {
        let cases = [
            ("5", GradeValue::Numeric(5)),
            (" 4 ", GradeValue::Numeric(4)),
            ("1", GradeValue::Numeric(1)),
            ("зч", GradeValue::Pass),
            ("ЗАЧЁТ", GradeValue::Pass),
            ("зачет", GradeValue::Pass),
            ("Зач.", GradeValue::Pass),
            ("px", GradeValue::Pass),
            ("нз", GradeValue::Fail),
            ("незачёт", GradeValue::Fail),
            ("NZ", GradeValue::Fail),
        ];
        for (text, want) in cases {
            assert_eq!(GradeValue::parse(text), Ok(want), "{text}");
        }
        for bad in [
            "7", "0", "6", "x", "", "5+", "4-", "н/а", "осв", "55", "05", "5.0",
        ] {
            assert!(GradeValue::parse(bad).is_err(), "{bad}");
        }
        let msg = GradeValue::parse(" 7 ").err().map(|e| e.to_string());
        assert_eq!(
            msg.as_deref(),
            Some("«7» — нет такой отметки: допустимы 5, 4, 3, 2, 1, зч, нз")
        );
    }

    #[test]
    fn finals_also_take_na_and_exempt() {
        let cases = [
            ("н/а", F::NotAttested),
            ("Н\\А", F::NotAttested),
            ("на", F::NotAttested),
            ("n/a", F::NotAttested),
            ("осв", F::Exempt),
            ("Освобождён", F::Exempt),
            ("осв.", F::Exempt),
            ("3", F::Numeric(3)),
            ("зачёт", F::Pass),
        ];
        for (text, want) in cases {
            assert_eq!(F::parse(text), Ok(want), "{text}");
        }
        let msg = F::parse("x").err().map(|e| e.to_string());
        assert_eq!(
            msg.as_deref(),
            Some("«x» — нет такой итоговой оценки: допустимы 5, 4, 3, 2, 1, зч, нз, н/а, осв")
        );
    }

    #[test]
    fn codes_text_and_failing_are_the_fixed_ones() {
        let cases = [
            (F::Numeric(5), 5, "5", false, Some(5)),
            (F::Numeric(3), 3, "3", false, Some(3)),
            (F::Numeric(2), 2, "2", true, Some(2)),
            (F::Numeric(1), 1, "1", true, Some(1)),
            (F::Fail, 100, "нз", true, None),
            (F::Pass, 101, "зч", false, None),
            (F::NotAttested, 102, "н/а", true, None),
            (F::Exempt, 103, "осв", false, None),
        ];
        for (value, code, text, failing, number) in cases {
            assert_eq!(value.to_code(), code);
            assert_eq!(F::from_code(code), Ok(value));
            assert_eq!(value.to_string(), text);
            assert_eq!((value.is_failing(), value.numeric()), (failing, number));
        }
        assert_eq!(GradeValue::from_code(101), Ok(GradeValue::Pass));
        assert!(GradeValue::Fail.is_failing() && !GradeValue::Pass.is_failing());
        for code in [0, 6, 99, 104, -1, i32::MAX] {
            assert_eq!(F::from_code(code), Err(DomainError::FinalGradeCode(code)));
        }
        for code in [0, 7, 102, 103] {
            let refused = Err(DomainError::GradeCode(code));
            assert_eq!(GradeValue::from_code(code), refused);
        }
    }
}
