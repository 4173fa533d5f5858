//! Where an imported mark goes: the assignment teaching the subject to the group (or the
//! student's subgroup) on the date, and its lesson that day — found, or made from the
//! timetable, or made as an extra lesson of that date.

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;

use super::marks::MarkRec;
use super::marks_db::{Res, Work};
use crate::access::Permit;
use crate::app::journal::marks::record;
use crate::store::schema::{
    assignments, lessons, subgroup_members, subgroups, terms, timetable_entries,
};
use crate::store::Conn;

/// (group, subject, student).
type Who = (i64, i64, i64);

/// An assignment that may teach the row: id, teacher, subgroup id and name, term closed.
type Candidate = (i64, i64, Option<i64>, Option<String>, bool);

impl Work<'_> {
    /// The assignment teaching the subject to the group (or the student's subgroup) on `date`:
    /// its id, its teacher and whether its term is closed.
    pub(super) fn assignment(
        &mut self,
        c: &mut Conn<'_>,
        r: &MarkRec,
        who: Who,
        date: NaiveDate,
    ) -> Res<(i64, i64, bool)> {
        let (group, subject, student) = who;
        let found: Vec<Candidate> = crate::with_conn!(c, x => assignments::table
            .inner_join(terms::table)
            .left_join(subgroups::table.on(assignments::subgroup_id.eq(subgroups::id.nullable())))
            .filter(assignments::group_id.eq(group))
            .filter(assignments::subject_id.eq(subject))
            .filter(terms::starts_on.le(date))
            .filter(terms::ends_on.ge(date))
            .select((assignments::id, assignments::teacher_id, assignments::subgroup_id, subgroups::name.nullable(), terms::closed_at.is_not_null()))
            .load(x))?;
        let pick = match &r.subgroup {
            Some(name) => found.iter().find(|a| a.3.as_deref() == Some(name.as_str())),
            None => match found.iter().find(|a| a.2.is_none()) {
                Some(a) => Some(a),
                None => {
                    let mine: Vec<i64> = crate::with_conn!(c, x => subgroup_members::table
                        .filter(subgroup_members::student_id.eq(student))
                        .select(subgroup_members::subgroup_id)
                        .load(x))?;
                    found
                        .iter()
                        .find(|a| a.2.is_some_and(|s| mine.contains(&s)))
                }
            },
        };
        match pick {
            Some(a) => Ok(Some((a.0, a.1, a.4))),
            None => {
                self.fail(
                    r,
                    "subject",
                    &r.subject,
                    &format!(
                        "дисциплина не ведётся в группе {} на {}",
                        r.group,
                        super::values::date_text(date)
                    ),
                );
                Ok(None)
            }
        }
    }

    /// The lesson of the assignment on `date` (at the row's pair, if given); made from the
    /// timetable or as an extra lesson when there is none.
    pub(super) fn lesson(
        &mut self,
        c: &mut Conn<'_>,
        permit: &Permit,
        r: &MarkRec,
        assignment: (i64, i64),
        date: NaiveDate,
    ) -> Res<i64> {
        let key = (assignment.0, date, r.pair);
        if let Some(id) = self.lessons.get(&key) {
            return Ok(Some(*id));
        }
        let on_date: Vec<(i64, i32)> = crate::with_conn!(c, x => lessons::table
            .filter(lessons::assignment_id.eq(assignment.0))
            .filter(lessons::date.eq(date))
            .select((lessons::id, lessons::pair))
            .order(lessons::pair)
            .load(x))?;
        let found = on_date
            .iter()
            .find(|l| r.pair.is_none_or(|p| p == l.1))
            .map(|l| l.0);
        let id = match found {
            Some(id) => id,
            None => {
                let weekday = date.weekday().number_from_monday() as i32;
                let slots: Vec<i32> = crate::with_conn!(c, x => timetable_entries::table
                    .filter(timetable_entries::assignment_id.eq(assignment.0))
                    .filter(timetable_entries::weekday.eq(weekday))
                    .filter(timetable_entries::valid_from.le(date))
                    .filter(timetable_entries::valid_to.ge(date))
                    .select(timetable_entries::pair)
                    .order(timetable_entries::pair)
                    .load(x))?;
                let pair = r.pair.or(slots.first().copied()).unwrap_or(1);
                let source = if slots.contains(&pair) {
                    "по расписанию"
                } else {
                    "дополнительное занятие"
                };
                self.new_lessons += 1;
                if self.write {
                    let now = crate::store::now();
                    let id: i64 = crate::with_conn!(c, x => diesel::insert_into(lessons::table)
                        .values((lessons::assignment_id.eq(assignment.0), lessons::date.eq(date), lessons::pair.eq(pair),
                            lessons::held_by.eq(assignment.1), lessons::created_at.eq(now), lessons::updated_at.eq(now)))
                        .returning(lessons::id)
                        .get_result(x))?;
                    let text = format!("{} пара {pair}: {source} (импорт отметок)", date);
                    record(
                        c,
                        permit,
                        &crate::store::audit::AuditEntry {
                            action: "insert",
                            entity: "lesson",
                            entity_id: id,
                            new_value: Some(text),
                            ..Default::default()
                        },
                        now,
                    )?;
                    id
                } else {
                    -(self.new_lessons as i64)
                }
            }
        };
        self.lessons.insert(key, id);
        Ok(Some(id))
    }
}
