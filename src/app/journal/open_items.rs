//! What is missing from the journal past its deadline, lesson by lesson: a pair of the timetable
//! (substitutions applied, not cancelled) with no lesson in the journal (6.1), a lesson without
//! its topic (6.3), a test (контрольная работа) without results (6.9). Each item has a key that
//! names the lesson, so that a remark made of these items can be checked later: it is closed
//! when none of its keys is open any more. The `deadlines` report lists the same items.

use std::collections::HashSet;

use chrono::{Duration, NaiveDate};
use diesel::prelude::*;

use super::deadline::deadline_after_holidays;
use crate::app::AppError;
use crate::domain::DateSpan;
use crate::store::schema::{assignments, grades, lessons, study_groups, subjects};
use crate::store::Conn;

/// The three kinds of missing entry.
pub const NOT_RECORDED: &str = "Занятие не записано в журнал";
pub const NO_TOPIC: &str = "Тема занятия не записана";
pub const NO_TEST_RESULTS: &str = "Результаты контрольной работы";

/// One missing entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenItem {
    /// «slot:2026-11-24:2:15» (date, pair, assignment), «topic:LESSON», «test:LESSON».
    pub key: String,
    pub teacher_id: i64,
    pub group_id: i64,
    pub group: String,
    pub subject: String,
    pub what: &'static str,
    pub date: NaiveDate,
    pub pair: i32,
    pub due: NaiveDate,
}

impl OpenItem {
    /// «24.11.2026, 2 пара, ИС-21, Математика — тема занятия не записана».
    pub fn line(&self) -> String {
        format!(
            "{}, {} пара, {}, {} — {}",
            crate::domain::format_ru(self.date),
            self.pair,
            self.group,
            self.subject,
            self.what.to_lowercase()
        )
    }
}

/// The open items of lessons dated in `span` whose deadline passed before `today`, of one
/// teacher or all. `weekday` and `test_days` are the college's settings.
pub fn open_items(
    c: &mut Conn<'_>,
    span: DateSpan,
    today: NaiveDate,
    teacher: Option<i64>,
    weekday: i32,
    test_days: i32,
) -> Result<Vec<OpenItem>, AppError> {
    let holidays = crate::app::college::calendar::holidays_in(
        c,
        DateSpan {
            start: span.start,
            end: span.end + Duration::days(60),
        },
    )?;
    let due_of = |d: NaiveDate| deadline_after_holidays(d, weekday, &holidays);
    let last = span.end.min(today - Duration::days(1));
    let mut out = Vec::new();
    let bells = crate::app::timetable::schedule::load_bells(c)?;
    let mut day = span.start;
    while day <= last {
        let due = due_of(day);
        // No lessons are held on holidays, whatever the weekly timetable says.
        if due < today && !holidays.iter().any(|h| h.contains(day)) {
            for s in crate::app::timetable::timetable_slots::slots_on(c, day, &bells)? {
                let Some(aid) = s.assignment_id else { continue };
                if s.cancelled
                    || s.lesson_id.is_some()
                    || teacher.is_some_and(|t| t != s.teacher_id)
                {
                    continue;
                }
                out.push(OpenItem {
                    key: format!("slot:{day}:{}:{aid}", s.pair),
                    teacher_id: s.teacher_id,
                    group_id: s.group_id,
                    group: s.group.clone(),
                    subject: s.subject.clone(),
                    what: NOT_RECORDED,
                    date: day,
                    pair: s.pair,
                    due,
                });
            }
        }
        day += Duration::days(1);
    }
    type L = (
        i64,
        NaiveDate,
        i32,
        String,
        String,
        i64,
        i64,
        String,
        String,
    );
    let held: Vec<L> = crate::with_conn!(c, x => {
        let mut q = lessons::table
            .inner_join(assignments::table.inner_join(subjects::table).inner_join(study_groups::table))
            .filter(lessons::date.between(span.start, last))
            .select((lessons::id, lessons::date, lessons::pair, lessons::topic, lessons::kind,
                     lessons::held_by, assignments::group_id, study_groups::name, subjects::name))
            .into_boxed();
        if let Some(t) = teacher {
            q = q.filter(lessons::held_by.eq(t));
        }
        q.load(x)
    })?;
    let tests: Vec<i64> = held.iter().filter(|l| l.4 == "test").map(|l| l.0).collect();
    let mut graded: HashSet<i64> = HashSet::new();
    for chunk in tests.chunks(500) {
        let ids: Vec<i64> = crate::with_conn!(c, x => grades::table
            .filter(grades::lesson_id.eq_any(chunk))
            .select(grades::lesson_id)
            .distinct()
            .load(x))?;
        graded.extend(ids);
    }
    for (id, date, pair, topic, kind, by, gid, group, subject) in held {
        let item = |key: String, what: &'static str, due: NaiveDate| OpenItem {
            key,
            teacher_id: by,
            group_id: gid,
            group: group.clone(),
            subject: subject.clone(),
            what,
            date,
            pair,
            due,
        };
        let due = due_of(date);
        if topic.trim().is_empty() && due < today {
            out.push(item(format!("topic:{id}"), NO_TOPIC, due));
        }
        let test_due = date + Duration::days(i64::from(test_days));
        if kind == "test" && !graded.contains(&id) && test_due < today {
            out.push(item(format!("test:{id}"), NO_TEST_RESULTS, test_due));
        }
    }
    out.sort_by(|a, b| {
        (a.teacher_id, a.date, a.pair, &a.group).cmp(&(b.teacher_id, b.date, b.pair, &b.group))
    });
    Ok(out)
}

/// Which of `keys` are still open now.
pub fn still_open(c: &mut Conn<'_>, keys: &[String]) -> Result<Vec<String>, AppError> {
    let mut open = Vec::new();
    for k in keys {
        let mut parts = k.split(':');
        let still = match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some("slot"), Some(day), Some(pair), Some(aid)) => {
                let (Ok(day), Ok(pair), Ok(aid)) = (
                    day.parse::<NaiveDate>(),
                    pair.parse::<i32>(),
                    aid.parse::<i64>(),
                ) else {
                    continue;
                };
                crate::with_conn!(c, x => lessons::table
                    .filter(lessons::assignment_id.eq(aid))
                    .filter(lessons::date.eq(day))
                    .filter(lessons::pair.eq(pair))
                    .count()
                    .get_result::<i64>(x))?
                    == 0
            }
            (Some("topic"), Some(id), None, None) => {
                let id: i64 = id.parse().unwrap_or_default();
                let topic: Option<String> = crate::with_conn!(c, x => lessons::table
                    .find(id).select(lessons::topic).first(x).optional())?;
                topic.is_some_and(|t| t.trim().is_empty())
            }
            (Some("test"), Some(id), None, None) => {
                let id: i64 = id.parse().unwrap_or_default();
                let (held, graded): (i64, i64) = crate::with_conn!(c, x => {
                    let held = lessons::table.find(id).count().get_result::<i64>(x)?;
                    let graded = grades::table
                        .filter(grades::lesson_id.eq(id))
                        .count()
                        .get_result::<i64>(x)?;
                    Ok::<_, diesel::result::Error>((held, graded))
                })?;
                held > 0 && graded == 0
            }
            _ => false,
        };
        if still {
            open.push(k.clone());
        }
    }
    Ok(open)
}
