//! `movement-statement` — «Сводная ведомость учёта движения обучающихся» (5.8): per group the
//! students at the start of the period, those who arrived and left (by order), and at its end,
//! with every movement listed under the table. A tutor sees their group; the secretary, the
//! deputy, the director and the administrator every group.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::context::{self, Filters};
use super::tutor::movement;
use super::Kind;
use crate::access::{self, Action, Actor, Denied, Role};
use crate::app::AppError;
use crate::domain::DateSpan;
use crate::report::{Cell, ColumnGroup, Report, Row};
use crate::store::rows::GroupRow;
use crate::store::schema::{group_memberships, study_groups};
use crate::store::Conn;

/// The Russian title.
pub const TITLE: &str = "Сводная ведомость учёта движения обучающихся";

fn on(c: &mut Conn<'_>, group: i64, day: NaiveDate) -> Result<i64, AppError> {
    Ok(crate::with_conn!(c, x => group_memberships::table
        .filter(group_memberships::group_id.eq(group))
        .filter(group_memberships::from_date.le(day))
        .filter(group_memberships::to_date.is_null().or(group_memberships::to_date.ge(day)))
        .count()
        .get_result(x))?)
}

/// Builds the statement for `--group`, or every group the runner may see.
pub fn build(c: &mut Conn<'_>, actor: &Actor, f: &Filters) -> Result<Report, AppError> {
    let college = context::college(c)?;
    let wide = actor.has(Role::Secretary) || access::check(actor, &Action::CollegeReports).is_ok();
    let (span, period): (DateSpan, String) = match context::month(f)? {
        Some(m) => (m, format!("{} ({m})", m.month_name_ru())),
        None => {
            let term = context::term(c, f)?;
            let span = context::term_span(&term, f)?;
            (span, context::term_period(&term, span))
        }
    };
    let all: Vec<GroupRow> = crate::with_conn!(c, x => study_groups::table
        .filter(study_groups::archived.eq(false))
        .order(study_groups::name.asc())
        .select(GroupRow::as_select())
        .load(x))?;
    let groups: Vec<GroupRow> = all
        .into_iter()
        .filter(|g| f.group.as_deref().is_none_or(|n| n.trim() == g.name))
        .filter(|g| wide || actor.tutor_of.contains(&g.id))
        .collect();
    if groups.is_empty() {
        let what = f
            .group
            .as_deref()
            .map_or(String::new(), |g| format!(" по группе {g}"));
        return Err(AppError::Denied(Denied(format!("отчёт «{TITLE}»{what}"))));
    }
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    let mut totals = [0i64; 4];
    for g in &groups {
        // Those who were in the group before the period began: arrivals on its first day are
        // counted as arrivals, so that start + arrived − left = end.
        let eve = span.start.pred_opt().unwrap_or(span.start);
        let start = on(c, g.id, eve)?;
        let end = on(c, g.id, span.end)?;
        // Counted from the memberships themselves, as start and end are, so the statement
        // balances whether or not every membership came with an order (an imported contingent
        // has none): a membership begun in the period is an arrival, one ended before its last
        // day a departure. The orders are listed under the table.
        let (arrived, left): (i64, i64) = crate::with_conn!(c, x => {
            let mine = group_memberships::table.filter(group_memberships::group_id.eq(g.id));
            let a = mine
                .filter(group_memberships::from_date.between(span.start, span.end))
                .count()
                .get_result(x)?;
            let l = mine
                .filter(group_memberships::to_date.ge(eve))
                .filter(group_memberships::to_date.lt(span.end))
                .count()
                .get_result(x)?;
            Ok::<_, diesel::result::Error>((a, l))
        })?;
        for (t, v) in totals.iter_mut().zip([start, arrived, left, end]) {
            *t += v;
        }
        rows.push(Row {
            cells: vec![
                Cell::text(&g.name),
                Cell::int(start),
                Cell::int(arrived),
                Cell::int(left),
                Cell::int(end),
            ],
            total: false,
        });
        let lines = movement(c, g.id, span.start, span.end)?;
        if lines.len() > 1 {
            notes.push(format!("Группа {}:", g.name));
            notes.extend(lines.into_iter().skip(1));
        }
    }
    if groups.len() > 1 {
        let mut cells = vec![Cell::text("Итого")];
        cells.extend(totals.iter().map(|t| Cell::int(*t)));
        rows.push(Row { cells, total: true });
    }
    Ok(Report {
        column_groups: vec![ColumnGroup {
            title: String::new(),
            columns: [
                "Группа",
                "На начало периода",
                "Прибыло",
                "Выбыло",
                "На конец периода",
            ]
            .map(String::from)
            .to_vec(),
        }],
        rows,
        notes,
        definitions: vec![
            "На начало — обучающиеся, состоявшие в группе накануне первого дня периода; на \
             конец — в его последний день; прибыло — начали состоять в группе в периоде \
             (зачисление, перевод, восстановление), выбыло — перестали до его последнего дня; \
             на начало + прибыло − выбыло = на конец. Приказы о движении — под таблицей."
                .into(),
        ],
        signatures: vec![crate::report::Signature {
            role: "Секретарь учебной части".into(),
            name: String::new(),
        }],
        ..context::header(
            Kind::MovementStatement,
            &college,
            f,
            match groups.as_slice() {
                [one] => format!("Группа {}", one.name),
                _ => format!("Группы техникума ({})", groups.len()),
            },
            period,
        )
    })
}
