//! Reading a spreadsheet file as Excel, 1С and other office programs write it: the encoding
//! (UTF-8 with or without a byte-order mark, or Windows-1251) and the separator (`;`, `,` or
//! tab) are detected, title lines above the header are skipped, and every data row keeps its
//! line number in the file so errors can name it.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1251};

use super::columns::{Columns, Spec};
use super::Problem;

/// How to read a file; `None` means «detect».
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// An encoding label: `utf-8`, `windows-1251`, `cp1251`, …
    pub encoding: Option<String>,
    pub delimiter: Option<u8>,
    /// The sheet of a workbook (`.xlsx`, `.ods`) to read; the first when `None`.
    pub sheet: Option<String>,
}

/// One data row: its line in the file and its cells (trimmed).
#[derive(Debug, Clone)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
}

/// A file read into rows, with its header matched to the known columns.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// The file name used in messages.
    pub file: String,
    pub encoding: &'static str,
    pub delimiter: u8,
    pub columns: Columns,
    pub rows: Vec<Row>,
    /// Unknown columns and other remarks that do not stop the import.
    pub warnings: Vec<String>,
    /// Columns are named by letter in messages (a workbook's sheet).
    pub letters: bool,
}

impl Sheet {
    /// The trimmed cell of `key` in `row`, `None` when the column is absent or the cell empty.
    pub fn get<'a>(&self, row: &'a Row, key: &str) -> Option<&'a str> {
        let i = self.columns.index(key)?;
        row.cells
            .get(i)
            .map(String::as_str)
            .filter(|s| !s.is_empty())
    }

    /// A cell that updates a stored field: `None` — keep what is stored — when the column is
    /// absent or the cell empty; with `clear_empty` an empty cell of a present column is
    /// `Some("")` and clears the field. So a shorter list never erases what it does not carry.
    pub fn update_cell<'a>(&self, row: &'a Row, key: &str, clear_empty: bool) -> Option<&'a str> {
        let i = self.columns.index(key)?;
        let v = row.cells.get(i).map_or("", String::as_str);
        (!v.is_empty() || clear_empty).then_some(v)
    }

    /// Checks every row with `parse_row`: the records when all rows are good, else every
    /// problem of the file together.
    pub fn parse_rows<T>(
        &self,
        parse_row: impl Fn(&Sheet, &Row) -> Result<T, Vec<Problem>>,
    ) -> Result<Vec<T>, Vec<Problem>> {
        let mut out = Vec::with_capacity(self.rows.len());
        let mut problems = Vec::new();
        for row in &self.rows {
            // Every cell within its field's limit, named where it stands (domain::limits).
            let long = self.too_long(row);
            if !long.is_empty() {
                problems.extend(long);
                continue;
            }
            match parse_row(self, row) {
                Ok(r) => out.push(r),
                Err(mut p) => problems.append(&mut p),
            }
        }
        if problems.is_empty() {
            Ok(out)
        } else {
            Err(problems)
        }
    }

    /// The cells of `row` longer than their column's limit.
    fn too_long(&self, row: &Row) -> Vec<Problem> {
        let mut out = Vec::new();
        for key in self.columns.keys() {
            let (Some(max), Some(v)) = (
                crate::domain::limits::of_import_key(key),
                self.get(row, key),
            ) else {
                continue;
            };
            let n = v.chars().count();
            if n > max {
                let shown: String = v.chars().take(20).collect();
                let text = format!("не длиннее {max} знаков (сейчас {n})");
                out.push(self.problem(row, key, &format!("{shown}…"), &text));
            }
        }
        out
    }

    /// The cell of a required column; an empty one is recorded in `errs` as «не заполнено».
    pub fn need(&self, row: &Row, key: &str, errs: &mut Vec<Problem>) -> String {
        let v = self.get(row, key);
        if v.is_none() {
            errs.push(self.problem(row, key, "", "не заполнено"));
        }
        v.unwrap_or_default().to_string()
    }

    /// A problem located at `key`'s column of `row`.
    pub fn problem(&self, row: &Row, key: &str, value: &str, text: &str) -> Problem {
        Problem {
            file: self.file.clone(),
            line: row.line,
            column: self.columns.index(key).map(|i| i + 1),
            field: self.columns.title(key),
            value: value.to_string(),
            text: text.to_string(),
            letters: self.letters,
        }
    }
}

/// Parses a `--delimiter` value: `;`, `,`, `tab` or `\t`.
pub fn parse_delimiter(text: &str) -> Result<u8, String> {
    match text {
        ";" => Ok(b';'),
        "," => Ok(b','),
        "\t" | "tab" | "\\t" | "таб" => Ok(b'\t'),
        _ => Err(format!(
            "«{text}» — разделитель может быть «;», «,» или tab"
        )),
    }
}

/// Decodes the bytes: a UTF-8 byte-order mark or valid UTF-8 means UTF-8, anything else is
/// taken as Windows-1251 (the Russian Excel's «CSV»); `label` overrides the guess.
pub fn decode(bytes: &[u8], label: Option<&str>) -> Result<(String, &'static str), String> {
    let forced = match label {
        Some(l) => Some(
            Encoding::for_label(l.trim().as_bytes())
                .or_else(|| {
                    let l = l.trim().to_lowercase();
                    (l == "cp1251" || l == "win1251").then_some(WINDOWS_1251)
                })
                .ok_or_else(|| format!("«{l}» — неизвестная кодировка (utf-8 или windows-1251)"))?,
        ),
        None => None,
    };
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let enc = forced.unwrap_or(if std::str::from_utf8(body).is_ok() {
        UTF_8
    } else {
        WINDOWS_1251
    });
    let body = if enc == UTF_8 { body } else { bytes };
    let (text, had_errors) = enc.decode_without_bom_handling(body);
    if had_errors {
        return Err(format!(
            "файл не читается в кодировке {}; укажите --encoding",
            enc.name()
        ));
    }
    Ok((text.into_owned(), enc.name()))
}

/// Splits one line by `delim` with CSV quoting (a header line never spans lines).
fn split_line(line: &str, delim: u8) -> Vec<String> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delim)
        .flexible(true)
        .from_reader(line.as_bytes());
    r.records()
        .next()
        .and_then(Result::ok)
        .map(|rec| rec.iter().map(|s| s.trim().to_string()).collect())
        .unwrap_or_default()
}

/// A cell trimmed, without the apostrophe our CSV export puts before text that a spreadsheet
/// would take for a formula (`'=…`, `'@…`), so that what ezh wrote reads back as it was.
pub fn unquote(cell: &str) -> String {
    let t = cell.trim();
    match t.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_string(),
        _ => t.to_string(),
    }
}

/// The header matched to the known columns (with warnings for unknown ones), or the missing
/// required column as a problem at the header's line — for CSV files and workbooks alike.
pub(super) fn header_columns(
    file: &str,
    spec: &'static [Spec],
    header: &[String],
    line: usize,
    letters: bool,
) -> Result<(Columns, Vec<String>), Vec<Problem>> {
    let (columns, warnings) = Columns::match_header(spec, header);
    match columns.require(spec) {
        Ok(()) => Ok((columns, warnings)),
        Err(missing) => Err(vec![Problem {
            line,
            field: missing,
            ..Problem::whole(file, "нет обязательного столбца".into(), letters)
        }]),
    }
}

/// Reads `bytes` of the file `file` against the known columns `spec`.
pub fn read(
    file: &str,
    bytes: &[u8],
    spec: &'static [Spec],
    opts: &ReadOptions,
) -> Result<Sheet, Vec<Problem>> {
    let whole = |text: String| vec![Problem::whole(file, text, false)];
    if super::read_book::is_workbook(bytes) {
        return super::read_book::read(file, bytes, spec, opts);
    }
    let (text, encoding) = decode(bytes, opts.encoding.as_deref()).map_err(whole)?;
    // The header is the line among the first ten where the most cells name known columns.
    let mut best: Option<(usize, u8, usize, usize)> = None; // (matches, delim, line index, offset)
    let mut offset = 0usize;
    for (i, line) in text.split_inclusive('\n').take(10).enumerate() {
        let delims: Vec<u8> = match opts.delimiter {
            Some(d) => vec![d],
            None => vec![b';', b'\t', b','],
        };
        for d in delims {
            let cells = split_line(line.trim_end_matches(['\r', '\n']), d);
            let n = Columns::count_known(spec, &cells);
            if n > best.map_or(0, |b| b.0) {
                best = Some((n, d, i, offset));
            }
        }
        offset += line.len();
    }
    let Some((_, delimiter, header_index, header_offset)) = best else {
        return Err(whole(format!(
            "не найдена строка заголовка: ожидаются столбцы {}",
            Columns::required_titles(spec)
        )));
    };
    let body = text.get(header_offset..).unwrap_or("").as_bytes();
    // The file line of a record, from its byte offset: csv counts a CRLF record's line from
    // the terminator before it, so the line is counted here from the first byte of the record.
    let newlines: Vec<usize> = body
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .map(|(i, _)| i)
        .collect();
    let line_of = |pos: Option<&csv::Position>| {
        let mut at = pos.map_or(0, |p| p.byte() as usize);
        while matches!(body.get(at), Some(b'\r' | b'\n')) {
            at += 1;
        }
        header_index + 1 + newlines.partition_point(|n| *n < at)
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(body);
    let mut records = reader.records();
    let header: Vec<String> = match records.next() {
        Some(Ok(h)) => h.iter().map(|s| s.trim().to_string()).collect(),
        _ => return Err(whole("не читается строка заголовка".into())),
    };
    let (columns, mut warnings) = header_columns(file, spec, &header, header_index + 1, false)?;
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for rec in records {
        match rec {
            Ok(rec) => {
                let line = line_of(rec.position());
                let cells: Vec<String> = rec.iter().map(unquote).collect();
                if cells.iter().all(String::is_empty) {
                    continue; // Excel leaves rows of bare separators at the end
                }
                rows.push(Row { line, cells });
            }
            Err(e) => {
                let line = line_of(e.position());
                problems.push(Problem {
                    file: file.to_string(),
                    line,
                    column: None,
                    field: String::new(),
                    value: String::new(),
                    text: format!("строка не читается: {e}"),
                    letters: false,
                });
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if header_index > 0 {
        warnings.push(format!(
            "строк над заголовком пропущено: {header_index} (заголовок в строке {})",
            header_index + 1
        ));
    }
    Ok(Sheet {
        file: file.to_string(),
        encoding,
        delimiter,
        columns,
        rows,
        warnings,
        letters: false,
    })
}
