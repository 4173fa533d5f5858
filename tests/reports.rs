//! Golden tests of the reports on the hand-built group of `reports/fixture.rs`, on every
//! backend: every figure below was worked out by hand (the worked examples of `formulas.md`
//! among them), SQLite and PostgreSQL give the same JSON, the XLSX reads back, the PDF's text
//! holds the Cyrillic names, and nobody sees a group they may not.

#[path = "reports/fixture.rs"]
mod fixture;
mod support;

use diesel::prelude::*;

use ezh::app::report::{self, Filters, Kind};
use ezh::app::{actor, AppError};
use ezh::report::render::{self, Format, Options};
use ezh::report::Report;
use ezh::store::Db;
use fixture::d;

fn filters(group: Option<&str>) -> Filters {
    Filters {
        group: group.map(String::from),
        today: d(2026, 12, 28),
        ..Filters::default()
    }
}

fn make(db: &mut Db, user: i64, kind: Kind, f: &Filters) -> Result<Report, AppError> {
    let a = actor::load(db, user).expect("actor");
    report::make(db, &a, kind, f)
}

/// The text of the cell in the row whose name column reads `row` and the column headed `col`.
fn cell(r: &Report, name_col: usize, row: &str, col: &str) -> String {
    let headers = r.flat_headers();
    let c = headers
        .iter()
        .position(|h| h == col)
        .unwrap_or_else(|| panic!("no column {col} in {headers:?}"));
    let line = r
        .rows
        .iter()
        .find(|x| x.cells[name_col].text == row)
        .unwrap_or_else(|| panic!("no row {row}"));
    let cell = &line.cells[c];
    format!("{}{}", cell.text, if cell.failing { "!" } else { "" })
}

fn progress_statement(db: &mut Db, backend: &str) -> Report {
    let r = make(db, 1, Kind::ProgressStatement, &filters(Some("ТМ-26"))).expect("progress");
    assert_eq!(
        r.rows.len(),
        25 + 6,
        "{backend}: 25 counted students, 6 figure rows"
    );
    assert!(
        !r.rows.iter().any(|x| x.cells[1].text.starts_with("Юдин")),
        "{backend}: left in October"
    );
    let m = |row: &str| cell(&r, 1, row, "Дисциплины: Математика");
    let p = |row: &str| cell(&r, 1, row, "Дисциплины: Физика");
    assert_eq!(
        [
            m("Абрамов Тест"),
            m("Харитонова Тест"),
            m("Цветков Тест"),
            m("Чернова Тест")
        ],
        ["5", "2!", "н/а!", "осв"]
    );
    // Current averages where Физика has no finals: (5+5+4)/3, (2+3)/2 (forecast 2), (3+4)/2.
    assert_eq!(
        [
            p("Абрамов Тест"),
            p("Белова Тест"),
            p("Волков Тест"),
            p("Шилов Тест")
        ],
        ["4,67", "2,50!", "3,50", ""]
    );
    // formulas.md: N = 23, 86.96 %, 56.52 %, СОУ 56.65 %, average 3.73 over 22.
    let figures = [
        "N",
        "% успеваемости",
        "% качества",
        "СОУ, %",
        "Средний балл",
        "Отметок в среднем",
    ];
    let got: Vec<String> = figures.iter().map(|f| m(f)).collect();
    assert_eq!(
        got,
        ["23", "86,96", "56,52", "56,65", "3,73", "22"],
        "{backend}"
    );
    // Физика by forecasts 4, 2, 4: N 3, 2/3, 2/3, (64+16+64)/3, (4+2+4)/3.
    let got: Vec<String> = figures.iter().map(|f| p(f)).collect();
    assert_eq!(
        got,
        ["3", "66,67", "66,67", "48,00", "3,33", "3"],
        "{backend}"
    );
    assert!(r.definitions.iter().any(|x| x.contains("полная формула")));
    assert_eq!(r.signatures[0].name, "Петрова А. С.");
    r
}

fn attendance_month(db: &mut Db, backend: &str) -> Report {
    let mut f = filters(Some("ТМ-26"));
    f.month = Some("2026-09".into());
    let r = make(db, 2, Kind::AttendanceMonth, &f).expect("attendance");
    assert_eq!(
        r.rows.len(),
        26 + 1,
        "{backend}: Юдин was in the group in September"
    );
    let headers = r.flat_headers();
    assert_eq!(
        &headers[2..5],
        ["Дни месяца: 7", "Дни месяца: 14", "Дни месяца: 21"]
    );
    let c = |row: &str, col: &str| cell(&r, 1, row, col);
    assert_eq!(c("Белова Тест", "Дни месяца: 21"), "2н");
    assert_eq!(c("Абрамов Тест", "Дни месяца: 14"), "оп");
    assert_eq!(c("Григорьева Тест", "Дни месяца: 7"), "2у");
    assert_eq!(
        c("Белова Тест", "Пропущено часов: без уважит. причины (н)"),
        "2"
    );
    // Four lessons of 2 hours: (8 − 2) × 100 / 8.
    assert_eq!(c("Белова Тест", "Посещаемость, %"), "75,00");
    assert_eq!(c("Абрамов Тест", "Опозданий"), "1");
    assert_eq!(c("Абрамов Тест", "Посещаемость, %"), "100,00");
    // 26 students × 8 hours, 6 missed: 202 × 100 / 208 = 97.115…
    assert_eq!(c("Итого по группе", "Посещаемость, %"), "97,12");
    assert_eq!(c("Итого по группе", "Пропущено часов: всего"), "6");
    assert_eq!(c("Итого по группе", "Дни месяца: 7"), "2");
    r
}

fn forecast(db: &mut Db, backend: &str) -> Report {
    let mut f = filters(Some("ТМ-26"));
    f.subject = Some("Физика".into());
    let r = make(db, 2, Kind::Forecast, &f).expect("forecast");
    assert_eq!(r.rows.len(), 25, "{backend}");
    let row = |name: &str| -> Vec<String> {
        let x = r.rows.iter().find(|x| x.cells[1].text == name).expect(name);
        x.cells[3..]
            .iter()
            .map(|c| format!("{}{}", c.text, if c.failing { "!" } else { "" }))
            .collect()
    };
    // formulas.md: (15 + 5 + 20) / 9 = 4.44, not 4.33.
    assert_eq!(
        row("Абрамов Тест"),
        [
            "3",
            "4,44",
            "4",
            "100,00",
            "",
            "нужна ещё одна 5, чтобы выйти на 5"
        ]
    );
    assert_eq!(
        row("Белова Тест"),
        [
            "2",
            "2,25",
            "2!",
            "50,00",
            "под угрозой: прогноз «2»; нет отметок за 1 из 2 обязательных работ; без уважительной причины пропущено 2 ч из 6 (больше 30 %)!",
            "нужна ещё одна 5 или одна 4, чтобы выйти на 3"
        ]
    );
    // (9 + 20) / 8 = 3.625 → 4; to reach 4.50: 100(29 + 5k) ≥ 450(8 + k) → k = 14.
    assert_eq!(
        row("Волков Тест"),
        [
            "2",
            "3,63",
            "4",
            "100,00",
            "",
            "нужно ещё 14 5, чтобы выйти на 5"
        ]
    );
    r
}

fn group_results(db: &mut Db, backend: &str) -> Report {
    let r = make(db, 1, Kind::GroupResults, &filters(Some("ТМ-26"))).expect("results");
    let got: Vec<String> = r.rows[0].cells.iter().map(|c| c.text.clone()).collect();
    // 23 students with results (the two «осв» have none); pooled over Математика and the three
    // Физика forecasts: n5 5, n4 10, n3 7, n2 3, н/а 1 → N 26, 2200/26, 1500/26, 1447/26, 92/25.
    assert_eq!(
        got,
        ["ТМ-26", "23", "2", "10", "7", "4", "26", "84,62", "57,69", "55,65", "3,68"],
        "{backend}"
    );
    assert!(
        r.notes
            .iter()
            .any(|n| n == "ТМ-26, Белова Тест: Физика — 2"),
        "{:?}",
        r.notes
    );
    assert!(r
        .notes
        .iter()
        .any(|n| n == "ТМ-26, Цветков Тест: Математика — н/а"));
    r
}

fn json(r: &Report) -> String {
    String::from_utf8(render::render(r, Format::Json, Options::default()).expect("json"))
        .expect("utf8")
}

#[test]
fn golden_reports_agree_on_every_backend() {
    let dir = tempfile::tempdir().expect("dir");
    let mut outputs: Vec<(String, Vec<String>)> = Vec::new();
    for (backend, url) in support::backends("golden_reports", dir.path()) {
        let mut db = fixture::build(&url);
        let reports = [
            progress_statement(&mut db, backend),
            attendance_month(&mut db, backend),
            forecast(&mut db, backend),
            group_results(&mut db, backend),
        ];
        let statement = make(
            &mut db,
            1,
            Kind::AttendanceStatement,
            &filters(Some("ТМ-26")),
        )
        .expect("statement");
        assert_eq!(
            cell(
                &statement,
                1,
                "Белова Тест",
                "Пропуски по месяцам: сентябрь 2026"
            ),
            "2н"
        );
        let totals = make(&mut db, 2, Kind::StudentTotals, &filters(None)).expect("totals");
        let t = |row: &str, col: &str| cell(&totals, 1, row, col);
        assert_eq!(
            [
                t("Абрамов Тест", "Итоговые оценки: Математика"),
                t("Абрамов Тест", "Задолженности"),
                t("Абрамов Тест", "Средний балл")
            ],
            ["5", "0", "5,00"]
        );
        assert_eq!(
            [
                t("Цветков Тест", "Итоговые оценки: Математика"),
                t("Цветков Тест", "Задолженности"),
                t("Цветков Тест", "Средний балл")
            ],
            ["н/а!", "1!", "—"]
        );
        assert_eq!(
            [
                t("Белова Тест", "Пропущено часов"),
                t("Белова Тест", "из них без уважит. причины")
            ],
            ["2", "2"]
        );
        let results =
            make(&mut db, 4, Kind::TeacherResults, &filters(None)).expect("teacher results");
        let line: Vec<String> = results.rows[0]
            .cells
            .iter()
            .map(|c| c.text.clone())
            .collect();
        assert_eq!(
            line,
            [
                "ТМ-26",
                "Физика",
                "0",
                "0",
                "0",
                "0",
                "0",
                "0",
                "—",
                "—",
                "—",
                "—",
                "72",
                "6"
            ],
            "{backend}"
        );
        let pre = make(&mut db, 4, Kind::TeacherPreliminary, &filters(None)).expect("preliminary");
        let line: Vec<String> = pre.rows[0].cells.iter().map(|c| c.text.clone()).collect();
        // Forecasts 4, 2, 4; 5 of the 50 required works graded; 23 students at risk.
        assert_eq!(
            line,
            [
                "ТМ-26",
                "Физика",
                "3",
                "0",
                "2",
                "0",
                "1",
                "0",
                "66,67",
                "66,67",
                "48,00",
                "3,33",
                "72",
                "6",
                "10,00",
                "23"
            ],
            "{backend}"
        );
        let tp =
            make(&mut db, 2, Kind::TutorPreliminary, &filters(None)).expect("tutor preliminary");
        let names: Vec<&str> = tp.rows.iter().map(|r| r.cells[1].text.as_str()).collect();
        assert_eq!(
            (names[0], names[23], names[24]),
            ("Белова Тест", "Абрамов Тест", "Волков Тест"),
            "{backend}: at risk first"
        );
        let line: Vec<String> = tp.rows[0].cells[2..]
            .iter()
            .map(|c| c.text.clone())
            .collect();
        assert_eq!(
            line,
            [
                "1",
                "0",
                "0",
                "3,50",
                "Физика (2)",
                "2",
                "2",
                "75,00",
                "",
                "Физика"
            ]
        );
        assert_eq!(tp.notes[0], "Итоги группы: N = 26, % успеваемости 84,62, % качества 57,69, СОУ 55,65 %, средний балл 3,68.");
        assert_eq!(tp.notes[1], "Посещаемость группы 97,00 %: пропущено 6 ч (по болезни 2, по уважительной причине 2, без уважительной причины 2), опозданий 1.");
        assert_eq!(tp.notes[2], "Движение обучающихся за период: не было.");
        let mut all: Vec<String> = reports.iter().map(json).collect();
        all.push(json(&tp));
        all.push(json(&statement));
        all.push(json(&totals));
        all.push(json(&pre));
        outputs.push((backend.to_string(), all));
        // The RUJEL variant of СОУ, taken from the college's settings.
        ezh::with_conn!(&mut db.conn(), c => diesel::update(ezh::store::schema::college::table)
            .set(ezh::store::schema::college::sou_variant.eq("without_failures"))
            .execute(c))
        .expect("setting");
        let r =
            make(&mut db, 1, Kind::ProgressStatement, &filters(Some("ТМ-26"))).expect("progress");
        assert_eq!(
            cell(&r, 1, "СОУ, %", "Дисциплины: Математика"),
            "54,96",
            "{backend}"
        );
        assert!(r.definitions.iter().any(|x| x.contains("без неуспевающих")));
    }
    if let [(a, first), rest @ ..] = outputs.as_slice() {
        for (b, other) in rest {
            assert_eq!(first, other, "{a} and {b} differ");
        }
    }
}

#[test]
fn every_format_opens() {
    let dir = tempfile::tempdir().expect("dir");
    let url = support::sqlite_url(dir.path());
    let mut db = fixture::build(&url);
    let r = make(&mut db, 1, Kind::ProgressStatement, &filters(Some("ТМ-26"))).expect("progress");

    let xlsx = render::render(&r, Format::Xlsx, Options::default()).expect("xlsx");
    use calamine::{Data, Reader};
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).expect("open xlsx");
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
            },
        )
        .expect("table"),
    )
    .expect("utf8");
    assert!(table.contains("Абрамов Тест") && table.contains("86,96"));
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
        assert_eq!(items.len(), 2 * 4 + 1);
        let tutor2 = actor::load(&mut db, 3).expect("actor");
        let tutor = report::monthly(&mut db, &tutor2).expect("batch");
        assert!(tutor.iter().all(|i| i.group.as_deref() != Some("ТМ-26")));
    }
}
