//! Exact arithmetic for the official figures: every figure is a ratio of integers, rounded once,
//! at the end, half away from zero, to hundredths (`formulas.md`).

use std::fmt;

/// A number in hundredths, the result of the one rounding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fixed2(pub i64);

impl Fixed2 {
    /// `num / den` rounded half away from zero to hundredths; `None` when `den` is 0.
    pub fn from_ratio(num: i128, den: i128) -> Option<Fixed2> {
        if den == 0 {
            return None;
        }
        let (num, den) = if den < 0 { (-num, -den) } else { (num, den) };
        let scaled = num * 100;
        let q = scaled / den;
        let r = scaled % den;
        // Half away from zero: compare twice the remainder with the divisor.
        let q = if 2 * r.abs() >= den {
            q + scaled.signum()
        } else {
            q
        };
        i64::try_from(q).ok().map(Fixed2)
    }

    /// `num * 100 / den` as a percentage.
    pub fn percent(num: i128, den: i128) -> Option<Fixed2> {
        Fixed2::from_ratio(num * 100, den)
    }

    /// With a decimal comma, as Russian documents print numbers: `86,96`.
    pub fn to_ru_string(self) -> String {
        self.to_string().replace('.', ",")
    }

    /// As a float, for spreadsheets that want numbers (never used in computing figures).
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }
}

impl fmt::Display for Fixed2 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", a / 100, a % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_once_half_away_from_zero() {
        assert_eq!(
            Fixed2::from_ratio(2000, 23).map(|x| x.to_string()),
            Some("86.96".into())
        );
        assert_eq!(Fixed2::from_ratio(1, 200).map(|x| x.0), Some(1));
        assert_eq!(Fixed2::from_ratio(-1, 200).map(|x| x.0), Some(-1));
        assert_eq!(Fixed2::from_ratio(1, 201).map(|x| x.0), Some(0));
        assert_eq!(Fixed2::from_ratio(5, 0), None);
        assert_eq!(
            Fixed2::from_ratio(40, 9).map(|x| x.to_string()),
            Some("4.44".into())
        );
        assert_eq!(Fixed2(8696).to_ru_string(), "86,96");
        assert_eq!(Fixed2(-5).to_string(), "-0.05");
    }
}
