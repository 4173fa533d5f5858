//! The pages of the printed journal after the grid of marks (`journal_print.rs`): the page of
//! dates, hours, kinds of lessons, topics and homework, and the page of final grades with each
//! student's count of grades and missed hours.

use std::collections::HashMap;

use super::data::GroupData;
use crate::domain::format_ru;
use crate::report::{Cell, ColumnGroup, Report, Row};

/// A lesson as the topic page prints it.
pub struct LessonLine {
    pub id: i64,
    pub date: chrono::NaiveDate,
    pub hours: i32,
    pub kind: String,
    pub topic: String,
    pub homework: String,
}

/// One column group of a page: its title and headings.
pub fn group_of(title: &str, columns: &[&str]) -> ColumnGroup {
    ColumnGroup {
        title: title.into(),
        columns: columns.iter().map(|s| s.to_string()).collect(),
    }
}

/// The page of dates, hours, kinds of lessons, topics and homework, with the hours given.
pub fn topics_page(base: &Report, lines: &[LessonLine]) -> Report {
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
pub fn finals_page(base: &Report, d: &GroupData, subject: i64, lines: &[LessonLine]) -> Report {
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
