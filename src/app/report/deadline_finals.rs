//! The final grades of the `deadlines` report (6.5, 10.1): per subject of a group, the finals of
//! the term set later than the college's days before its end, or not set at all once that day
//! has passed.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::context::Filters;
use super::deadlines::Item;
use super::staff::Assignment;
use crate::app::AppError;
use crate::store::schema::{final_grades, group_memberships, terms};
use crate::store::Conn;

/// The late or missing final grades of `term`, when their deadline falls in `span`.
#[allow(clippy::too_many_arguments)] // one call site; the pieces are the report's context
pub(super) fn finals(
    c: &mut Conn<'_>,
    term: &crate::store::rows::TermRow,
    list: &[Assignment],
    teacher: Option<i64>,
    f: &Filters,
    days_before: i32,
    span: crate::domain::DateSpan,
    items: &mut Vec<Item>,
) -> Result<(), AppError> {
    let due = term.ends_on - Duration::days(i64::from(days_before));
    if !span.contains(due) {
        return Ok(());
    }
    let roll_day = term.ends_on.min(f.today);
    let mut seen = BTreeMap::new();
    for a in list.iter().filter(|a| a.subgroup_id.is_none()) {
        if teacher.is_some_and(|t| t != a.teacher_id) {
            continue;
        }
        seen.entry((a.group_id, a.subject_id)).or_insert(a);
    }
    for ((gid, sid), a) in seen {
        let set: Vec<(i64, NaiveDateTime)> = crate::with_conn!(c, x => final_grades::table
            .inner_join(terms::table)
            .filter(final_grades::term_id.eq(term.id))
            .filter(final_grades::group_id.eq(gid))
            .filter(final_grades::subject_id.eq(sid))
            .filter(final_grades::kind.eq("term"))
            .select((final_grades::student_id, final_grades::entered_at))
            .load(x))?;
        let roll: Vec<i64> = crate::with_conn!(c, x => group_memberships::table
            .filter(group_memberships::group_id.eq(gid))
            .filter(group_memberships::from_date.le(roll_day))
            .filter(group_memberships::to_date.is_null().or(group_memberships::to_date.ge(roll_day)))
            .select(group_memberships::student_id)
            .load(x))?;
        let late: Vec<NaiveDate> = set
            .iter()
            .map(|(_, at)| at.date())
            .filter(|d| *d > due)
            .collect();
        let missing = if f.today > due {
            roll.iter()
                .filter(|s| !set.iter().any(|(x, _)| x == *s))
                .count() as i64
        } else {
            0
        };
        if missing > 0 || !late.is_empty() {
            let entered = if missing > 0 {
                None
            } else {
                late.iter().max().copied()
            };
            let n = missing + late.len() as i64;
            items.push((
                a.teacher.clone(),
                a.group.clone(),
                a.subject.clone(),
                "Итоговые оценки",
                term.ends_on,
                due,
                entered,
                n,
            ));
        }
    }
    Ok(())
}
