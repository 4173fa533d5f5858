//! `ezh import marks`: finds each row's student, assignment, lesson or term and writes the
//! grade, absence or final grade as entered by the importer, audited like a teacher's entry
//! (`app::journal::marks::record`). A lesson that does not exist yet is made from the timetable (its
//! pair) or, failing that, as an extra lesson of that date. One transaction; every problem of
//! the file is listed; the same file again changes nothing.

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::prelude::*;

use super::columns::normalize;
use super::marks::{self as list, Mark, MarkRec};
use super::read::Row;
use super::{delimiter_name, failure, read, ImportOptions, Problem, Progress, Report, Sheet};
use crate::access::{self, Action, Actor, Permit};
use crate::app::AppError;
use crate::store::schema::{group_memberships, students, subjects};
use crate::store::{Conn, Db};

/// Imports a marks list: the secretary or the administrator into empty cells, the deputy with a
/// reason also over existing marks (see [`super::marks_rules`]).
pub fn import(
    db: &mut Db,
    actor: &Actor,
    file: &str,
    bytes: &[u8],
    opts: &ImportOptions,
    progress: &dyn Progress,
) -> Result<Report, AppError> {
    permit(actor, opts.reason.as_deref())?;
    let sheet = read::read(file, bytes, list::SPEC, &opts.read).map_err(failure)?;
    let recs = list::parse(&sheet).map_err(failure)?;
    let base = Report {
        dry_run: opts.dry_run,
        encoding: sheet.encoding.to_string(),
        delimiter: delimiter_name(sheet.delimiter),
        rows: recs.len(),
        warnings: sheet.warnings.clone(),
        ..Default::default()
    };
    let body = |c: &mut Conn<'_>, write: bool| -> Result<Report, AppError> {
        let (permit, deputy) = permit(actor, opts.reason.as_deref())?;
        let mut w = Work {
            sheet: &sheet,
            report: base.clone(),
            problems: Vec::new(),
            lessons: HashMap::new(),
            new_lessons: 0,
            write,
            reason: crate::app::college::term_close::reason_text(opts.reason.as_deref())
                .map(str::to_string),
            deputy,
        };
        progress.start(recs.len());
        for r in &recs {
            w.row(c, &permit, r)?;
            progress.tick();
        }
        if !w.problems.is_empty() {
            return Err(failure(w.problems));
        }
        w.report.extra.push(("Новые занятия".into(), w.new_lessons));
        Ok(w.report)
    };
    if opts.dry_run {
        db.read(|c| body(c, false))
    } else {
        db.write(|c| body(c, true))
    }
}

pub(super) struct Work<'a> {
    pub(super) sheet: &'a Sheet,
    pub(super) report: Report,
    pub(super) problems: Vec<Problem>,
    /// Lessons found or made in this import: (assignment, date, pair) → id (negative: would be made).
    pub(super) lessons: HashMap<(i64, NaiveDate, Option<i32>), i64>,
    pub(super) new_lessons: usize,
    pub(super) write: bool,
    /// `--reason`: for rows past the deadline, and with the deputy's rights for changes.
    pub(super) reason: Option<String>,
    /// Whether the importer has the deputy's right to change marks after the fact.
    pub(super) deputy: bool,
}

/// The importer's permit, and whether it is the deputy's: the import right (secretary,
/// administrator), or the deputy's right to change marks when a reason is given.
fn permit(actor: &Actor, reason: Option<&str>) -> Result<(Permit, bool), AppError> {
    let deputy = access::check(actor, &Action::ChangeClosedTerm);
    match (access::check(actor, &Action::Import), deputy) {
        (Ok(p), d) => Ok((p, d.is_ok())),
        (Err(_), Ok(p)) if crate::app::college::term_close::reason_text(reason).is_some() => {
            Ok((p, true))
        }
        (Err(denied), _) => Err(denied.into()),
    }
}

pub(super) type Res<T> = Result<Option<T>, AppError>;

impl Work<'_> {
    pub(super) fn fail(&mut self, r: &MarkRec, key: &str, value: &str, text: &str) {
        let row = Row {
            line: r.line,
            cells: Vec::new(),
        };
        self.problems
            .push(self.sheet.problem(&row, key, value, text));
    }

    fn row(&mut self, c: &mut Conn<'_>, permit: &Permit, r: &MarkRec) -> Result<(), AppError> {
        let Some(group) = self.group(c, r)? else {
            return Ok(());
        };
        let Some(subject) = self.subject(c, r)? else {
            return Ok(());
        };
        let Some(student) = self.student(c, r, group)? else {
            return Ok(());
        };
        match &r.mark {
            Mark::Final(value, kind) => {
                self.final_grade(c, permit, r, (group, subject, student), *value, kind)
            }
            _ => self.current(c, permit, r, (group, subject, student)),
        }
    }

    fn group(&mut self, c: &mut Conn<'_>, r: &MarkRec) -> Res<i64> {
        let id = crate::app::lookup::find_group_id(c, &r.group)?;
        if id.is_none() {
            self.fail(r, "group", &r.group, "нет такой группы");
        }
        Ok(id)
    }

    fn subject(&mut self, c: &mut Conn<'_>, r: &MarkRec) -> Res<i64> {
        let all: Vec<(i64, String)> = crate::with_conn!(c, x => subjects::table.select((subjects::id, subjects::name)).load(x))?;
        let want = normalize(&r.subject);
        let id = all
            .into_iter()
            .find(|s| normalize(&s.1) == want)
            .map(|s| s.0);
        if id.is_none() {
            self.fail(r, "subject", &r.subject, "нет такой дисциплины");
        }
        Ok(id)
    }

    fn student(&mut self, c: &mut Conn<'_>, r: &MarkRec, group: i64) -> Res<i64> {
        let found: Vec<(i64, String, String, String, Option<String>)> = crate::with_conn!(c, x => students::table
            .inner_join(group_memberships::table)
            .filter(group_memberships::group_id.eq(group))
            .select((students::id, students::last_name, students::first_name, students::patronymic, students::record_book))
            .distinct()
            .load(x))?;
        let hits: Vec<i64> = found
            .iter()
            .filter(|s| match (&r.record_book, &r.full_name) {
                (Some(b), _) => s.4.as_ref() == Some(b),
                (None, Some(n)) => {
                    normalize(&super::students::join_name(&s.1, &s.2, &s.3)) == normalize(n)
                }
                _ => false,
            })
            .map(|s| s.0)
            .collect();
        let (key, value) = match (&r.record_book, &r.full_name) {
            (Some(b), _) => ("record_book", b.clone()),
            (None, n) => ("full_name", n.clone().unwrap_or_default()),
        };
        match hits.as_slice() {
            [one] => Ok(Some(*one)),
            [] => {
                self.fail(
                    r,
                    key,
                    &value,
                    &format!("нет такого обучающегося в группе {}", r.group),
                );
                Ok(None)
            }
            _ => {
                self.fail(
                    r,
                    key,
                    &value,
                    "несколько обучающихся с таким ФИО; укажите номер зачётной книжки",
                );
                Ok(None)
            }
        }
    }
}
