//! CSV. For Excel (the default): UTF-8 with a BOM, `;` between fields and decimal commas, so that
//! a Russian Excel opens it by a double click, with the header block above the table and the
//! footer below. Plain (`--excel=false`): `,`, no BOM, decimal dots and the table alone, for
//! scripts. A multi-part form (a printed journal) writes its parts one after another, each with
//! its own header line and (for Excel) header block, separated by an empty line.

use super::RenderError;
use crate::report::{CellKind, Report};

/// A cell made safe for a spreadsheet (OWASP «CSV injection»): text that begins with `=`,
/// `+`, `-`, `@`, a tab or a carriage return and holds anything but a number or a phone gets a
/// leading apostrophe, so Excel shows it as text instead of running it as a formula.
/// «-0,50» and «+7 900 111-22-33» stay as they are; the import strips the apostrophe again.
pub fn safe_cell(text: &str) -> std::borrow::Cow<'_, str> {
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let plain = text
        .chars()
        .all(|c| c.is_ascii_digit() || " .,-+()".contains(c));
    if risky && !plain {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

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
            _ => safe_cell(&c.text).into_owned(),
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

#[cfg(test)]
mod tests {
    use super::safe_cell;

    #[test]
    fn formulas_become_text_and_numbers_stay() {
        assert_eq!(
            safe_cell("=HYPERLINK(\"http://x\";\"a\")"),
            "'=HYPERLINK(\"http://x\";\"a\")"
        );
        assert_eq!(safe_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(
            safe_cell("-2+3*cmd|' /C calc'!A0"),
            "'-2+3*cmd|' /C calc'!A0"
        );
        assert_eq!(safe_cell("-0,50"), "-0,50");
        assert_eq!(safe_cell("+7 900 111-22-33"), "+7 900 111-22-33");
        assert_eq!(safe_cell("Иванов"), "Иванов");
    }
}
