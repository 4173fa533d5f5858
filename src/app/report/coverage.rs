//! `topics-coverage` — «Учёт пройденного материала» (9.5, 6.6): per assignment of the term,
//! the hours of the curriculum and the thematic plan (its topics and hours) against the hours
//! given and the plan's topics taken up to the report date, and the lag or lead in hours
//! against an even pace through the term. A teacher sees only their own assignments.

use std::collections::{HashMap, HashSet};

use diesel::prelude::*;

use super::context::{self, Filters};
use super::staff;
use super::Kind;
use crate::access::Actor;
use crate::app::AppError;
use crate::domain::{format_ru, Fixed2};
use crate::report::{Cell, Report, Row};
use crate::store::schema::{curriculum, lessons, plan_items};
use crate::store::Conn;

/// The Russian title.
pub const TITLE: &str = "Учёт пройденного материала";

/// A lag beyond this many hours (two pairs) is highlighted.
const LAG_HOURS: i64 = 4;

/// Builds the report for the term (`--term`), up to the report date or `--to`.
pub fn build(c: &mut Conn<'_>, actor: &Actor, f: &Filters) -> Result<Report, AppError> {
    let teacher = staff::whose(c, actor, f, TITLE, (true, false))?;
    let college = context::college(c)?;
    let p = staff::period(c, f, false)?;
    let term = &p.term;
    let upto = p.span.end.min(f.today).max(term.starts_on);
    let list = staff::assignments_of(c, term.id, teacher, f)?;
    let ids: Vec<i64> = list.iter().map(|a| a.id).collect();
    let planned: Vec<(i64, i64, i32)> = crate::with_conn!(c, x => curriculum::table
        .filter(curriculum::term_id.eq(term.id))
        .select((curriculum::group_id, curriculum::subject_id, curriculum::hours))
        .load(x))?;
    let planned: HashMap<(i64, i64), i64> = planned
        .into_iter()
        .map(|(g, s, h)| ((g, s), i64::from(h)))
        .collect();
    let items: Vec<(i64, i64, i64, i32)> = crate::with_conn!(c, x => plan_items::table
        .filter(plan_items::term_id.eq(term.id))
        .select((plan_items::id, plan_items::group_id, plan_items::subject_id, plan_items::hours))
        .load(x))?;
    let given: Vec<(i64, i32, String, Option<i64>)> = crate::with_conn!(c, x => lessons::table
        .filter(lessons::assignment_id.eq_any(ids))
        .filter(lessons::date.between(term.starts_on, upto))
        .select((lessons::assignment_id, lessons::hours, lessons::topic, lessons::plan_item_id))
        .load(x))?;
    // Share of the term elapsed by `upto`, as a ratio of days.
    let elapsed = (upto - term.starts_on).num_days() + 1;
    let days = (term.ends_on - term.starts_on).num_days() + 1;
    let mut rows = Vec::new();
    for a in &list {
        let plan_hours = planned
            .get(&(a.group_id, a.subject_id))
            .copied()
            .unwrap_or(0);
        let mine: Vec<&(i64, i64, i64, i32)> = items
            .iter()
            .filter(|i| i.1 == a.group_id && i.2 == a.subject_id)
            .collect();
        let ktp_hours: i64 = mine.iter().map(|i| i64::from(i.3)).sum();
        let lessons: Vec<&(i64, i32, String, Option<i64>)> =
            given.iter().filter(|l| l.0 == a.id).collect();
        let hours: i64 = lessons.iter().map(|l| i64::from(l.1)).sum();
        let plan_ids: HashSet<i64> = mine.iter().map(|i| i.0).collect();
        let topics: HashSet<i64> = lessons
            .iter()
            .filter_map(|l| l.3)
            .filter(|i| plan_ids.contains(i))
            .collect();
        let untitled = lessons.iter().filter(|l| l.2.trim().is_empty()).count() as i64;
        let base = if ktp_hours > 0 { ktp_hours } else { plan_hours };
        // expected = base × elapsed / days, in hundredths, exact until the one rounding.
        let expected = Fixed2::from_ratio(base * elapsed, days);
        let diff = expected.map(|e| hours * 100 - e.0);
        rows.push(Row {
            cells: vec![
                Cell::text(a.teacher.clone()),
                Cell::text(a.group.clone()),
                Cell::text(a.subject.clone()),
                Cell::int(plan_hours),
                Cell::int(mine.len() as i64),
                Cell::int(ktp_hours),
                Cell::int(hours),
                Cell::int(topics.len() as i64),
                Cell::int(untitled).failing(untitled > 0),
                Cell::maybe(expected.ok_or(())),
                staff::signed(diff, -LAG_HOURS * 100),
            ],
            total: false,
        });
    }
    Ok(Report {
        column_groups: vec![staff::plain(&[
            "Преподаватель",
            "Группа",
            "Дисциплина",
            "Часов по учебному плану",
            "Тем по КТП",
            "Часов по КТП",
            "Проведено часов",
            "Пройдено тем КТП",
            "Занятий без темы",
            "Ожидалось часов",
            "Отставание (−) / опережение (+)",
        ])],
        rows,
        notes: vec![format!(
            "Выделено: занятия без записанной темы; отставание больше {LAG_HOURS} часов (двух пар)."
        )],
        definitions: vec![
            "Пройдено тем КТП — разные пункты тематического плана, к которым привязаны \
             проведённые занятия; проведено часов — часы занятий нагрузки с начала семестра."
                .into(),
            format!(
                "Ожидалось часов = часы по КТП (если плана нет — по учебному плану) × прошедшие \
                 дни семестра / все его дни ({elapsed} из {days}); отставание или опережение = \
                 проведено − ожидалось."
            ),
            crate::domain::formulas::ROUNDING_NOTE.into(),
        ],
        signatures: Vec::new(),
        ..context::header(
            Kind::TopicsCoverage,
            &college,
            f,
            staff::scope(c, teacher, f)?,
            format!("{} на {}", term.name, format_ru(upto)),
        )
    })
}
