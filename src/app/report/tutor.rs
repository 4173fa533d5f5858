//! The tutor's reports (5.8, 9.4): `tutor-report` — «Отчёт классного руководителя за учебный
//! период» — per student the results, debts, missed hours and achievements, with the group's
//! figures, attendance and movement during the term under the table; `tutor-preliminary` — the
//! same before the term ends from the forecasts, the students at risk first.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::context::{self, Audience, Filters};
use super::data;
use super::outcome::{self, FORECAST_NOTE};
use super::progress::signatures;
use super::Kind;
use crate::access::Actor;
use crate::app::AppError;
use crate::domain::{forecast, format_ru, Attendance, Categories, FinalCounts};
use crate::report::{Cell, ColumnGroup, Report, Row};
use crate::store::schema::{achievements, movements, orders, students};
use crate::store::Conn;

/// The title of `tutor-report`.
pub const REPORT_TITLE: &str = "Отчёт классного руководителя за учебный период";
/// The title of `tutor-preliminary`.
pub const PRELIMINARY_TITLE: &str = "Предварительный отчёт классного руководителя";

/// Builds either report (`kind`): the preliminary one shows the forecast.
pub fn build(c: &mut Conn<'_>, actor: &Actor, f: &Filters, kind: Kind) -> Result<Report, AppError> {
    let preliminary = kind == Kind::TutorPreliminary;
    let title = kind.title();
    let college = context::college(c)?;
    let group = context::group(c, actor, f)?;
    let sight = context::admit(actor, &group, Audience::Tutor, title)?;
    let term = context::term(c, f)?;
    let span = context::term_span(&term, f)?;
    let d = data::load(c, group.id, span, Some(term.id))?;
    let upto = outcome::as_of(&d, f.today);
    let ids: Vec<i64> = d.members.iter().map(|m| m.id).collect();
    let achieved: Vec<(i64, String)> = crate::with_conn!(c, x => achievements::table
        .filter(achievements::student_id.eq_any(&ids))
        .filter(achievements::date.between(span.start, upto))
        .order(achievements::date.asc())
        .select((achievements::student_id, achievements::title))
        .load(x))?;
    let mut per_subject = outcome::subject_tallies(&d);
    let mut cat = Categories::default();
    let mut group_att = Attendance::default();
    let mut any_forecast = false;
    let mut lines: Vec<(bool, Vec<Cell>)> = Vec::new();
    for m in outcome::counted(&d, upto) {
        let mut own = FinalCounts::default();
        let mut debts = Vec::new();
        let mut risky = Vec::new();
        let mut values = Vec::new();
        for (s, counts) in d.subjects.iter().zip(per_subject.iter_mut()) {
            if let Some(o) = outcome::outcome(&d, &college, m, s, upto) {
                own.add(o.value);
                counts.add(o.value);
                values.push(o.value);
                any_forecast |= o.forecast;
                if o.value.is_failing() {
                    debts.push(format!("{} ({})", s.name, o.value));
                }
            }
            if preliminary && forecast(&d.evidence(m, s.id, upto), college.forecast).at_risk() {
                risky.push(s.name.clone());
            }
        }
        cat.add_student(&values);
        let a = d.attendance(m, d.lessons_of(m, None, upto));
        group_att.merge(&a);
        let prizes: Vec<&str> = achieved
            .iter()
            .filter(|(s, _)| *s == m.id)
            .map(|(_, t)| t.as_str())
            .collect();
        let mut cells = vec![
            Cell::text(&m.name),
            Cell::int(own.n5.into()),
            Cell::int(own.n4.into()),
            Cell::int(own.n3.into()),
            Cell::maybe(own.average().map(|x| x.value)),
            Cell::text(debts.join(", ")).failing(!debts.is_empty()),
            Cell::int(a.missed_hours().into()),
            Cell::int(a.unexcused_hours.into()),
            Cell::maybe(a.percent()),
            Cell::text(prizes.join("; ")),
        ];
        if preliminary {
            cells.push(Cell::text(risky.join(", ")).failing(!risky.is_empty()));
        }
        lines.push((!risky.is_empty() || !debts.is_empty(), cells));
    }
    if preliminary {
        // Stable: within each part the journal's order of names stays.
        lines.sort_by_key(|(risk, _)| !*risk);
    }
    let rows = lines
        .into_iter()
        .enumerate()
        .map(|(i, (_, mut cells))| {
            cells.insert(0, Cell::int(i as i64 + 1));
            Row {
                cells,
                total: false,
            }
        })
        .collect();
    let figs = college.figures;
    let pooled = crate::domain::PooledCounts::of(&per_subject);
    let show = |x: Result<crate::domain::Fixed2, crate::domain::Omitted>| {
        x.map_or("—".to_string(), |v| v.to_ru_string())
    };
    let mut notes = vec![
        format!(
            "Итоги группы: учтено обучающихся {}, из них отличников {}, хорошистов {}, с одной \
             «3» {}, неуспевающих {}; % успеваемости {}, % качества {}; по {} результатам СОУ \
             {} %, средний балл {}.",
            cat.counted,
            cat.all_five,
            cat.four_five,
            cat.one_three,
            cat.failing,
            show(cat.pass_rate()),
            show(cat.quality_rate()),
            pooled.n(),
            show(pooled.sou(figs)),
            show(pooled.average().map(|a| a.value)),
        ),
        format!(
            "Посещаемость группы {} %: пропущено {} ч (по болезни {}, по уважительной причине {}, \
             без уважительной причины {}), опозданий {}.",
            show(group_att.percent()),
            group_att.missed_hours(),
            group_att.ill_hours,
            group_att.excused_hours,
            group_att.unexcused_hours,
            group_att.late_lessons
        ),
    ];
    notes.extend(movement(c, group.id, span.start, upto)?);
    if any_forecast {
        notes.push(FORECAST_NOTE.into());
    }
    let mut columns = vec![
        ColumnGroup {
            title: String::new(),
            columns: vec!["№".into(), "Обучающийся".into()],
        },
        ColumnGroup {
            title: if preliminary {
                "Прогноз / итог".into()
            } else {
                "Итоговые оценки".into()
            },
            columns: ["«5»", "«4»", "«3»", "Средний балл"]
                .map(String::from)
                .to_vec(),
        },
        ColumnGroup {
            title: String::new(),
            columns: vec!["Задолженности".into()],
        },
        ColumnGroup {
            title: "Пропуски".into(),
            columns: ["всего, ч", "без уважит., ч", "посещаемость, %"]
                .map(String::from)
                .to_vec(),
        },
        ColumnGroup {
            title: String::new(),
            columns: vec!["Достижения".into()],
        },
    ];
    if preliminary {
        columns.push(ColumnGroup {
            title: String::new(),
            columns: vec!["Под угрозой по".into()],
        });
    }
    let mut definitions = super::results::group_definitions(figs);
    definitions.insert(
        definitions.len() - 1,
        crate::domain::definition(crate::domain::Figure::Attendance, figs).into(),
    );
    Ok(Report {
        column_groups: columns,
        rows,
        notes,
        definitions,
        signatures: signatures(c, &college, &group, &sight)?,
        ..context::header(
            kind,
            &college,
            f,
            context::group_scope(&group, &sight),
            context::term_period(&term, span),
        )
    })
}

/// The movement of the group's students between `from` and `to`, one line each.
pub(super) fn movement(
    c: &mut Conn<'_>,
    group: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<String>, AppError> {
    type M = (
        NaiveDate,
        String,
        String,
        String,
        String,
        String,
        Option<i64>,
    );
    let rows: Vec<M> = crate::with_conn!(c, x => movements::table
        .inner_join(students::table)
        .inner_join(orders::table)
        .filter(movements::from_group_id.eq(group).or(movements::to_group_id.eq(group)))
        .filter(movements::date.between(from, to))
        .order(movements::date.asc())
        .select((movements::date, movements::kind, students::last_name, students::first_name,
                 orders::number, movements::reason, movements::to_group_id))
        .load(x))?;
    let mut out: Vec<String> = rows
        .into_iter()
        .map(|(date, kind, last, first, order, reason, to_group)| {
            let what = match (kind.as_str(), to_group == Some(group)) {
                ("enrol", _) => "зачислен(а)",
                ("return", _) => "восстановлен(а)",
                ("transfer", true) => "переведён(а) в группу",
                ("transfer", false) => "переведён(а) из группы",
                ("leave", _) => "академический отпуск",
                ("expel", _) => "отчислен(а)",
                ("graduate", _) => "выпуск",
                _ => "движение",
            };
            let reason = if reason.is_empty() {
                String::new()
            } else {
                format!(", {reason}")
            };
            format!(
                "{} — {last} {first}: {what}, приказ № {order}{reason}",
                format_ru(date)
            )
        })
        .collect();
    out.insert(
        0,
        if out.is_empty() {
            "Движение обучающихся за период: не было.".into()
        } else {
            "Движение обучающихся за период:".into()
        },
    );
    Ok(out)
}
