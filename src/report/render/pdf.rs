//! PDF through typst: the report is handed to a fixed template as JSON; typst lays the table
//! out on A4 (landscape when the table is wide), repeats its header on every page, numbers the
//! pages and embeds the (subsetted) DejaVu Sans fonts, so Cyrillic prints anywhere. Each part
//! of a multi-part form (a printed journal) starts a new page with its own header block.

use serde::Serialize;
use typst::layout::PagedDocument;
use typst_pdf::PdfOptions;

use super::world::ReportWorld;
use super::RenderError;
use crate::report::Report;

/// What the template reads: the parts and the layout decided here for each.
#[derive(Serialize)]
struct PdfData<'a> {
    /// The title printed in every page footer.
    title: &'a str,
    /// The audit-log head line printed in every page footer («» for none).
    audit: String,
    parts: Vec<PdfPart<'a>>,
}

/// One part of the report and its layout.
#[derive(Serialize)]
struct PdfPart<'a> {
    report: &'a Report,
    landscape: bool,
    /// Relative column widths (the template makes them `fr` units of the page width).
    widths: Vec<usize>,
}

/// Each column's share of the width: its longest cell (long text capped, so a column of
/// remarks wraps instead of squeezing the rest) or its longest heading word, plus padding.
pub fn widths(report: &Report) -> Vec<usize> {
    let mut w: Vec<usize> = report
        .flat_headers()
        .iter()
        .map(|h| {
            let last = h.rsplit(": ").next().unwrap_or(h);
            // Headings are bold: a letter of theirs is about a quarter wider.
            let word = last.split_whitespace().map(|x| x.chars().count()).max();
            (word.unwrap_or(1) * 5).div_ceil(4)
        })
        .collect();
    for row in &report.rows {
        for (c, cell) in row.cells.iter().enumerate() {
            if let Some(x) = w.get_mut(c) {
                *x = (*x).max(cell.text.chars().count().min(36));
            }
        }
    }
    w.iter().map(|x| x + 2).collect()
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

/// How many compilations a memoized result survives without being used (typst's own command
/// line keeps 10 in watch mode; statements share their template and fonts, little else).
const EVICT_AFTER: usize = 1;

/// The report as PDF bytes.
pub fn render(report: &Report) -> Result<Vec<u8>, RenderError> {
    let data = PdfData {
        title: &report.title,
        audit: report.audit_line(),
        parts: report
            .parts()
            .into_iter()
            .map(|p| PdfPart {
                report: p,
                landscape: landscape(p),
                widths: widths(p),
            })
            .collect(),
    };
    let json = serde_json::to_vec(&data).map_err(|e| RenderError::Pdf(e.to_string()))?;
    let world = ReportWorld::new(json);
    let doc: PagedDocument = typst::compile(&world)
        .output
        .map_err(|errs| RenderError::Pdf(messages(&errs)))?;
    let pdf = typst_pdf::pdf(&doc, &PdfOptions::default())
        .map_err(|errs| RenderError::Pdf(messages(&errs)));
    // typst memoizes layouts across compilations and never forgets them by itself: a batch of
    // a thousand statements grew to gigabytes. What no document of the last few used goes.
    typst::comemo::evict(EVICT_AFTER);
    pdf
}

fn messages(errs: &[typst::diag::SourceDiagnostic]) -> String {
    errs.iter()
        .map(|e| e.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}
