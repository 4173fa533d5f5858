//! Lists of the command line (users, groups, the audit log, the inbox) in the format asked: a
//! table for people, CSV and JSON for scripts. Each list names its columns twice: a Russian
//! heading for the table and CSV, a stable English key for JSON (`docs/reports.md`, «Списки»),
//! so that a script does not break when a heading is reworded. CSV cells are made safe for a
//! spreadsheet as in the reports.

use std::io::IsTerminal;
use std::sync::OnceLock;

use comfy_table::{ContentArrangement, Table, TableComponent};
use serde_json::{Map, Value};

/// The width tables are fitted to when nothing else says: a pipe or a file, where the terminal's
/// width is unknown; wide enough for a list, narrow enough for a mail or a printout.
pub const PIPED_WIDTH: u16 = 100;

/// How this run prints: `--width` and the settings file's `format` and `number_locale`.
#[derive(Debug, Default, Clone, Copy)]
pub struct Output {
    /// `--width` (0: no limit); `None` to fit the terminal.
    pub width: Option<u16>,
    /// The format of lists and reports without `--format`.
    pub format: ListFormat,
    /// A decimal point instead of the Russian comma (`number_locale = "en"`).
    pub decimal_point: bool,
}

static OUTPUT: OnceLock<Output> = OnceLock::new();

/// Fixes how the whole run prints (set once, before any command).
pub fn set_output(output: Output) {
    let _ = OUTPUT.set(output);
}

/// How this run prints; the defaults when nothing was set (the library's own tests).
pub fn output() -> Output {
    OUTPUT.get().copied().unwrap_or_default()
}

/// The width of lists on standard output: `--width` (0 for none), else the terminal's, else
/// [`PIPED_WIDTH`].
pub fn width() -> Option<u16> {
    width_or(Some(PIPED_WIDTH))
}

/// As [`width`], with `piped` when standard output is no terminal. A report keeps its rows
/// whole there (`None`): a statement of 13 subjects cannot be read in 100 columns, and its
/// wide forms are the XLSX and the PDF.
pub fn width_or(piped: Option<u16>) -> Option<u16> {
    match output().width {
        Some(0) => None,
        Some(w) => Some(w),
        None if std::io::stdout().is_terminal() => Table::new().width().or(piped),
        None => piped,
    }
}

/// A table of the command line: comfy-table's ASCII style, with the column junctions in the
/// rule under the heading («+====+====+», not one unbroken «+=========+»), its long cells
/// wrapped to fit [`width`].
pub fn table() -> Table {
    table_of(width())
}

/// [`table`] fitted to `width` columns (`None`: not fitted).
pub fn table_of(width: Option<u16>) -> Table {
    let mut t = Table::new();
    t.set_style(TableComponent::MiddleHeaderIntersections, '+');
    if let Some(w) = width {
        t.set_content_arrangement(ContentArrangement::Dynamic);
        t.set_width(w);
    }
    t
}

/// `--format` of a list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    /// Таблица в терминале
    #[default]
    Table,
    /// CSV для Excel (UTF-8 с BOM, «;»)
    Csv,
    /// JSON: массив объектов
    Json,
}

/// The flag every list takes.
#[derive(Debug, Clone, clap::Args)]
pub struct ListArgs {
    /// Формат: table, csv или json (по умолчанию — format из файла настроек, иначе table)
    #[arg(long = "format", id = "format", value_enum, value_name = "ФОРМАТ")]
    pub asked: Option<ListFormat>,
}

impl ListArgs {
    /// The format asked, else the settings file's.
    pub fn format(&self) -> ListFormat {
        self.asked.unwrap_or(output().format)
    }
}

/// A list: its columns as (JSON key, heading) and its rows.
pub struct Listing {
    columns: &'static [(&'static str, &'static str)],
    rows: Vec<Vec<Value>>,
}

fn text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

impl Listing {
    pub fn new(columns: &'static [(&'static str, &'static str)]) -> Self {
        Self {
            columns,
            rows: Vec::new(),
        }
    }

    /// Adds a row, one value per column (numbers stay numbers in JSON, `null` is an empty cell).
    pub fn row(&mut self, cells: Vec<Value>) {
        self.rows.push(cells);
    }

    /// The list in `format`, ending with a newline.
    pub fn render(&self, format: ListFormat) -> String {
        match format {
            ListFormat::Table => {
                let mut t = table();
                t.set_header(self.columns.iter().map(|c| c.1));
                for r in &self.rows {
                    t.add_row(r.iter().map(text));
                }
                format!("{t}\n")
            }
            ListFormat::Csv => {
                let mut w = ::csv::WriterBuilder::new()
                    .delimiter(b';')
                    .from_writer(Vec::new());
                let mut record = |cells: Vec<String>| {
                    let safe: Vec<String> = cells
                        .iter()
                        .map(|c| crate::report::render::csv::safe_cell(c).into_owned())
                        .collect();
                    // Writing into memory cannot fail.
                    let _ = w.write_record(&safe);
                };
                record(self.columns.iter().map(|c| c.1.to_string()).collect());
                for r in &self.rows {
                    record(r.iter().map(text).collect());
                }
                let body = w.into_inner().unwrap_or_default();
                format!("\u{feff}{}", String::from_utf8_lossy(&body))
            }
            ListFormat::Json => {
                let items = self.objects().into_iter().map(Value::Object).collect();
                let json = serde_json::to_string_pretty(&Value::Array(items)).unwrap_or_default();
                format!("{json}\n")
            }
        }
    }

    /// The rows as JSON objects keyed by the columns' keys.
    pub fn objects(&self) -> Vec<Map<String, Value>> {
        self.rows
            .iter()
            .map(|r| {
                self.columns
                    .iter()
                    .zip(r)
                    .map(|(c, v)| (c.0.to_string(), v.clone()))
                    .collect()
            })
            .collect()
    }

    /// Prints the list to standard output (a closed pipe ends quietly).
    pub fn print(&self, format: ListFormat) {
        use std::io::Write;
        let _ = std::io::stdout().write_all(self.render(format).as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const COLUMNS: &[(&str, &str)] = &[("login", "Логин"), ("count", "Число")];

    #[test]
    fn a_list_renders_in_each_format() {
        let mut l = Listing::new(COLUMNS);
        l.row(vec![json!("=HYPERLINK(1)"), json!(3)]);
        l.row(vec![json!("ivanov"), Value::Null]);
        let csv = l.render(ListFormat::Csv);
        assert_eq!(csv, "\u{feff}Логин;Число\n'=HYPERLINK(1);3\nivanov;\n");
        let parsed: Value = serde_json::from_str(&l.render(ListFormat::Json)).expect("json");
        assert_eq!(parsed[0]["count"], json!(3));
        assert_eq!(parsed[1]["login"], json!("ivanov"));
        let table = l.render(ListFormat::Table);
        assert!(
            table.contains("Логин") && table.contains("ivanov"),
            "{table}"
        );
    }
}
