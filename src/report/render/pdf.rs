//! PDF through typst: the report is handed to a fixed template as JSON; typst lays the table
//! out on A4 (landscape when the table is wide), repeats its header on every page, numbers the
//! pages and embeds the (subsetted) DejaVu Sans fonts, so Cyrillic prints anywhere.

use serde::Serialize;
use typst::layout::PagedDocument;
use typst_pdf::PdfOptions;

use super::world::ReportWorld;
use super::RenderError;
use crate::report::Report;

/// What the template reads: the report and the layout decided here.
#[derive(Serialize)]
struct PdfData<'a> {
    report: &'a Report,
    landscape: bool,
}

/// Whether the table needs a landscape page: many columns, or long rows of text.
pub fn landscape(report: &Report) -> bool {
    let longest_row = report
        .rows
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .map(|c| c.text.chars().count().max(3) + 2)
                .sum::<usize>()
        })
        .max()
        .unwrap_or(0);
    report.width() > 8 || longest_row > 95
}

/// The report as PDF bytes.
pub fn render(report: &Report) -> Result<Vec<u8>, RenderError> {
    let data = PdfData {
        report,
        landscape: landscape(report),
    };
    let json = serde_json::to_vec(&data).map_err(|e| RenderError::Pdf(e.to_string()))?;
    let world = ReportWorld::new(json);
    let doc: PagedDocument = typst::compile(&world)
        .output
        .map_err(|errs| RenderError::Pdf(messages(&errs)))?;
    typst_pdf::pdf(&doc, &PdfOptions::default()).map_err(|errs| RenderError::Pdf(messages(&errs)))
}

fn messages(errs: &[typst::diag::SourceDiagnostic]) -> String {
    errs.iter()
        .map(|e| e.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}
