//! `teacher-activity` — «Активность преподавателей в работе с ЭЖ» (9.5): per teacher, the
//! lessons they held in the period, how many of them have a topic, homework and at least one
//! grade, the entries made after the deadline of 6.1 (`app::journal::deadline`), and the last time they
//! did anything in the journal (the audit log and the log of logins).

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::context::{self, Filters};
use super::staff;
use super::Kind;
use crate::access::Actor;
use crate::app::journal::deadline::deadline_after_holidays;
use crate::app::AppError;
use crate::report::{Cell, Report, Row};
use crate::store::schema::{absences, activity_log, audit_log, grades, lessons, user_roles, users};
use crate::store::Conn;

/// The Russian title.
pub const TITLE: &str = "Активность преподавателей в работе с ЭЖ";

#[derive(Default)]
struct Tally {
    held: i64,
    topic: i64,
    homework: i64,
    graded: i64,
    late: i64,
    last: Option<NaiveDateTime>,
}

/// Builds the report for `--month` (default: the report date's month), `--from/--to` or the term.
pub fn build(c: &mut Conn<'_>, actor: &Actor, f: &Filters) -> Result<Report, AppError> {
    let teacher = staff::whose(c, actor, f, TITLE, (false, true))?;
    let college = context::college(c)?;
    let p = staff::period(c, f, true)?;
    let weekday = college.row.grade_deadline_weekday;
    let until: NaiveDateTime = p.span.end.and_hms_opt(23, 59, 59).unwrap_or_default();
    let teachers: Vec<i64> = crate::with_conn!(c, x => {
        let mut q = user_roles::table
            .inner_join(users::table)
            .filter(user_roles::role.eq("teacher"))
            .filter(users::disabled.eq(false))
            .select(users::id)
            .into_boxed();
        if let Some(t) = teacher {
            q = q.filter(users::id.eq(t));
        }
        q.load(x)
    })?;
    type L = (i64, i64, NaiveDate, String, String, NaiveDateTime);
    let held: Vec<L> = crate::with_conn!(c, x => lessons::table
        .filter(lessons::date.between(p.span.start, p.span.end))
        .filter(lessons::held_by.eq_any(teachers.clone()))
        .select((lessons::id, lessons::held_by, lessons::date, lessons::topic, lessons::homework,
                 lessons::created_at))
        .load(x))?;
    // Joined by date rather than by a list of lesson ids, which a term of a large college
    // would make longer than a query may bind; marks of other lessons are skipped below.
    let graded_at: Vec<(i64, NaiveDateTime)> = crate::with_conn!(c, x => grades::table
        .inner_join(lessons::table)
        .filter(lessons::date.between(p.span.start, p.span.end))
        .select((grades::lesson_id, grades::entered_at))
        .load(x))?;
    // (lesson, entered at, is a grade)
    let mut marks: Vec<(i64, NaiveDateTime, bool)> =
        graded_at.into_iter().map(|(l, at)| (l, at, true)).collect();
    let absent: Vec<(i64, NaiveDateTime)> = crate::with_conn!(c, x => absences::table
        .inner_join(lessons::table)
        .filter(lessons::date.between(p.span.start, p.span.end))
        .select((absences::lesson_id, absences::entered_at))
        .load(x))?;
    marks.extend(absent.into_iter().map(|(l, at)| (l, at, false)));
    let holidays = crate::app::college::calendar::holidays_in(
        c,
        crate::domain::DateSpan {
            start: p.span.start,
            end: p.span.end + chrono::Duration::days(60),
        },
    )?;
    let deadline =
        |date: NaiveDate, weekday: i32| deadline_after_holidays(date, weekday, &holidays);
    let mut by: BTreeMap<i64, Tally> = teachers.iter().map(|t| (*t, Tally::default())).collect();
    let lesson_of: HashMap<i64, (i64, NaiveDate)> =
        held.iter().map(|l| (l.0, (l.1, l.2))).collect();
    let graded: HashSet<i64> = marks.iter().filter(|m| m.2).map(|m| m.0).collect();
    for (id, who, date, topic, homework, created) in &held {
        let t = by.entry(*who).or_default();
        t.held += 1;
        t.topic += i64::from(!topic.trim().is_empty());
        t.homework += i64::from(!homework.trim().is_empty());
        t.graded += i64::from(graded.contains(id));
        t.late += i64::from(created.date() > deadline(*date, weekday));
    }
    for (lesson, at, _) in &marks {
        if let Some((who, date)) = lesson_of.get(lesson) {
            if at.date() > deadline(*date, weekday) {
                by.entry(*who).or_default().late += 1;
            }
        }
    }
    // The latest moment per user in each log, aggregated by the database.
    use diesel::dsl::max;
    type Last = Vec<(Option<i64>, Option<NaiveDateTime>)>;
    let audit: Last = crate::with_conn!(c, x => audit_log::table
        .filter(audit_log::actor_id.eq_any(teachers.clone()))
        .filter(audit_log::at.le(until))
        .group_by(audit_log::actor_id)
        .select((audit_log::actor_id, max(audit_log::at)))
        .load(x))?;
    let logins: Last = crate::with_conn!(c, x => activity_log::table
        .filter(activity_log::user_id.eq_any(teachers.clone()))
        .filter(activity_log::at.le(until))
        .group_by(activity_log::user_id)
        .select((activity_log::user_id, max(activity_log::at)))
        .load(x))?;
    // Marks and lessons count too: a college that imports its journal has no audit of them.
    let entered: Vec<(i64, Option<NaiveDateTime>)> = crate::with_conn!(c, x => grades::table
        .filter(grades::entered_by.eq_any(teachers.clone()))
        .filter(grades::entered_at.le(until))
        .group_by(grades::entered_by)
        .select((grades::entered_by, max(grades::entered_at)))
        .load(x))?;
    let updated: Vec<(i64, Option<NaiveDateTime>)> = crate::with_conn!(c, x => lessons::table
        .filter(lessons::held_by.eq_any(teachers.clone()))
        .filter(lessons::updated_at.le(until))
        .group_by(lessons::held_by)
        .select((lessons::held_by, max(lessons::updated_at)))
        .load(x))?;
    let own = entered
        .into_iter()
        .chain(updated)
        .map(|(w, at)| (Some(w), at));
    for (who, at) in audit.into_iter().chain(logins).chain(own) {
        if let Some(t) = who.and_then(|w| by.get_mut(&w)) {
            t.last = t.last.max(at);
        }
    }
    let names = crate::app::lookup::user_short_names(c)?;
    let mut lines: Vec<(String, Tally)> = by
        .into_iter()
        .map(|(id, t)| (names.get(&id).cloned().unwrap_or_default(), t))
        .collect();
    lines.sort_by(|a, b| a.0.cmp(&b.0));
    let rows = lines
        .into_iter()
        .map(|(name, t)| Row {
            cells: vec![
                Cell::text(name),
                Cell::int(t.held),
                Cell::int(t.topic).failing(t.topic < t.held),
                Cell::int(t.homework),
                Cell::int(t.graded),
                Cell::int(t.late).failing(t.late > 0),
                Cell::text(
                    t.last
                        .map_or("—".into(), |at| at.format("%d.%m.%Y %H:%M").to_string()),
                )
                .failing(t.last.is_none()),
            ],
            total: false,
        })
        .collect();
    Ok(Report {
        column_groups: vec![staff::plain(&[
            "Преподаватель",
            "Занятий проведено",
            "С темой",
            "С домашним заданием",
            "С отметками",
            "Записей после срока",
            "Последняя активность",
        ])],
        rows,
        notes: vec![
            "Выделено: занятия без темы, записи после срока, ни одного действия в журнале.".into(),
        ],
        definitions: vec![
            "Занятия — проведённые преподавателем в периоде (в том числе на замене); с отметками — \
             где есть хотя бы одна отметка."
                .into(),
            format!(
                "Запись после срока (п. 6.1) — занятие, отметка или пропуск, внесённые позже \
                 срока: {} недели, следующей за неделей занятия.",
                weekday_ru(weekday)
            ),
            "Последняя активность — последнее до конца периода: изменение в журнале изменений, \
             вход в журнал, внесённая отметка или запись занятия."
                .into(),
        ],
        signatures: Vec::new(),
        ..context::header(
            Kind::TeacherActivity,
            &college,
            f,
            staff::scope(c, teacher, f)?,
            p.line,
        )
    })
}

/// The deadline's weekday in Russian (1 = понедельник).
pub fn weekday_ru(weekday: i32) -> &'static str {
    match weekday.clamp(1, 7) {
        1 => "понедельник",
        2 => "вторник",
        3 => "среда",
        4 => "четверг",
        5 => "пятница",
        6 => "суббота",
        _ => "воскресенье",
    }
}
