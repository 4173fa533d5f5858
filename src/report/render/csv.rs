//! CSV. For Excel (the default): UTF-8 with a BOM, `;` between fields and decimal commas, so that
//! a Russian Excel opens it by a double click, with the header block above the table and the
//! footer below. Plain (`--excel=false`): `,`, no BOM, decimal dots and the table alone, for
//! scripts. A multi-part form (a printed journal) writes its parts one after another, each with
//! its own header line and (for Excel) header block, separated by an empty line.

use super::RenderError;
use crate::report::{CellKind, Report};

/// The report as CSV bytes.
pub fn render(report: &Report, excel: bool) -> Result<Vec<u8>, RenderError> {
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(if excel { b';' } else { b',' })
        .flexible(true)
        .from_writer(Vec::new());
    for (i, part) in report.parts().into_iter().enumerate() {
        if i > 0 {
            w.write_record([""]).map_err(err)?;
        }
        write_part(&mut w, part, excel)?;
    }
    let body = w
        .into_inner()
        .map_err(|e| RenderError::Other(format!("CSV: {e}")))?;
    let mut out = Vec::with_capacity(body.len() + 3);
    if excel {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    out.extend_from_slice(&body);
    Ok(out)
}

fn err(e: ::csv::Error) -> RenderError {
    RenderError::Other(format!("CSV: {e}"))
}

/// One part: the header block (Excel), the table, the footer (Excel).
fn write_part(
    w: &mut ::csv::Writer<Vec<u8>>,
    report: &Report,
    excel: bool,
) -> Result<(), RenderError> {
    if excel {
        for line in report.header_lines() {
            w.write_record([line]).map_err(err)?;
        }
        w.write_record([""]).map_err(err)?;
    }
    w.write_record(report.flat_headers()).map_err(err)?;
    for row in &report.rows {
        let fields = row.cells.iter().map(|c| match (c.kind, c.value) {
            // Plain CSV carries numbers the way programs read them.
            (CellKind::Number, Some(_)) if !excel => c.text.replace(',', "."),
            _ => c.text.clone(),
        });
        w.write_record(fields).map_err(err)?;
    }
    if excel {
        w.write_record([""]).map_err(err)?;
        for line in report.notes.iter().chain(&report.definitions) {
            w.write_record([line]).map_err(err)?;
        }
        for s in &report.signatures {
            w.write_record([format!("{}: ____________________ {}", s.role, s.name)])
                .map_err(err)?;
        }
    }
    Ok(())
}
