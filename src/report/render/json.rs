//! JSON: the [`Report`] struct as serde writes it, pretty-printed; the fields are documented in
//! `docs/reports.md` and are kept stable for scripts.

use super::RenderError;
use crate::report::Report;

/// The report as pretty-printed JSON with a final newline.
pub fn render(report: &Report) -> Result<Vec<u8>, RenderError> {
    let mut out =
        serde_json::to_vec_pretty(report).map_err(|e| RenderError::Other(format!("JSON: {e}")))?;
    out.push(b'\n');
    Ok(out)
}
