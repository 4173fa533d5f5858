//! The teacher's reports (6.10), one line per assignment (group × subject) of a term:
//! `teacher-results` — the final grades with N, % успеваемости, % качества, СОУ, the average
//! and the hours given against the curriculum; `teacher-preliminary` — the same before the
//! term ends from the forecasts, with the completeness of the evidence and the students at risk.
//! A teacher sees their own assignments; the deputy, the director, the administrator and the
//! reporter any teacher's (`--teacher`) or all.

use std::collections::BTreeMap;

use diesel::prelude::*;

use super::context::{self, Filters};
use super::outcome::{self, FORECAST_NOTE};
use super::Kind;
use crate::access::{self, Action, Actor, Denied};
use crate::app::AppError;
use crate::domain::{forecast, FinalCounts, Fixed2};
use crate::report::{Cell, ColumnGroup, Report, Row, Signature};
use crate::store::schema::{assignments, curriculum, study_groups, subjects};
use crate::store::Conn;

/// The title of `teacher-results`.
pub const RESULTS_TITLE: &str = "Отчёт по итогам успеваемости группы (итоговый)";
/// The title of `teacher-preliminary`.
pub const PRELIMINARY_TITLE: &str = "Предварительный отчёт преподавателя за учебный период";

/// (group id, group, subject id, subject, teacher id, planned hours)
type Line = (i64, String, i64, String, i64, i32);

/// Builds either report (`kind`): the preliminary one shows the forecast.
pub fn build(c: &mut Conn<'_>, actor: &Actor, f: &Filters, kind: Kind) -> Result<Report, AppError> {
    let preliminary = kind == Kind::TeacherPreliminary;
    let title = kind.title();
    let college = context::college(c)?;
    let term = context::term(c, f)?;
    let span = context::term_span(&term, f)?;
    let college_wide = access::check(actor, &Action::CollegeReports).is_ok();
    let teacher = match context::teacher_filter(c, f)? {
        Some(t) if college_wide || t == actor.user_id => Some(t),
        Some(_) => {
            return Err(AppError::Denied(Denied(format!(
                "отчёт «{title}» другого преподавателя"
            ))))
        }
        None if college_wide => None,
        None => Some(actor.user_id),
    };
    let only_subject = context::subject_filter(c, f)?;
    let lines: Vec<Line> = crate::with_conn!(c, x => {
        let mut q = assignments::table
            .inner_join(study_groups::table)
            .inner_join(subjects::table)
            .inner_join(curriculum::table.on(curriculum::group_id.eq(assignments::group_id)
                .and(curriculum::subject_id.eq(assignments::subject_id))
                .and(curriculum::term_id.eq(assignments::term_id))))
            .filter(assignments::term_id.eq(term.id))
            .filter(assignments::subgroup_id.is_null())
            .select((study_groups::id, study_groups::name, subjects::id, subjects::name,
                     assignments::teacher_id, curriculum::hours))
            .order((study_groups::name.asc(), subjects::name.asc()))
            .into_boxed();
        if let Some(t) = teacher {
            q = q.filter(assignments::teacher_id.eq(t));
        }
        if let Some(s) = only_subject {
            q = q.filter(subjects::id.eq(s));
        }
        if let Some(g) = &f.group {
            q = q.filter(study_groups::name.eq(g.trim().to_string()));
        }
        q.load(x)
    })?;
    if !college_wide && actor.teaches.is_empty() {
        return Err(AppError::Denied(Denied(format!("отчёт «{title}»"))));
    }
    let mut by_group: BTreeMap<i64, Vec<&Line>> = BTreeMap::new();
    for l in &lines {
        access::check(actor, &Action::ReadGroup { group_id: l.0 })?;
        by_group.entry(l.0).or_default().push(l);
    }
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    let mut any_forecast = false;
    let ids: Vec<i64> = by_group.keys().copied().collect();
    let mut all = super::data_load::load_groups(c, &ids, span, Some(term.id))?;
    for (gid, group_lines) in by_group {
        let Some(d) = all.remove(&gid) else { continue };
        let upto = outcome::as_of(&d, f.today);
        let members = outcome::counted(&d, upto);
        for (_, gname, sid, sname, tid, planned) in group_lines {
            let Some(subject) = d.subjects.iter().find(|s| s.id == *sid) else {
                continue;
            };
            let mut counts = FinalCounts::of_form(subject.control);
            let (mut recorded, mut expected) = (0u32, 0u32);
            let mut at_risk = Vec::new();
            for m in &members {
                if preliminary {
                    if let Some(o) = outcome::outcome(&d, &college, m, subject, upto) {
                        counts.add(o.value);
                        any_forecast |= o.forecast;
                    }
                    let input = d.evidence(m, *sid, upto);
                    recorded += input.recorded_works.min(input.expected_works);
                    expected += input.expected_works;
                    if forecast(&input, college.forecast).at_risk() {
                        at_risk.push(m.name.clone());
                    }
                } else if let Some(v) = d.finals.get(&(m.id, *sid)) {
                    counts.add(*v);
                }
            }
            let given: u32 = d
                .lessons
                .iter()
                .filter(|l| l.subject_id == *sid && l.teacher_id == *tid && l.date <= upto)
                .map(|l| l.hours)
                .sum();
            let figs = college.figures;
            let mut cells = vec![
                Cell::text(gname),
                Cell::text(sname),
                Cell::int(counts.n()),
                Cell::int(counts.n5.into()),
                Cell::int(counts.n4.into()),
                Cell::int(counts.n3.into()),
                Cell::int(i64::from(counts.n2) + i64::from(counts.n1))
                    .failing(counts.n2 + counts.n1 > 0),
                Cell::int(counts.not_attested.into()).failing(counts.not_attested > 0),
                Cell::maybe(counts.pass_rate()),
                Cell::maybe(counts.quality_rate(figs)),
                Cell::maybe(counts.sou(figs)),
                Cell::maybe(counts.average().map(|a| a.value)),
                Cell::int((*planned).into()),
                Cell::int(given.into()),
            ];
            if preliminary {
                cells.push(Cell::maybe(
                    Fixed2::percent(recorded.into(), expected.into()).ok_or(()),
                ));
                cells.push(Cell::int(at_risk.len() as i64).failing(!at_risk.is_empty()));
                if !at_risk.is_empty() {
                    notes.push(format!(
                        "{gname}, {sname} — под угрозой: {}",
                        at_risk.join(", ")
                    ));
                }
            }
            rows.push(Row {
                cells,
                total: false,
            });
        }
    }
    if any_forecast {
        notes.push(FORECAST_NOTE.into());
    }
    let mut columns = vec![
        ColumnGroup {
            title: String::new(),
            columns: vec!["Группа".into(), "Дисциплина".into(), "N".into()],
        },
        ColumnGroup {
            title: if preliminary {
                "Прогноз".into()
            } else {
                "Итоговые оценки".into()
            },
            columns: ["«5»", "«4»", "«3»", "«2»", "н/а"]
                .map(String::from)
                .to_vec(),
        },
        ColumnGroup {
            title: String::new(),
            columns: ["% успеваемости", "% качества", "СОУ, %", "Средний балл"]
                .map(String::from)
                .to_vec(),
        },
        ColumnGroup {
            title: "Часы".into(),
            columns: vec!["по плану".into(), "проведено".into()],
        },
    ];
    if preliminary {
        columns.push(ColumnGroup {
            title: String::new(),
            columns: vec!["Полнота, %".into(), "Под угрозой".into()],
        });
    }
    let teacher_name = context::short_name(c, teacher)?;
    let scope = match (&teacher_name, &f.group) {
        (t, _) if !t.is_empty() => format!("Преподаватель {t}"),
        (_, Some(g)) => format!("Группа {g}"),
        _ => "Все преподаватели техникума".into(),
    };
    Ok(Report {
        column_groups: columns,
        rows,
        notes,
        definitions: outcome::result_definitions(college.figures),
        signatures: vec![Signature {
            role: "Преподаватель".into(),
            name: teacher_name,
        }],
        ..context::header(kind, &college, f, scope, context::term_period(&term, span))
    })
}
