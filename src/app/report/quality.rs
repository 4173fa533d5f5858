//! `quality` — «Успеваемость и качество обучения» (11.2): per group, subject and teacher, the
//! pass rate, quality rate, СОУ and average of a month, a term or an academic year, each next
//! to its value in the previous period of the same kind and the change. The deputy, the
//! director (and the other college-wide runners) make it; `--teacher` narrows it to one teacher.

use std::collections::{BTreeMap, BTreeSet};

use diesel::prelude::*;

use super::context::{self, Filters};
use super::outcome::{self, FORECAST_NOTE};
use super::quality_period::{self, Span};
use super::staff;
use super::Kind;
use crate::access::Actor;
use crate::app::AppError;
use crate::domain::{FinalCounts, Fixed2, Omitted, PooledCounts};
use crate::report::{Cell, ColumnGroup, Report, Row, Signature};
use crate::store::schema::{assignments, study_groups};
use crate::store::Conn;

/// The Russian title.
pub const TITLE: &str = "Успеваемость и качество обучения";

/// The note on month figures.
const MONTH_NOTE: &str = "За месяц итоговых оценок нет: результат обучающегося — \
    средневзвешенный балл его отметок за месяц, округлённый по правилу техникума, как в прогнозе.";

/// A figure's change; a fall is highlighted.
fn change(now: &Result<Fixed2, Omitted>, before: &Option<Result<Fixed2, Omitted>>) -> Cell {
    let d = match (now, before) {
        (Ok(a), Some(Ok(b))) => Some(a.0 - b.0),
        _ => None,
    };
    staff::signed(d, 0)
}

/// The four figures of a line.
type Four = [Result<Fixed2, Omitted>; 4];

/// The four figures of one subject's tally.
fn figures(c: &FinalCounts, college: &context::College) -> Four {
    let s = college.figures;
    [
        c.pass_rate(),
        c.quality_rate(s),
        c.sou(s),
        c.average().map(|a| a.value),
    ]
}

/// The four figures of the total line: зачёт-only subjects stay out of quality and СОУ.
fn pooled(p: &PooledCounts, college: &context::College) -> Four {
    let s = college.figures;
    [
        p.pass_rate(),
        p.quality_rate(s),
        p.sou(s),
        p.average().map(|a| a.value),
    ]
}

/// Builds the report.
pub fn build(c: &mut Conn<'_>, actor: &Actor, f: &Filters) -> Result<Report, AppError> {
    let teacher = staff::whose(c, actor, f, TITLE, (false, false))?;
    let college = context::college(c)?;
    let subject = context::subject_filter(c, f)?;
    let (now, before) = quality_period::pair(c, f)?;
    // Who taught each group × subject in the period: the assignments of its terms.
    let terms = quality_period::terms_in(c, &now)?;
    let taught: Vec<(i64, String, i64, i64)> = crate::with_conn!(c, x => {
        let mut q = assignments::table
            .inner_join(study_groups::table)
            .filter(assignments::term_id.eq_any(terms.clone()))
            .filter(study_groups::archived.eq(false))
            .select((study_groups::id, study_groups::name, assignments::subject_id,
                     assignments::teacher_id))
            .into_boxed();
        if let Some(g) = &f.group {
            q = q.filter(study_groups::name.eq(g.trim().to_string()));
        }
        q.load(x)
    })?;
    let mut groups: BTreeMap<String, i64> = BTreeMap::new();
    let mut teachers: BTreeMap<(i64, i64), BTreeSet<i64>> = BTreeMap::new();
    for (gid, gname, sid, tid) in &taught {
        groups.insert(gname.clone(), *gid);
        teachers.entry((*gid, *sid)).or_default().insert(*tid);
    }
    let who_taught: BTreeSet<i64> = taught.iter().map(|t| t.3).collect();
    let who_taught: Vec<i64> = who_taught.into_iter().collect();
    let names = crate::app::lookup::short_names_of(c, &who_taught)?;
    let mut rows = Vec::new();
    let (mut any_forecast, mut total_now, mut total_before) =
        (false, PooledCounts::default(), PooledCounts::default());
    let ids: Vec<i64> = groups.values().copied().collect();
    let periods: Vec<&Span> = std::iter::once(&now).chain(before.as_ref()).collect();
    let mut all = quality_period::tallies(c, &college, &ids, &periods, f.today)?.into_iter();
    let mut now_all = all.next().unwrap_or_default();
    let mut before_all = all.next();
    for (gname, gid) in groups {
        let Some((cur, subjects, fc)) = now_all.remove(&gid) else {
            continue;
        };
        any_forecast |= fc;
        let prev = before_all
            .as_mut()
            .and_then(|all| all.remove(&gid))
            .map(|t| t.0);
        for (sid, sname) in subjects {
            let who = teachers.get(&(gid, sid)).cloned().unwrap_or_default();
            if subject.is_some_and(|s| s != sid) || teacher.is_some_and(|t| !who.contains(&t)) {
                continue;
            }
            let Some(counts) = cur.get(&sid) else {
                continue;
            };
            let old = prev.as_ref().and_then(|p| p.get(&sid));
            total_now.add(counts);
            if let Some(o) = old {
                total_before.add(o);
            }
            let who: Vec<&str> = who
                .iter()
                .filter_map(|t| names.get(t).map(String::as_str))
                .collect();
            let mut cells = vec![
                Cell::text(gname.clone()),
                Cell::text(sname),
                Cell::text(who.join(", ")),
                Cell::int(counts.n()),
            ];
            cells.extend(compare(
                figures(counts, &college),
                old.map(|o| figures(o, &college)),
            ));
            rows.push(Row {
                cells,
                total: false,
            });
        }
    }
    if !rows.is_empty() {
        let mut cells = vec![
            Cell::text("Итого"),
            Cell::empty(),
            Cell::empty(),
            Cell::int(total_now.n()),
        ];
        let old = before.is_some().then_some(&total_before);
        cells.extend(compare(
            pooled(&total_now, &college),
            old.map(|o| pooled(o, &college)),
        ));
        rows.push(Row { cells, total: true });
    }
    let mut notes = Vec::new();
    if matches!(now, Span::Month(_)) {
        notes.push(MONTH_NOTE.to_string());
    } else if any_forecast {
        notes.push(FORECAST_NOTE.to_string());
    }
    notes.push(match &before {
        Some(b) => format!("Предыдущий период: {}.", b.label()),
        None => "Предыдущего периода в журнале нет.".into(),
    });
    let mut definitions = outcome::result_definitions(college.figures);
    definitions.push(
        "Изменение = показатель периода − показатель предыдущего периода того же вида (месяц, \
         семестр, учебный год); снижение выделено."
            .into(),
    );
    let mut column_groups = vec![staff::plain(&[
        "Группа",
        "Дисциплина",
        "Преподаватель",
        "N",
    ])];
    for title in ["% успеваемости", "% качества", "СОУ, %", "Средний балл"]
    {
        column_groups.push(ColumnGroup {
            title: title.into(),
            columns: ["период", "пред.", "изм."].map(String::from).to_vec(),
        });
    }
    Ok(Report {
        column_groups,
        rows,
        notes,
        definitions,
        signatures: vec![Signature {
            role: "Заместитель директора по УР".into(),
            name: college.row.deputy_name.clone(),
        }],
        ..context::header(
            Kind::Quality,
            &college,
            f,
            staff::scope(c, teacher, f)?,
            now.label(),
        )
    })
}

/// The twelve cells: each figure now, before and the change.
fn compare(a: Four, b: Option<Four>) -> Vec<Cell> {
    let mut cells = Vec::new();
    for (i, x) in a.iter().enumerate() {
        let y = b.as_ref().map(|b| b[i]);
        cells.push(Cell::maybe(*x));
        cells.push(match y {
            Some(v) => Cell::maybe(v),
            None => Cell::maybe(Err::<Fixed2, ()>(())),
        });
        cells.push(change(x, &y));
    }
    cells
}
