//! The PDF form's two-row table header: a titled group of columns prints its title over its
//! columns' names even when it has one column (a month's attendance with lessons on one day),
//! and an untitled column prints its name once, over both rows.

use ezh::report::render::{self, Format, Options};
use ezh::report::{Cell, ColumnGroup, Report, Row};

fn group(title: &str, columns: &[&str]) -> ColumnGroup {
    ColumnGroup {
        title: title.into(),
        columns: columns.iter().map(|c| c.to_string()).collect(),
    }
}

#[test]
fn a_titled_group_of_one_column_keeps_its_column_name() {
    let report = Report {
        name: "test".into(),
        title: "Отчёт о посещаемости группы за месяц".into(),
        college: "Техникум".into(),
        scope: "Группа ИС-26".into(),
        period: "декабрь 2026".into(),
        made_on: "07.12.2026".into(),
        column_groups: vec![
            group("", &["№", "Обучающийся"]),
            group("Дни месяца", &["17"]),
            group("Пропущено часов", &["по болезни", "всего"]),
        ],
        rows: vec![Row {
            cells: ["1", "Андреев Артём Сергеевич", "2н", "0", "2"]
                .map(Cell::text)
                .to_vec(),
            total: false,
        }],
        notes: Vec::new(),
        definitions: Vec::new(),
        signatures: Vec::new(),
        audit_head: String::new(),
        sections: Vec::new(),
    };
    let pdf = render::render(&report, Format::Pdf, Options::default()).expect("pdf");
    let text = pdf_extract::extract_text_from_mem(&pdf).expect("pdf text");
    // The extracted text runs neighbouring cells together, so headings are counted as parts.
    for heading in [
        "Дни",
        "17",
        "Пропущено",
        "болезни",
        "всего",
        "№",
        "Обучающийся",
    ] {
        let n = text.matches(heading).count();
        assert_eq!(n, 1, "«{heading}» printed {n} times in:\n{text}");
    }
}
