//! `group-results` — «Итоги успеваемости группы за учебный период» (5.8, 9.4): per group the
//! students counted, how many have only «5», only «4» and «5», exactly one «3», a failing
//! result; the four figures of `formulas.md` over all the group's results (student ×
//! subject); and the list of failing students with their subjects.

use diesel::prelude::*;

use super::context::{self, Audience, Filters};
use super::outcome::{self, Outcome, FORECAST_NOTE};
use super::Kind;
use crate::access::{self, Action, Actor};
use crate::app::AppError;
use crate::domain::{Categories, FinalGradeValue};
use crate::report::{Cell, ColumnGroup, Report, Row};
use crate::store::rows::GroupRow;
use crate::store::schema::study_groups;
use crate::store::Conn;

/// The Russian title.
pub const TITLE: &str = "Итоги успеваемости группы за учебный период";

/// Builds the report for the groups in scope.
pub fn build(c: &mut Conn<'_>, actor: &Actor, f: &Filters) -> Result<Report, AppError> {
    let college = context::college(c)?;
    let term = context::term(c, f)?;
    let span = context::term_span(&term, f)?;
    let groups: Vec<GroupRow> = if f.group.is_some()
        || access::check(actor, &Action::CollegeReports).is_err() && actor.tutor_of.len() == 1
    {
        vec![context::group(c, actor, f)?]
    } else if access::check(actor, &Action::CollegeReports).is_ok() {
        crate::with_conn!(c, x => study_groups::table
            .filter(study_groups::archived.eq(false))
            .order(study_groups::name.asc())
            .select(GroupRow::as_select())
            .load(x))?
    } else {
        let ids: Vec<i64> = actor.tutor_of.iter().copied().collect();
        crate::with_conn!(c, x => study_groups::table
            .filter(study_groups::id.eq_any(ids))
            .order(study_groups::name.asc())
            .select(GroupRow::as_select())
            .load(x))?
    };
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    let mut any_forecast = false;
    for group in &groups {
        context::admit(actor, group, Audience::Tutor, TITLE)?;
    }
    let ids: Vec<i64> = groups.iter().map(|g| g.id).collect();
    let mut all = super::data_load::load_groups(c, &ids, span, Some(term.id))?;
    for group in &groups {
        let Some(d) = all.remove(&group.id) else {
            continue;
        };
        let upto = outcome::as_of(&d, f.today);
        let mut per_subject = outcome::subject_tallies(&d);
        let mut cat = Categories::default();
        for m in outcome::counted(&d, upto) {
            let mut results: Vec<(String, Outcome)> = Vec::new();
            for (s, counts) in d.subjects.iter().zip(per_subject.iter_mut()) {
                if let Some(o) = outcome::outcome(&d, &college, m, s, upto) {
                    counts.add(o.value);
                    any_forecast |= o.forecast;
                    results.push((s.name.clone(), o));
                }
            }
            let values: Vec<FinalGradeValue> = results.iter().map(|(_, o)| o.value).collect();
            cat.add_student(&values);
            let failed: Vec<String> = results
                .iter()
                .filter(|(_, o)| o.value.is_failing())
                .map(|(s, o)| format!("{s} — {}", o.value))
                .collect();
            if !failed.is_empty() {
                notes.push(format!("{}, {}: {}", group.name, m.name, failed.join(", ")));
            }
        }
        let pooled = crate::domain::PooledCounts::of(&per_subject);
        let figs = college.figures;
        rows.push(Row {
            cells: vec![
                Cell::text(&group.name),
                Cell::int(cat.counted),
                Cell::int(cat.all_five),
                Cell::int(cat.four_five),
                Cell::int(cat.one_three),
                Cell::int(cat.failing).failing(cat.failing > 0),
                Cell::maybe(cat.pass_rate()),
                Cell::maybe(cat.quality_rate()),
                Cell::int(pooled.n()),
                Cell::maybe(pooled.sou(figs)),
                Cell::maybe(pooled.average().map(|a| a.value)),
                Cell::int(pooled.average().map_or(0, |a| a.count as i64)),
            ],
            total: false,
        });
    }
    if !notes.is_empty() {
        notes.insert(0, "Неуспевающие обучающиеся:".into());
    }
    if any_forecast {
        notes.push(FORECAST_NOTE.into());
    }
    let definitions = group_definitions(college.figures);
    let scope = match groups.as_slice() {
        [one] => format!("Группа {}", one.name),
        _ => format!("Группы техникума ({})", groups.len()),
    };
    Ok(Report {
        column_groups: vec![
            ColumnGroup {
                title: String::new(),
                columns: vec!["Группа".into()],
            },
            ColumnGroup {
                title: "Обучающихся".into(),
                columns: [
                    "всего",
                    "только «5»",
                    "на «4» и «5»",
                    "с одной «3»",
                    "с «2» / н/а",
                ]
                .map(String::from)
                .to_vec(),
            },
            ColumnGroup {
                title: "По обучающимся".into(),
                columns: ["% успеваемости", "% качества"].map(String::from).to_vec(),
            },
            ColumnGroup {
                title: "По результатам".into(),
                columns: ["результатов", "СОУ, %", "Средний балл", "отметок в среднем"]
                    .map(String::from)
                    .to_vec(),
            },
        ],
        rows,
        notes,
        definitions,
        signatures: vec![crate::report::Signature {
            role: "Заместитель директора по учебной работе".into(),
            name: college.row.deputy_name.clone(),
        }],
        ..context::header(
            Kind::GroupResults,
            &college,
            f,
            scope,
            context::term_period(&term, span),
        )
    })
}

/// The footer of a group's figures over all its subjects (`formulas.md`, «A group over all its
/// subjects»), shared with the tutor's reports.
pub fn group_definitions(s: crate::domain::FigureSettings) -> Vec<String> {
    let mut out: Vec<String> = [
        "N группы — обучающиеся, учтённые хотя бы по одной дисциплине (правило N — по каждой \
         дисциплине); «осв» по всем дисциплинам — не учитываются.",
        "% успеваемости группы = (N − неуспевающие) × 100 / N; неуспевающий — есть «2», «1», \
         «н/а» или «незачёт».",
        "% качества группы = (отличники + хорошисты) × 100 / N: все результаты «5» или «4» (и \
         сданные зачёты).",
        "СОУ и средний балл — по всем результатам группы (обучающийся × дисциплина), их число \
         указано; дисциплины только с «зачёт»/«незачёт» в СОУ не входят.",
    ]
    .map(String::from)
    .to_vec();
    out.extend(outcome::result_definitions(s).into_iter().filter(|d| {
        d.starts_with("Результат")
            || d.starts_with("СОУ")
            || d.starts_with("Средний")
            || d.starts_with("Все")
    }));
    out
}
