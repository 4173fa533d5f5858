//! Grades as a teacher types them and as the database stores them: current grades (5 4 3 2 1,
//! зачёт, незачёт) and final grades (also н/а and осв), with their fixed integer codes.

use std::fmt;

use super::DomainError;

/// Code of «незачёт» in the database.
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
    /// 1 to 5.
    Numeric(u8),
    /// зачёт
    Pass,
    /// незачёт
    Fail,
}

/// A final grade for a term, an exam or the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FinalGradeValue {
    Numeric(u8),
    Pass,
    Fail,
    /// н/а — не аттестован; counted, as a failing result.
    NotAttested,
    /// осв — освобождён; not counted.
    Exempt,
}

/// Lower-cases, trims and folds the usual spellings (ё→е, backslash for slash).
fn norm(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .replace('ё', "е")
        .replace('\\', "/")
}

fn numeric(s: &str) -> Option<u8> {
    match s {
        "1" => Some(1),
        "2" => Some(2),
        "3" => Some(3),
        "4" => Some(4),
        "5" => Some(5),
        _ => None,
    }
}

impl GradeValue {
    /// Parses what a teacher types: `5 4 3 2 1`, `зч`/`зачёт`, `нз`/`незачёт`.
    pub fn parse(text: &str) -> Result<GradeValue, DomainError> {
        let s = norm(text);
        if let Some(n) = numeric(&s) {
            return Ok(GradeValue::Numeric(n));
        }
        match s.as_str() {
            "зч" | "зач" | "зачет" | "зачтено" => Ok(GradeValue::Pass),
            "нз" | "незач" | "незачет" | "не зачтено" => {
                Ok(GradeValue::Fail)
            }
            _ => Err(DomainError::new(format!(
                "«{}» — нет такой отметки: допустимы 5, 4, 3, 2, 1, зч, нз",
                text.trim()
            ))),
        }
    }

    /// The database code.
    pub fn to_code(self) -> i32 {
        match self {
            GradeValue::Numeric(n) => i32::from(n),
            GradeValue::Pass => CODE_PASS,
            GradeValue::Fail => CODE_FAIL,
        }
    }

    /// Reads a database code; final-only codes are refused.
    pub fn from_code(code: i32) -> Result<GradeValue, DomainError> {
        match code {
            1..=5 => Ok(GradeValue::Numeric(code as u8)),
            CODE_PASS => Ok(GradeValue::Pass),
            CODE_FAIL => Ok(GradeValue::Fail),
            _ => Err(DomainError::new(format!("недопустимый код отметки {code}"))),
        }
    }

    /// The number, for averages; `None` for зачёт and незачёт.
    pub fn numeric(self) -> Option<u8> {
        match self {
            GradeValue::Numeric(n) => Some(n),
            _ => None,
        }
    }

    /// 2, 1 and незачёт.
    pub fn is_failing(self) -> bool {
        matches!(self, GradeValue::Numeric(1 | 2) | GradeValue::Fail)
    }
}

impl FinalGradeValue {
    /// Parses a final grade: as [`GradeValue::parse`], plus `н/а` and `осв`.
    pub fn parse(text: &str) -> Result<FinalGradeValue, DomainError> {
        let s = norm(text);
        match s.as_str() {
            "н/а" | "на" | "н.а" | "н/а." | "не аттестован" => {
                return Ok(FinalGradeValue::NotAttested)
            }
            "осв" | "осв." | "освобожден" | "освобождена" => {
                return Ok(FinalGradeValue::Exempt)
            }
            _ => {}
        }
        match GradeValue::parse(text) {
            Ok(g) => Ok(g.into()),
            Err(_) => Err(DomainError::new(format!(
                "«{}» — нет такой итоговой оценки: допустимы 5, 4, 3, 2, 1, зч, нз, н/а, осв",
                text.trim()
            ))),
        }
    }

    /// The database code.
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
            CODE_NOT_ATTESTED => Ok(FinalGradeValue::NotAttested),
            CODE_EXEMPT => Ok(FinalGradeValue::Exempt),
            _ => GradeValue::from_code(code)
                .map(Into::into)
                .map_err(|_| DomainError::new(format!("недопустимый код итоговой оценки {code}"))),
        }
    }

    /// The number, for averages.
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
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        FinalGradeValue::from(*self).fmt(f)
    }
}

impl fmt::Display for FinalGradeValue {
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

    #[test]
    fn parses_what_teachers_type() {
        let cases = [
            ("5", 5),
            (" 4 ", 4),
            ("1", 1),
            ("зч", CODE_PASS),
            ("ЗАЧЁТ", CODE_PASS),
            ("нз", CODE_FAIL),
        ];
        for (text, code) in cases {
            assert_eq!(
                GradeValue::parse(text).map(GradeValue::to_code).ok(),
                Some(code),
                "{text}"
            );
        }
        for bad in ["7", "0", "6", "x", "", "5+", "н/а"] {
            assert!(GradeValue::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            GradeValue::parse("7")
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default(),
            "«7» — нет такой отметки: допустимы 5, 4, 3, 2, 1, зч, нз"
        );
    }

    #[test]
    fn finals_take_na_and_exempt() {
        assert_eq!(
            FinalGradeValue::parse("н/а").ok(),
            Some(FinalGradeValue::NotAttested)
        );
        assert_eq!(
            FinalGradeValue::parse("Н\\А").ok(),
            Some(FinalGradeValue::NotAttested)
        );
        assert_eq!(
            FinalGradeValue::parse("осв").ok(),
            Some(FinalGradeValue::Exempt)
        );
        assert!(FinalGradeValue::parse("7").is_err());
        assert!(FinalGradeValue::NotAttested.is_failing());
        assert!(!FinalGradeValue::Exempt.is_failing());
    }

    #[test]
    fn codes_round_trip_and_refuse_strangers() {
        for code in [1, 2, 3, 4, 5, CODE_FAIL, CODE_PASS] {
            assert_eq!(
                GradeValue::from_code(code).map(GradeValue::to_code).ok(),
                Some(code)
            );
        }
        for code in [1, 5, CODE_FAIL, CODE_PASS, CODE_NOT_ATTESTED, CODE_EXEMPT] {
            assert_eq!(
                FinalGradeValue::from_code(code)
                    .map(FinalGradeValue::to_code)
                    .ok(),
                Some(code)
            );
        }
        assert!(GradeValue::from_code(7).is_err());
        assert!(GradeValue::from_code(CODE_NOT_ATTESTED).is_err());
        assert!(FinalGradeValue::from_code(0).is_err());
    }
}
