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

    let mut r: u32 = 0;
    for (i, line) in report.header_lines().iter().enumerate() {
        let f = if i == 1 { &title } else { &bold };
        ws.write_string_with_format(r, 0, line, f)?;
        r += 1;
    }
    r += 1;
    let widths = column_widths(report);
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(col(c), *w)?;
    }
    page_setup(ws, &widths);
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
    for line in report.notes.iter().chain(&report.definitions) {
        ws.write_string(r, 0, line)?;
        r += 1;
    }
    for s in &report.signatures {
        r += 1;
        ws.write_string(r, 0, format!("{}: ____________________ {}", s.role, s.name))?;
    }
    let audit = report.audit_line();
    if !audit.is_empty() {
        ws.write_string(r + 2, 0, &audit)?;
    }
    Ok(())
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
