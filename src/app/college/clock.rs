//! The college's day: what the journal takes for «today» when it judges a deadline (6.1, 6.9),
//! and the college's time zone, in which stored UTC times are shown to people.
//!
//! Deadlines are judged on the server's clock, never on a date the person types: `ezh tui
//! --today` moves what the screen shows (and only on a demo database), not what is late. The
//! one way to fix the day is [`fix_today`], for the calling thread only; no command, screen or
//! flag calls it — it exists so that the library's tests and benchmarks can work on a journal of
//! a fixed date.

use std::cell::Cell;
use std::sync::OnceLock;

use chrono::NaiveDate;

thread_local! {
    static FIXED: Cell<Option<NaiveDate>> = const { Cell::new(None) };
}

/// The college's time zone (`college.time_zone`): what stored UTC times are shown in. Moscow
/// when the journal has no college row yet.
pub fn zone_in(c: &mut crate::store::Conn<'_>) -> String {
    use crate::store::schema::college;
    use diesel::prelude::*;
    crate::with_conn!(c, x => college::table.select(college::time_zone).first::<String>(x).ok())
        .unwrap_or_else(|| "Europe/Moscow".into())
}

/// The zone this installation shows times in (the settings file's `time_zone`), if it says.
static SHOWN_IN: OnceLock<String> = OnceLock::new();

/// Shows times in `zone` for the rest of the run instead of the college's zone: a terminal of a
/// branch in another zone. Deadlines, quiet hours and the hours of the mailings keep the
/// college's zone, which is one for the whole college.
pub fn show_in(zone: &str) {
    let _ = SHOWN_IN.set(zone.to_string());
}

/// The zone times are shown in: [`show_in`]'s, else the college's ([`zone_in`]).
pub fn zone(db: &mut crate::store::Db) -> String {
    match SHOWN_IN.get() {
        Some(z) => z.clone(),
        None => zone_in(&mut db.conn()),
    }
}

/// A stored UTC time in the college's zone: «27.11.2026 09:15 МСК».
pub fn shown(db: &mut crate::store::Db, utc: chrono::NaiveDateTime) -> String {
    crate::domain::time_zone::shown(utc, &zone(db), "%d.%m.%Y %H:%M")
}

/// Today on the server's clock (its local time zone), unless this thread fixed the day.
pub fn today() -> NaiveDate {
    FIXED
        .with(Cell::get)
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// Fixes «today» for the calling thread (tests and benchmarks only); `None` returns it to the
/// server's clock.
#[doc(hidden)]
pub fn fix_today(day: Option<NaiveDate>) {
    FIXED.with(|f| f.set(day));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_day_holds_for_its_thread_only() {
        let day = NaiveDate::from_ymd_opt(2026, 10, 12).unwrap_or_default();
        fix_today(Some(day));
        assert_eq!(today(), day);
        let other = std::thread::spawn(today).join().unwrap_or(day);
        assert_ne!(other, day, "another thread keeps the server's clock");
        fix_today(None);
        assert_ne!(today(), day);
    }
}
