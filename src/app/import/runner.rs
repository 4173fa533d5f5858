//! The frame every row-by-row list shares (curriculum, timetable, thematic plan): check the
//! access, read the file, check each row's cells, then resolve and write the rows in one
//! transaction (a dry run resolves in a read transaction and writes nothing). All problems of
//! the file are listed; any problem rolls the whole file back.

use super::read::{Row, Sheet};
use super::{
    columns::Spec, delimiter_name, failure, read, ImportOptions, Problem, Progress, Report,
};
use crate::access::{self, Action, Actor, Permit};
use crate::app::AppError;
use crate::store::{Conn, Db};

/// What the writing half of a list gets.
pub(super) struct Pass<'a> {
    pub sheet: &'a Sheet,
    /// The import's permit (kept for audited writes of future lists).
    #[allow(dead_code)]
    pub permit: Permit,
    pub report: Report,
    pub problems: Vec<Problem>,
    /// False in a dry run: count, do not write.
    pub write: bool,
}

impl Pass<'_> {
    /// Records a problem at `key`'s column of the row on `line`.
    pub fn fail(&mut self, line: usize, key: &str, value: &str, text: &str) {
        let row = Row {
            line,
            cells: Vec::new(),
        };
        self.problems
            .push(self.sheet.problem(&row, key, value, text));
    }
}

/// Resolves and writes the checked records of a list.
pub(super) type Apply<'a, R> =
    dyn Fn(&mut Conn<'_>, &mut Pass<'_>, &[R]) -> Result<(), AppError> + 'a;

/// Imports a list: `check` turns a row into a record, `apply` resolves and writes one record.
#[allow(clippy::too_many_arguments)]
pub(super) fn run<R>(
    db: &mut Db,
    actor: &Actor,
    file: &str,
    bytes: &[u8],
    opts: &ImportOptions,
    progress: &dyn Progress,
    spec: &'static [Spec],
    check: fn(&Sheet, &Row) -> Result<R, Vec<Problem>>,
    apply: &Apply<'_, R>,
) -> Result<Report, AppError> {
    access::check(actor, &Action::Import)?;
    let sheet = read::read(file, bytes, spec, &opts.read).map_err(failure)?;
    run_sheet(db, actor, &sheet, opts, progress, check, apply)
}

/// [`run`] on a sheet read already (e.g. converted from a timetabling program's XML).
pub(super) fn run_sheet<R>(
    db: &mut Db,
    actor: &Actor,
    sheet: &Sheet,
    opts: &ImportOptions,
    progress: &dyn Progress,
    check: fn(&Sheet, &Row) -> Result<R, Vec<Problem>>,
    apply: &Apply<'_, R>,
) -> Result<Report, AppError> {
    access::check(actor, &Action::Import)?;
    let recs = sheet.parse_rows(check).map_err(failure)?;
    let body = |c: &mut Conn<'_>, write: bool| -> Result<Report, AppError> {
        let mut pass = Pass {
            sheet,
            permit: access::check(actor, &Action::Import)?,
            report: Report {
                dry_run: !write,
                encoding: sheet.encoding.to_string(),
                delimiter: delimiter_name(sheet.delimiter),
                rows: recs.len(),
                warnings: sheet.warnings.clone(),
                ..Default::default()
            },
            problems: Vec::new(),
            write,
        };
        progress.start(recs.len());
        apply(c, &mut pass, &recs)?;
        if !pass.problems.is_empty() {
            return Err(failure(pass.problems));
        }
        Ok(pass.report)
    };
    if opts.dry_run {
        db.read(|c| body(c, false))
    } else {
        db.write(|c| body(c, true))
    }
}
