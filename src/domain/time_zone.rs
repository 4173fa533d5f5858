//! The college's time zone and hours of the day. Times are stored in UTC; what people are shown
//! and what the quiet hours mean is the college's local time. Russia has kept its zones without
//! summer time since 2014, so each zone is a fixed offset: the journal carries the table of
//! Russia's zones instead of a whole time-zone database.

use chrono::{Duration, NaiveDateTime, NaiveTime};

/// The zones a college may choose, by their IANA names, west to east.
pub const NAMES: &[&str] = &[
    "Europe/Kaliningrad",
    "Europe/Moscow",
    "Europe/Samara",
    "Asia/Yekaterinburg",
    "Asia/Omsk",
    "Asia/Novosibirsk",
    "Asia/Krasnoyarsk",
    "Asia/Irkutsk",
    "Asia/Yakutsk",
    "Asia/Vladivostok",
    "Asia/Magadan",
    "Asia/Kamchatka",
    "UTC",
];

/// Hours east of UTC, in the order of [`NAMES`].
const OFFSETS: [i64; 13] = [2, 3, 4, 5, 6, 7, 7, 8, 9, 10, 11, 12, 0];

/// The offset of zone `name` from UTC; Moscow time for a name not in the table (the schema
/// accepts only those, so this is the default of a new journal, not a guess).
pub fn offset(name: &str) -> Duration {
    let i = NAMES.iter().position(|n| *n == name).unwrap_or(1);
    Duration::hours(OFFSETS.get(i).copied().unwrap_or(3))
}

/// UTC → local time in zone `name`.
pub fn local(utc: NaiveDateTime, name: &str) -> NaiveDateTime {
    utc + offset(name)
}

/// Local time in zone `name` → UTC.
pub fn utc(local: NaiveDateTime, name: &str) -> NaiveDateTime {
    local - offset(name)
}

/// How Russians name the zone: «МСК», «МСК+2», «МСК−1»; «UTC» for UTC.
pub fn label(name: &str) -> String {
    if name == "UTC" {
        return "UTC".into();
    }
    match offset(name).num_hours() - 3 {
        0 => "МСК".into(),
        d if d > 0 => format!("МСК+{d}"),
        d => format!("МСК−{}", -d),
    }
}

/// A stored UTC time as the college reads it: «27.11.2026 09:15 МСК».
pub fn shown(utc: NaiveDateTime, name: &str, format: &str) -> String {
    format!("{} {}", local(utc, name).format(format), label(name))
}

/// A span of the day, start and end; the end may be before the start (over midnight).
pub type Span = (NaiveTime, NaiveTime);

/// Reads «ЧЧ:ММ-ЧЧ:ММ» (a dash or «–» between).
pub fn parse_span(text: &str) -> Option<Span> {
    let (a, b) = text.split_once(['-', '–'])?;
    let t = |s: &str| NaiveTime::parse_from_str(s.trim(), "%H:%M").ok();
    Some((t(a)?, t(b)?))
}

/// «21:00-08:00».
pub fn span_text(span: Span) -> String {
    format!("{}-{}", span.0.format("%H:%M"), span.1.format("%H:%M"))
}

/// The first moment at or after `at` (local time) outside the quiet `span`: `at` itself when it
/// is outside, else the span's end (on the next day when the span passes midnight and `at` is
/// before it). An empty span (start = end) is no quiet time.
pub fn after_quiet(at: NaiveDateTime, span: Span) -> NaiveDateTime {
    let (from, to) = span;
    let t = at.time();
    let quiet = if from < to {
        t >= from && t < to
    } else if from > to {
        t >= from || t < to
    } else {
        false
    };
    if !quiet {
        return at;
    }
    let day = if from > to && t >= from {
        at.date() + Duration::days(1)
    } else {
        at.date()
    };
    day.and_time(to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, d)
            .and_then(|x| x.and_hms_opt(h, m, 0))
            .unwrap_or_default()
    }

    #[test]
    fn quiet_hours_over_midnight_hold_until_the_morning() {
        let span = parse_span("21:00-08:00").unwrap_or_else(|| panic!("span"));
        assert_eq!(span_text(span), "21:00-08:00");
        assert_eq!(after_quiet(at(27, 20, 59), span), at(27, 20, 59));
        assert_eq!(after_quiet(at(27, 21, 0), span), at(28, 8, 0));
        assert_eq!(after_quiet(at(28, 3, 15), span), at(28, 8, 0));
        assert_eq!(after_quiet(at(28, 8, 0), span), at(28, 8, 0));
        let day = parse_span("13:00 – 14:00").unwrap_or_else(|| panic!("span"));
        assert_eq!(after_quiet(at(27, 13, 30), day), at(27, 14, 0));
        assert_eq!(after_quiet(at(27, 12, 0), day), at(27, 12, 0));
        let none = parse_span("00:00-00:00").unwrap_or_else(|| panic!("span"));
        assert_eq!(after_quiet(at(27, 23, 0), none), at(27, 23, 0));
        assert!(parse_span("21-8").is_none());
        assert!(parse_span("25:00-08:00").is_none());
    }

    #[test]
    fn zones_are_fixed_offsets() {
        assert_eq!(NAMES.len(), OFFSETS.len());
        assert_eq!(local(at(27, 6, 0), "Europe/Moscow"), at(27, 9, 0));
        assert_eq!(local(at(27, 6, 0), "Asia/Novosibirsk"), at(27, 13, 0));
        assert_eq!(utc(at(27, 9, 0), "Europe/Moscow"), at(27, 6, 0));
        assert_eq!(local(at(27, 6, 0), "UTC"), at(27, 6, 0));
        assert_eq!(label("Europe/Moscow"), "МСК");
        assert_eq!(label("Asia/Yekaterinburg"), "МСК+2");
        assert_eq!(label("Europe/Kaliningrad"), "МСК−1");
        assert_eq!(
            shown(at(27, 6, 15), "Europe/Moscow", "%d.%m.%Y %H:%M"),
            "27.11.2026 09:15 МСК"
        );
    }
}
