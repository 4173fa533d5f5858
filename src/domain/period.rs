//! Dates and date spans: parsing the forms Russian offices write (ДД.ММ.ГГГГ, Д.М.ГГГГ,
//! ГГГГ-ММ-ДД) and months (ГГГГ-ММ), inclusive spans with overlap and intersection.

use std::fmt;

use chrono::{Datelike, NaiveDate};

use super::{shown, DomainError};

/// A date as Russian documents print it: `01.09.2026`.
pub fn format_ru(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// Splits `text` by `sep` into parts of ASCII digits whose lengths are within the given
/// bounds; `None` for anything else, so that «+1», «٣» or «1 .9» never reach the number parser.
fn digit_parts<'a>(text: &'a str, sep: char, lens: &[(usize, usize)]) -> Option<Vec<&'a str>> {
    let parts: Vec<&str> = text.split(sep).collect();
    let fits = parts.len() == lens.len()
        && parts.iter().zip(lens).all(|(p, (lo, hi))| {
            (*lo..=*hi).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
        });
    fits.then_some(parts)
}

/// Parses `31.12.2026`, `1.9.2026` or `2026-09-01`. A well-formed date the calendar lacks
/// («31.02.2007») gets its own message, since the fix differs from a mistyped form.
pub fn parse_date(text: &str) -> Result<NaiveDate, DomainError> {
    let s = text.trim();
    let ymd = if let Some(p) = digit_parts(s, '.', &[(1, 2), (1, 2), (4, 4)]) {
        (p[2], p[1], p[0])
    } else if let Some(p) = digit_parts(s, '-', &[(4, 4), (1, 2), (1, 2)]) {
        (p[0], p[1], p[2])
    } else {
        return Err(DomainError::DateFormat(shown(s)));
    };
    // Only ASCII digits of bounded length are left, so these parses cannot fail.
    let (Ok(y), Ok(m), Ok(d)) = (ymd.0.parse::<i32>(), ymd.1.parse(), ymd.2.parse()) else {
        return Err(DomainError::DateFormat(shown(s)));
    };
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| DomainError::NoSuchDate(shown(s)))
}

/// Parses a month as `2026-11` (or `11.2026`) into the span of its days.
pub fn parse_month(text: &str) -> Result<DateSpan, DomainError> {
    let s = text.trim();
    let ym = if let Some(p) = digit_parts(s, '-', &[(4, 4), (1, 2)]) {
        (p[0], p[1])
    } else if let Some(p) = digit_parts(s, '.', &[(1, 2), (4, 4)]) {
        (p[1], p[0])
    } else {
        return Err(DomainError::MonthFormat(shown(s)));
    };
    let (Ok(y), Ok(m)) = (ym.0.parse::<i32>(), ym.1.parse::<u32>()) else {
        return Err(DomainError::MonthFormat(shown(s)));
    };
    DateSpan::month(y, m).ok_or_else(|| DomainError::NoSuchMonth(shown(s)))
}

/// An inclusive span of days: a term, a month, a report's period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateSpan {
    /// The first day.
    pub start: NaiveDate,
    /// The last day, included.
    pub end: NaiveDate,
}

impl DateSpan {
    /// A span; an end before the start is refused. A single day (`start == end`) is a span.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Result<DateSpan, DomainError> {
        if end < start {
            return Err(DomainError::SpanReversed { start, end });
        }
        Ok(DateSpan { start, end })
    }

    /// The whole calendar month, or `None` for a month that does not exist.
    pub fn month(year: i32, month: u32) -> Option<DateSpan> {
        let start = NaiveDate::from_ymd_opt(year, month, 1)?;
        let (ny, nm) = if month == 12 {
            (year.checked_add(1)?, 1)
        } else {
            (year, month + 1)
        };
        let end = NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()?;
        Some(DateSpan { start, end })
    }

    /// Whether `day` lies in the span.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }

    /// Whether the spans share at least one day.
    pub fn overlaps(&self, other: &DateSpan) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// The days both spans share, or `None` when they share none.
    pub fn intersection(&self, other: &DateSpan) -> Option<DateSpan> {
        let start = self.start.max(other.start);
        let end = self.end.min(other.end);
        (start <= end).then_some(DateSpan { start, end })
    }

    /// Every day of the span, in order. The span is copied, so the iterator outlives `self`.
    pub fn days(&self) -> impl Iterator<Item = NaiveDate> {
        let end = self.end;
        self.start.iter_days().take_while(move |d| *d <= end)
    }

    /// The number of days in the span (at least 1).
    pub fn len_days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    /// The month of the span's start in Russian, `сентябрь 2026`, for report headings.
    pub fn month_name_ru(&self) -> String {
        const NAMES: [&str; 12] = [
            "январь",
            "февраль",
            "март",
            "апрель",
            "май",
            "июнь",
            "июль",
            "август",
            "сентябрь",
            "октябрь",
            "ноябрь",
            "декабрь",
        ];
        let name = NAMES
            .get(self.start.month0() as usize)
            .copied()
            .unwrap_or("");
        format!("{name} {}", self.start.year())
    }
}

impl fmt::Display for DateSpan {
    /// `01.09.2026–31.12.2026`, as a report heading prints a period.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}–{}", format_ru(self.start), format_ru(self.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    fn span(a: NaiveDate, b: NaiveDate) -> DateSpan {
        DateSpan { start: a, end: b }
    }

    #[test]
    fn parses_office_forms() {
        let good = [
            ("01.09.2026", d(2026, 9, 1)),
            ("1.9.2026", d(2026, 9, 1)),
            (" 2026-09-01 ", d(2026, 9, 1)),
            ("2026-9-1", d(2026, 9, 1)),
            ("29.02.2028", d(2028, 2, 29)),
        ];
        for (text, want) in good {
            assert_eq!(parse_date(text), Ok(want), "{text}");
        }
        let bad = [
            ("31.02.2007", "«31.02.2007» — нет такой даты"),
            ("29.02.2027", "«29.02.2027» — нет такой даты"),
            ("2026-13-01", "«2026-13-01» — нет такой даты"),
            (
                "01.09.26",
                "«01.09.26» — дата должна быть вида ДД.ММ.ГГГГ или ГГГГ-ММ-ДД",
            ),
        ];
        for (text, msg) in bad {
            assert_eq!(parse_date(text).map_err(|e| e.to_string()), Err(msg.into()));
        }
        for text in [
            "",
            "2026",
            "aa.bb.cccc",
            "2026-9",
            "1.1.1.2026",
            "+1.9.2026",
            "1.9.2026.",
        ] {
            assert!(
                matches!(parse_date(text), Err(DomainError::DateFormat(_))),
                "{text}"
            );
        }
    }

    #[test]
    fn months() {
        let cases = [
            ("2028-02", d(2028, 2, 1), d(2028, 2, 29)),
            ("2026-12", d(2026, 12, 1), d(2026, 12, 31)),
            ("9.2026", d(2026, 9, 1), d(2026, 9, 30)),
        ];
        for (text, start, end) in cases {
            assert_eq!(parse_month(text), Ok(span(start, end)), "{text}");
        }
        assert_eq!(
            parse_month("2026-13").map_err(|e| e.to_string()),
            Err("«2026-13» — нет такого месяца".into())
        );
        assert!(matches!(
            parse_month("2026"),
            Err(DomainError::MonthFormat(_))
        ));
        assert_eq!(DateSpan::month(2026, 0), None);
        assert_eq!(
            DateSpan::month(2026, 9)
                .map(|m| m.month_name_ru())
                .as_deref(),
            Some("сентябрь 2026")
        );
    }

    #[test]
    fn spans() {
        assert!(DateSpan::new(d(2026, 9, 2), d(2026, 9, 1)).is_err());
        assert_eq!(
            DateSpan::new(d(2026, 9, 1), d(2026, 9, 1)).map(|s| s.len_days()),
            Ok(1)
        );
        let sept = span(d(2026, 9, 1), d(2026, 9, 30));
        let late = span(d(2026, 9, 20), d(2026, 10, 5));
        let oct = span(d(2026, 10, 1), d(2026, 10, 31));
        assert!(sept.overlaps(&late) && late.overlaps(&sept));
        assert!(!sept.overlaps(&oct));
        assert_eq!(
            sept.intersection(&late),
            Some(span(d(2026, 9, 20), d(2026, 9, 30)))
        );
        assert_eq!(sept.intersection(&oct), None);
        assert!(sept.contains(d(2026, 9, 30)) && !sept.contains(d(2026, 10, 1)));
        assert_eq!(sept.days().count(), 30);
        assert_eq!(sept.days().last(), Some(d(2026, 9, 30)));
        assert_eq!(sept.to_string(), "01.09.2026–30.09.2026");
    }
}
