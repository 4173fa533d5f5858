//! XLSX through rust_xlsxwriter: the header block on top, the column headings (with merged
//! group titles) frozen above the data, columns as wide as their contents, numbers stored as
//! numbers, failing results on a red fill, and the footer under the table. Each sheet is set up
//! for printing (`page_setup`): A4, landscape when wide, fit to the page's width, headings
//! repeated, page numbers at the foot. A multi-part form
//! (a printed journal) gets one sheet per part, «Лист 1», «Лист 2», ….

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::RenderError;
use crate::report::{CellKind, Report};

/// The fill of a failing result.
const FAILING: u32 = 0xF4C7C3;

/// The report as the bytes of an .xlsx workbook, one sheet per part.
pub fn render(report: &Report) -> Result<Vec<u8>, RenderError> {
    build(report).map_err(|e| RenderError::Xlsx(e.to_string()))
}

fn build(report: &Report) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let parts = report.parts();
    for (i, part) in parts.iter().enumerate() {
        let ws = book.add_worksheet();
        if parts.len() == 1 {
            ws.set_name("Отчёт")?;
        } else {
            ws.set_name(format!("Лист {}", i + 1))?;
        }
        write_sheet(ws, part)?;
    }
    book.save_to_buffer()
}

/// One part on one sheet.
fn write_sheet(ws: &mut Worksheet, report: &Report) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(13);
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin)
        .set_background_color(Color::RGB(0xE8E8E8));
    let text = Format::new().set_border(FormatBorder::Thin);
    let grade = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center);
    let int = Format::new()
        .set_border(FormatBorder::Thin)
        .set_num_format("0");
    let fixed = Format::new()
        .set_border(FormatBorder::Thin)
        .set_num_format("0.00");
    let fail = |f: &Format| f.clone().set_background_color(Color::RGB(FAILING));

    let widths = column_widths(report);
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(col(c), *w)?;
    }
    page_setup(ws, &widths);
    let lines = Lines { widths: &widths };
    let mut r: u32 = 0;
    for (i, line) in report.header_lines().iter().enumerate() {
        let f = if i == 1 { &title } else { &bold };
        lines.write(ws, r, line, f)?;
        r += 1;
    }
    r += 1;
    let heading_from = r;
    if report.has_group_titles() {
        let mut c = 0usize;
        for g in &report.column_groups {
            let n = g.columns.len();
            if n > 1 {
                ws.merge_range(r, col(c), r, col(c + n - 1), &g.title, &head)?;
            } else if n == 1 {
                ws.write_string_with_format(r, col(c), &g.title, &head)?;
            }
            c += n;
        }
        lines.fit_heading(
            ws,
            r,
            report
                .column_groups
                .iter()
                .map(|g| (g.title.as_str(), g.columns.len())),
        )?;
        r += 1;
    }
    let mut c = 0usize;
    for g in &report.column_groups {
        for h in &g.columns {
            let shown = if h.is_empty() { &g.title } else { h };
            ws.write_string_with_format(r, col(c), shown, &head)?;
            c += 1;
        }
    }
    lines.fit_heading(ws, r, report.flat_headers().iter().map(|h| (h.as_str(), 1)))?;
    ws.set_repeat_rows(heading_from, r)?;
    r += 1;
    ws.set_freeze_panes(r, 0)?;
    for row in &report.rows {
        for (c, cell) in row.cells.iter().enumerate() {
            let base = match (cell.kind, cell.value) {
                (CellKind::Number, Some(v)) if v.fract() == 0.0 && !cell.text.contains(',') => &int,
                (CellKind::Number, _) => &fixed,
                (CellKind::Grade, _) => &grade,
                (CellKind::Text, _) => &text,
            };
            let mut f = if cell.failing {
                fail(base)
            } else {
                base.clone()
            };
            if row.total {
                f = f.set_bold();
            }
            match cell.value {
                Some(v) => ws.write_number_with_format(r, col(c), v, &f)?,
                None => ws.write_string_with_format(r, col(c), &cell.text, &f)?,
            };
        }
        r += 1;
    }
    r += 1;
    let plain = Format::new();
    for line in report.notes.iter().chain(&report.definitions) {
        lines.write(ws, r, line, &plain)?;
        r += 1;
    }
    for s in &report.signatures {
        r += 1;
        let line = format!("{}: ____________________ {}", s.role, s.name);
        lines.write(ws, r, &line, &plain)?;
    }
    let audit = report.audit_line();
    if !audit.is_empty() {
        lines.write(ws, r + 2, &audit, &plain)?;
    }
    Ok(())
}

/// Lines of text above and below the table kept within its width: a long note would otherwise
/// run on to the right past the last column, and a spreadsheet printing «fit to page width»
/// shrinks the whole statement to make room for it. Each line is merged across the table's
/// columns, wrapped, and its row made tall enough (the spreadsheet does not grow merged rows).
struct Lines<'a> {
    widths: &'a [f64],
}

/// Points per line of 11-pt text.
const LINE_HEIGHT: f64 = 15.0;

impl Lines<'_> {
    fn write(&self, ws: &mut Worksheet, r: u32, text: &str, f: &Format) -> Result<(), XlsxError> {
        let total: f64 = self.widths.iter().sum();
        if self.widths.len() < 2 {
            ws.write_string_with_format(r, 0, text, f)?;
            return Ok(());
        }
        let wrapped = f.clone().set_text_wrap().set_align(FormatAlign::Top);
        ws.merge_range(r, 0, r, col(self.widths.len() - 1), text, &wrapped)?;
        ws.set_row_height(r, LINE_HEIGHT * wrapped_lines(text, total))?;
        Ok(())
    }

    /// Makes heading row `r` tall enough for its longest heading, each spanning `n` columns.
    fn fit_heading<'h>(
        &self,
        ws: &mut Worksheet,
        r: u32,
        headings: impl Iterator<Item = (&'h str, usize)>,
    ) -> Result<(), XlsxError> {
        let mut c = 0usize;
        let mut most: f64 = 1.0;
        for (h, n) in headings {
            let width: f64 = self.widths.iter().skip(c).take(n.max(1)).sum();
            // Bold letters are wider; a cell keeps a little room on each side.
            most = most.max(wrapped_lines(h, (width - 1.0) / 1.15));
            c += n.max(1);
        }
        ws.set_row_height(r, LINE_HEIGHT * most)?;
        Ok(())
    }
}

/// How many lines `text` takes wrapped at word boundaries into `width` characters.
fn wrapped_lines(text: &str, width: f64) -> f64 {
    let width = width.max(1.0);
    let mut lines = 1.0;
    let mut used = 0.0;
    for word in text.split_whitespace() {
        let w = word.chars().count() as f64;
        if used > 0.0 && used + 1.0 + w > width {
            lines += 1.0 + ((w - 1.0) / width).floor().max(0.0);
            used = w % width;
        } else {
            used += if used > 0.0 { 1.0 + w } else { w };
        }
    }
    lines
}

/// Ready to print: A4, landscape when the columns are wider than a portrait page (about 90
/// characters of width), every column on one page's width, narrow margins, the headings
/// repeated on each page (set by the caller) and «Страница N из M» at the foot.
fn page_setup(ws: &mut Worksheet, widths: &[f64]) {
    const A4: u8 = 9;
    ws.set_paper_size(A4);
    if widths.iter().sum::<f64>() > 90.0 {
        ws.set_landscape();
    }
    ws.set_print_fit_to_pages(1, 0);
    ws.set_margins(0.4, 0.4, 0.5, 0.6, 0.3, 0.3);
    ws.set_footer("&CСтраница &P из &N");
}

/// A column index as the writer takes it; reports never come near 16 384 columns.
fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// Each column as wide as its longest heading word or cell, within 4..=40 characters.
fn column_widths(report: &Report) -> Vec<f64> {
    let headers = report.flat_headers();
    let mut widths: Vec<usize> = headers
        .iter()
        .map(|h| {
            h.split_whitespace()
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in &report.rows {
        for (c, cell) in row.cells.iter().enumerate() {
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(cell.text.chars().count());
            }
        }
    }
    widths
        .iter()
        .map(|w| (*w).clamp(4, 40) as f64 + 1.5)
        .collect()
}
