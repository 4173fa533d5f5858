//! How the PDF form breaks a long table across pages: a row of short cells is never cut by a
//! page break (a student's line of a signed statement stays whole), and a row with a cell longer
//! than a page still breaks, so none of its text falls off the bottom of a page.

use ezh::report::render::{self, Format, Options};
use ezh::report::{Cell, ColumnGroup, Report, Row};

fn report(rows: Vec<Row>) -> Report {
    Report {
        name: "test".into(),
        title: "Проверка разбиения на страницы".into(),
        college: "Техникум".into(),
        scope: "Группа ТМ-26".into(),
        period: "ноябрь 2026".into(),
        made_on: "30.11.2026".into(),
        column_groups: vec![ColumnGroup {
            title: String::new(),
            columns: vec!["№".into(), "Обучающийся".into(), "Что нужно".into()],
        }],
        rows,
        notes: Vec::new(),
        definitions: Vec::new(),
        signatures: Vec::new(),
        audit_head: String::new(),
        sections: Vec::new(),
    }
}

fn row(n: usize, text: String) -> Row {
    Row {
        cells: vec![
            Cell::text(n.to_string()),
            Cell::text("Баранов Сергей Аркадьевич"),
            Cell::text(text),
        ],
        total: false,
    }
}

fn pages(r: &Report) -> Vec<String> {
    let pdf = render::render(r, Format::Pdf, Options::default()).expect("pdf");
    pdf_extract::extract_text_from_mem_by_pages(&pdf).expect("pdf text")
}

/// The page whose text holds `marker`, if one does.
fn page_of(pages: &[String], marker: &str) -> Option<usize> {
    pages.iter().position(|p| p.contains(marker))
}

#[test]
fn a_row_of_short_cells_is_never_cut_by_a_page_break() {
    // Six lines a row, short enough to stay whole (under 400 bytes): a page break that may cut
    // a row would fall within some of them, leaving at least two lines on each side.
    let rows = (1..=150)
        .map(|n| {
            row(
                n,
                format!("start-{n:03}\nконтрольная\nзачёт\nпрактика\nдоклад\nend-{n:03}"),
            )
        })
        .collect();
    let pages = pages(&report(rows));
    assert!(pages.len() >= 4, "{} pages", pages.len());
    for n in 1..=150 {
        let start = page_of(&pages, &format!("start-{n:03}"));
        let end = page_of(&pages, &format!("end-{n:03}"));
        assert!(start.is_some(), "row {n} is missing");
        assert_eq!(start, end, "row {n} is cut by a page break");
    }
}

#[test]
fn a_row_longer_than_a_page_still_breaks() {
    let long = format!("start-long {} end-long", "слово ".repeat(800));
    let mut rows: Vec<Row> = (1..=5).map(|n| row(n, format!("строка {n}"))).collect();
    rows.push(row(6, long));
    rows.push(row(7, "после длинной".into()));
    let pages = pages(&report(rows));
    let start = page_of(&pages, "start-long").expect("start of the long cell");
    let end = page_of(&pages, "end-long").expect("end of the long cell");
    assert!(
        end > start,
        "the long row was kept on page {start} and cut off"
    );
    assert_eq!(page_of(&pages, "после длинной"), Some(end));
}
