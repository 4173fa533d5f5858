//! What a student or guardian sees of one student (3.3, 13.1, 13.2): each subject's grades with
//! both averages, missed hours and the forecast, the homework of the coming days, the week's
//! lessons and the announcements for the student's group and the college. Only that student's
//! figures ever leave this module: the grids it reads are reduced to one row here.

use chrono::{Duration, NaiveDate};
use diesel::prelude::*;

use crate::access::{self, Action};
use crate::app::journal::grid::{self, Grid};
use crate::app::journal::grid_stats::StudentStats;
use crate::app::timetable::schedule::{self, Whose};
use crate::app::{Actor, AppError};
use crate::store::schema::{
    announcements, assignments, group_memberships, lessons, students, study_groups,
    subgroup_members, subgroups, subjects,
};
use crate::store::Db;

/// One subject of the diary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjectLine {
    pub subject: String,
    /// The grades in date order, as the journal shows them, with «•» for a work owed.
    pub grades: Vec<String>,
    /// The same grades with their dates and kinds of work: «13.11 4 (контрольная работа)».
    pub dated: Vec<(NaiveDate, String, &'static str)>,
    pub stats: StudentStats,
}

/// A lesson of the week with its homework.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekLesson {
    pub date: NaiveDate,
    pub pair: i32,
    /// «08:30–10:00».
    pub time: String,
    pub subject: String,
    pub teacher: String,
    pub room: Option<String>,
    /// «замена», «отменена» or empty.
    pub change: String,
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
    /// Announcements: the day published, the title and the text, newest first.
    pub announcements: Vec<(NaiveDate, String, String)>,
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
    let (_, term, ids) = crate::app::journal::overview::term_assignments(db, &groups, today)?;
    let mut subjects_out: Vec<SubjectLine> = Vec::new();
    for (id, subject) in ids {
        let g: Grid = db.read(|c| grid::load_row_in(c, id, student_id))?;
        // A subgroup assignment the student is not in has no row for them: skip it.
        let Some(stats) = g.stats(student_id, today) else {
            continue;
        };
        let mut marks: Vec<(NaiveDate, i64, String, &'static str)> = Vec::new();
        for gr in g.grades.iter().filter(|x| x.student_id == student_id) {
            let date = g
                .lessons
                .iter()
                .find(|l| l.id == gr.lesson_id)
                .map(|l| l.date);
            let text = gr.value.to_string();
            marks.push((date.unwrap_or(today), gr.id, text, gr.work_kind.name_ru()));
        }
        // A debt («точка») stands among the marks on its lesson's day, as in the journal.
        for d in g.debts.iter().filter(|d| d.student_id == student_id) {
            if let Some(l) = g.lessons.iter().find(|l| l.id == d.lesson_id) {
                let text = crate::app::journal::debts::DEBT_MARK.to_string();
                marks.push((l.date, i64::MAX, text, "долг: работа не сдана"));
            }
        }
        marks.sort();
        subjects_out.push(SubjectLine {
            subject,
            grades: marks.iter().map(|m| m.2.clone()).collect(),
            dated: marks.into_iter().map(|(d, _, t, k)| (d, t, k)).collect(),
            stats,
        });
    }
    let week = week_lessons(db, actor, student_id, today)?;
    let news: Vec<(chrono::NaiveDateTime, String, String)> = crate::with_conn!(&mut db.conn(), c => announcements::table
        .filter(announcements::group_id.is_null().or(announcements::group_id.eq_any(&groups)))
        .filter(announcements::expires_on.is_null().or(announcements::expires_on.ge(today)))
        .order(announcements::published_at.desc())
        .limit(10)
        .select((announcements::published_at, announcements::title, announcements::body))
        .load(c))?;
    let zone = crate::app::college::clock::zone(db);
    let news = news
        .into_iter()
        .map(|(at, t, b)| (crate::domain::time_zone::local(at, &zone).date(), t, b))
        .collect();
    if actor.student_id == Some(student_id) || actor.children.contains(&student_id) {
        db.write(|c| {
            crate::app::accounts::auth::log_activity(
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
        week,
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

/// The timetable of the student's current group for this week and the next, with the day's
/// substitutions, only the pairs of the student's own subgroups, and the topic and homework of
/// the lessons already in the journal.
fn week_lessons(
    db: &mut Db,
    actor: &Actor,
    student_id: i64,
    today: NaiveDate,
) -> Result<Vec<WeekLesson>, AppError> {
    let group: Option<String> = crate::with_conn!(&mut db.conn(), c => group_memberships::table
        .inner_join(study_groups::table)
        .filter(group_memberships::student_id.eq(student_id))
        .filter(group_memberships::from_date.le(today))
        .filter(group_memberships::to_date.is_null().or(group_memberships::to_date.ge(today)))
        .select(study_groups::name)
        .first(c)
        .optional())?;
    let Some(group) = group else {
        return Ok(Vec::new());
    };
    let own: Vec<(i64, Option<String>, String)> = crate::with_conn!(&mut db.conn(), c => subgroup_members::table
        .inner_join(subgroups::table.left_join(subjects::table))
        .filter(subgroup_members::student_id.eq(student_id))
        .select((subgroups::id, subjects::name.nullable(), subgroups::name))
        .load(c))?;
    let mut out = Vec::new();
    let mut listed = std::collections::HashSet::new();
    let mut bells = Vec::new();
    let mut monday = today;
    for start in [today, today + Duration::days(7)] {
        let week = schedule::week(db, actor, &Whose::Group(group.clone()), start)?;
        if start == today {
            monday = week.monday;
            bells = week.bells;
        }
        for (_, slots) in week.days {
            for s in slots {
                if let Some(sg) = &s.subgroup {
                    let mine = own.iter().any(|(_, subject, name)| {
                        name == sg && subject.as_ref().is_none_or(|x| *x == s.subject)
                    });
                    if !mine {
                        continue;
                    }
                }
                let (topic, homework) = match s.lesson_id {
                    Some(id) => crate::with_conn!(&mut db.conn(), c => lessons::table
                        .find(id)
                        .select((lessons::topic, lessons::homework))
                        .first(c))?,
                    None => (String::new(), String::new()),
                };
                let change = if s.cancelled {
                    "отменена"
                } else if s.replaced_teacher.is_some() {
                    "замена"
                } else {
                    ""
                };
                listed.extend(s.lesson_id);
                out.push(WeekLesson {
                    date: s.date,
                    pair: s.pair,
                    time: s.time,
                    subject: s.subject,
                    teacher: s.teacher,
                    room: s.room,
                    change: change.into(),
                    topic,
                    homework,
                });
            }
        }
    }
    let own_ids: Vec<i64> = own.iter().map(|o| o.0).collect();
    let extra = Extra {
        group: &group,
        monday,
        listed: &listed,
        subgroups: &own_ids,
        bells: &bells,
    };
    out.extend(extra_lessons(db, &extra)?);
    out.sort_by_key(|w| (w.date, w.pair));
    Ok(out)
}

/// What [`extra_lessons`] needs of the week already read.
struct Extra<'a> {
    group: &'a str,
    /// The Monday of this week; the next week follows.
    monday: NaiveDate,
    /// The lessons the timetable's pairs already show.
    listed: &'a std::collections::HashSet<i64>,
    /// The student's own subgroups.
    subgroups: &'a [i64],
    bells: &'a [crate::store::rows::BellRow],
}

/// Lessons recorded in the journal off the timetable (an extra lesson a teacher added at a free
/// pair) in this week and the next, of the student's own subgroups only.
fn extra_lessons(db: &mut Db, e: &Extra<'_>) -> Result<Vec<WeekLesson>, AppError> {
    type Row = (
        i64,
        NaiveDate,
        i32,
        String,
        i64,
        Option<i64>,
        String,
        String,
    );
    db.read(|c| {
        let rows: Vec<Row> = crate::with_conn!(c, x => lessons::table
            .inner_join(assignments::table.inner_join(study_groups::table).inner_join(subjects::table))
            .filter(study_groups::name.eq(e.group))
            .filter(lessons::date.ge(e.monday))
            .filter(lessons::date.lt(e.monday + Duration::days(14)))
            .select((lessons::id, lessons::date, lessons::pair, subjects::name, lessons::held_by,
                     assignments::subgroup_id, lessons::topic, lessons::homework))
            .load(x))?;
        let mut out = Vec::new();
        for (id, date, pair, subject, held_by, subgroup, topic, homework) in rows {
            if e.listed.contains(&id) || subgroup.is_some_and(|g| !e.subgroups.contains(&g)) {
                continue;
            }
            out.push(WeekLesson {
                date,
                pair,
                time: schedule::bell_text(e.bells, pair),
                subject,
                teacher: crate::app::lookup::user_short_name(c, held_by)?,
                room: None,
                change: "вне расписания".into(),
                topic,
                homework,
            });
        }
        Ok(out)
    })
}
