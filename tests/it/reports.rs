//! Golden tests of the reports on the hand-built group of `reports/fixture.rs`, on every
//! backend: every figure below was worked out by hand (the worked examples of `formulas.md`
//! among them), and SQLite and PostgreSQL give the same JSON. The staff reports are in
//! `report_staff.rs`, formats and access in `report_formats.rs`.

use crate::fixture;
use crate::support;

use ezh::app::report::Kind;
use ezh::report::Report;
use ezh::store::Db;
use fixture::{cell, filters, json, make};

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
    let figures = fixture::FIGURE_ROWS;
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
    // Whole missed days: 21.09 had only Физика, which Белова missed; 14.09 only Физика, which
    // Волков missed ill; Абрамов was late on 14.09 (present); Григорьева missed Математика on
    // 07.09 but sat the Физика test that day.
    let days = "Дней пропущено целиком";
    assert_eq!(
        [
            c("Белова Тест", days),
            c("Волков Тест", days),
            c("Абрамов Тест", days),
            c("Григорьева Тест", days),
            c("Итого по группе", days)
        ],
        ["1", "1", "0", "0", "2"],
        "{backend}"
    );
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
            "нужна ещё одна пятёрка, чтобы выйти на 5"
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
            "нужна ещё одна пятёрка или одна четвёрка, чтобы выйти на 3"
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
            "нужно ещё 14 пятёрок, чтобы выйти на 5"
        ]
    );
    r
}

fn group_results(db: &mut Db, backend: &str) -> Report {
    let r = make(db, 1, Kind::GroupResults, &filters(Some("ТМ-26"))).expect("results");
    let got: Vec<String> = r.rows[0].cells.iter().map(|c| c.text.clone()).collect();
    // The group counts students (formulas.md, «A group over all its subjects»): 23 with results
    // (the two «осв» have none). Only «5»: Григорьева, Данилов (Абрамов has Физика 4, Белова 2).
    // «4» and «5»: Абрамов, Волков (5 and 4) and the eight 4s = 10. One «3»: the seven 3s.
    // Failing: Белова (Физика 2), two 2s, one н/а = 4. Pass (23 − 4) × 100 / 23 = 82,61; quality
    // (2 + 10) × 100 / 23 = 52,17. Over the 26 results (23 Математика, 3 Физика forecasts):
    // n5 5, n4 10, n3 7, n2 3, н/а 1 → СОУ (500 + 640 + 252 + 48 + 7) / 26 = 55,65; average
    // (25 + 40 + 21 + 6) / 25 = 3,68 over 25 grades.
    assert_eq!(
        got,
        ["ТМ-26", "23", "2", "10", "7", "4", "82,61", "52,17", "26", "55,65", "3,68", "25"],
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
        let all: Vec<String> = reports.iter().chain([&statement]).map(json).collect();
        outputs.push((backend.to_string(), all));
    }
    if let [(a, first), rest @ ..] = outputs.as_slice() {
        for (b, other) in rest {
            assert_eq!(first, other, "{a} and {b} differ");
        }
    }
}
