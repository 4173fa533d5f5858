//! The statements behind `quality_load`: the groups' memberships, their subgroups' members,
//! the database's sums of grades per group, subject, subgroup and student, and the grade rows
//! of the few students who moved during a period.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use diesel::dsl::sum;
use diesel::prelude::*;

use super::data::Member;
use crate::app::AppError;
use crate::domain::DateSpan;
use crate::store::schema::{
    assignments, grades, group_memberships, lessons, subgroup_members, subgroups, work_kinds,
};
use crate::store::Conn;

/// The students of each group with the spans they belonged to it in `span`. Unlike the
/// journals' roll (`data_load::members`), unnamed and unsorted: the report counts them.
pub(super) fn spans(
    c: &mut Conn<'_>,
    groups: &[i64],
    span: DateSpan,
) -> Result<HashMap<i64, Vec<Member>>, AppError> {
    let rows: Vec<(i64, i64, NaiveDate, Option<NaiveDate>)> = crate::with_conn!(c, x => group_memberships::table
            .filter(group_memberships::group_id.eq_any(groups))
            .filter(group_memberships::from_date.le(span.end))
            .filter(group_memberships::to_date.is_null()
                .or(group_memberships::to_date.ge(span.start)))
            .select((group_memberships::group_id, group_memberships::student_id,
                     group_memberships::from_date, group_memberships::to_date))
            .order((group_memberships::group_id, group_memberships::student_id))
            .load(x))?;
    let mut out: HashMap<i64, Vec<Member>> = HashMap::new();
    for (g, id, from, to) in rows {
        let members = out.entry(g).or_default();
        match members.last_mut() {
            Some(m) if m.id == id => m.spans.push((from, to)),
            _ => members.push(Member {
                id,
                name: String::new(),
                spans: vec![(from, to)],
            }),
        }
    }
    Ok(out)
}

/// On PostgreSQL, plans the sums below for their own period each time. A prepared statement's
/// generic plan guesses a handful of rows for any period and sorts a year's million grades on
/// disk to group them (1.5 s instead of 0.45 s on the large demo). Only this report's read
/// transaction is affected (`SET LOCAL`); the journal's small statements keep their cached plans.
pub(super) fn plan_each_time(c: &mut Conn<'_>) -> Result<(), AppError> {
    match c {
        Conn::Sqlite(_) => Ok(()),
        #[cfg(feature = "postgres")]
        Conn::Pg(x) => {
            diesel::sql_query("SET LOCAL plan_cache_mode = force_custom_plan").execute(&mut **x)?;
            Ok(())
        }
    }
}

/// (group, subgroup) → its students, for the subgroups of `groups`.
pub(super) fn subgroup_rolls(
    c: &mut Conn<'_>,
    groups: &[i64],
) -> Result<HashMap<(i64, i64), BTreeSet<i64>>, AppError> {
    let rows: Vec<(i64, i64, i64)> = crate::with_conn!(c, x => subgroup_members::table
        .inner_join(subgroups::table)
        .filter(subgroups::group_id.eq_any(groups))
        .select((subgroups::group_id, subgroups::id, subgroup_members::student_id))
        .load(x))?;
    let mut out: HashMap<(i64, i64), BTreeSet<i64>> = HashMap::new();
    for (g, sg, s) in rows {
        out.entry((g, sg)).or_default().insert(s);
    }
    Ok(out)
}

/// A line of sums: group, subject, subgroup, student, Σ grade × weight, Σ weight.
pub(super) type SumRow = (i64, i64, Option<i64>, i64, i64, i64);

/// Up to this many groups the sums are asked for by group; for more (the whole college) every
/// group's are summed and the caller keeps its own: looking each lesson up in a list of a
/// hundred groups costs the database more than the few rows of groups outside it.
const BY_GROUP: usize = 8;

/// The database's sums of the numeric grades per group, subject, subgroup and student.
pub(super) fn summed(
    c: &mut Conn<'_>,
    groups: &[i64],
    start: NaiveDate,
    upto: NaiveDate,
    term_id: Option<i64>,
) -> Result<Vec<SumRow>, AppError> {
    type Raw = (i64, i64, Option<i64>, i64, Option<i64>, Option<i64>);
    let rows: Vec<Raw> = crate::with_conn!(c, x => {
        let mut q = grades::table
            .inner_join(lessons::table.inner_join(assignments::table))
            .inner_join(work_kinds::table)
            .filter(lessons::date.between(start, upto))
            .filter(grades::value.between(1, 5))
            .group_by((assignments::group_id, assignments::subject_id, assignments::subgroup_id,
                       grades::student_id))
            .select((assignments::group_id, assignments::subject_id, assignments::subgroup_id,
                     grades::student_id, sum(grades::value * work_kinds::weight),
                     sum(work_kinds::weight)))
            .into_boxed();
        if groups.len() <= BY_GROUP {
            q = q.filter(assignments::group_id.eq_any(groups));
        }
        match term_id {
            Some(t) => q.filter(assignments::term_id.eq(t)).load(x),
            None => q.load(x),
        }
    })?;
    Ok(rows
        .into_iter()
        .map(|(g, s, sg, st, n, d)| (g, s, sg, st, n.unwrap_or(0), d.unwrap_or(0)))
        .collect())
}

/// A grade row: group, subject, subgroup, term, student, lesson date, value, weight.
pub(super) type GradeRow = (i64, i64, Option<i64>, i64, i64, NaiveDate, i32, i32);

/// The numeric grades of `students` in the lessons of `days`, one row each (found by student:
/// they are few; the caller keeps those of its groups, periods and terms).
pub(super) fn rows_of(
    c: &mut Conn<'_>,
    days: DateSpan,
    students: &[i64],
) -> Result<Vec<GradeRow>, AppError> {
    Ok(crate::with_conn!(c, x => grades::table
        .inner_join(lessons::table.inner_join(assignments::table))
        .inner_join(work_kinds::table)
        .filter(grades::student_id.eq_any(students))
        .filter(lessons::date.between(days.start, days.end))
        .filter(grades::value.between(1, 5))
        .select((assignments::group_id, assignments::subject_id, assignments::subgroup_id,
                 assignments::term_id, grades::student_id, lessons::date, grades::value,
                 work_kinds::weight))
        .load(x))?)
}
