//! The events families are told of at once (2.6, 6.4, 13.2): an absence without a valid reason
//! of today's or yesterday's lessons, a failing current grade, a final grade or «н/а». An event
//! counts when it was entered in the last [`LOOKBACK`] hours: a run that was missed (the server
//! was down for a night) catches up, and the outbox's key keeps a notice from going twice. An
//! absence entered days late is not news any more; the weekly digest lists it.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::draft::{Draft, Family, Moment};
use super::kinds::NoticeKind;
use crate::app::AppError;
use crate::domain::{FinalGradeValue, FinalKind, GradeValue, WorkKind};
use crate::store::schema::{
    absences, assignments, final_grades, grades, lessons, study_groups, subjects, terms,
};
use crate::store::Conn;

/// How far back a run looks for new events, hours.
pub const LOOKBACK: i64 = 48;

/// (row, student, date, pair, subject, group, held by, value or work kind) of an event at a
/// lesson.
type AtLesson = (i64, i64, NaiveDate, i32, String, String, i64, String);

/// The failing current grades' codes: 2, 1 and незачёт.
fn failing_codes() -> Vec<i32> {
    [
        GradeValue::Numeric(2),
        GradeValue::Numeric(1),
        GradeValue::Fail,
    ]
    .map(GradeValue::to_code)
    .to_vec()
}

/// The absences «н» of today's and yesterday's lessons entered in the window.
fn absences_in(
    c: &mut Conn<'_>,
    m: &Moment,
    from: NaiveDateTime,
) -> Result<Vec<AtLesson>, AppError> {
    let today = m.today();
    let rows: Vec<(i64, i64, NaiveDate, i32, String, String, i64)> = crate::with_conn!(c, x =>
        absences::table
            .inner_join(lessons::table.inner_join(
                assignments::table.inner_join(subjects::table).inner_join(study_groups::table)))
            .filter(absences::reason.eq(crate::domain::AbsenceReason::Absent.as_code()))
            .filter(absences::entered_at.gt(from))
            .filter(absences::entered_at.le(m.utc))
            .filter(lessons::date.between(today - Duration::days(1), today))
            .order(absences::id)
            .select((absences::id, absences::student_id, lessons::date, lessons::pair,
                     subjects::name, study_groups::name, lessons::held_by))
            .load(x))?;
    Ok(rows
        .into_iter()
        .map(|r| (r.0, r.1, r.2, r.3, r.4, r.5, r.6, String::new()))
        .collect())
}

/// The failing grades entered in the window, with their work kind's code.
fn failing_in(
    c: &mut Conn<'_>,
    m: &Moment,
    from: NaiveDateTime,
) -> Result<Vec<AtLesson>, AppError> {
    type Row = (i64, i64, NaiveDate, i32, String, String, i64, i32, String);
    let rows: Vec<Row> = crate::with_conn!(c, x => grades::table
            .inner_join(lessons::table.inner_join(
                assignments::table.inner_join(subjects::table).inner_join(study_groups::table)))
            .filter(grades::value.eq_any(failing_codes()))
            .filter(grades::entered_at.gt(from))
            .filter(grades::entered_at.le(m.utc))
            .order(grades::id)
            .select((grades::id, grades::student_id, lessons::date, lessons::pair, subjects::name,
                     study_groups::name, lessons::held_by, grades::value, grades::work_kind))
            .load(x))?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let value =
                GradeValue::from_code(r.7).map_or_else(|_| r.7.to_string(), |v| v.to_string());
            let kind = WorkKind::from_code(&r.8).map_or(String::new(), |k| k.name_ru().to_string());
            (
                r.0,
                r.1,
                r.2,
                r.3,
                r.4,
                r.5,
                r.6,
                format!("{value}\t{kind}"),
            )
        })
        .collect())
}

/// (row, student, subject, term, kind, value) of a final grade.
type FinalRow = (i64, i64, String, String, String, i32);

/// The events of the window, read once: the absences «н» of today and yesterday, the failing
/// grades, the final grades.
pub struct Window {
    absences: Vec<AtLesson>,
    failing: Vec<AtLesson>,
    finals: Vec<FinalRow>,
}

impl Window {
    /// The window that ends at `m`.
    pub fn at(c: &mut Conn<'_>, m: &Moment) -> Result<Window, AppError> {
        let from = m.utc - Duration::hours(LOOKBACK);
        Ok(Window {
            absences: absences_in(c, m, from)?,
            failing: failing_in(c, m, from)?,
            finals: finals_in(c, m, from)?,
        })
    }

    /// The students the events are about (to read their families once).
    pub fn students(&self) -> Vec<i64> {
        let mut ids: Vec<i64> = self
            .absences
            .iter()
            .chain(&self.failing)
            .map(|e| e.1)
            .chain(self.finals.iter().map(|f| f.1))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

/// The absence and failing-grade notices of the window.
pub fn at_lessons(
    w: &Window,
    m: &Moment,
    families: &HashMap<i64, Family>,
    teachers: &HashMap<i64, String>,
) -> Vec<Draft> {
    let mut out = Vec::new();
    for (id, student, date, pair, subject, group, by, _) in w.absences.iter().cloned() {
        let Some(f) = families.get(&student) else {
            continue;
        };
        let teacher = teachers.get(&by).cloned().unwrap_or_default();
        out.push(Draft {
            kind: NoticeKind::Absence,
            event: format!("absence:{id}"),
            source_id: Some(id),
            student_id: Some(student),
            subject: format!(
                "Пропуск занятия: {}, {}, {subject}, {pair} пара",
                f.short,
                crate::domain::format_ru(date)
            ),
            body: format!(
                "{} (группа {group}) {} на занятии без уважительной причины:\n\
                 {}, {pair} пара, {subject} (преподаватель {teacher}).\n\n\
                 Если причина уважительная, сообщите куратору группы: он исправит отметку.",
                f.full,
                f.past("отсутствовал"),
                crate::domain::format_ru(date),
            ),
            to: f.recipients(f.adult_on(m.today())),
        });
    }
    for (id, student, date, pair, subject, group, by, value) in w.failing.iter().cloned() {
        let Some(f) = families.get(&student) else {
            continue;
        };
        let (grade, kind) = value.split_once('\t').unwrap_or((&value, ""));
        let teacher = teachers.get(&by).cloned().unwrap_or_default();
        let kind = if kind.is_empty() {
            String::new()
        } else {
            format!(" ({kind})")
        };
        out.push(Draft {
            kind: NoticeKind::Failing,
            event: format!("grade:{id}"),
            source_id: Some(id),
            student_id: Some(student),
            subject: format!(
                "Неудовлетворительная отметка: {}, {}, {subject} — {grade}",
                f.short,
                crate::domain::format_ru(date)
            ),
            body: format!(
                "{} (группа {group}) {} отметку «{grade}»{kind}:\n\
                 {}, {pair} пара, {subject} (преподаватель {teacher}).\n\n\
                 Что нужно сделать, чтобы исправить отметку, можно узнать у преподавателя; \
                 прогноз по дисциплине — в дневнике.",
                f.full,
                f.past("получил"),
                crate::domain::format_ru(date),
            ),
            to: f.recipients(true),
        });
    }
    out
}

/// The final grades and «н/а» entered in the window.
fn finals_in(c: &mut Conn<'_>, m: &Moment, from: NaiveDateTime) -> Result<Vec<FinalRow>, AppError> {
    Ok(crate::with_conn!(c, x =>
        final_grades::table
            .inner_join(subjects::table)
            .inner_join(terms::table)
            .filter(final_grades::entered_at.gt(from))
            .filter(final_grades::entered_at.le(m.utc))
            .order(final_grades::id)
            .select((final_grades::id, final_grades::student_id, subjects::name, terms::name,
                     final_grades::kind, final_grades::value))
            .load(x))?)
}

/// The final grades and «н/а» of the window.
pub fn finals(w: &Window, families: &HashMap<i64, Family>) -> Vec<Draft> {
    let mut out = Vec::new();
    for (id, student, subject, term, kind, value) in w.finals.iter().cloned() {
        let Some(f) = families.get(&student) else {
            continue;
        };
        let value =
            FinalGradeValue::from_code(value).map_or_else(|_| value.to_string(), |v| v.to_string());
        let kind = FinalKind::from_code(&kind).map_or("итоговая оценка", FinalKind::name_ru);
        out.push(Draft {
            kind: NoticeKind::Final,
            event: format!("final:{id}"),
            source_id: Some(id),
            student_id: Some(student),
            subject: format!("Итоговая оценка: {}, {term}, {subject} — {value}", f.short),
            body: format!(
                "{}: {subject}, {term}, {kind} — «{value}».\n\n\
                 Все итоговые оценки — в дневнике.",
                f.full
            ),
            to: f.recipients(true),
        });
    }
    out
}

/// Which of `sources` (kind, row) still hold: the absence is still «н», the grade still
/// failing; other kinds always hold. A teacher who corrected a slip before the notice went out
/// cancels it. One query per kind for a whole batch of notices.
pub fn still_holding(
    c: &mut Conn<'_>,
    sources: &[(NoticeKind, i64)],
) -> Result<std::collections::HashSet<(NoticeKind, i64)>, AppError> {
    let of =
        |k: NoticeKind| -> Vec<i64> { sources.iter().filter(|s| s.0 == k).map(|s| s.1).collect() };
    let (absent, failing) = (of(NoticeKind::Absence), of(NoticeKind::Failing));
    let (a, g): (Vec<i64>, Vec<i64>) = crate::with_conn!(c, x => {
        let a = absences::table
            .filter(absences::id.eq_any(&absent))
            .filter(absences::reason.eq(crate::domain::AbsenceReason::Absent.as_code()))
            .select(absences::id)
            .load(x)?;
        let g = grades::table
            .filter(grades::id.eq_any(&failing))
            .filter(grades::value.eq_any(failing_codes()))
            .select(grades::id)
            .load(x)?;
        Ok::<_, diesel::result::Error>((a, g))
    })?;
    let mut out: std::collections::HashSet<(NoticeKind, i64)> = sources
        .iter()
        .filter(|s| !matches!(s.0, NoticeKind::Absence | NoticeKind::Failing))
        .copied()
        .collect();
    out.extend(a.into_iter().map(|id| (NoticeKind::Absence, id)));
    out.extend(g.into_iter().map(|id| (NoticeKind::Failing, id)));
    Ok(out)
}
