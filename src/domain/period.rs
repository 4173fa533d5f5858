//! Dates and date spans: parsing the formats Russian offices write (ДД.ММ.ГГГГ, Д.М.ГГГГ,
//! ГГГГ-ММ-ДД), inclusive spans with overlap and intersection, months.

use chrono::{Datelike, Duration, NaiveDate};

use super::DomainError;

/// Parses `31.12.2026`, `1.9.2026` or `2026-09-01`; the error names the value and what is wrong.
pub fn parse_date(text: &str) -> Result<NaiveDate, DomainError> {
    let s = text.trim();
    let parts: Vec<&str> = if s.contains('.') {
        s.split('.').collect()
    } else {
        s.split('-').collect()
    };
    let bad_format = || {
        DomainError::new(format!(
            "«{s}» — дата должна быть вида ДД.ММ.ГГГГ или ГГГГ-ММ-ДД"
        ))
    };
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(bad_format());
    }
    let (y, m, d) = if s.contains('.') {
        if parts[2].len() != 4 || parts[0].len() > 2 || parts[1].len() > 2 {
            return Err(bad_format());
        }
        (parts[2], parts[1], parts[0])
    } else {
        if parts[0].len() != 4 || parts[1].len() > 2 || parts[2].len() > 2 {
            return Err(bad_format());
        }
        (parts[0], parts[1], parts[2])
    };
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return Err(bad_format());
    };
    NaiveDate::from_ymd_opt(y, m, d)
        .ok_or_else(|| DomainError::new(format!("«{s}» — нет такой даты")))
}

/// Parses a month as `2026-11` (or `11.2026`).
pub fn parse_month(text: &str) -> Result<DateSpan, DomainError> {
    let s = text.trim();
    let bad = || DomainError::new(format!("«{s}» — месяц должен быть вида ГГГГ-ММ"));
    let (y, m) = match (s.split_once('-'), s.split_once('.')) {
        (Some((y, m)), _) => (y, m),
        (None, Some((m, y))) => (y, m),
        _ => return Err(bad()),
    };
    let (Ok(y), Ok(m)) = (y.parse::<i32>(), m.parse::<u32>()) else {
        return Err(bad());
    };
    DateSpan::month(y, m).ok_or_else(bad)
}

/// An inclusive span of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateSpan {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl DateSpan {
    /// A span; the end before the start is refused.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Result<DateSpan, DomainError> {
        if end < start {
            return Err(DomainError::new(format!(
                "дата окончания {} раньше даты начала {}",
                end.format("%d.%m.%Y"),
                start.format("%d.%m.%Y")
            )));
        }
        Ok(DateSpan { start, end })
    }

    /// The whole calendar month, or `None` for a month that does not exist.
    pub fn month(year: i32, month: u32) -> Option<DateSpan> {
        let start = NaiveDate::from_ymd_opt(year, month, 1)?;
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        Some(DateSpan {
            start,
            end: next - Duration::days(1),
        })
    }

    /// Whether `d` lies in the span.
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.start <= d && d <= self.end
    }

    /// Whether the spans share a day.
    pub fn overlaps(&self, other: &DateSpan) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// The days both spans share.
    pub fn intersection(&self, other: &DateSpan) -> Option<DateSpan> {
        let s = self.start.max(other.start);
        let e = self.end.min(other.end);
        (s <= e).then_some(DateSpan { start: s, end: e })
    }

    /// Every day of the span, in order.
    pub fn days(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.start.iter_days().take_while(move |d| *d <= self.end)
    }

    /// Number of days in the span.
    pub fn len_days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    /// `сентябрь 2026` style name for a month span's start.
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
        let idx = self.start.month0() as usize;
        format!(
            "{} {}",
            NAMES.get(idx).copied().unwrap_or(""),
            self.start.year()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn parses_office_formats() {
        assert_eq!(parse_date("01.09.2026").ok(), Some(d(2026, 9, 1)));
        assert_eq!(parse_date("1.9.2026").ok(), Some(d(2026, 9, 1)));
        assert_eq!(parse_date(" 2026-09-01 ").ok(), Some(d(2026, 9, 1)));
        assert_eq!(
            parse_date("31.02.2007")
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default(),
            "«31.02.2007» — нет такой даты"
        );
        for bad in ["", "2026", "01.09.26", "aa.bb.cccc", "2026-9", "1.1.1.2026"] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn spans_and_months() {
        assert!(DateSpan::new(d(2026, 9, 2), d(2026, 9, 1)).is_err());
        let feb = DateSpan::month(2028, 2).unwrap_or(DateSpan {
            start: d(1, 1, 1),
            end: d(1, 1, 1),
        });
        assert_eq!(feb.len_days(), 29);
        assert_eq!(
            parse_month("2026-12").map(|m| m.end).ok(),
            Some(d(2026, 12, 31))
        );
        assert!(parse_month("2026-13").is_err());
        let a = DateSpan {
            start: d(2026, 9, 1),
            end: d(2026, 9, 30),
        };
        let b = DateSpan {
            start: d(2026, 9, 20),
            end: d(2026, 10, 5),
        };
        assert!(a.overlaps(&b));
        assert_eq!(a.intersection(&b).map(|s| s.len_days()), Some(11));
        assert_eq!(a.days().count(), 30);
        assert_eq!(a.month_name_ru(), "сентябрь 2026");
    }
}
