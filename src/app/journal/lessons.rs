//! A teacher's working day: the assignments they teach, the lessons of a date from the
//! timetable with that day's substitutions applied (`timetable::day`), opening a lesson (found, or created from
//! the timetable) and editing its topic, homework, kind and hours with an audit record.

use super::entries::Lesson;
use chrono::NaiveDate;
use diesel::prelude::*;

use super::marks;
use crate::app::timetable::schedule::Whose;
use crate::app::{Actor, AppError};
use crate::domain::LessonKind;
use crate::store::rows::LessonRow;
use crate::store::schema::{assignments, lessons, study_groups, subgroups, subjects, terms};
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
    /// «08:30–10:00», from the bells.
    pub time: String,
    pub room: Option<String>,
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

/// Which assignments to read.
enum By {
    Teacher(i64),
    Id(i64),
}

fn infos(db: &mut Db, by: By) -> Result<Vec<AssignmentInfo>, AppError> {
    let rows: Vec<InfoRow> = crate::with_conn!(&mut db.conn(), c => {
        let q = assignments::table
            .inner_join(study_groups::table)
            .inner_join(subjects::table)
            .inner_join(terms::table)
            .left_join(subgroups::table.on(assignments::subgroup_id.eq(subgroups::id.nullable())))
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
            .into_boxed();
        match by {
            By::Teacher(t) => q.filter(assignments::teacher_id.eq(t)),
            By::Id(id) => q.filter(assignments::id.eq(id)),
        }
        .load(c)
    })?;
    Ok(rows.into_iter().map(info).collect())
}

/// The assignments of a teacher (all of them for the actor's own id), newest term first.
pub fn assignments_of(db: &mut Db, teacher_id: i64) -> Result<Vec<AssignmentInfo>, AppError> {
    infos(db, By::Teacher(teacher_id))
}

/// One assignment by id, as the picker shows it.
fn info_of(db: &mut Db, id: i64) -> Result<Option<AssignmentInfo>, AppError> {
    Ok(infos(db, By::Id(id))?.into_iter().next())
}

/// The actor's lessons on `date`: the pairs they hold by the timetable with that day's
/// substitutions (`timetable::day`; cancelled pairs left out), plus lessons they already
/// entered that day outside the timetable; by pair.
pub fn day(db: &mut Db, actor: &Actor, date: NaiveDate) -> Result<Vec<DayLesson>, AppError> {
    // No lessons are offered on a holiday (4.5); lessons entered anyway still show below.
    let holiday = db.read(|c| crate::app::college::calendar::is_holiday(c, date))?;
    let slots = if holiday {
        Vec::new()
    } else {
        crate::app::timetable::schedule::day(db, actor, &Whose::TeacherId(actor.user_id), date)?
    };
    let mut out: Vec<DayLesson> = Vec::new();
    for s in slots.into_iter().filter(|s| !s.cancelled) {
        let Some(a) = s
            .assignment_id
            .map(|id| info_of(db, id))
            .transpose()?
            .flatten()
        else {
            continue;
        };
        out.push(DayLesson {
            assignment: a,
            pair: s.pair,
            lesson_id: s.lesson_id,
            substitute: s.replaced_teacher.is_some(),
            time: s.time,
            room: s.room,
        });
    }
    let entered: Vec<(i64, i64, i32)> = crate::with_conn!(&mut db.conn(), c => lessons::table
        .filter(lessons::date.eq(date))
        // A lesson of one's own assignment that a substitute holds is theirs that day.
        .filter(lessons::held_by.eq(actor.user_id))
        .select((lessons::id, lessons::assignment_id, lessons::pair))
        .load(c))?;
    for (lesson_id, assignment_id, pair) in entered {
        if out.iter().any(|d| {
            d.lesson_id == Some(lesson_id) || (d.assignment.id == assignment_id && d.pair == pair)
        }) {
            continue;
        }
        if let Some(a) = info_of(db, assignment_id)? {
            out.push(DayLesson {
                assignment: a,
                pair,
                lesson_id: Some(lesson_id),
                substitute: false,
                time: String::new(),
                room: None,
            });
        }
    }
    out.sort_by_key(|d| (d.pair, d.assignment.id));
    Ok(out)
}

/// The journal's lesson of an assignment on a date and pair: found, or created (audited) as
/// the timetable has it, with the kind, hours and topic left for the teacher to fill in.
pub fn open(
    db: &mut Db,
    actor: &Actor,
    assignment_id: i64,
    date: NaiveDate,
    pair: i32,
) -> Result<Lesson, AppError> {
    let found: Option<LessonRow> = crate::with_conn!(&mut db.conn(), c => lessons::table
        .filter(lessons::assignment_id.eq(assignment_id))
        .filter(lessons::date.eq(date))
        .filter(lessons::pair.eq(pair))
        .select(LessonRow::as_select())
        .first(c)
        .optional())?;
    if let Some(l) = found {
        return l.try_into();
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
