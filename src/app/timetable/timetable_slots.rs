//! Building one day of the whole college's (or one group's) timetable: the weekly entries of
//! that weekday and parity, each with its substitution applied, plus the extra pairs
//! substitutions add, each matched to its journal lesson when one exists.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;

use super::schedule::{bell_text, odd_week, Slot};
use crate::app::{lookup, AppError};
use crate::store::rows::{BellRow, SubstitutionRow};
use crate::store::schema::{
    assignments, lessons, rooms, study_groups, subgroups, subjects, substitutions,
    timetable_entries,
};
use crate::store::Conn;

/// (entry, assignment, pair, room, group, subject, subgroup, teacher).
type EntryRow = (i64, i64, i32, Option<i64>, i64, i64, Option<i64>, i64);
/// (id, name) rows.
type Pairs = Vec<(i64, String)>;
/// (lesson, assignment, pair, group, subgroup).
type LessonKey = (i64, i64, i32, i64, Option<i64>);

/// Names of groups, subjects, rooms, subgroups and teachers by id.
#[derive(Default)]
struct Names {
    groups: BTreeMap<i64, String>,
    subjects: BTreeMap<i64, String>,
    rooms: BTreeMap<i64, String>,
    subgroups: BTreeMap<i64, String>,
    teachers: BTreeMap<i64, String>,
}

impl Names {
    /// The names a day's slots show. For one group's day (`group`), only that group's own name
    /// and subgroups, and the teachers looked up as met: a group meets a handful of teachers,
    /// the college has thousands of accounts, and a diary reads fourteen days (reading every
    /// group's and subgroup's name each day made it grow with the college's size).
    fn load(c: &mut Conn<'_>, group: Option<i64>) -> Result<Names, AppError> {
        let (g, s, r, sg): (Pairs, Pairs, Pairs, Pairs) = crate::with_conn!(c, x => {
            let mut gq = study_groups::table.select((study_groups::id, study_groups::name)).into_boxed();
            let mut sgq = subgroups::table.select((subgroups::id, subgroups::name)).into_boxed();
            if let Some(id) = group {
                gq = gq.filter(study_groups::id.eq(id));
                sgq = sgq.filter(subgroups::group_id.eq(id));
            }
            let g = gq.load(x)?;
            let s = subjects::table.select((subjects::id, subjects::name)).load(x)?;
            let r = rooms::table.select((rooms::id, rooms::name)).load(x)?;
            let sg = sgq.load(x)?;
            Ok::<_, diesel::result::Error>((g, s, r, sg))
        })?;
        Ok(Names {
            groups: g.into_iter().collect(),
            subjects: s.into_iter().collect(),
            rooms: r.into_iter().collect(),
            subgroups: sg.into_iter().collect(),
            teachers: if group.is_none() {
                lookup::user_short_names(c)?.into_iter().collect()
            } else {
                BTreeMap::new()
            },
        })
    }

    fn teacher(&mut self, c: &mut Conn<'_>, id: i64) -> Result<String, AppError> {
        if let Some(n) = self.teachers.get(&id) {
            return Ok(n.clone());
        }
        let n = lookup::user_short_name(c, id)?;
        self.teachers.insert(id, n.clone());
        Ok(n)
    }
}

fn name(map: &BTreeMap<i64, String>, id: i64) -> String {
    map.get(&id).cloned().unwrap_or_default()
}

/// Every pair of the college on `date`, substitutions applied, in (pair, group) order.
pub fn slots_on(
    c: &mut Conn<'_>,
    date: NaiveDate,
    bells: &[BellRow],
) -> Result<Vec<Slot>, AppError> {
    slots_of(c, date, bells, None)
}

/// [`slots_on`] of one group only: the other groups' pairs are dropped before their names and
/// teachers are looked up (a diary's week, a lesson's check, not the whole college each time).
pub fn group_slots_on(
    c: &mut Conn<'_>,
    date: NaiveDate,
    bells: &[BellRow],
    group: i64,
) -> Result<Vec<Slot>, AppError> {
    slots_of(c, date, bells, Some(group))
}

fn slots_of(
    c: &mut Conn<'_>,
    date: NaiveDate,
    bells: &[BellRow],
    group: Option<i64>,
) -> Result<Vec<Slot>, AppError> {
    let ours = |g: i64| group.is_none_or(|x| x == g);
    let weekday = i32::try_from(date.weekday().number_from_monday()).unwrap_or(1);
    let parity = if odd_week(c, date)? { "odd" } else { "even" };
    // One group's day reads only that group's rows; the filter below keeps the rest honest.
    let entries: Vec<EntryRow> = crate::with_conn!(c, x => {
        let mut q = timetable_entries::table.inner_join(assignments::table).into_boxed();
        if let Some(g) = group {
            q = q.filter(assignments::group_id.eq(g));
        }
        q
        .filter(timetable_entries::weekday.eq(weekday))
        .filter(timetable_entries::valid_from.le(date))
        .filter(timetable_entries::valid_to.ge(date))
        .filter(timetable_entries::week_parity.eq("all").or(timetable_entries::week_parity.eq(parity)))
        .select((timetable_entries::id, assignments::id, timetable_entries::pair,
                 timetable_entries::room_id, assignments::group_id, assignments::subject_id,
                 assignments::subgroup_id, assignments::teacher_id))
        .load(x)
    })?;
    let subs: Vec<SubstitutionRow> = crate::with_conn!(c, x => substitutions::table
        .filter(substitutions::date.eq(date))
        .order(substitutions::id.asc())
        .select(SubstitutionRow::as_select())
        .load(x))?;
    let held: Vec<LessonKey> = crate::with_conn!(c, x => {
        let mut q = lessons::table.inner_join(assignments::table).into_boxed();
        if let Some(g) = group {
            q = q.filter(assignments::group_id.eq(g));
        }
        q
        .filter(lessons::date.eq(date))
        .select((lessons::id, assignments::id, lessons::pair, assignments::group_id, assignments::subgroup_id))
        .load(x)
    })?;
    let mut names = Names::load(c, group)?;
    let lesson_for = |group: i64, pair: i32, subgroup: Option<i64>, assignment: Option<i64>| {
        held.iter()
            .find(|l| l.3 == group && l.2 == pair && (l.4 == subgroup || Some(l.1) == assignment))
            .map(|l| (l.0, l.1))
    };
    let mut out = Vec::new();
    for (entry, assignment, pair, room, group, subject, subgroup, teacher) in
        entries.into_iter().filter(|e| ours(e.4))
    {
        // The latest substitution of an entry is the one in force.
        let sub = subs
            .iter()
            .rev()
            .find(|s| s.timetable_entry_id == Some(entry));
        let holder = sub.and_then(|s| s.teacher_id).unwrap_or(teacher);
        let subj = sub.and_then(|s| s.subject_id).unwrap_or(subject);
        let room_id = sub.and_then(|s| s.room_id).or(room);
        let lesson = lesson_for(group, pair, subgroup, Some(assignment));
        out.push(Slot {
            date,
            pair,
            time: bell_text(bells, pair),
            group_id: group,
            group: name(&names.groups, group),
            subgroup: subgroup.map(|s| name(&names.subgroups, s)),
            subject: name(&names.subjects, subj),
            teacher_id: holder,
            teacher: names.teacher(c, holder)?,
            room_id,
            room: room_id.map(|r| name(&names.rooms, r)),
            assignment_id: lesson
                .map(|l| l.1)
                .or((subj == subject).then_some(assignment)),
            lesson_id: lesson.map(|l| l.0),
            entry_id: Some(entry),
            planned_teacher_id: Some(teacher),
            planned_assignment_id: Some(assignment),
            substitution_id: sub.map(|s| s.id),
            replaced_teacher: if holder == teacher {
                None
            } else {
                Some(names.teacher(c, teacher)?)
            },
            cancelled: sub.is_some_and(|s| s.cancelled),
            extra: false,
        });
    }
    for s in subs
        .iter()
        .filter(|s| s.timetable_entry_id.is_none() && ours(s.group_id))
    {
        let (Some(teacher), Some(subject)) = (s.teacher_id, s.subject_id) else {
            continue;
        };
        let lesson = lesson_for(s.group_id, s.pair, s.subgroup_id, None);
        out.push(Slot {
            date,
            pair: s.pair,
            time: bell_text(bells, s.pair),
            group_id: s.group_id,
            group: name(&names.groups, s.group_id),
            subgroup: s.subgroup_id.map(|g| name(&names.subgroups, g)),
            subject: name(&names.subjects, subject),
            teacher_id: teacher,
            teacher: names.teacher(c, teacher)?,
            room_id: s.room_id,
            room: s.room_id.map(|r| name(&names.rooms, r)),
            assignment_id: lesson.map(|l| l.1),
            lesson_id: lesson.map(|l| l.0),
            entry_id: None,
            planned_teacher_id: None,
            planned_assignment_id: None,
            substitution_id: Some(s.id),
            replaced_teacher: None,
            cancelled: s.cancelled,
            extra: true,
        });
    }
    out.sort_by(|a, b| (a.pair, &a.group, &a.subgroup).cmp(&(b.pair, &b.group, &b.subgroup)));
    Ok(out)
}
