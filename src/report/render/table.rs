//! The terminal table: the header block, a comfy-table fitted to the terminal width, then the
//! notes, the definitions and the signature lines as plain text.

use comfy_table::{
    presets::UTF8_FULL_CONDENSED, CellAlignment, ColumnConstraint, ContentArrangement, Table, Width,
};

use crate::report::{CellKind, Report};

/// The report as text fitted to `width` columns (`None`: no limit, `--width 0`); the
/// further sections of a multi-part form follow one another, each with its header block.
pub fn render(report: &Report, width: Option<u16>, decimal_point: bool) -> String {
    let parts: Vec<String> = report
        .parts()
        .into_iter()
        .map(|p| render_one(p, width, decimal_point))
        .collect();
    parts.join("\n")
}

fn render_one(report: &Report, width: Option<u16>, decimal_point: bool) -> String {
    let mut out = String::new();
    for line in report.header_lines() {
        out.push_str(&line);
        out.push('\n');
    }
    out.push('\n');
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED);
    match width {
        Some(w) => {
            t.set_content_arrangement(ContentArrangement::Dynamic);
            t.set_width(w);
        }
        None => {
            t.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    t.set_header(report.flat_headers());
    keep_figures_whole(&mut t, report);
    for row in &report.rows {
        let cells = row.cells.iter().map(|c| {
            let figure = if decimal_point && c.kind == CellKind::Number {
                c.text.replace(',', ".")
            } else {
                c.text.clone()
            };
            let text = if c.failing && c.kind != CellKind::Text {
                format!("{figure}!")
            } else {
                figure
            };
            let cell = comfy_table::Cell::new(text);
            match c.kind {
                CellKind::Number => cell.set_alignment(CellAlignment::Right),
                CellKind::Grade => cell.set_alignment(CellAlignment::Center),
                CellKind::Text => cell,
            }
        });
        t.add_row(cells);
    }
    out.push_str(&t.to_string());
    out.push('\n');
    append_footer(report, &mut out);
    out
}

/// The narrowest a column of names may get before the table is let out wider than asked: a
/// surname and initials on one line.
const NAME_WIDTH: usize = 18;

/// Figures and grades are never broken across lines («4,0» over «0»): their columns are at
/// least as wide as their longest cell. Names keep [`NAME_WIDTH`], and the headings wrap.
fn keep_figures_whole(t: &mut Table, report: &Report) {
    let columns = report.rows.first().map_or(0, |r| r.cells.len());
    for i in 0..columns {
        let widest = report
            .rows
            .iter()
            .filter_map(|r| r.cells.get(i))
            .map(|c| {
                // The «!» of a failing figure; a cell's padding on both sides.
                let w = c.text.chars().count() + usize::from(c.failing) + 2;
                if c.kind == CellKind::Text {
                    w.min(NAME_WIDTH + 2)
                } else {
                    w
                }
            })
            .max();
        if let (Some(w), Some(col)) = (widest, t.column_mut(i)) {
            let w = u16::try_from(w).unwrap_or(u16::MAX);
            col.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(w)));
        }
    }
}

/// Notes, definitions and signature lines as plain text (shared with nothing else: each format
/// lays its footer out in its own way).
fn append_footer(report: &Report, out: &mut String) {
    if report
        .rows
        .iter()
        .any(|r| r.cells.iter().any(|c| c.failing))
    {
        out.push_str("«!» — неудовлетворительный результат.\n");
    }
    for n in &report.notes {
        out.push_str(n);
        out.push('\n');
    }
    if !report.definitions.is_empty() {
        out.push_str("\nОпределения показателей:\n");
        for d in &report.definitions {
            out.push_str("  ");
            out.push_str(d);
            out.push('\n');
        }
    }
    for s in &report.signatures {
        out.push_str(&format!("\n{}: ____________________ {}\n", s.role, s.name));
    }
}
