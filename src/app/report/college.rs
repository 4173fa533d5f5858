//! College-wide lists (9.4, 9.5): `group-fill` — «Наполняемость групп», per group the course,
//! specialty, capacity, students on the report date, budget and contract places where recorded
//! and the subgroups; `homework-fill` — «Запись домашнего задания», per teacher and assignment
//! the share of the lessons held in the period with homework recorded.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use diesel::prelude::*;

use super::context::{self, Filters};
use super::Kind;
use crate::access::{self, Action, Actor, Role};
use crate::app::AppError;
use crate::domain::person::short_name;
use crate::domain::{DateSpan, Fixed2};
use crate::report::{Cell, ColumnGroup, Report, Row};
use crate::store::schema::{
    assignments, group_memberships, lessons, specialties, students, study_groups, subgroups,
    subjects, users,
};
use crate::store::Conn;

/// The title of `group-fill`.
pub const FILL_TITLE: &str = "Наполняемость групп";
/// The title of `homework-fill`.
pub const HOMEWORK_TITLE: &str = "Запись домашнего задания";

fn header(columns: &[&str]) -> Vec<ColumnGroup> {
    vec![ColumnGroup {
        title: String::new(),
        columns: columns.iter().map(|c| c.to_string()).collect(),
    }]
}

/// `group-fill`: the secretary may run it as well as the college-wide roles.
pub fn group_fill(c: &mut Conn<'_>, actor: &Actor, f: &Filters) -> Result<Report, AppError> {
    if !actor.has(Role::Secretary) {
        access::check(actor, &Action::CollegeReports)?;
    }
    let college = context::college(c)?;
    let on: NaiveDate = f.to.unwrap_or(f.today);
    type G = (i64, String, i32, Option<String>, i32);
    let groups: Vec<G> = crate::with_conn!(c, x => study_groups::table
        .left_join(specialties::table)
        .filter(study_groups::archived.eq(false))
        .order(study_groups::name.asc())
        .select((study_groups::id, study_groups::name, study_groups::course,
                 specialties::name.nullable(), study_groups::capacity))
        .load(x))?;
    let members: Vec<(i64, Option<String>)> = crate::with_conn!(c, x => group_memberships::table
        .inner_join(students::table)
        .filter(group_memberships::from_date.le(on))
        .filter(group_memberships::to_date.is_null().or(group_memberships::to_date.ge(on)))
        .select((group_memberships::group_id, students::funding))
        .load(x))?;
    let subs: Vec<(i64, String)> = crate::with_conn!(c, x => subgroups::table
        .order(subgroups::name.asc())
        .select((subgroups::group_id, subgroups::name))
        .load(x))?;
    let mut rows = Vec::new();
    let mut total = [0i64; 4];
    for (id, name, course, specialty, capacity) in groups {
        let mine: Vec<&Option<String>> = members
            .iter()
            .filter(|(g, _)| *g == id)
            .map(|(_, f)| f)
            .collect();
        let count = |what: &str| mine.iter().filter(|f| f.as_deref() == Some(what)).count() as i64;
        let (n, budget, contract) = (mine.len() as i64, count("budget"), count("contract"));
        let mut names: Vec<&str> = subs
            .iter()
            .filter(|(g, _)| *g == id)
            .map(|(_, n)| n.as_str())
            .collect();
        names.dedup();
        for (t, v) in total
            .iter_mut()
            .zip([i64::from(capacity), n, budget, contract])
        {
            *t += v;
        }
        rows.push(Row {
            cells: vec![
                Cell::text(name),
                Cell::int(course.into()),
                Cell::text(specialty.unwrap_or_default()),
                Cell::int(capacity.into()),
                Cell::int(n).failing(n > i64::from(capacity)),
                Cell::int(budget),
                Cell::int(contract),
                Cell::text(names.join(", ")),
            ],
            total: false,
        });
    }
    let mut cells = vec![Cell::text("Итого"), Cell::empty(), Cell::empty()];
    cells.extend(total.iter().map(|t| Cell::int(*t)));
    cells.push(Cell::empty());
    rows.push(Row { cells, total: true });
    Ok(Report {
        column_groups: header(&[
            "Группа",
            "Курс",
            "Специальность",
            "Наполняемость",
            "Обучающихся",
            "Бюджет",
            "Договор",
            "Подгруппы",
        ]),
        rows,
        notes: vec!["Выделено: обучающихся больше, чем мест в группе.".into()],
        definitions: vec![
            "Обучающиеся — состоящие в группе на дату отчёта; бюджет и договор — \
                           где источник финансирования указан в личном деле."
                .into(),
        ],
        signatures: Vec::new(),
        ..context::header(
            Kind::GroupFill,
            &college,
            f,
            "Все группы техникума".into(),
            format!("на {}", crate::domain::format_ru(on)),
        )
    })
}

/// `homework-fill`, for the month given, `--from/--to`, or the term.
pub fn homework_fill(c: &mut Conn<'_>, actor: &Actor, f: &Filters) -> Result<Report, AppError> {
    access::check(actor, &Action::CollegeReports)?;
    let college = context::college(c)?;
    let (span, period): (DateSpan, String) = match context::month(f)? {
        Some(m) => (m, format!("{} ({m})", m.month_name_ru())),
        None => {
            let term = context::term(c, f)?;
            let span = context::term_span(&term, f)?;
            (span, context::term_period(&term, span))
        }
    };
    let teacher = context::teacher_filter(c, f)?;
    type L = (String, String, String, String, String, String);
    let rows_in: Vec<L> = crate::with_conn!(c, x => {
        let mut q = lessons::table
            .inner_join(assignments::table.inner_join(study_groups::table).inner_join(subjects::table))
            .inner_join(users::table.on(users::id.eq(assignments::teacher_id)))
            .filter(lessons::date.between(span.start, span.end))
            .select((users::last_name, users::first_name, users::patronymic,
                     study_groups::name, subjects::name, lessons::homework))
            .into_boxed();
        if let Some(t) = teacher {
            q = q.filter(assignments::teacher_id.eq(t));
        }
        q.load(x)
    })?;
    let mut by: BTreeMap<(String, String, String), (i64, i64)> = BTreeMap::new();
    for (last, first, patr, group, subject, homework) in rows_in {
        let name = short_name(&last, &first, &patr);
        let e = by.entry((name, group, subject)).or_default();
        e.0 += 1;
        e.1 += i64::from(!homework.trim().is_empty());
    }
    let rows = by
        .into_iter()
        .map(|((t, g, s), (held, with))| {
            let share = Fixed2::percent(with, held);
            Row {
                cells: vec![
                    Cell::text(t),
                    Cell::text(g),
                    Cell::text(s),
                    Cell::int(held),
                    Cell::int(with),
                    Cell::maybe(share.ok_or(())).failing(share.is_some_and(|x| x.0 < 5000)),
                ],
                total: false,
            }
        })
        .collect();
    Ok(Report {
        column_groups: header(&[
            "Преподаватель",
            "Группа",
            "Дисциплина",
            "Занятий проведено",
            "С домашним заданием",
            "Доля, %",
        ]),
        rows,
        notes: vec!["Выделено: домашнее задание записано меньше чем к половине занятий.".into()],
        definitions: vec![
            "Доля = занятия с записанным домашним заданием × 100 / проведённые занятия; \
             занятие засчитывается преподавателю нагрузки."
                .into(),
            crate::domain::formulas::ROUNDING_NOTE.into(),
        ],
        signatures: Vec::new(),
        ..context::header(
            Kind::HomeworkFill,
            &college,
            f,
            "Преподаватели техникума".into(),
            period,
        )
    })
}
