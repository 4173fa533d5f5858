//! A forecast that fell to «под угрозой» (13.2). The last forecast seen of each student in each
//! assignment is kept (`notice_forecasts`); a notice goes when it changed from not at risk to at
//! risk and stayed so for [`CONFIRM_HOURS`]. The first time an assignment is seen its forecasts are only recorded: a journal that
//! starts sending notices mid-term does not alarm every family at once (the weekly digest shows
//! the forecast anyway). Only the assignments whose journal changed in the window are
//! recomputed, so a run every 15 minutes stays cheap.

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::draft::{Draft, Family, Moment};
use super::family_events::LOOKBACK;
use super::kinds::NoticeKind;
use crate::app::journal::grid;
use crate::app::AppError;
use crate::store::schema::{absences, assignments, grades, lessons, notice_forecasts, terms};
use crate::store::Conn;

/// The assignments of the current term whose lessons, grades or absences changed in the window.
pub fn touched(c: &mut Conn<'_>, m: &Moment) -> Result<Vec<i64>, AppError> {
    let from = m.utc - Duration::hours(LOOKBACK);
    let today = m.today();
    let mut ids: Vec<i64> = crate::with_conn!(c, x => {
        let term: Vec<i64> = terms::table
            .filter(terms::starts_on.le(today))
            .filter(terms::ends_on.ge(today))
            .select(terms::id)
            .load(x)?;
        let mut ids: Vec<i64> = lessons::table
            .inner_join(assignments::table)
            .filter(assignments::term_id.eq_any(&term))
            .filter(lessons::updated_at.gt(from))
            .filter(lessons::updated_at.le(m.utc))
            .select(lessons::assignment_id)
            .distinct()
            .load(x)?;
        ids.extend(grades::table
            .inner_join(lessons::table.inner_join(assignments::table))
            .filter(assignments::term_id.eq_any(&term))
            .filter(grades::entered_at.gt(from))
            .filter(grades::entered_at.le(m.utc))
            .select(lessons::assignment_id)
            .distinct()
            .load::<i64>(x)?);
        ids.extend(absences::table
            .inner_join(lessons::table.inner_join(assignments::table))
            .filter(assignments::term_id.eq_any(&term))
            .filter(absences::entered_at.gt(from))
            .filter(absences::entered_at.le(m.utc))
            .select(lessons::assignment_id)
            .distinct()
            .load::<i64>(x)?);
        Ok::<_, diesel::result::Error>(ids)
    })?;
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

/// The students whose forecasts this run will look at (to read their families once).
pub fn students(c: &mut Conn<'_>, touched: &[i64]) -> Result<Vec<i64>, AppError> {
    let ids = touched;
    let mut out: Vec<i64> = Vec::new();
    for chunk in ids.chunks(500) {
        out.extend(
            crate::with_conn!(c, x => crate::store::schema::group_memberships::table
            .inner_join(assignments::table.on(
                assignments::group_id.eq(crate::store::schema::group_memberships::group_id)))
            .filter(assignments::id.eq_any(chunk))
            .select(crate::store::schema::group_memberships::student_id)
            .distinct()
            .load::<i64>(x))?,
        );
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

/// How long a fall to «под угрозой» must hold before the family is told: a test held this
/// morning counts as a missing required work until its results are in, which the teacher has
/// until the end of the day to enter (6.9); a notice within a day (13.2) is still in time.
pub const CONFIRM_HOURS: i64 = 12;

/// A forecast to record: (student, assignment, at risk now, since when fallen, whether a row
/// exists).
pub type Change = (i64, i64, bool, Option<NaiveDateTime>, bool);

/// The forecasts of the touched assignments that changed, and a notice for each fall to «под
/// угрозой» that has held [`CONFIRM_HOURS`]. Read only: [`record`] writes the changes with the
/// notices.
pub fn falls(
    c: &mut Conn<'_>,
    m: &Moment,
    touched: &[i64],
    families: &HashMap<i64, Family>,
) -> Result<(Vec<Draft>, Vec<Change>), AppError> {
    let today = m.today();
    let confirmed = m.utc - Duration::hours(CONFIRM_HOURS);
    let mut out = Vec::new();
    let mut changes = Vec::new();
    for &aid in touched {
        let g = grid::load_in(c, aid)?;
        type Seen = (i64, bool, Option<NaiveDateTime>);
        let seen: Vec<Seen> = crate::with_conn!(c, x => notice_forecasts::table
            .filter(notice_forecasts::assignment_id.eq(aid))
            .select((notice_forecasts::student_id, notice_forecasts::at_risk,
                     notice_forecasts::fell_at))
            .load(x))?;
        let first_look = seen.is_empty();
        let seen: HashMap<i64, (bool, Option<NaiveDateTime>)> =
            seen.into_iter().map(|s| (s.0, (s.1, s.2))).collect();
        for s in &g.students {
            let id = s.student.id;
            let Some(stats) = g.stats(id, today) else {
                continue;
            };
            let now = stats.forecast.at_risk();
            let before = seen.get(&id).copied();
            // A fall is a change seen by a run; the first look at an assignment only records.
            let fell = match before {
                _ if !now => None,
                Some((true, since)) => since,
                Some((false, _)) => Some(m.utc),
                None if first_look => None,
                None => Some(m.utc),
            };
            if before != Some((now, fell)) {
                changes.push((id, aid, now, fell, before.is_some()));
            }
            let (Some(since), Some(f)) = (fell.filter(|t| *t <= confirmed), families.get(&id))
            else {
                continue;
            };
            let reasons: Vec<String> = stats.forecast.risks.iter().map(|r| r.to_string()).collect();
            let grade = stats
                .forecast
                .grade
                .map_or("нет отметок".to_string(), |g| format!("«{g}»"));
            let takes = stats
                .forecast
                .what_it_takes
                .as_ref()
                .map_or(String::new(), |w| format!("\nЧто нужно: {w}."));
            out.push(Draft {
                kind: NoticeKind::Risk,
                event: format!("risk:{id}:{aid}:{}", since.and_utc().timestamp()),
                source_id: None,
                student_id: Some(id),
                subject: format!(
                    "Под угрозой: {}, {}, {}",
                    f.short, g.subject_name, g.term.name
                ),
                body: format!(
                    "Прогноз итоговой оценки: {}, {} ({}) — {grade}, обучающийся под угрозой \
                     неаттестации: {}.{takes}\n\nПодробнее — в дневнике и у преподавателя \
                     дисциплины.",
                    f.full,
                    g.subject_name,
                    g.term.name,
                    reasons.join("; ")
                ),
                to: f.recipients(true),
            });
        }
    }
    Ok((out, changes))
}

/// Writes the forecasts seen at `at`.
pub fn record(
    c: &mut Conn<'_>,
    changes: &[Change],
    at: chrono::NaiveDateTime,
) -> Result<(), AppError> {
    for &(student, aid, now, fell, known) in changes {
        crate::with_conn!(c, x => if known {
            diesel::update(notice_forecasts::table
                .filter(notice_forecasts::student_id.eq(student))
                .filter(notice_forecasts::assignment_id.eq(aid)))
                .set((notice_forecasts::at_risk.eq(now), notice_forecasts::fell_at.eq(fell),
                      notice_forecasts::changed_at.eq(at)))
                .execute(x)
        } else {
            diesel::insert_into(notice_forecasts::table)
                .values((notice_forecasts::student_id.eq(student),
                         notice_forecasts::assignment_id.eq(aid),
                         notice_forecasts::at_risk.eq(now),
                         notice_forecasts::fell_at.eq(fell),
                         notice_forecasts::changed_at.eq(at)))
                .execute(x)
        })?;
    }
    Ok(())
}
