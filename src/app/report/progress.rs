//! `progress-statement` — «Сводная ведомость учёта успеваемости обучающихся группы» (5.8, 6.10,
//! 9.4): students × subjects of a term with the final grades (or the current average where
//! there is no final yet), failing results highlighted, and per subject N, % успеваемости,
//! % качества, СОУ and the average with the count it was taken over.

use super::context::{self, Audience, College, Filters, Sight};
use super::data;
use super::outcome::{self, FORECAST_NOTE};
use super::Kind;
use crate::access::Actor;
use crate::app::AppError;
use crate::domain::{average, Omitted};
use crate::report::{Cell, ColumnGroup, Report, Row, Signature};
use crate::store::Conn;

/// The Russian title.
pub const TITLE: &str = "Сводная ведомость учёта успеваемости обучающихся группы";

/// Builds the statement.
pub fn build(c: &mut Conn<'_>, actor: &Actor, f: &Filters) -> Result<Report, AppError> {
    let college = context::college(c)?;
    let group = context::group(c, actor, f)?;
    let sight = context::admit(actor, &group, Audience::TutorOrTeacher, TITLE)?;
    let term = context::term(c, f)?;
    let span = context::term_span(&term, f)?;
    let only = context::subject_filter(c, f)?;
    let d = data::load(c, group.id, span, Some(term.id))?;
    let upto = outcome::as_of(&d, f.today);
    let subjects: Vec<&data::Subject> = d
        .subjects
        .iter()
        .filter(|s| sight.shows(s.id) && only.is_none_or(|o| o == s.id))
        .collect();
    let members = outcome::counted(&d, upto);

    let mut rows = Vec::new();
    for (i, m) in members.iter().enumerate() {
        let mut cells = vec![Cell::int(i as i64 + 1), Cell::text(&m.name)];
        for s in &subjects {
            cells.push(match d.finals.get(&(m.id, s.id)) {
                Some(v) => Cell::grade(v.to_string(), v.is_failing()),
                None => match average(&d.grades_of(m, s.id, upto)) {
                    // Highlighted when the forecast the figures count is failing.
                    Ok(a) => Cell::fixed(a.value).failing(
                        outcome::outcome(&d, &college, m, s, upto)
                            .is_some_and(|o| o.value.is_failing()),
                    ),
                    Err(_) => Cell::empty(),
                },
            });
        }
        rows.push(Row {
            cells,
            total: false,
        });
    }
    let mut notes = Vec::new();
    let tallies: Vec<_> = subjects
        .iter()
        .map(|s| outcome::tally(&d, &college, &members, s, upto))
        .collect();
    let figs = college.figures;
    type FigureRow = (
        &'static str,
        Box<dyn Fn(&crate::domain::FinalCounts) -> Cell>,
    );
    let lines: [FigureRow; 6] = [
        ("N", Box::new(|t| Cell::int(t.n()))),
        ("% успеваемости", Box::new(|t| Cell::maybe(t.pass_rate()))),
        (
            "% качества",
            Box::new(move |t| Cell::maybe(t.quality_rate(figs))),
        ),
        ("СОУ, %", Box::new(move |t| Cell::maybe(t.sou(figs)))),
        (
            "Средний балл",
            Box::new(|t| Cell::maybe(t.average().map(|a| a.value))),
        ),
        ("Отметок в среднем", Box::new(|t| Cell::int(t.numeric()))),
    ];
    for (label, f) in &lines {
        let mut cells = vec![Cell::empty(), Cell::text(*label)];
        cells.extend(tallies.iter().map(|(t, _)| f(t)));
        rows.push(Row { cells, total: true });
    }
    for (s, (t, _)) in subjects.iter().zip(&tallies) {
        if let Err(Omitted::PassFailOnly) = t.quality_rate(figs) {
            notes.push(format!("{}: {}.", s.name, Omitted::PassFailOnly));
        }
    }
    let forecast_subjects: Vec<&str> = subjects
        .iter()
        .zip(&tallies)
        .filter(|(_, (_, f))| *f)
        .map(|(s, _)| s.name.as_str())
        .collect();
    if !forecast_subjects.is_empty() {
        notes.push(format!(
            "Итоговых оценок ещё нет ({}): в клетках — текущий средний балл. {FORECAST_NOTE}",
            forecast_subjects.join(", ")
        ));
    }
    Ok(Report {
        column_groups: vec![
            ColumnGroup {
                title: String::new(),
                columns: vec!["№".into(), "Обучающийся".into()],
            },
            ColumnGroup {
                title: "Дисциплины".into(),
                columns: subjects.iter().map(|s| s.name.clone()).collect(),
            },
        ],
        rows,
        notes,
        definitions: outcome::result_definitions(figs),
        signatures: signatures(c, &college, &group, &sight)?,
        ..context::header(
            Kind::ProgressStatement,
            &college,
            f,
            context::group_scope(&group, &sight),
            context::term_period(&term, span),
        )
    })
}

/// The tutor signs a group statement, and the deputy director approves it.
pub fn signatures(
    c: &mut Conn<'_>,
    college: &College,
    group: &crate::store::rows::GroupRow,
    _sight: &Sight,
) -> Result<Vec<Signature>, AppError> {
    Ok(vec![
        Signature {
            role: "Классный руководитель".into(),
            name: context::short_name(c, group.tutor_id)?,
        },
        Signature {
            role: "Заместитель директора по учебной работе".into(),
            name: college.row.deputy_name.clone(),
        },
    ])
}
