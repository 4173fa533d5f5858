//! `grade-fill` — «Наполняемость текущих оценок» (9.5): per assignment (teacher × group ×
//! subject, or a subgroup) with lessons in the month, the students, their current grades, the
//! grades per student against the college's expected minimum (`college.min_grades_per_month`,
//! 3 by default) and the students below it, named under the table.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;

use super::context::{self, Filters};
use super::staff;
use super::Kind;
use crate::access::Actor;
use crate::app::AppError;
use crate::domain::collate::compare_names;
use crate::domain::Fixed2;
use crate::report::{Cell, Report, Row};
use crate::store::schema::{grades, group_memberships, lessons, students, subgroup_members};
use crate::store::Conn;

/// The Russian title.
pub const TITLE: &str = "Наполняемость текущих оценок";

/// How many calendar months a span touches: the minimum is per month.
fn months(span: crate::domain::DateSpan) -> i64 {
    let m = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
    m(span.end) - m(span.start) + 1
}

/// Builds the report for `--month` (default: the report date's month) or the term.
pub fn build(c: &mut Conn<'_>, actor: &Actor, f: &Filters) -> Result<Report, AppError> {
    let teacher = staff::whose(c, actor, f, TITLE, (false, false))?;
    let college = context::college(c)?;
    let p = staff::period(c, f, true)?;
    let per_month = i64::from(college.row.min_grades_per_month.max(0));
    let norm = per_month * months(p.span);
    // The roll is taken on the period's last day, or the report date inside it.
    let day = p.span.end.min(f.today).max(p.span.start);
    let list = staff::assignments_of(c, p.term.id, teacher, f)?;
    let ids: Vec<i64> = list.iter().map(|a| a.id).collect();
    let held: Vec<i64> = crate::with_conn!(c, x => lessons::table
        .filter(lessons::assignment_id.eq_any(ids.clone()))
        .filter(lessons::date.between(p.span.start, p.span.end))
        .select(lessons::assignment_id)
        .load(x))?;
    let marks: Vec<(i64, i64)> = crate::with_conn!(c, x => grades::table
        .inner_join(lessons::table)
        .filter(lessons::assignment_id.eq_any(ids.clone()))
        .filter(lessons::date.between(p.span.start, p.span.end))
        .select((lessons::assignment_id, grades::student_id))
        .load(x))?;
    let mut groups: Vec<i64> = list.iter().map(|a| a.group_id).collect();
    groups.sort_unstable();
    groups.dedup();
    type M = (i64, i64, String, String);
    let members: Vec<M> = crate::with_conn!(c, x => group_memberships::table
        .inner_join(students::table)
        .filter(group_memberships::group_id.eq_any(groups))
        .filter(group_memberships::from_date.le(day))
        .filter(group_memberships::to_date.is_null().or(group_memberships::to_date.ge(day)))
        .select((group_memberships::group_id, students::id, students::last_name,
                 students::first_name))
        .load(x))?;
    let subs: Vec<(i64, i64)> = crate::with_conn!(c, x => subgroup_members::table
        .select((subgroup_members::subgroup_id, subgroup_members::student_id))
        .load(x))?;
    let subs: HashSet<(i64, i64)> = subs.into_iter().collect();
    let mut lessons_of: HashMap<i64, i64> = HashMap::new();
    for a in held {
        *lessons_of.entry(a).or_default() += 1;
    }
    let mut count: HashMap<(i64, i64), i64> = HashMap::new();
    for key in marks {
        *count.entry(key).or_default() += 1;
    }
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    for a in &list {
        let Some(&n_lessons) = lessons_of.get(&a.id) else {
            continue;
        };
        // (last name, first name, grades), in the journal's order of names.
        let mut roll: Vec<(&str, &str, i64)> = members
            .iter()
            .filter(|(g, s, _, _)| {
                *g == a.group_id && a.subgroup_id.is_none_or(|sg| subs.contains(&(sg, *s)))
            })
            .map(|(_, s, l, f)| {
                (
                    l.as_str(),
                    f.as_str(),
                    count.get(&(a.id, *s)).copied().unwrap_or(0),
                )
            })
            .collect();
        roll.sort_by(|x, y| compare_names([x.0, x.1, ""], [y.0, y.1, ""]));
        let total: i64 = roll.iter().map(|r| r.2).sum();
        let low: Vec<String> = roll
            .iter()
            .filter(|r| r.2 < norm)
            .map(|(l, f, n)| format!("{l} {f} ({n})"))
            .collect();
        if !low.is_empty() {
            notes.push(format!(
                "{}, {}, {} — меньше {norm}: {}",
                a.teacher,
                a.group,
                a.subject,
                low.join(", ")
            ));
        }
        let per = Fixed2::from_ratio(total, roll.len() as i64);
        rows.push(Row {
            cells: vec![
                Cell::text(a.teacher.clone()),
                Cell::text(a.group.clone()),
                Cell::text(a.subject.clone()),
                Cell::int(n_lessons),
                Cell::int(roll.len() as i64),
                Cell::int(total),
                Cell::maybe(per.ok_or(())).failing(per.is_some_and(|x| x.0 < norm * 100)),
                Cell::int(norm),
                Cell::int(low.len() as i64).failing(!low.is_empty()),
            ],
            total: false,
        });
    }
    Ok(Report {
        column_groups: vec![staff::plain(&[
            "Преподаватель",
            "Группа",
            "Дисциплина",
            "Занятий",
            "Обучающихся",
            "Отметок",
            "На обучающегося",
            "Норма",
            "Ниже нормы",
        ])],
        rows,
        notes,
        definitions: vec![
            format!(
                "Норма — не меньше {per_month} текущих отметок у обучающегося за месяц по \
                 дисциплине (настройка техникума min_grades_per_month), умноженное на число \
                 месяцев периода."
            ),
            format!(
                "Обучающиеся — состоящие в группе (подгруппе) на {}; в строках — нагрузки, \
                 по которым в периоде были занятия. На обучающегося = отметки / обучающиеся.",
                crate::domain::format_ru(day)
            ),
            crate::domain::formulas::ROUNDING_NOTE.into(),
        ],
        signatures: Vec::new(),
        ..context::header(
            Kind::GradeFill,
            &college,
            f,
            staff::scope(c, teacher, f)?,
            p.line,
        )
    })
}
