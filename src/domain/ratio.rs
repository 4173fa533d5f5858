//! Exact arithmetic for the official figures: every figure is a ratio of integers ([`Ratio`]),
//! rounded once, at the end, half away from zero, to hundredths ([`Fixed2`]) — `formulas.md`.
//! Floats never enter, because two systems that round binary fractions differently print
//! different official figures from the same data.

use std::cmp::Ordering;
use std::fmt;

/// An exact fraction, always reduced and with a positive denominator, so that equal values are
/// equal structs. Both parts fit in `i64`; products are taken in `i128`, where they cannot
/// overflow, and a result that does not fit back is `None` rather than a wrong number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ratio {
    num: i64,
    den: i64,
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Ratio {
    /// Zero.
    pub const ZERO: Ratio = Ratio { num: 0, den: 1 };

    /// `num / den`; `None` when `den` is 0 (division by zero is a missing figure, not a panic).
    pub fn new(num: i64, den: i64) -> Option<Ratio> {
        Ratio::from_i128(i128::from(num), i128::from(den))
    }

    /// `num / den` from wide parts; `None` when `den` is 0 or the reduced fraction does not fit.
    pub fn from_i128(num: i128, den: i128) -> Option<Ratio> {
        if den == 0 {
            return None;
        }
        // Reduce on magnitudes: `unsigned_abs` is defined even for `i128::MIN`.
        let g = gcd(num.unsigned_abs(), den.unsigned_abs());
        let (n, d) = (num.unsigned_abs() / g, den.unsigned_abs() / g);
        let negative = (num < 0) != (den < 0) && n != 0;
        let n = i128::try_from(n).ok()?;
        let num = i64::try_from(if negative { -n } else { n }).ok()?;
        let den = i64::try_from(d).ok()?;
        Some(Ratio { num, den })
    }

    /// A whole number.
    pub fn integer(n: i64) -> Ratio {
        Ratio { num: n, den: 1 }
    }

    /// The numerator of the reduced fraction (carries the sign).
    pub fn num(self) -> i64 {
        self.num
    }

    /// The denominator of the reduced fraction, always positive.
    pub fn den(self) -> i64 {
        self.den
    }

    /// `self + other`, `None` when the exact result does not fit.
    pub fn checked_add(self, other: Ratio) -> Option<Ratio> {
        let (a, b, c, d) = self.wide(other);
        Ratio::from_i128(a * d + c * b, b * d)
    }

    /// `self − other`, `None` when the exact result does not fit.
    pub fn checked_sub(self, other: Ratio) -> Option<Ratio> {
        let (a, b, c, d) = self.wide(other);
        Ratio::from_i128(a * d - c * b, b * d)
    }

    /// `self × other`, `None` when the exact result does not fit.
    pub fn checked_mul(self, other: Ratio) -> Option<Ratio> {
        let (a, b, c, d) = self.wide(other);
        Ratio::from_i128(a * c, b * d)
    }

    /// `self ÷ other`, `None` for division by zero or when the result does not fit.
    pub fn checked_div(self, other: Ratio) -> Option<Ratio> {
        let (a, b, c, d) = self.wide(other);
        Ratio::from_i128(a * d, b * c)
    }

    /// The largest whole number not above the value.
    pub fn floor(self) -> i64 {
        self.num.div_euclid(self.den)
    }

    /// The one rounding of the journal: half away from zero, to hundredths. `None` only when
    /// the value is beyond what `Fixed2` holds (about ±9·10¹⁶), which no figure comes near.
    pub fn round2(self) -> Option<Fixed2> {
        let a = u128::from(self.num.unsigned_abs());
        let d = u128::from(self.den.unsigned_abs());
        // round(a·100/d) with halves up = ⌊(200a + d) / 2d⌋; a, d < 2⁶⁴ so nothing overflows.
        let magnitude = i128::try_from((200 * a + d) / (2 * d)).ok()?;
        let signed = if self.num < 0 { -magnitude } else { magnitude };
        i64::try_from(signed).ok().map(Fixed2)
    }

    /// Both operands' parts as `i128`, where sums of products of `i64` values cannot overflow.
    fn wide(self, other: Ratio) -> (i128, i128, i128, i128) {
        (
            i128::from(self.num),
            i128::from(self.den),
            i128::from(other.num),
            i128::from(other.den),
        )
    }
}

impl Ord for Ratio {
    fn cmp(&self, other: &Ratio) -> Ordering {
        // Denominators are positive, so cross-multiplying keeps the order; i64 × i64 fits i128.
        let (a, b, c, d) = self.wide(*other);
        (a * d).cmp(&(c * b))
    }
}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Ratio) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Ratio {
    /// `13/4`, or just `3` for a whole number.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.den == 1 {
            write!(f, "{}", self.num)
        } else {
            write!(f, "{}/{}", self.num, self.den)
        }
    }
}

/// A figure as printed: a number of hundredths, the result of the one rounding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fixed2(pub i64);

impl Fixed2 {
    /// `num / den` rounded half away from zero to hundredths; `None` when `den` is 0.
    pub fn from_ratio(num: i64, den: i64) -> Option<Fixed2> {
        Ratio::new(num, den)?.round2()
    }

    /// `part × 100 / whole`, a percentage rounded once; `None` when `whole` is 0 (or the
    /// result is beyond `i64` hundredths).
    pub fn percent(part: i64, whole: i64) -> Option<Fixed2> {
        Ratio::from_i128(i128::from(part) * 100, i128::from(whole))?.round2()
    }

    /// The number of hundredths.
    pub fn hundredths(self) -> i64 {
        self.0
    }

    /// With a decimal comma, as Russian documents print numbers: `86,96`.
    pub fn to_ru_string(self) -> String {
        self.to_string().replace('.', ",")
    }
}

impl fmt::Display for Fixed2 {
    /// With a dot and always two decimals: `86.96`, `4.50`, `-0.05`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", a / 100, a % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(n: i64, d: i64) -> Ratio {
        Ratio::new(n, d).unwrap_or(Ratio::ZERO)
    }

    #[test]
    fn rounds_once_half_away_from_zero() {
        let cases: [(i64, i64, Option<&str>); 12] = [
            (2000, 23, Some("86.96")),
            (1300, 23, Some("56.52")),
            (40, 9, Some("4.44")),
            (82, 22, Some("3.73")),
            (1, 200, Some("0.01")),
            (-1, 200, Some("-0.01")),
            (1, 201, Some("0.00")),
            (-1, 201, Some("0.00")),
            (5, 8, Some("0.63")),
            (-5, 8, Some("-0.63")),
            (3, 1, Some("3.00")),
            (5, 0, None),
        ];
        for (n, d, want) in cases {
            let got = Fixed2::from_ratio(n, d).map(|x| x.to_string());
            assert_eq!(got.as_deref(), want, "{n}/{d}");
        }
        assert_eq!(Fixed2(8696).to_ru_string(), "86,96");
        assert_eq!(Fixed2(-5).to_string(), "-0.05");
        assert_eq!(Fixed2::percent(20, 23), Some(Fixed2(8696)));
        assert_eq!(Fixed2::percent(1, 0), None);
        assert_eq!(Ratio::integer(i64::MAX).round2(), None);
    }

    #[test]
    fn fractions_are_reduced_and_exact() {
        assert_eq!((r(6, -4).num(), r(6, -4).den()), (-3, 2));
        assert_eq!(r(0, -7), Ratio::ZERO);
        assert_eq!(Ratio::new(1, 0), None);
        assert_eq!(Ratio::new(i64::MIN, -1), None);
        assert_eq!(r(1, 3).checked_add(r(1, 6)), Some(r(1, 2)));
        assert_eq!(r(1, 3).checked_sub(r(1, 2)), Some(r(-1, 6)));
        assert_eq!(r(2, 3).checked_mul(r(9, 4)), Some(r(3, 2)));
        assert_eq!(r(2, 3).checked_div(r(4, 9)), Some(r(3, 2)));
        assert_eq!(r(2, 3).checked_div(Ratio::ZERO), None);
        assert_eq!(Ratio::integer(i64::MAX).checked_add(r(1, 1)), None);
        assert!(r(1, 3) < r(34, 100) && r(-1, 2) < r(-1, 3));
        assert_eq!((r(7, 2).floor(), r(-7, 2).floor()), (3, -4));
        assert_eq!(
            (r(13, 4).to_string(), r(8, 2).to_string()),
            ("13/4".into(), "4".into())
        );
    }
}
