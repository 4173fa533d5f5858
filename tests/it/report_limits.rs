//! Every report renders with every free-text field at its limit (`domain::limits::LIMITS`) and
//! in unusual letters: ё, a combining accent, a typographic apostrophe, a titlecase digraph,
//! letters no font of the PDF holds (꙯, 漢, an astral 𝔄). Each of the 23 statements of the
//! small demo, so changed, comes out as a PDF, an XLSX that opens, and CSV; nothing panics
//! (a 33,000-letter surname once did, in the PDF writer), and the longest surname is in the
//! sheet whole.

use calamine::{Data, Reader};
use diesel::prelude::*;

use crate::support;
use ezh::app::report::{self, Filters, Kind};
use ezh::domain::limits::LIMITS;
use ezh::report::render::{self, Format, Options};
use ezh::store::schema::{assignments, students, study_groups, subjects};
use support::college::build;

const LETTERS: &str = "ёй\u{301}’ǅꙮ漢𝔄";

/// `len` letters of [`LETTERS`] after the row's id, so unique columns stay unique.
fn fill_to_limits(db: &mut ezh::store::Db) {
    let filler: String = LETTERS.chars().cycle().take(10_000).collect();
    for (table, column, len, _) in LIMITS {
        let head = if *table == "student_guardians" {
            "''"
        } else {
            "CAST(id AS TEXT)"
        };
        let sql = format!("UPDATE {table} SET {column} = substr({head} || '{filler}', 1, {len})");
        ezh::with_conn!(&mut db.conn(), c => diesel::sql_query(&sql).execute(c))
            .unwrap_or_else(|e| panic!("{table}.{column}: {e}"));
    }
}

/// A part of the workbook as text.
pub fn xlsx_part(xlsx: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).expect("an xlsx is a zip");
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .read_to_string(&mut text)
        .expect("utf-8");
    text
}

/// A wide statement prints on A4 landscape, one page wide, its headings on every page and the
/// page numbers at the foot.
fn print_setup_is_wide(xlsx: &[u8]) {
    let sheet = xlsx_part(xlsx, "xl/worksheets/sheet1.xml");
    for part in [
        "paperSize=\"9\"",
        "orientation=\"landscape\"",
        "fitToHeight=\"0\"",
        "fitToPage=\"1\"",
        "Страница &amp;P из &amp;N",
    ] {
        assert!(sheet.contains(part), "{part} in {sheet}");
    }
    let book = xlsx_part(xlsx, "xl/workbook.xml");
    assert!(book.contains("_xlnm.Print_Titles"), "{book}");
}

#[test]
fn every_report_renders_with_every_field_at_its_limit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = support::sqlite_url(dir.path());
    let (_, mut db, logins) = build(&url);
    fill_to_limits(&mut db);
    // The administrator reads the college's registers; the deputy its figures.
    let readers = [
        support::college::actor_of(&mut db, &logins, "администратор"),
        support::college::actor_of(&mut db, &logins, "заместитель по УР"),
    ];
    let (group, surname, book): (String, String, Option<String>) =
        ezh::with_conn!(&mut db.conn(), c => students::table
        .inner_join(ezh::store::schema::group_memberships::table.inner_join(study_groups::table))
        .order(students::id)
        .select((study_groups::name, students::last_name, students::record_book))
        .first(c))
        .expect("a student in a group");
    assert_eq!(group.chars().count(), 20);
    assert_eq!(surname.chars().count(), 60);
    let subject: String = ezh::with_conn!(&mut db.conn(), c => assignments::table
        .inner_join(subjects::table)
        .inner_join(study_groups::table)
        .filter(study_groups::name.eq(&group))
        .order(assignments::id)
        .select(subjects::name)
        .first(c))
    .expect("a subject of the group");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).expect("date");
    let base = Filters {
        today,
        ..Filters::default()
    };
    // The filters a report may want, tried from the fullest: a report that refuses a filter it
    // does not take is made with fewer.
    let ladder = [
        Filters {
            group: Some(group.clone()),
            month: Some("2026-11".into()),
            ..base.clone()
        },
        Filters {
            group: Some(group.clone()),
            ..base.clone()
        },
        Filters {
            group: Some(group.clone()),
            subject: Some(subject.clone()),
            ..base.clone()
        },
        Filters {
            student: book.clone(),
            ..base.clone()
        },
        Filters {
            subject: Some(subject.clone()),
            ..base.clone()
        },
        base.clone(),
    ];
    let mut made = Vec::new();
    for kind in Kind::ALL {
        let mut errors = Vec::new();
        let Some(r) = readers.iter().find_map(|who| {
            ladder.iter().find_map(|f| {
                report::make(&mut db, who, kind, f)
                    .map_err(|e| errors.push(e.to_string()))
                    .ok()
            })
        }) else {
            panic!("{}: {errors:?}", kind.name());
        };
        let pdf = render::render(&r, Format::Pdf, Options::default())
            .unwrap_or_else(|e| panic!("{} PDF: {e}", kind.name()));
        assert!(pdf.starts_with(b"%PDF"), "{}", kind.name());
        let xlsx = render::render(&r, Format::Xlsx, Options::default())
            .unwrap_or_else(|e| panic!("{} XLSX: {e}", kind.name()));
        let mut sheet: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx.clone()))
                .expect("the workbook opens");
        let names = sheet.sheet_names();
        let range = sheet
            .worksheet_range(&names[0])
            .unwrap_or_else(|e| panic!("{}: {e}", kind.name()));
        if kind == Kind::ProgressStatement {
            print_setup_is_wide(&xlsx);
        }
        let csv = render::render(&r, Format::Csv, Options::default())
            .unwrap_or_else(|e| panic!("{} CSV: {e}", kind.name()));
        let whole = |s: &str| s.contains(&surname);
        let in_sheet = range
            .rows()
            .flatten()
            .any(|c| matches!(c, Data::String(s) if whole(s)));
        made.push((kind.name(), in_sheet, whole(&String::from_utf8_lossy(&csv))));
    }
    // The statements of students name the longest surname whole, in the sheet as in CSV.
    let progress = made
        .iter()
        .find(|m| m.0 == "progress-statement")
        .expect("progress statement");
    assert!(progress.1 && progress.2, "{made:?}");
    assert!(
        made.iter().filter(|m| m.1).count() >= 5,
        "the surname is in few sheets: {made:?}"
    );
}
