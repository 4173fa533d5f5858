//! The five output formats of a [`Report`]: terminal table, CSV, XLSX, PDF and JSON. Each
//! renderer takes the whole report and returns the bytes of the file, so the command line only
//! chooses where to write them.

pub mod csv;
pub mod json;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod table;
#[cfg(feature = "pdf")]
mod world;
pub mod xlsx;

use super::Report;

/// An output format of `ezh report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    /// Таблица в терминале
    Table,
    /// CSV (для Excel: UTF-8 с BOM и «;»)
    Csv,
    /// Книга Excel
    Xlsx,
    /// PDF, A4
    Pdf,
    /// JSON
    Json,
}

impl Format {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Table => "txt",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Pdf => "pdf",
            Format::Json => "json",
        }
    }
}

/// How to render, beyond the format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// CSV for Excel (BOM, `;`, decimal comma, header block) or plain (`,`, dot, table only).
    pub excel: bool,
    /// The width the table is fitted to; `None`: not fitted.
    pub width: Option<u16>,
    /// Figures of the table with a decimal point, not the Russian comma (`number_locale`).
    pub decimal_point: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            excel: true,
            width: None,
            decimal_point: false,
        }
    }
}

/// A report that could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The spreadsheet writer failed.
    #[error("не удалось создать файл XLSX: {0}")]
    Xlsx(String),
    /// The typesetter failed.
    #[error("не удалось свёрстать PDF: {0}")]
    Pdf(String),
    /// Serialisation failed.
    #[error("не удалось записать {0}")]
    Other(String),
}

/// Renders `report` in `format`.
pub fn render(report: &Report, format: Format, opts: Options) -> Result<Vec<u8>, RenderError> {
    match format {
        Format::Table => Ok(table::render(report, opts.width, opts.decimal_point).into_bytes()),
        Format::Csv => csv::render(report, opts.excel),
        Format::Xlsx => xlsx::render(report),
        #[cfg(feature = "pdf")]
        Format::Pdf => pdf::render(report),
        // A build for a small server may leave typst out (`--no-default-features`).
        #[cfg(not(feature = "pdf"))]
        Format::Pdf => Err(RenderError::Pdf(
            "эта сборка ezh собрана без PDF; выберите --format xlsx, csv или json".into(),
        )),
        Format::Json => json::render(report),
    }
}
