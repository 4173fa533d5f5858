//! Attendance reports (5.8, 9.4, 11.3): `attendance-month` — students × the days of a month with
//! lessons, missed hours per day with the reason letters, totals by reason, lateness and the
//! attendance percentage; `attendance-statement` — students × the months of a term.

use chrono::{Datelike, NaiveDate};

use super::context::{self, Audience, Filters};
use super::data::{self, GroupData, Lesson, Member};
use super::progress::signatures;
use super::Kind;
use crate::access::Actor;
use crate::app::AppError;
use crate::domain::{definition, Attendance, DateSpan, Figure};
use crate::report::{Cell, ColumnGroup, Report, Row};
use crate::store::Conn;

/// The title of `attendance-month`.
pub const MONTH_TITLE: &str = "Отчёт о посещаемости группы за месяц";
/// The title of `attendance-statement`.
pub const STATEMENT_TITLE: &str = "Сводная ведомость учёта посещаемости";

/// What one day (or month) of one student shows: «2н», «2б 2н», «оп».
fn marks_text(a: &Attendance) -> String {
    let mut parts = Vec::new();
    for (hours, letter) in [
        (a.ill_hours, "б"),
        (a.excused_hours, "у"),
        (a.unexcused_hours, "н"),
    ] {
        if hours > 0 {
            parts.push(format!("{hours}{letter}"));
        }
    }
    if a.late_lessons > 0 {
        parts.push("оп".into());
    }
    parts.join(" ")
}

/// The totals columns shared by both reports.
fn total_columns() -> Vec<ColumnGroup> {
    vec![
        ColumnGroup {
            title: "Пропущено часов".into(),
            columns: vec![
                "по болезни (б)".into(),
                "по уважит. причине (у)".into(),
                "без уважит. причины (н)".into(),
                "всего".into(),
            ],
        },
        ColumnGroup {
            title: String::new(),
            columns: vec![
                "Дней пропущено целиком".into(),
                "Опозданий".into(),
                "Посещаемость, %".into(),
            ],
        },
    ]
}

fn total_cells(a: &Attendance, whole_days: u32) -> Vec<Cell> {
    vec![
        Cell::int(a.ill_hours.into()),
        Cell::int(a.excused_hours.into()),
        Cell::int(a.unexcused_hours.into()),
        Cell::int(a.missed_hours().into()),
        Cell::int(whole_days.into()),
        Cell::int(a.late_lessons.into()),
        Cell::maybe(a.percent()),
    ]
}

/// Students × buckets of lessons (`keys` in order, `bucket_of` a lesson's key).
fn grid<K: PartialEq + Copy>(
    d: &GroupData,
    keys: &[K],
    bucket_of: impl Fn(&Lesson) -> K,
) -> (Vec<Row>, Attendance) {
    let mut rows = Vec::new();
    let mut group_total = Attendance::default();
    let mut group_days = 0u32;
    let mut per_key = vec![Attendance::default(); keys.len()];
    let members: Vec<&Member> = d.members.iter().collect();
    for (i, m) in members.iter().enumerate() {
        let mut cells = vec![Cell::int(i as i64 + 1), Cell::text(&m.name)];
        for (k, key) in keys.iter().enumerate() {
            let a = d.attendance(
                m,
                d.lessons_of(m, None, d.span.end)
                    .filter(|l| bucket_of(l) == *key),
            );
            cells.push(Cell::text(marks_text(&a)));
            if let Some(t) = per_key.get_mut(k) {
                t.merge(&a);
            }
        }
        let a = d.attendance(m, d.lessons_of(m, None, d.span.end));
        let whole = d.whole_days_missed(m, d.lessons_of(m, None, d.span.end));
        group_total.merge(&a);
        group_days += whole;
        cells.extend(total_cells(&a, whole));
        rows.push(Row {
            cells,
            total: false,
        });
    }
    let mut cells = vec![Cell::empty(), Cell::text("Итого по группе")];
    cells.extend(per_key.iter().map(|a| Cell::int(a.missed_hours().into())));
    cells.extend(total_cells(&group_total, group_days));
    rows.push(Row { cells, total: true });
    (rows, group_total)
}

fn definitions() -> Vec<String> {
    vec![
        definition(Figure::Attendance, Default::default()).to_string(),
        "В клетках: часы, пропущенные по болезни (б), по уважительной причине (у), без \
         уважительной причины (н); «оп» — опоздание. В строке «Итого» — пропущенные часы."
            .to_string(),
        "День пропущен целиком, если у обучающегося пропущены все занятия этого дня его группы \
         или подгруппы (опоздание — не пропуск)."
            .to_string(),
        crate::domain::formulas::ROUNDING_NOTE.to_string(),
    ]
}

/// `attendance-month`.
pub fn month(c: &mut Conn<'_>, actor: &Actor, f: &Filters) -> Result<Report, AppError> {
    let college = context::college(c)?;
    let group = context::group(c, actor, f)?;
    let sight = context::admit(actor, &group, Audience::Tutor, MONTH_TITLE)?;
    let span = match context::month(f)? {
        Some(m) => m,
        None => DateSpan::month(f.today.year(), f.today.month())
            .ok_or_else(|| AppError::Invalid("укажите месяц: --month ГГГГ-ММ".into()))?,
    };
    let d = data::load(c, group.id, span, None)?;
    let mut days: Vec<NaiveDate> = d.lessons.iter().map(|l| l.date).collect();
    days.dedup();
    let (rows, _) = grid(&d, &days, |l| l.date);
    let mut groups = vec![ColumnGroup {
        title: String::new(),
        columns: vec!["№".into(), "Обучающийся".into()],
    }];
    groups.push(ColumnGroup {
        title: "Дни месяца".into(),
        columns: days.iter().map(|d| d.day().to_string()).collect(),
    });
    groups.extend(total_columns());
    Ok(Report {
        column_groups: groups,
        rows,
        notes: Vec::new(),
        definitions: definitions(),
        signatures: signatures(c, &college, &group, &sight)?,
        ..context::header(
            Kind::AttendanceMonth,
            &college,
            f,
            context::group_scope(&group, &sight),
            format!("{} ({span})", span.month_name_ru()),
        )
    })
}

/// `attendance-statement`.
pub fn statement(c: &mut Conn<'_>, actor: &Actor, f: &Filters) -> Result<Report, AppError> {
    let college = context::college(c)?;
    let group = context::group(c, actor, f)?;
    let sight = context::admit(actor, &group, Audience::Tutor, STATEMENT_TITLE)?;
    let term = context::term(c, f)?;
    let span = context::term_span(&term, f)?;
    let d = data::load(c, group.id, span, Some(term.id))?;
    let mut months: Vec<(i32, u32)> = span.days().map(|d| (d.year(), d.month())).collect();
    months.dedup();
    let (rows, _) = grid(&d, &months, |l| (l.date.year(), l.date.month()));
    let mut groups = vec![ColumnGroup {
        title: String::new(),
        columns: vec!["№".into(), "Обучающийся".into()],
    }];
    groups.push(ColumnGroup {
        title: "Пропуски по месяцам".into(),
        columns: months
            .iter()
            .map(|(y, m)| DateSpan::month(*y, *m).map_or(String::new(), |s| s.month_name_ru()))
            .collect(),
    });
    groups.extend(total_columns());
    Ok(Report {
        column_groups: groups,
        rows,
        notes: Vec::new(),
        definitions: definitions(),
        signatures: signatures(c, &college, &group, &sight)?,
        ..context::header(
            Kind::AttendanceStatement,
            &college,
            f,
            context::group_scope(&group, &sight),
            context::term_period(&term, span),
        )
    })
}
