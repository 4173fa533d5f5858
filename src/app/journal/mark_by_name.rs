//! A grade named the way people name it — group, subject, date (and pair), student — for
//! `ezh mark set`: a teacher entering a mark without the screen, or the deputy correcting a
//! mark of a closed term with a reason. It resolves the names and goes through the same
//! journal writes as the grid, so the same rights, deadlines and audit apply.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::entries::Grade;
use super::{cells, marks};
use crate::app::{lookup, Actor, AppError};
use crate::domain::{format_ru, GradeValue, WorkKind};
use crate::store::schema::{assignments, lessons, terms};
use crate::store::Db;

/// Which cell.
#[derive(Debug, Clone)]
pub struct MarkRef {
    pub group: String,
    pub subject: String,
    pub date: NaiveDate,
    pub pair: Option<i32>,
    /// Record-book number, id or full name.
    pub student: String,
}

/// What happened to the cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Added(Grade),
    Changed(Grade),
    Removed,
    Unchanged,
}

/// Puts `value` of `kind` into the cell (a new grade, or a change of the one there of that
/// kind, or of the only one); `None` removes it. `reason` is required after the deadline and in
/// a closed term.
pub fn set(
    db: &mut Db,
    actor: &Actor,
    at: &MarkRef,
    value: Option<GradeValue>,
    kind: Option<WorkKind>,
    reason: Option<&str>,
) -> Result<Outcome, AppError> {
    use crate::app::college::term_close::REASON_MAX;
    if reason.is_some_and(|r| r.chars().count() > REASON_MAX) {
        return Err(AppError::Invalid(format!(
            "«--reason»: не длиннее {REASON_MAX} знаков"
        )));
    }
    let (lesson, student) = {
        let (found, mine) = find_lessons(db, at)?;
        // Not in the journal yet: the actor's pair of the timetable opens it, as the screen's
        // «Сегодня» does.
        let plan = match (found.is_empty(), at.pair) {
            (true, Some(p)) => planned(db, actor, at.date, p, &mine)?.map(|a| (a, p)),
            _ => None,
        };
        let lesson = match (found.as_slice(), plan) {
            ([one], _) => one.0,
            ([], Some((a, p))) => super::lessons::open(db, actor, a, at.date, p)?.id,
            ([], None) => {
                return Err(AppError::NotFound(format!(
                    "занятие группы {} по дисциплине «{}» {}{} (записано ли оно в журнал?)",
                    at.group.trim(),
                    at.subject.trim(),
                    format_ru(at.date),
                    at.pair.map_or(String::new(), |p| format!(", {p}-я пара"))
                )))
            }
            (many, _) => {
                let pairs: Vec<String> = many.iter().map(|l| l.1.to_string()).collect();
                return Err(AppError::Invalid(format!(
                    "в этот день несколько занятий (пары {}): укажите --pair",
                    pairs.join(", ")
                )));
            }
        };
        (lesson, lookup::student(&mut db.conn(), &at.student)?.id)
    };
    let cell = cells::read(db, lesson, student)?;
    let old = match kind {
        Some(k) => cell.grades.iter().find(|g| g.work_kind == k),
        None if cell.grades.len() > 1 => {
            return Err(AppError::Invalid(
                "в клетке несколько отметок: укажите вид работы (--kind)".into(),
            ))
        }
        None => cell.grades.first(),
    };
    match (old, value) {
        (None, None) => Ok(Outcome::Unchanged),
        (None, Some(v)) => marks::add_grade_because(
            db,
            actor,
            lesson,
            student,
            v,
            kind.unwrap_or(WorkKind::Answer),
            reason,
        )
        .map(Outcome::Added),
        (Some(g), Some(v)) if g.value == v && kind.is_none_or(|k| k == g.work_kind) => {
            Ok(Outcome::Unchanged)
        }
        (Some(g), new) => {
            let new = new.map(|v| (v, kind.unwrap_or(g.work_kind)));
            match marks::change_grade(db, actor, g.id, g.version, new, reason)? {
                Some(g) => Ok(Outcome::Changed(g)),
                None => Ok(Outcome::Removed),
            }
        }
    }
}

/// The actor's assignment (among `mine`) that the timetable has at `pair` on `date`; else,
/// as the grid's «add a lesson» does, the actor's one assignment of the group's subject in the
/// term of `date` (a lesson outside the timetable).
fn planned(
    db: &mut Db,
    actor: &Actor,
    date: NaiveDate,
    pair: i32,
    mine: &[i64],
) -> Result<Option<i64>, AppError> {
    let by_timetable = super::lessons::day(db, actor, date)?
        .into_iter()
        .find(|d| d.pair == pair && mine.contains(&d.assignment.id))
        .map(|d| d.assignment.id);
    if by_timetable.is_some() {
        return Ok(by_timetable);
    }
    let own: Vec<i64> = crate::with_conn!(&mut db.conn(), c => assignments::table
        .inner_join(terms::table)
        .filter(assignments::id.eq_any(mine))
        .filter(assignments::teacher_id.eq(actor.user_id))
        .filter(terms::starts_on.le(date))
        .filter(terms::ends_on.ge(date))
        .select(assignments::id)
        .load(c))?;
    Ok(match own.as_slice() {
        [one] => Some(*one),
        _ => None,
    })
}

/// Lessons found (id, pair) and the assignments of the group's subject.
type Found = (Vec<(i64, i32)>, Vec<i64>);

/// The lessons of the group and subject on the date (and pair), and the assignments of both.
fn find_lessons(db: &mut Db, at: &MarkRef) -> Result<Found, AppError> {
    let mut c = db.conn();
    let gid = lookup::group_id(&mut c, &at.group)?;
    let sid = lookup::subject_id(&mut c, &at.subject)?;
    let found: Vec<(i64, i32)> = crate::with_conn!(&mut c, x => {
        let q = lessons::table
            .inner_join(assignments::table)
            .filter(assignments::group_id.eq(gid))
            .filter(assignments::subject_id.eq(sid))
            .filter(lessons::date.eq(at.date))
            .select((lessons::id, lessons::pair))
            .into_boxed();
        match at.pair {
            Some(p) => q.filter(lessons::pair.eq(p)).load(x),
            None => q.load(x),
        }
    })?;
    let mine: Vec<i64> = crate::with_conn!(&mut c, x => assignments::table
        .filter(assignments::group_id.eq(gid))
        .filter(assignments::subject_id.eq(sid))
        .select(assignments::id)
        .load(x))?;
    Ok((found, mine))
}
