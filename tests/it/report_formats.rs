//! Every format of a report opens (XLSX read back with calamine, PDF text extracted with
//! pdf-extract, CSV for Excel and plain, the terminal table within its width), and nobody sees
//! a report they may not (`roles.md`), on every backend.

use crate::fixture;
use crate::support;

use ezh::app::report::{self, Kind};
use ezh::app::{actor, AppError};
use ezh::report::render::{self, Format, Options};
use fixture::{filters, json, make};

#[test]
fn every_format_opens() {
    let dir = tempfile::tempdir().expect("dir");
    let url = support::sqlite_url(dir.path());
    let mut db = fixture::build(&url);
    let r = make(&mut db, 1, Kind::ProgressStatement, &filters(Some("ТМ-26"))).expect("progress");

    let xlsx = render::render(&r, Format::Xlsx, Options::default()).expect("xlsx");
    // Two subjects fit a portrait page: no landscape, but the same set-up for printing.
    let sheet = crate::report_limits::xlsx_part(&xlsx, "xl/worksheets/sheet1.xml");
    assert!(
        !sheet.contains("landscape") && sheet.contains("paperSize=\"9\""),
        "{sheet}"
    );
    use calamine::{Data, Reader};
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx.clone())).expect("open xlsx");
    let range = book.worksheet_range("Отчёт").expect("sheet");
    let cells: Vec<&Data> = range.rows().flatten().collect();
    assert!(cells
        .iter()
        .any(|c| matches!(c, Data::String(s) if s == "Абрамов Тест")));
    assert!(cells
        .iter()
        .any(|c| matches!(c, Data::String(s) if s.contains("ТМ-26"))));
    assert!(
        cells
            .iter()
            .any(|c| matches!(c, Data::Float(f) if (*f - 86.96).abs() < 1e-9)),
        "numbers are numbers"
    );

    let pdf = render::render(&r, Format::Pdf, Options::default()).expect("pdf");
    assert!(pdf.starts_with(b"%PDF"));
    let text = pdf_extract::extract_text_from_mem(&pdf).expect("pdf text");
    for want in [
        "ТМ-26",
        "Абрамов",
        "Харитонова",
        "Сводная ведомость",
        "Страница 1 из",
    ] {
        assert!(text.contains(want), "PDF lacks {want}: {text}");
    }

    let csv = render::render(&r, Format::Csv, Options::default()).expect("csv");
    assert!(csv.starts_with("\u{feff}".as_bytes()));
    let csv = String::from_utf8(csv).expect("utf8");
    assert!(csv.contains("Абрамов Тест;5;4,67"), "{csv}");
    let plain = render::render(
        &r,
        Format::Csv,
        Options {
            excel: false,
            width: None,
            decimal_point: false,
        },
    )
    .expect("csv");
    let plain = String::from_utf8(plain).expect("utf8");
    assert!(plain.starts_with("№,Обучающийся,"), "{plain}");
    assert!(plain.contains("Абрамов Тест,5,4.67"));

    let table = String::from_utf8(
        render::render(
            &r,
            Format::Table,
            Options {
                excel: true,
                width: Some(100),
                decimal_point: false,
            },
        )
        .expect("table"),
    )
    .expect("utf8");
    assert!(table.contains("Абрамов Тест") && table.contains("86,96"));
    // number_locale = "en": the same table with decimal points, the names untouched.
    let dotted = render::render(
        &r,
        Format::Table,
        Options {
            decimal_point: true,
            ..Options::default()
        },
    )
    .expect("table");
    let dotted = String::from_utf8(dotted).expect("utf8");
    assert!(
        dotted.contains("86.96") && !dotted.contains("86,96"),
        "{dotted}"
    );
    let grid = |l: &&str| l.starts_with(['│', '┌', '└', '╞', '├']);
    assert!(table.lines().filter(grid).count() > 30);
    assert!(
        table.lines().filter(grid).all(|l| l.chars().count() <= 100),
        "fits 100 columns:\n{table}"
    );
}

#[test]
fn nobody_sees_what_they_may_not() {
    let dir = tempfile::tempdir().expect("dir");
    for (backend, url) in support::backends("report_access", dir.path()) {
        let mut db = fixture::build(&url);
        let f = filters(Some("ТМ-26"));
        // The tutor of ЭС-26 gets nothing of ТМ-26.
        for kind in [
            Kind::ProgressStatement,
            Kind::AttendanceMonth,
            Kind::Forecast,
            Kind::GroupResults,
            Kind::AttendanceStatement,
        ] {
            match make(&mut db, 3, kind, &f) {
                Err(AppError::Denied(e)) => assert!(
                    e.to_string().starts_with("нет прав: отчёт «")
                        && e.to_string().ends_with("по группе ТМ-26"),
                    "{e}"
                ),
                other => panic!("{backend}: {kind:?} for another tutor: {other:?}"),
            }
        }
        // The physics teacher sees only Физика in the statement and no attendance report.
        let r = make(&mut db, 4, Kind::ProgressStatement, &f).expect("teacher");
        assert_eq!(r.column_groups[1].columns, ["Физика"], "{backend}");
        assert!(!json(&r).contains("Математика"));
        assert!(matches!(
            make(&mut db, 4, Kind::AttendanceMonth, &f),
            Err(AppError::Denied(_))
        ));
        // A student sees only their own forecast, and nobody else's.
        let r = make(&mut db, 5, Kind::Forecast, &filters(None)).expect("own forecast");
        assert_eq!(r.rows.len(), 2, "{backend}: two subjects");
        assert!(r.rows.iter().all(|x| x.cells[1].text == "Абрамов Тест"));
        let mut other = filters(None);
        other.student = Some("2".into());
        assert!(
            matches!(
                make(&mut db, 5, Kind::Forecast, &other),
                Err(AppError::Denied(_))
            ),
            "{backend}"
        );
        assert!(matches!(
            make(&mut db, 5, Kind::ProgressStatement, &f),
            Err(AppError::Denied(_))
        ));
        // The reporter token reads the college.
        let r = make(&mut db, 6, Kind::GroupResults, &filters(None)).expect("reporter");
        assert_eq!(r.rows.len(), 2, "{backend}: both groups");
        let reporter = actor::load(&mut db, 6).expect("actor");
        let items = report::monthly(&mut db, &reporter).expect("batch");
        // Two groups × five, the college's results and dynamics, and the four control reports.
        assert_eq!(items.len(), 2 * 5 + 2 + 4);
        let tutor2 = actor::load(&mut db, 3).expect("actor");
        let tutor = report::monthly(&mut db, &tutor2).expect("batch");
        assert!(tutor.iter().all(|i| i.group.as_deref() != Some("ТМ-26")));
    }
}
