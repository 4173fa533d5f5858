//! A teacher's working day: the assignments they teach, the lessons of a date from the
//! timetable with that day's substitutions applied, opening a lesson (found, or created from
//! the timetable) and editing its topic, homework, kind and hours with an audit record.

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;

use super::marks;
use super::{Actor, AppError};
use crate::domain::LessonKind;
use crate::store::rows::LessonRow;
use crate::store::schema::{
    assignments, lessons, study_groups, subgroups, subjects, substitutions, terms,
    timetable_entries,
};
use crate::store::Db;

/// One assignment as a picker lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignmentInfo {
    pub id: i64,
    pub group: String,
    pub subgroup: Option<String>,
    pub subject: String,
    pub term: String,
    pub term_starts: NaiveDate,
    pub term_ends: NaiveDate,
}

impl AssignmentInfo {
    /// «ИСП-21 (1) · Математика · 1 семестр».
    pub fn title(&self) -> String {
        let sg = self
            .subgroup
            .as_ref()
            .map_or(String::new(), |s| format!(" ({s})"));
        format!("{}{sg} · {} · {}", self.group, self.subject, self.term)
    }
}

/// A lesson of the day: from the timetable, a substitution, or already in the journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayLesson {
    pub assignment: AssignmentInfo,
    pub pair: i32,
    /// The journal's lesson, when it already exists.
    pub lesson_id: Option<i64>,
    /// Held instead of another teacher.
    pub substitute: bool,
}

type InfoRow = (
    i64,
    String,
    Option<String>,
    String,
    String,
    NaiveDate,
    NaiveDate,
);

fn info((id, group, subgroup, subject, term, term_starts, term_ends): InfoRow) -> AssignmentInfo {
    AssignmentInfo {
        id,
        group,
        subgroup,
        subject,
        term,
        term_starts,
        term_ends,
    }
}

/// The assignments of a teacher (all of them for the actor's own id), newest term first.
pub fn assignments_of(db: &mut Db, teacher_id: i64) -> Result<Vec<AssignmentInfo>, AppError> {
    let rows: Vec<InfoRow> = crate::with_conn!(&mut db.conn(), c => assignments::table
        .inner_join(study_groups::table)
        .inner_join(subjects::table)
        .inner_join(terms::table)
        .left_join(subgroups::table.on(assignments::subgroup_id.eq(subgroups::id.nullable())))
        .filter(assignments::teacher_id.eq(teacher_id))
        .order((terms::starts_on.desc(), study_groups::name, subjects::name, assignments::id))
        .select((
            assignments::id,
            study_groups::name,
            subgroups::name.nullable(),
            subjects::name,
            terms::name,
            terms::starts_on,
            terms::ends_on,
        ))
        .load(c))?;
    Ok(rows.into_iter().map(info).collect())
}

/// Whether a timetable row of `parity` applies in the ISO week of `date` (even or odd week
/// numbers, as Russian timetables count «чётная/нечётная неделя»).
fn parity_holds(parity: &str, date: NaiveDate) -> bool {
    let even = date.iso_week().week() % 2 == 0;
    match parity {
        "even" => even,
        "odd" => !even,
        _ => true,
    }
}

/// The actor's lessons on `date`: their timetable minus what was cancelled or given to a
/// substitute, plus what they substitute, plus lessons already entered that day; by pair.
pub fn day(db: &mut Db, actor: &Actor, date: NaiveDate) -> Result<Vec<DayLesson>, AppError> {
    let mine = assignments_of(db, actor.user_id)?;
    let weekday = i32::try_from(date.weekday().number_from_monday()).unwrap_or(0);
    let ids: Vec<i64> = mine.iter().map(|a| a.id).collect();
    let entries: Vec<(i64, i64, i32, String)> = crate::with_conn!(&mut db.conn(), c => timetable_entries::table
        .filter(timetable_entries::assignment_id.eq_any(&ids))
        .filter(timetable_entries::weekday.eq(weekday))
        .filter(timetable_entries::valid_from.le(date))
        .filter(timetable_entries::valid_to.ge(date))
        .select((timetable_entries::id, timetable_entries::assignment_id, timetable_entries::pair, timetable_entries::week_parity))
        .load(c))?;
    type Sub = (
        Option<i64>,
        i64,
        Option<i64>,
        Option<i64>,
        Option<i64>,
        i32,
        bool,
    );
    let subs: Vec<Sub> = crate::with_conn!(&mut db.conn(), c => substitutions::table
        .filter(substitutions::date.eq(date))
        .select((substitutions::timetable_entry_id, substitutions::group_id, substitutions::subgroup_id,
                 substitutions::teacher_id, substitutions::subject_id, substitutions::pair, substitutions::cancelled))
        .load(c))?;
    let mut out: Vec<DayLesson> = Vec::new();
    for (entry_id, assignment_id, pair, parity) in entries {
        let replaced = subs
            .iter()
            .any(|s| s.0 == Some(entry_id) && (s.6 || s.3.is_some_and(|t| t != actor.user_id)));
        if !parity_holds(&parity, date) || replaced {
            continue;
        }
        if let Some(a) = mine.iter().find(|a| a.id == assignment_id) {
            out.push(DayLesson {
                assignment: a.clone(),
                pair,
                lesson_id: None,
                substitute: false,
            });
        }
    }
    for s in subs.iter().filter(|s| !s.6 && s.3 == Some(actor.user_id)) {
        if let Some(a) = substituted_assignment(db, s.0, s.1, s.2, s.4, date)? {
            out.push(DayLesson {
                assignment: a,
                pair: s.5,
                lesson_id: None,
                substitute: true,
            });
        }
    }
    let entered: Vec<(i64, i64, i32)> = crate::with_conn!(&mut db.conn(), c => lessons::table
        .filter(lessons::date.eq(date))
        .filter(lessons::assignment_id.eq_any(&ids).or(lessons::held_by.eq(actor.user_id)))
        .select((lessons::id, lessons::assignment_id, lessons::pair))
        .load(c))?;
    for (lesson_id, assignment_id, pair) in entered {
        match out
            .iter_mut()
            .find(|d| d.assignment.id == assignment_id && d.pair == pair)
        {
            Some(d) => d.lesson_id = Some(lesson_id),
            None => {
                if let Some(a) = mine.iter().find(|a| a.id == assignment_id) {
                    out.push(DayLesson {
                        assignment: a.clone(),
                        pair,
                        lesson_id: Some(lesson_id),
                        substitute: false,
                    });
                }
            }
        }
    }
    out.sort_by_key(|d| (d.pair, d.assignment.id));
    Ok(out)
}

/// The assignment whose lesson a substitution replaces: that of its timetable row, or the
/// group's (and subgroup's) assignment of the subject in the term of the date.
fn substituted_assignment(
    db: &mut Db,
    entry: Option<i64>,
    group: i64,
    subgroup: Option<i64>,
    subject: Option<i64>,
    date: NaiveDate,
) -> Result<Option<AssignmentInfo>, AppError> {
    let row: Option<InfoRow> = crate::with_conn!(&mut db.conn(), c => {
        let mut q = assignments::table
            .inner_join(study_groups::table)
            .inner_join(subjects::table)
            .inner_join(terms::table)
            .left_join(subgroups::table.on(assignments::subgroup_id.eq(subgroups::id.nullable())))
            .filter(terms::starts_on.le(date))
            .filter(terms::ends_on.ge(date))
            .select((assignments::id, study_groups::name, subgroups::name.nullable(), subjects::name,
                     terms::name, terms::starts_on, terms::ends_on))
            .into_boxed();
        if let Some(e) = entry {
            q = q.filter(assignments::id.nullable().eq(timetable_entries::table
                .filter(timetable_entries::id.eq(e))
                .select(timetable_entries::assignment_id.nullable())
                .single_value()));
        } else {
            q = q.filter(assignments::group_id.eq(group));
            if let Some(s) = subject {
                q = q.filter(assignments::subject_id.eq(s));
            }
            if let Some(sg) = subgroup {
                q = q.filter(assignments::subgroup_id.eq(sg));
            }
        }
        q.first(c).optional()
    })?;
    Ok(row.map(info))
}

/// The journal's lesson of an assignment on a date and pair: found, or created (audited) as
/// the timetable has it, with the kind, hours and topic left for the teacher to fill in.
pub fn open(
    db: &mut Db,
    actor: &Actor,
    assignment_id: i64,
    date: NaiveDate,
    pair: i32,
) -> Result<LessonRow, AppError> {
    let found: Option<LessonRow> = crate::with_conn!(&mut db.conn(), c => lessons::table
        .filter(lessons::assignment_id.eq(assignment_id))
        .filter(lessons::date.eq(date))
        .filter(lessons::pair.eq(pair))
        .select(LessonRow::as_select())
        .first(c)
        .optional())?;
    if let Some(l) = found {
        return Ok(l);
    }
    marks::add_lesson(
        db,
        actor,
        &marks::NewLesson {
            assignment_id,
            date,
            pair,
            hours: 2,
            kind: LessonKind::Lecture,
            topic: String::new(),
            homework: String::new(),
        },
    )
}

pub use super::lesson_edit::{edit, LessonEdit};
