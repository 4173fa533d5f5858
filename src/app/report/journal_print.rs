//! `journal-print` — «Журнал учебных занятий (печатная форма)» (1.3, 2.2): the paper journal of
//! one assignment (group × subject) for a term, for the archive. Its parts are those of the
//! paper journal: the grid of marks (students × lesson dates) page by page, at most
//! [`DATES_PER_PAGE`] dates a page with the header repeated; the page of dates, hours, kinds of
//! lessons, topics and homework; the final grades with the signature lines. The teacher of the
//! subject, the group's tutor, the deputy and the director may print it.

use std::collections::HashMap;

use diesel::prelude::*;

use super::context::{self, Audience, Filters};
use super::data::{self, GroupData};
use crate::access::{Actor, Denied};
use crate::app::AppError;
use crate::domain::format_ru;
use crate::report::{Cell, ColumnGroup, Report, Row, Signature};
use crate::store::schema::{assignments, lessons, subjects};
use crate::store::Conn;

/// The Russian title.
pub const TITLE: &str = "Журнал учебных занятий (печатная форма)";

/// Date columns on one page of the grid: what fits across a landscape A4 sheet in a legible
/// size, as on the paper journal's spread.
pub const DATES_PER_PAGE: usize = 16;

/// A lesson as the topic page prints it.
struct LessonLine {
    id: i64,
    date: chrono::NaiveDate,
    hours: i32,
    kind: String,
    topic: String,
    homework: String,
}

/// Builds the printed journal of `--group` × `--subject` for `--term` (default: the current).
pub fn build(c: &mut Conn<'_>, actor: &Actor, f: &Filters) -> Result<Report, AppError> {
    let college = context::college(c)?;
    let group = context::group(c, actor, f)?;
    let sight = context::admit(actor, &group, Audience::TutorOrTeacher, TITLE)?;
    let subject = context::subject_filter(c, f)?
        .ok_or_else(|| AppError::Invalid("укажите дисциплину: --subject НАЗВАНИЕ".into()))?;
    if !sight.shows(subject) {
        return Err(AppError::Denied(Denied(format!(
            "отчёт «{TITLE}» по группе {} и чужой дисциплине",
            group.name
        ))));
    }
    let subject_name: String = crate::with_conn!(c, x => subjects::table
        .find(subject)
        .select(subjects::name)
        .first(x))?;
    let term = context::term(c, f)?;
    let span = context::term_span(&term, f)?;
    let d = data::load(c, group.id, span, Some(term.id))?;
    let lines: Vec<LessonLine> = crate::with_conn!(c, x => lessons::table
        .inner_join(assignments::table)
        .filter(assignments::group_id.eq(group.id))
        .filter(assignments::subject_id.eq(subject))
        .filter(assignments::term_id.eq(term.id))
        .filter(lessons::date.between(span.start, span.end))
        .order((lessons::date.asc(), lessons::pair.asc(), lessons::id.asc()))
        .select((lessons::id, lessons::date, lessons::hours, lessons::kind, lessons::topic,
                 lessons::homework))
        .load::<(i64, chrono::NaiveDate, i32, String, String, String)>(x))?
    .into_iter()
    .map(|(id, date, hours, kind, topic, homework)| LessonLine {
        id,
        date,
        hours,
        kind,
        topic,
        homework,
    })
    .collect();
    let teachers: Vec<i64> = crate::with_conn!(c, x => assignments::table
        .filter(assignments::group_id.eq(group.id))
        .filter(assignments::subject_id.eq(subject))
        .filter(assignments::term_id.eq(term.id))
        .select(assignments::teacher_id)
        .order(assignments::id.asc())
        .load(x))?;
    let mut teacher_names = Vec::new();
    for t in teachers {
        let n = context::short_name(c, Some(t))?;
        if !teacher_names.contains(&n) {
            teacher_names.push(n);
        }
    }
    let base = Report {
        name: "journal-print".into(),
        title: TITLE.into(),
        college: college.row.name.clone(),
        scope: format!(
            "{}; дисциплина: {subject_name}; преподаватель: {}",
            context::group_scope(&group, &context::Sight::All),
            teacher_names.join(", ")
        ),
        period: context::term_period(&term, span),
        made_on: context::made_on(f),
        column_groups: Vec::new(),
        rows: Vec::new(),
        notes: Vec::new(),
        definitions: Vec::new(),
        signatures: Vec::new(),
        sections: Vec::new(),
    };
    let mut parts = grid_pages(&base, &d, &lines);
    parts.push(topics_page(&base, &lines));
    let mut last = finals_page(&base, &d, subject, &lines);
    last.signatures = vec![
        Signature {
            role: "Преподаватель".into(),
            name: teacher_names.join(", "),
        },
        Signature {
            role: "Классный руководитель".into(),
            name: context::short_name(c, group.tutor_id)?,
        },
        Signature {
            role: "Заместитель директора по учебной работе".into(),
            name: college.row.deputy_name.clone(),
        },
    ];
    parts.push(last);
    let mut first = parts.remove(0);
    first.sections = parts;
    Ok(first)
}

/// One column group of a page: its title and headings.
fn group_of(title: &str, columns: &[&str]) -> ColumnGroup {
    ColumnGroup {
        title: title.into(),
        columns: columns.iter().map(|s| s.to_string()).collect(),
    }
}

/// What a journal cell shows: the grades in the order entered, then the absence mark.
fn mark(d: &GroupData, lesson: i64, student: i64) -> (String, bool) {
    let mut parts: Vec<String> = Vec::new();
    let mut failing = false;
    if let Some(gs) = d.grades.get(&(lesson, student)) {
        for (g, _) in gs {
            failing |= g.is_failing();
            parts.push(g.to_string());
        }
    }
    if let Some(a) = d.absences.get(&(lesson, student)) {
        parts.push(a.to_string());
    }
    (parts.join(" "), failing)
}

/// The grid of marks, [`DATES_PER_PAGE`] dates a page (one page when no lesson was held).
fn grid_pages(base: &Report, d: &GroupData, lines: &[LessonLine]) -> Vec<Report> {
    let chunks: Vec<&[LessonLine]> = if lines.is_empty() {
        vec![&[]]
    } else {
        lines.chunks(DATES_PER_PAGE).collect()
    };
    let pages = chunks.len();
    chunks
        .into_iter()
        .enumerate()
        .map(|(i, chunk)| {
            let dates: Vec<String> = chunk
                .iter()
                .map(|l| l.date.format("%d.%m").to_string())
                .collect();
            let rows = d
                .members
                .iter()
                .enumerate()
                .map(|(n, m)| {
                    let mut cells = vec![Cell::int(n as i64 + 1), Cell::text(&m.name)];
                    for l in chunk {
                        let (text, failing) = mark(d, l.id, m.id);
                        cells.push(Cell::grade(text, failing));
                    }
                    Row {
                        cells,
                        total: false,
                    }
                })
                .collect();
            let mut page = base.clone();
            page.period = format!("{}; лист {} из {pages}", base.period, i + 1);
            page.column_groups = vec![
                group_of("", &["№", "Обучающийся"]),
                ColumnGroup {
                    title: "Даты занятий".into(),
                    columns: dates,
                },
            ];
            page.rows = rows;
            if i + 1 == pages {
                page.definitions = vec![
                    "В клетке — отметки за занятие в порядке выставления и отметка о \
                     пропуске: н — без уважительной причины, у — по уважительной, б — по \
                     болезни, оп — опоздание."
                        .into(),
                ];
            }
            page
        })
        .collect()
}

/// The page of dates, hours, kinds of lessons, topics and homework, with the hours given.
fn topics_page(base: &Report, lines: &[LessonLine]) -> Report {
    let mut rows: Vec<Row> = lines
        .iter()
        .enumerate()
        .map(|(n, l)| Row {
            cells: vec![
                Cell::int(n as i64 + 1),
                Cell::text(format_ru(l.date)),
                Cell::int(i64::from(l.hours)),
                Cell::text(
                    crate::domain::LessonKind::from_code(&l.kind)
                        .map_or(l.kind.clone(), |k| k.name_ru().to_string()),
                ),
                Cell::text(&l.topic),
                Cell::text(&l.homework),
            ],
            total: false,
        })
        .collect();
    let hours: i64 = lines.iter().map(|l| i64::from(l.hours)).sum();
    rows.push(Row {
        cells: vec![
            Cell::text("Итого"),
            Cell::empty(),
            Cell::int(hours),
            Cell::empty(),
            Cell::empty(),
            Cell::empty(),
        ],
        total: true,
    });
    let mut page = base.clone();
    page.column_groups = vec![group_of(
        "",
        &[
            "№",
            "Дата",
            "Часов",
            "Вид занятия",
            "Тема занятия",
            "Домашнее задание",
        ],
    )];
    page.rows = rows;
    page.definitions = vec!["Итого — часы проведённых занятий за период.".into()];
    page
}

/// The final grades of the term, with each student's grades and missed hours.
fn finals_page(base: &Report, d: &GroupData, subject: i64, lines: &[LessonLine]) -> Report {
    let hours: HashMap<i64, i64> = lines.iter().map(|l| (l.id, i64::from(l.hours))).collect();
    let rows = d
        .members
        .iter()
        .enumerate()
        .map(|(n, m)| {
            let missed: i64 = lines
                .iter()
                .filter(|l| {
                    d.absences
                        .get(&(l.id, m.id))
                        .is_some_and(|a| a.counts_as_missed())
                })
                .map(|l| hours.get(&l.id).copied().unwrap_or(0))
                .sum();
            let graded = lines
                .iter()
                .map(|l| d.grades.get(&(l.id, m.id)).map_or(0, Vec::len))
                .sum::<usize>();
            let fin = d.finals.get(&(m.id, subject));
            Row {
                cells: vec![
                    Cell::int(n as i64 + 1),
                    Cell::text(&m.name),
                    Cell::int(graded as i64),
                    Cell::int(missed),
                    match fin {
                        Some(g) => Cell::grade(g.to_string(), g.is_failing()),
                        None => Cell::grade("", false),
                    },
                ],
                total: false,
            }
        })
        .collect();
    let mut page = base.clone();
    page.column_groups = vec![group_of(
        "",
        &[
            "№",
            "Обучающийся",
            "Текущих отметок",
            "Пропущено часов",
            "Итоговая оценка",
        ],
    )];
    page.rows = rows;
    page.definitions = vec![
        "Пропущено часов — часы занятий дисциплины с отметкой н, у или б (опоздание не \
         считается пропуском); итоговая оценка — за учебный период (пусто — не выставлена)."
            .into(),
    ];
    page
}
