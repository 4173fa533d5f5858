//! What a student or guardian sees of one student (3.3, 13.1, 13.2): each subject's grades with
//! both averages, missed hours and the forecast, the homework of the coming days, the week's
//! lessons and the announcements for the student's group and the college. Only that student's
//! figures ever leave this module: the grids it reads are reduced to one row here.

use chrono::{Datelike, Duration, NaiveDate};
use diesel::prelude::*;

use super::grid::{self, Grid};
use super::grid_stats::StudentStats;
use super::{Actor, AppError};
use crate::access::{self, Action};
use crate::domain::GradeValue;
use crate::store::schema::{
    announcements, assignments, group_memberships, lessons, students, subgroup_members, subjects,
    terms,
};
use crate::store::Db;

/// One subject of the diary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjectLine {
    pub subject: String,
    /// The grades in date order, as the journal shows them.
    pub grades: Vec<String>,
    pub stats: StudentStats,
}

/// A lesson of the week with its homework.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekLesson {
    pub date: NaiveDate,
    pub pair: i32,
    pub subject: String,
    pub topic: String,
    pub homework: String,
}

/// Everything the diary screen shows for one student.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FamilyView {
    pub student_id: i64,
    pub student: String,
    pub term: String,
    pub subjects: Vec<SubjectLine>,
    /// Lessons from Monday of this week to Sunday of the next.
    pub week: Vec<WeekLesson>,
    pub announcements: Vec<(String, String)>,
}

/// Reads the diary of `student_id` on `today`, if the actor may see that student.
pub fn load(
    db: &mut Db,
    actor: &Actor,
    student_id: i64,
    today: NaiveDate,
) -> Result<FamilyView, AppError> {
    let groups: Vec<i64> = crate::with_conn!(&mut db.conn(), c => group_memberships::table
        .filter(group_memberships::student_id.eq(student_id))
        .select(group_memberships::group_id)
        .load(c))?;
    access::check(
        actor,
        &Action::ReadStudent {
            student_id,
            groups: groups.clone(),
        },
    )?;
    let name: (String, String) = crate::with_conn!(&mut db.conn(), c => students::table
        .find(student_id)
        .select((students::last_name, students::first_name))
        .first(c))?;
    let term: Option<(i64, String)> = crate::with_conn!(&mut db.conn(), c => terms::table
        .filter(terms::starts_on.le(today))
        .filter(terms::ends_on.ge(today))
        .select((terms::id, terms::name))
        .first(c)
        .optional())?;
    let (term_id, term) = term.unwrap_or((0, "вне учебного периода".into()));
    let ids: Vec<(i64, String)> = crate::with_conn!(&mut db.conn(), c => assignments::table
        .inner_join(subjects::table)
        .filter(assignments::group_id.eq_any(&groups))
        .filter(assignments::term_id.eq(term_id))
        .order((subjects::name, assignments::id))
        .select((assignments::id, subjects::name))
        .load(c))?;
    let mut subjects_out: Vec<SubjectLine> = Vec::new();
    for (id, subject) in ids {
        let g: Grid = db.read(|c| grid::load_in(c, id))?;
        // A subgroup assignment the student is not in has no row for them: skip it.
        let Some(stats) = g.stats(student_id, today) else {
            continue;
        };
        let mut marks: Vec<(NaiveDate, i64, String)> = Vec::new();
        for gr in g.grades.iter().filter(|x| x.student_id == student_id) {
            let date = g
                .lessons
                .iter()
                .find(|l| l.id == gr.lesson_id)
                .map(|l| l.date);
            let text = GradeValue::from_code(gr.value).map_or(String::new(), |v| v.to_string());
            marks.push((date.unwrap_or(today), gr.id, text));
        }
        marks.sort();
        subjects_out.push(SubjectLine {
            subject,
            grades: marks.into_iter().map(|(_, _, t)| t).collect(),
            stats,
        });
    }
    let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    let until = monday + Duration::days(13);
    let week: Vec<(NaiveDate, i32, String, String, String)> = crate::with_conn!(&mut db.conn(), c => lessons::table
        .inner_join(assignments::table.inner_join(subjects::table))
        .filter(assignments::group_id.eq_any(&groups))
        .filter(assignments::subgroup_id.is_null().or(assignments::subgroup_id.eq_any(
            subgroup_members::table
                .filter(subgroup_members::student_id.eq(student_id))
                .select(subgroup_members::subgroup_id.nullable()),
        )))
        .filter(lessons::date.between(monday, until))
        .order((lessons::date, lessons::pair))
        .select((lessons::date, lessons::pair, subjects::name, lessons::topic, lessons::homework))
        .load(c))?;
    let news: Vec<(String, String)> = crate::with_conn!(&mut db.conn(), c => announcements::table
        .filter(announcements::group_id.is_null().or(announcements::group_id.eq_any(&groups)))
        .filter(announcements::expires_on.is_null().or(announcements::expires_on.ge(today)))
        .order(announcements::published_at.desc())
        .limit(10)
        .select((announcements::title, announcements::body))
        .load(c))?;
    if actor.student_id == Some(student_id) || actor.children.contains(&student_id) {
        db.write(|c| {
            super::auth::log_activity(
                c,
                Some(actor.user_id),
                "",
                "diary_view",
                &student_id.to_string(),
            )
        })?;
    }
    Ok(FamilyView {
        student_id,
        student: format!("{} {}", name.0, name.1),
        term,
        subjects: subjects_out,
        week: week
            .into_iter()
            .map(|(date, pair, subject, topic, homework)| WeekLesson {
                date,
                pair,
                subject,
                topic,
                homework,
            })
            .collect(),
        announcements: news,
    })
}

/// The students whose diaries the actor reads: their own, or their children, by name.
pub fn own_students(db: &mut Db, actor: &Actor) -> Result<Vec<(i64, String)>, AppError> {
    let mut ids: Vec<i64> = actor.children.iter().copied().collect();
    if let Some(s) = actor.student_id {
        ids.insert(0, s);
    }
    let rows: Vec<(i64, String, String)> = crate::with_conn!(&mut db.conn(), c => students::table
        .filter(students::id.eq_any(&ids))
        .select((students::id, students::last_name, students::first_name))
        .load(c))?;
    Ok(ids
        .iter()
        .filter_map(|id| {
            rows.iter()
                .find(|r| r.0 == *id)
                .map(|r| (r.0, format!("{} {}", r.1, r.2)))
        })
        .collect())
}
