//! `journal-print` — «Журнал учебных занятий (печатная форма)» (1.3, 2.2): the paper journal of
//! one assignment (group × subject) for a term, for the archive. Its parts are those of the
//! paper journal: the grid of marks (students × lesson dates) page by page, at most
//! [`DATES_PER_PAGE`] dates a page with the header repeated; the page of dates, hours, kinds of
//! lessons, topics and homework; the final grades with the signature lines. The teacher of the
//! subject, the group's tutor, the deputy and the director may print it.

use diesel::prelude::*;

use super::context::{self, Audience, Filters};
use super::data::{self, GroupData};
use super::journal_pages::{finals_page, group_of, topics_page, LessonLine};
use super::Kind;
use crate::access::{Actor, Denied};
use crate::app::AppError;
use crate::report::{Cell, ColumnGroup, Report, Row, Signature};
use crate::store::schema::{assignments, lessons, subjects};
use crate::store::Conn;

/// The Russian title.
pub const TITLE: &str = "Журнал учебных занятий (печатная форма)";

/// Date columns on one page of the grid: what fits across a landscape A4 sheet in a legible
/// size, as on the paper journal's spread.
pub const DATES_PER_PAGE: usize = 16;

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
    let scope = format!(
        "{}; дисциплина: {subject_name}; преподаватель: {}",
        context::group_scope(&group, &context::Sight::All),
        teacher_names.join(", ")
    );
    let base = context::header(
        Kind::JournalPrint,
        &college,
        f,
        scope,
        context::term_period(&term, span),
    );
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
