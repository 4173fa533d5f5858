//! `group-results` — «Итоги успеваемости группы за учебный период» (5.8, 9.4): per group the
//! students counted, how many have only «5», only «4» and «5», exactly one «3», a failing
//! result; the four figures of `formulas.md` over all the group's results (student ×
//! subject); and the list of failing students with their subjects.

use diesel::prelude::*;

use super::context::{self, Audience, Filters};
use super::data;
use super::outcome::{self, Outcome, FORECAST_NOTE};
use super::Kind;
use crate::access::{self, Action, Actor};
use crate::app::AppError;
use crate::domain::{FinalCounts, FinalGradeValue};
use crate::report::{Cell, ColumnGroup, Report, Row};
use crate::store::rows::GroupRow;
use crate::store::schema::study_groups;
use crate::store::Conn;

/// The Russian title.
pub const TITLE: &str = "Итоги успеваемости группы за учебный период";

/// How a student's results fall.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Categories {
    pub counted: i64,
    pub all_five: i64,
    pub four_five: i64,
    pub one_three: i64,
    pub failing: i64,
}

/// Sorts one student's results into the categories of the form.
pub fn categorise(cat: &mut Categories, results: &[FinalGradeValue]) {
    let graded: Vec<FinalGradeValue> = results
        .iter()
        .copied()
        .filter(|v| *v != FinalGradeValue::Exempt)
        .collect();
    if graded.is_empty() {
        return;
    }
    cat.counted += 1;
    let threes = graded
        .iter()
        .filter(|v| **v == FinalGradeValue::Numeric(3))
        .count();
    let top =
        |v: &FinalGradeValue| matches!(v, FinalGradeValue::Numeric(5) | FinalGradeValue::Pass);
    if graded.iter().any(|v| v.is_failing()) {
        cat.failing += 1;
    } else if graded.iter().all(top) {
        cat.all_five += 1;
    } else if threes == 0 {
        cat.four_five += 1;
    } else if threes == 1 {
        cat.one_three += 1;
    }
}

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
        let d = data::load(c, group.id, span, Some(term.id))?;
        let upto = outcome::as_of(&d, f.today);
        let mut pooled = FinalCounts::default();
        let mut cat = Categories::default();
        for m in outcome::counted(&d, upto) {
            let results: Vec<(String, Outcome)> = d
                .subjects
                .iter()
                .filter_map(|s| {
                    outcome::outcome(&d, &college, m, s, upto).map(|o| (s.name.clone(), o))
                })
                .collect();
            let values: Vec<FinalGradeValue> = results.iter().map(|(_, o)| o.value).collect();
            for (_, o) in &results {
                pooled.add(o.value);
                any_forecast |= o.forecast;
            }
            categorise(&mut cat, &values);
            let failed: Vec<String> = results
                .iter()
                .filter(|(_, o)| o.value.is_failing())
                .map(|(s, o)| format!("{s} — {}", o.value))
                .collect();
            if !failed.is_empty() {
                notes.push(format!("{}, {}: {}", group.name, m.name, failed.join(", ")));
            }
        }
        let figs = college.figures;
        rows.push(Row {
            cells: vec![
                Cell::text(&group.name),
                Cell::int(cat.counted),
                Cell::int(cat.all_five),
                Cell::int(cat.four_five),
                Cell::int(cat.one_three),
                Cell::int(cat.failing).failing(cat.failing > 0),
                Cell::int(pooled.n()),
                Cell::maybe(pooled.pass_rate()),
                Cell::maybe(pooled.quality_rate(figs)),
                Cell::maybe(pooled.sou(figs)),
                Cell::maybe(pooled.average().map(|a| a.value)),
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
    let mut definitions = vec![
        "Показатели группы вычислены по всем её итоговым результатам (обучающийся × \
         дисциплина); N — число таких результатов."
            .to_string(),
    ];
    definitions.extend(outcome::result_definitions(college.figures));
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
                title: "По результатам".into(),
                columns: [
                    "N",
                    "% успеваемости",
                    "% качества",
                    "СОУ, %",
                    "Средний балл",
                ]
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
