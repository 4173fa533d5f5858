//! Reading a workbook (`.xlsx` from Excel, `.ods` from LibreOffice) with calamine into the
//! same [`Sheet`] a CSV file gives: the first sheet or the one named by `--sheet`, the header
//! found among the first ten rows, cells turned into the text an office clerk sees (dates as
//! ДД.ММ.ГГГГ, whole numbers without «.0»). Errors name the sheet, its row and the column
//! letter: `list.xlsx:Лист1:14:D`.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Reader};

use super::columns::{Columns, Spec};
use super::read::{ReadOptions, Row, Sheet};
use super::Problem;

/// Whether the bytes are a zip container (both `.xlsx` and `.ods` are).
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// `1` → `A`, `4` → `D`, `27` → `AA`.
pub fn column_letters(mut n: usize) -> String {
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The text of a cell as the office program shows it.
fn text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "да" } else { "нет" }.to_string(),
        Data::DateTime(dt) => dt
            .as_datetime()
            .map(|t| t.format("%d.%m.%Y").to_string())
            .unwrap_or_else(|| dt.as_f64().to_string()),
        Data::DateTimeIso(s) => {
            chrono::NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d")
                .map(crate::domain::format_ru)
                .unwrap_or_else(|_| s.clone())
        }
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

fn whole(file: &str, text: String) -> Vec<Problem> {
    vec![Problem::whole(file, text, true)]
}

/// Reads the workbook in `bytes` against the known columns `spec`.
pub fn read(
    file: &str,
    bytes: &[u8],
    spec: &'static [Spec],
    opts: &ReadOptions,
) -> Result<Sheet, Vec<Problem>> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes.to_vec()))
        .map_err(|e| whole(file, format!("книга не читается (.xlsx или .ods): {e}")))?;
    let names = book.sheet_names();
    let name = match &opts.sheet {
        Some(want) => names
            .iter()
            .find(|n| n.trim() == want.trim())
            .cloned()
            .ok_or_else(|| {
                whole(
                    file,
                    format!("нет листа «{want}»; листы книги: {}", names.join(", ")),
                )
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| whole(file, "в книге нет листов".into()))?,
    };
    let place = format!("{file}:{name}");
    let range = book
        .worksheet_range(&name)
        .map_err(|e| whole(&place, format!("лист не читается: {e}")))?;
    // Row numbers as the program shows them: the range may start below row 1.
    let (top, left) = range.start().unwrap_or((0, 0));
    let grid: Vec<(usize, Vec<String>)> = range
        .rows()
        .enumerate()
        .map(|(i, r)| {
            let mut cells = vec![String::new(); left as usize];
            cells.extend(r.iter().map(text));
            (top as usize + i + 1, cells)
        })
        .collect();
    let best = grid
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, (_, cells))| (Columns::count_known(spec, cells), i))
        .filter(|(n, _)| *n > 0)
        .max_by_key(|(n, i)| (*n, std::cmp::Reverse(*i)));
    let Some((_, header_index)) = best else {
        return Err(whole(
            &place,
            format!(
                "не найдена строка заголовка: ожидаются столбцы {}",
                Columns::required_titles(spec)
            ),
        ));
    };
    let (header_line, header) = &grid[header_index];
    let (columns, mut warnings) =
        super::read::header_columns(&place, spec, header, *header_line, true)?;
    if header_index > 0 {
        warnings.push(format!(
            "строк над заголовком пропущено: {header_index} (заголовок в строке {header_line})"
        ));
    }
    let rows = grid
        .iter()
        .skip(header_index + 1)
        .filter(|(_, cells)| !cells.iter().all(String::is_empty))
        .map(|(line, cells)| Row {
            line: *line,
            cells: cells.clone(),
        })
        .collect();
    Ok(Sheet {
        file: place,
        encoding: "книга",
        delimiter: b';',
        columns,
        rows,
        warnings,
        letters: true,
    })
}

#[cfg(test)]
mod tests {
    use super::column_letters;

    #[test]
    fn columns_are_lettered_as_in_excel() {
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(4), "D");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(53), "BA");
    }
}
