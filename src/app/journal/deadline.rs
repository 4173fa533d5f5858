//! When a mark is late (6.1, 6.5): the grades and attendance of a week are entered by the
//! college's deadline weekday of the next week (Monday by default), and nothing is entered in a
//! closed term without saying why. The journal screen asks for the reason, which goes into the
//! audit record of the change.

use chrono::{Datelike, Duration, NaiveDate};
use diesel::prelude::*;

use crate::app::college::clock;
use crate::app::AppError;
use crate::store::schema::{assignments, lessons, terms};
use crate::store::{Conn, Db};

/// The last day on which marks of a lesson held on `date` are on time: the `weekday`
/// (1 = Monday … 7 = Sunday) of the week after the lesson's.
pub fn deadline(date: NaiveDate, weekday: i32) -> NaiveDate {
    let monday = date - Duration::days(i64::from(date.weekday().num_days_from_monday()));
    monday + Duration::days(7 + i64::from(weekday.clamp(1, 7) - 1))
}

/// [`deadline`] moved past the holidays it falls on: a due day inside a holiday becomes the
/// first day after it (4.5: nothing is due while the college rests).
pub fn deadline_after_holidays(
    date: NaiveDate,
    weekday: i32,
    holidays: &[crate::domain::DateSpan],
) -> NaiveDate {
    past_holidays(deadline(date, weekday), holidays)
}

/// `due`, or the first day after the holidays it falls in.
fn past_holidays(mut due: NaiveDate, holidays: &[crate::domain::DateSpan]) -> NaiveDate {
    while let Some(h) = holidays.iter().find(|h| h.contains(due)) {
        due = h.end + Duration::days(1);
    }
    due
}

/// Why a change of the marks of `lesson_id` today (on the server's clock, [`clock::today`])
/// needs a reason, or `None` when it is on time.
pub fn lateness(db: &mut Db, lesson_id: i64) -> Result<Option<String>, AppError> {
    db.read(|c| lateness_in(c, lesson_id))
}

/// [`lateness`] inside a transaction the caller holds.
pub fn lateness_in(c: &mut Conn<'_>, lesson_id: i64) -> Result<Option<String>, AppError> {
    let found: Option<(NaiveDate, String, String, bool)> = crate::with_conn!(c, x => lessons::table
        .inner_join(assignments::table.inner_join(terms::table))
        .filter(lessons::id.eq(lesson_id))
        .select((lessons::date, lessons::kind, terms::name, terms::closed_at.is_not_null()))
        .first(x)
        .optional())?;
    let (date, kind, term, closed) =
        found.ok_or_else(|| AppError::NotFound(format!("занятие № {lesson_id}")))?;
    if closed {
        return Ok(Some(format!("{term} закрыт")));
    }
    late_in(c, date, &kind)
}

/// The college's deadline settings: the weekday of the next week marks are due by (6.1) and
/// the days a control work's results have (6.9).
#[derive(Debug, Clone, Copy)]
pub(crate) struct DeadlineRules {
    pub weekday: i32,
    pub test_days: i32,
}

/// Why marks of a lesson of `kind` held on `date` are late today, or `None`: past the weekly
/// deadline (6.1), or for a control work («test») past the college's days for its results (6.9),
/// both moved past holidays.
pub(crate) fn late_in(
    c: &mut Conn<'_>,
    date: NaiveDate,
    kind: &str,
) -> Result<Option<String>, AppError> {
    late_by(c, date, kind, None)
}

/// [`late_in`] with the college's `rules` when the caller read them already (a mark reads them
/// with its lesson, in one query).
pub(crate) fn late_by(
    c: &mut Conn<'_>,
    date: NaiveDate,
    kind: &str,
    rules: Option<DeadlineRules>,
) -> Result<Option<String>, AppError> {
    let today = clock::today();
    if today <= date {
        return Ok(None);
    }
    let s = match rules {
        Some(r) => r,
        None => {
            let s = crate::app::accounts::auth::settings(c)?;
            DeadlineRules {
                weekday: s.grade_deadline_weekday,
                test_days: s.test_result_days,
            }
        }
    };
    let due_with = |holidays: &[crate::domain::DateSpan]| {
        let weekly = deadline_after_holidays(date, s.weekday, holidays);
        let results = date + Duration::days(i64::from(s.test_days));
        if kind == "test" {
            weekly.min(past_holidays(results, holidays))
        } else {
            weekly
        }
    };
    // Holidays only move a deadline later: on time without them is on time with them, and the
    // common case of a mark in its own week reads no calendar.
    if today <= due_with(&[]) {
        return Ok(None);
    }
    let holidays = crate::app::college::calendar::holidays_in(
        c,
        crate::domain::DateSpan {
            start: date,
            end: date + Duration::days(60),
        },
    )?;
    let due = due_with(&holidays);
    Ok((today > due).then(|| {
        format!(
            "срок внесения отметок за {} истёк {}",
            crate::domain::format_ru(date),
            crate::domain::format_ru(due)
        )
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn a_week_is_due_on_the_weekday_of_the_next_week() {
        // Friday 27.11.2026 → Monday 30.11.2026; a Monday lesson too.
        assert_eq!(deadline(d(2026, 11, 27), 1), d(2026, 11, 30));
        assert_eq!(deadline(d(2026, 11, 23), 1), d(2026, 11, 30));
        assert_eq!(deadline(d(2026, 11, 29), 1), d(2026, 11, 30));
        // Saturday 05.12.2026 with a Tuesday deadline → 08.12.2026.
        assert_eq!(deadline(d(2026, 12, 5), 2), d(2026, 12, 8));
        assert_eq!(
            deadline(d(2026, 11, 27), 0),
            d(2026, 11, 30),
            "kept within 1..=7"
        );
    }

    #[test]
    fn a_deadline_on_a_holiday_moves_past_it() {
        let winter = crate::domain::DateSpan {
            start: d(2026, 12, 31),
            end: d(2027, 1, 11),
        };
        // Tuesday 29.12 → Monday 04.01, inside the vacation → Tuesday 12.01.
        assert_eq!(
            deadline_after_holidays(d(2026, 12, 29), 1, &[winter]),
            d(2027, 1, 12)
        );
        assert_eq!(
            deadline_after_holidays(d(2026, 11, 27), 1, &[winter]),
            d(2026, 11, 30)
        );
    }
}
