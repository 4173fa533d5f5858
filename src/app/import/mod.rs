//! Importing the lists a college already keeps (`import.md`): students with guardians and
//! teachers. Reading (encoding, separator, header, cell values) is pure and lives in
//! [`read`], [`columns`] and [`values`]; each list's module checks every row first, then writes
//! everything in one transaction or nothing at all.

pub mod columns;
pub mod curriculum;
mod curriculum_assign;
pub mod fet;
mod fet_xml;
mod guardians_plan;
mod lookup;
pub mod marks;
mod marks_db;
mod marks_final;
mod marks_lesson;
mod marks_rules;
mod marks_write;
pub mod plan;
pub mod read;
pub mod read_book;
mod runner;
pub mod students;
mod students_apply;
mod students_db;
mod students_report;
pub mod synthetic;
pub mod teachers;
pub mod timetable;
mod timetable_apply;
pub mod values;
pub mod words;

use std::fmt;

pub use curriculum::import as import_curriculum;
pub use marks_db::import as import_marks;
pub use plan::import as import_plan;
pub use read::{ReadOptions, Sheet};
pub use students_apply::import as import_students;
pub use teachers::import as import_teachers;
pub use timetable::import as import_timetable;

use super::AppError;

/// One error of a file, located as `file:line:column`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub column: Option<usize>,
    pub field: String,
    pub value: String,
    pub text: String,
    /// The column as a spreadsheet letter (`D`) rather than a number: a workbook's cell.
    pub letters: bool,
}

impl Problem {
    /// A problem of the whole file (its first line, no column): unreadable, no header…
    pub fn whole(file: &str, text: String, letters: bool) -> Problem {
        Problem {
            file: file.to_string(),
            line: 1,
            column: None,
            field: String::new(),
            value: String::new(),
            text,
            letters,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)?;
        match self.column {
            Some(c) if self.letters => write!(f, ":{}", read_book::column_letters(c))?,
            Some(c) => write!(f, ":{c}")?,
            None => {}
        }
        if self.field.is_empty() {
            write!(f, ": {}", self.text)
        } else {
            write!(f, ": «{}»: «{}» — {}", self.field, self.value, self.text)
        }
    }
}

/// All problems of a file as one error: a count, then one line each, in file order.
pub fn failure(mut problems: Vec<Problem>) -> AppError {
    problems.sort_by_key(|p| (p.line, p.column));
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    AppError::Invalid(format!(
        "файл не импортирован, ничего не изменено; ошибок: {}\n{}",
        problems.len(),
        lines.join("\n")
    ))
}

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    pub read: ReadOptions,
    /// Show what would change and write nothing.
    pub dry_run: bool,
    /// Refuse unknown groups instead of creating them.
    pub strict: bool,
    /// An empty cell of a present column clears the stored field (otherwise it keeps it).
    pub clear_empty: bool,
    /// Why marks are imported past their deadline, or changed (the deputy): into the audit.
    pub reason: Option<String>,
}

/// What an import did (or, in a dry run, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub dry_run: bool,
    pub encoding: String,
    pub delimiter: String,
    pub rows: usize,
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// People of the file's groups that the file does not list (reported, never deleted).
    pub missing: Vec<String>,
    /// One line per changed field of an updated record: «Иванов Иван: «Телефон»: «…» → «…»».
    pub changes: Vec<String>,
    /// Further figures of the summary table (e.g. guardians, groups created).
    pub extra: Vec<(String, usize)>,
    pub warnings: Vec<String>,
}

impl Report {
    /// Whether the import changed (or would change) nothing.
    pub fn no_changes(&self) -> bool {
        self.new == 0 && self.updated == 0 && self.extra.iter().all(|e| e.1 == 0)
    }
}

/// Counts progress of the writing phase (a progress bar in the terminal, nothing in tests).
pub trait Progress {
    fn start(&self, _total: usize) {}
    fn tick(&self) {}
}

/// No progress display.
pub struct Quiet;
impl Progress for Quiet {}

/// A separator as a word for the summary.
pub fn delimiter_name(d: u8) -> String {
    match d {
        b'\t' => "табуляция".into(),
        other => format!("«{}»", other as char),
    }
}
