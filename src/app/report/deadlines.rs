//! `deadlines` — «Контроль сроков заполнения» (6.1, 6.5, 6.9, 10.1): every late item of the
//! period, one line each: the marks of a lesson entered after the weekly deadline (6.1, the
//! college's weekday of the next week, `app::journal::deadline`), a test (контрольная работа) whose
//! results were not in within the college's days after it (6.9), the final grades of a term
//! set later than the college's days before its end or not set at all (6.5). The deputy and
//! the director see every teacher (10.1); a teacher sees only their own.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::context::{self, Filters};
use super::staff::{self, Assignment};
use super::Kind;
use crate::access::Actor;
use crate::app::journal::deadline::deadline_after_holidays;
use crate::app::journal::open_items::open_items;
use crate::app::AppError;
use crate::domain::format_ru;
use crate::report::{Cell, Report, Row};
use crate::store::schema::{absences, grades, lessons};
use crate::store::Conn;

/// The Russian title.
pub const TITLE: &str = "Контроль сроков заполнения";

/// One late item: (teacher, group, subject, what, date, due, entered or None, records).
pub(super) type Item = (
    String,
    String,
    String,
    &'static str,
    NaiveDate,
    NaiveDate,
    Option<NaiveDate>,
    i64,
);

/// Builds the report for `--month` (default: the report date's month) or the term.
pub fn build(c: &mut Conn<'_>, actor: &Actor, f: &Filters) -> Result<Report, AppError> {
    let teacher = staff::whose(c, actor, f, TITLE, (true, false))?;
    let college = context::college(c)?;
    let p = staff::period(c, f, true)?;
    let s = &college.row;
    let list = staff::assignments_of(c, p.term.id, None, f)?;
    let by_id: HashMap<i64, &Assignment> = list.iter().map(|a| (a.id, a)).collect();
    let names = crate::app::lookup::user_short_names(c)?;
    type L = (i64, i64, i64, NaiveDate, String, NaiveDateTime);
    let held: Vec<L> = crate::with_conn!(c, x => {
        let mut q = lessons::table
            .filter(lessons::assignment_id.eq_any(by_id.keys().copied().collect::<Vec<_>>()))
            .filter(lessons::date.between(p.span.start, p.span.end))
            .select((lessons::id, lessons::assignment_id, lessons::held_by, lessons::date,
                     lessons::kind, lessons::created_at))
            .into_boxed();
        if let Some(t) = teacher {
            q = q.filter(lessons::held_by.eq(t));
        }
        q.load(x)
    })?;
    // Joined by date rather than by a list of lesson ids, which a term of a large college
    // would make longer than a query may bind.
    let graded_at: Vec<(i64, NaiveDateTime)> = crate::with_conn!(c, x => grades::table
        .inner_join(lessons::table)
        .filter(lessons::date.between(p.span.start, p.span.end))
        .select((grades::lesson_id, grades::entered_at))
        .load(x))?;
    let absent: Vec<(i64, NaiveDateTime)> = crate::with_conn!(c, x => absences::table
        .inner_join(lessons::table)
        .filter(lessons::date.between(p.span.start, p.span.end))
        .select((absences::lesson_id, absences::entered_at))
        .load(x))?;
    // lesson → the days its grades were entered; and its grades' and absences' days.
    let mut graded: HashMap<i64, NaiveDate> = HashMap::new();
    let mut marks: HashMap<i64, Vec<NaiveDate>> = HashMap::new();
    for (l, at) in &graded_at {
        let e = graded.entry(*l).or_insert(at.date());
        *e = (*e).max(at.date());
    }
    for (l, at) in graded_at.iter().chain(&absent) {
        marks.entry(*l).or_default().push(at.date());
    }
    let holidays = crate::app::college::calendar::holidays_in(
        c,
        crate::domain::DateSpan {
            start: p.span.start,
            end: p.span.end + Duration::days(60),
        },
    )?;
    let mut items: Vec<Item> = Vec::new();
    let who = |id: i64| names.get(&id).cloned().unwrap_or_default();
    for (lid, aid, by, date, kind, created) in &held {
        let Some(a) = by_id.get(aid) else { continue };
        let due = deadline_after_holidays(*date, s.grade_deadline_weekday, &holidays);
        let late: Vec<NaiveDate> = marks
            .get(lid)
            .into_iter()
            .flatten()
            .copied()
            .chain(std::iter::once(created.date()))
            .filter(|d| *d > due)
            .collect();
        if let Some(last) = late.iter().max() {
            let what = "Отметки и пропуски за неделю";
            items.push((
                who(*by),
                a.group.clone(),
                a.subject.clone(),
                what,
                *date,
                due,
                Some(*last),
                late.len() as i64,
            ));
        }
        if kind == "test" {
            let due = *date + Duration::days(i64::from(s.test_result_days));
            let entered = graded.get(lid).copied();
            // A test with no results at all is an open item below, with the lessons never
            // recorded and the topics never written.
            if entered.is_some_and(|e| e > due) {
                let what = "Результаты контрольной работы";
                items.push((
                    who(*by),
                    a.group.clone(),
                    a.subject.clone(),
                    what,
                    *date,
                    due,
                    entered,
                    0,
                ));
            }
        }
    }
    super::deadline_finals::finals(
        c,
        &p.term,
        &list,
        teacher,
        f,
        s.final_days_before_end,
        p.span,
        &mut items,
    )?;
    for i in open_items(
        c,
        p.span,
        f.today,
        teacher,
        s.grade_deadline_weekday,
        s.test_result_days,
    )? {
        items.push((
            who(i.teacher_id),
            i.group,
            i.subject,
            i.what,
            i.date,
            i.due,
            None,
            0,
        ));
    }
    items.sort_by(|a, b| (&a.0, a.4, &a.1, &a.2).cmp(&(&b.0, b.4, &b.1, &b.2)));
    let mut notes =
        vec!["Где не внесено, опоздание считается до даты составления отчёта.".to_string()];
    notes.extend(super::deadline_remarks::notes(c, p.span, teacher, &names)?);
    let rows = items
        .into_iter()
        .map(|(t, g, subj, what, date, due, entered, n)| {
            let until = entered.unwrap_or(f.today);
            Row {
                cells: vec![
                    Cell::text(t),
                    Cell::text(g),
                    Cell::text(subj),
                    Cell::text(what),
                    Cell::text(format_ru(date)),
                    Cell::text(format_ru(due)),
                    Cell::text(entered.map_or("не внесено".into(), format_ru))
                        .failing(entered.is_none()),
                    Cell::int((until - due).num_days().max(0)),
                    if n > 0 { Cell::int(n) } else { Cell::empty() },
                ],
                total: false,
            }
        })
        .collect();
    Ok(Report {
        column_groups: vec![staff::plain(&[
            "Преподаватель",
            "Группа",
            "Дисциплина",
            "Что",
            "Дата",
            "Срок",
            "Внесено",
            "Дней опоздания",
            "Записей",
        ])],
        rows,
        notes,
        definitions: vec![
            "Не внесено (пп. 6.1, 6.3): занятие расписания, которого нет в журнале, и занятие \
             без темы, когда срок отметок его недели прошёл; эти же строки — в еженедельных \
             замечаниях преподавателям (ezh notify)."
                .to_string(),
            format!(
                "Отметки и пропуски (п. 6.1): внесённые позже срока — {} недели, следующей за \
                 неделей занятия; «Записей» — сколько отметок, пропусков и записей занятия \
                 внесено после срока, «Внесено» — последняя из них.",
                super::teacher_activity::weekday_ru(s.grade_deadline_weekday)
            ),
            format!(
                "Контрольная работа (п. 6.9): результаты — не позже {} дн. после неё; «Внесено» — \
                 последняя отметка за работу; «не внесено» — за работу нет ни одной отметки.",
                s.test_result_days
            ),
            format!(
                "Итоговые оценки (пп. 6.5, 10.1): не позже чем за {} дн. до конца учебного \
                 периода; строка — дисциплина группы, «Записей» — сколько оценок выставлено \
                 позже срока или не выставлено.",
                s.final_days_before_end
            ),
        ],
        signatures: Vec::new(),
        ..context::header(
            Kind::Deadlines,
            &college,
            f,
            staff::scope(c, teacher, f)?,
            p.line,
        )
    })
}
