//! The report model every statement is built into, and its renderers. A [`Report`] holds what
//! the paper form shows — the header block (college, title, scope, period, date made), the
//! table (column groups over typed cells), the footer (definitions of the figures used, notes)
//! and the signature lines — so that the five formats (`render`) print the same content and a
//! report is computed once whatever it is printed as.
//!
//! The JSON form is this struct serialised with serde; its fields are documented in
//! `docs/reports.md` and are kept stable.

pub mod render;

use serde::Serialize;

use crate::domain::Fixed2;

/// What a cell holds; the renderers format each kind in their own way (a number is a number in
/// XLSX, a grade is centred and may be highlighted).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CellKind {
    /// Free text: a name, a list of subjects.
    Text,
    /// A number: hours, counts, percentages, averages.
    Number,
    /// A grade or a final result («5», «н/а», «зч»).
    Grade,
}

/// One cell of the table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// What the cell holds.
    pub kind: CellKind,
    /// The text as printed on paper (numbers with a decimal comma; «—» for a missing figure).
    pub text: String,
    /// The numeric value of a number cell (`null` for text, grades and missing figures).
    pub value: Option<f64>,
    /// A failing result (a «2», «н/а», a forecast at risk): highlighted in XLSX and PDF.
    pub failing: bool,
}

impl Cell {
    /// A text cell.
    pub fn text(text: impl Into<String>) -> Cell {
        Cell {
            kind: CellKind::Text,
            text: text.into(),
            value: None,
            failing: false,
        }
    }

    /// An empty text cell.
    pub fn empty() -> Cell {
        Cell::text("")
    }

    /// A whole number.
    pub fn int(n: i64) -> Cell {
        Cell {
            kind: CellKind::Number,
            text: n.to_string(),
            // Counts of a college fit in f64 exactly.
            value: Some(n as f64),
            failing: false,
        }
    }

    /// A figure rounded to hundredths, printed with a decimal comma.
    pub fn fixed(x: Fixed2) -> Cell {
        Cell {
            kind: CellKind::Number,
            text: x.to_ru_string(),
            value: Some(x.hundredths() as f64 / 100.0),
            failing: false,
        }
    }

    /// A figure that may be missing (printed «—»).
    pub fn maybe<E>(x: Result<Fixed2, E>) -> Cell {
        match x {
            Ok(v) => Cell::fixed(v),
            Err(_) => Cell {
                kind: CellKind::Number,
                text: "—".into(),
                value: None,
                failing: false,
            },
        }
    }

    /// A grade, highlighted when `failing`.
    pub fn grade(text: impl Into<String>, failing: bool) -> Cell {
        Cell {
            kind: CellKind::Grade,
            text: text.into(),
            value: None,
            failing,
        }
    }

    /// The same cell marked as failing.
    pub fn failing(mut self, failing: bool) -> Cell {
        self.failing = failing;
        self
    }
}

/// Columns under one common heading (a month, a subject); the title may be empty.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnGroup {
    /// The common heading, or "" for none.
    pub title: String,
    /// The column headings.
    pub columns: Vec<String>,
}

/// One line of the table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The cells, one per column.
    pub cells: Vec<Cell>,
    /// A total or summary line, printed bold.
    pub total: bool,
}

/// A line to sign: the position and the name printed under the line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signature {
    /// «Классный руководитель», «Заместитель директора по УР».
    pub role: String,
    /// The signer's name, or "" when the paper leaves it to be written in.
    pub name: String,
}

/// A whole report as its paper form shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The command name (`progress-statement`).
    pub name: String,
    /// The Russian title of `reports.md`.
    pub title: String,
    /// The college's full name.
    pub college: String,
    /// What the report covers: the group, subject, teacher.
    pub scope: String,
    /// The period: a term, a month or dates.
    pub period: String,
    /// The date the report was made, ДД.ММ.ГГГГ.
    pub made_on: String,
    /// The column headings, grouped.
    pub column_groups: Vec<ColumnGroup>,
    /// The table.
    pub rows: Vec<Row>,
    /// Remarks under the table: whose figures are missing and why, lists of students.
    pub notes: Vec<String>,
    /// The definitions of the figures used (`formulas.md`), with the college's variants.
    pub definitions: Vec<String>,
    /// The lines to sign, if the paper form is signed.
    pub signatures: Vec<Signature>,
    /// The audit-log head the report was made from: «№ 1234 · 9f3a0c1b» (its last record's
    /// number and the start of its hash), so that a signed paper witnesses the log
    /// (`ezh audit verify --head 1234:9f3a0c1b`). Empty for a log with no records.
    pub audit_head: String,
    /// Further parts of a multi-part paper form (the pages of a printed journal), each a report
    /// of its own printed after this one: from a new page with its header in PDF, on a sheet of
    /// its own in XLSX, one after another in the table, CSV and JSON. Empty for most reports
    /// (and then left out of the JSON).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Report>,
}

impl Report {
    /// The footer line naming the audit-log head, or "" when there is none.
    pub fn audit_line(&self) -> String {
        match self.audit_head.split_once(" · ") {
            Some((n, hash)) => {
                let id = n.trim_start_matches("№ ");
                format!(
                    "Журнал изменений: запись № {id}, {hash} (проверка: ezh audit verify --head {id}:{hash})"
                )
            }
            None => String::new(),
        }
    }

    /// This report and its further sections, in print order.
    pub fn parts(&self) -> Vec<&Report> {
        let mut out = vec![self];
        out.extend(self.sections.iter());
        out
    }

    /// The number of columns.
    pub fn width(&self) -> usize {
        self.column_groups.iter().map(|g| g.columns.len()).sum()
    }

    /// The column headings in order, each prefixed by its group title when there is one.
    pub fn flat_headers(&self) -> Vec<String> {
        let mut out = Vec::new();
        for g in &self.column_groups {
            for c in &g.columns {
                if g.title.is_empty() || g.columns.len() == 1 && c.is_empty() {
                    out.push(if c.is_empty() {
                        g.title.clone()
                    } else {
                        c.clone()
                    });
                } else {
                    out.push(format!("{}: {c}", g.title));
                }
            }
        }
        out
    }

    /// Whether any column group has a title, so that a second header row is needed.
    pub fn has_group_titles(&self) -> bool {
        self.column_groups.iter().any(|g| !g.title.is_empty())
    }

    /// The header block lines: college, title, scope, period, date.
    pub fn header_lines(&self) -> Vec<String> {
        vec![
            self.college.clone(),
            self.title.clone(),
            self.scope.clone(),
            format!("Период: {}", self.period),
            format!("Дата составления: {}", self.made_on),
        ]
    }
}
