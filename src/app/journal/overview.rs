//! The tutor's view of a group (5.1, 5.6): students × subjects of the current term with the
//! weighted average, missed hours and the forecast risk of each, and the week's absences whose
//! reasons the tutor corrects with the teachers.

use chrono::{Datelike, Duration, NaiveDate};
use diesel::prelude::*;

use super::grid::{self, Grid};
use super::grid_stats::StudentStats;
use crate::access::{self, Action};
use crate::app::{Actor, AppError};
use crate::store::schema::{
    absences, assignments, lessons, students, study_groups, subjects, terms,
};
use crate::store::Db;

/// The group overview: one row per student, one column per subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupOverview {
    pub group_id: i64,
    pub group: String,
    pub term: String,
    pub subjects: Vec<String>,
    /// Student id, «Фамилия И. О.», and per subject the figures (None: not taught to them).
    pub rows: Vec<(i64, String, Vec<Option<StudentStats>>)>,
}

/// One absence of the week, with the version its reason was read at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekAbsence {
    pub lesson_id: i64,
    pub student_id: i64,
    pub student: String,
    pub date: NaiveDate,
    pub pair: i32,
    pub subject: String,
    pub hours: i32,
    pub reason: String,
    pub version: i32,
}

pub use crate::domain::person::short_name;

/// Loads the overview of `group_id` for the term containing `today`.
pub fn load(
    db: &mut Db,
    actor: &Actor,
    group_id: i64,
    today: NaiveDate,
) -> Result<GroupOverview, AppError> {
    access::check(actor, &Action::ReadGroup { group_id })?;
    let group: String = crate::with_conn!(&mut db.conn(), c => study_groups::table
        .find(group_id)
        .select(study_groups::name)
        .first(c))?;
    let (_, term, ids) = term_assignments(db, &[group_id], today)?;
    let mut subjects_out: Vec<String> = Vec::new();
    let mut grids: Vec<(usize, Grid)> = Vec::new();
    for (id, subject) in ids {
        let col = match subjects_out.iter().position(|s| *s == subject) {
            Some(i) => i,
            None => {
                subjects_out.push(subject);
                subjects_out.len() - 1
            }
        };
        grids.push((col, db.read(|c| grid::load_in(c, id))?));
    }
    let mut rows: Vec<(i64, String, Vec<Option<StudentStats>>)> = Vec::new();
    for (_, g) in &grids {
        for s in &g.students {
            if !rows.iter().any(|r| r.0 == s.student.id) {
                let st = &s.student;
                let name = st.name.short();
                rows.push((st.id, name, vec![None; subjects_out.len()]));
            }
        }
    }
    for (col, g) in &grids {
        for row in rows.iter_mut() {
            if let (Some(stats), Some(cell)) = (g.stats(row.0, today), row.2.get_mut(*col)) {
                *cell = Some(stats);
            }
        }
    }
    rows.sort_by(|a, b| crate::domain::collate::compare_names([&a.1, "", ""], [&b.1, "", ""]));
    Ok(GroupOverview {
        group_id,
        group,
        term,
        subjects: subjects_out,
        rows,
    })
}

/// A term (id, name) and the assignments in it: (assignment, subject).
pub type TermAssignments = (i64, String, Vec<(i64, String)>);

/// The term containing `today` (id 0 and «вне учебного периода» outside the terms) and the
/// assignments of `groups` in it, by subject: (assignment, subject).
pub fn term_assignments(
    db: &mut Db,
    groups: &[i64],
    today: NaiveDate,
) -> Result<TermAssignments, AppError> {
    let term: Option<(i64, String)> = crate::with_conn!(&mut db.conn(), c => terms::table
        .filter(terms::starts_on.le(today))
        .filter(terms::ends_on.ge(today))
        .select((terms::id, terms::name))
        .first(c)
        .optional())?;
    let (term_id, term) = term.unwrap_or((0, "вне учебного периода".into()));
    let ids: Vec<(i64, String)> = crate::with_conn!(&mut db.conn(), c => assignments::table
        .inner_join(subjects::table)
        .filter(assignments::group_id.eq_any(groups))
        .filter(assignments::term_id.eq(term_id))
        .order((subjects::name, assignments::id))
        .select((assignments::id, subjects::name))
        .load(c))?;
    Ok((term_id, term, ids))
}

/// The absences of the group's students in the week (Monday to Saturday) containing `day`.
pub fn week_absences(
    db: &mut Db,
    actor: &Actor,
    group_id: i64,
    day: NaiveDate,
) -> Result<Vec<WeekAbsence>, AppError> {
    access::check(actor, &Action::ReadGroup { group_id })?;
    let monday = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
    type Row = (
        i64,
        i64,
        String,
        String,
        String,
        NaiveDate,
        i32,
        String,
        i32,
        String,
        i32,
    );
    let rows: Vec<Row> = crate::with_conn!(&mut db.conn(), c => absences::table
        .inner_join(students::table)
        .inner_join(lessons::table.inner_join(assignments::table.inner_join(subjects::table)))
        .filter(assignments::group_id.eq(group_id))
        .filter(lessons::date.between(monday, monday + Duration::days(6)))
        .order((lessons::date, lessons::pair, students::last_name, students::first_name))
        .select((absences::lesson_id, absences::student_id, students::last_name, students::first_name,
                 students::patronymic, lessons::date, lessons::pair, subjects::name, lessons::hours,
                 absences::reason, absences::version))
        .load(c))?;
    Ok(rows
        .into_iter()
        .map(|r| WeekAbsence {
            lesson_id: r.0,
            student_id: r.1,
            student: short_name(&r.2, &r.3, &r.4),
            date: r.5,
            pair: r.6,
            subject: r.7,
            hours: r.8,
            reason: r.9,
            version: r.10,
        })
        .collect())
}
