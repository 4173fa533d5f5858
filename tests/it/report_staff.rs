//! Golden tests of the staff reports on the hand-built group (`reports/fixture.rs`), on every
//! backend: student totals, the teacher's final and preliminary reports, the tutor's
//! preliminary report, and the СОУ variant switched in the college's settings.

use crate::fixture;
use crate::support;

use diesel::prelude::*;
use ezh::app::report::Kind;
use fixture::{cell, filters, json, make};

#[test]
fn golden_staff_reports_agree_on_every_backend() {
    let dir = tempfile::tempdir().expect("dir");
    let mut outputs: Vec<(String, Vec<String>)> = Vec::new();
    for (backend, url) in support::backends("golden_staff_reports", dir.path()) {
        let mut db = fixture::build(&url);
        let totals = make(&mut db, 2, Kind::StudentTotals, &filters(None)).expect("totals");
        let t = |row: &str, col: &str| cell(&totals, 1, row, col);
        // Абрамов (student 1) has the final «5» in Математика and no final in Физика: no debt,
        // average 5 / 1 = 5,00. Цветков (student 23) has «н/а»: one debt, no grade to average.
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
        // Белова's one absence: «н» at the Физика laboratory of 21.09, a pair of 2 hours.
        assert_eq!(
            [
                t("Белова Тест", "Пропущено часов"),
                t("Белова Тест", "из них без уважит. причины")
            ],
            ["2", "2"]
        );
        let results =
            make(&mut db, 4, Kind::TeacherResults, &filters(None)).expect("teacher results");
        // Кузнецов (user 4) teaches only Физика in ТМ-26, which has no final grades yet: N 0, every
        // count 0, no rate to divide («—»); 72 hours in the curriculum; given: his three Физика
        // lessons (07.09, 14.09, 21.09) of 2 hours each = 6.
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
        // Forecasts by weighted averages (test w3, answer w1, lab w5): Абрамов (15 + 5 + 20) / 9 =
        // 4,44 → 4; Белова (6 + 3) / 4 = 2,25 → 2; Волков (9 + 20) / 8 = 3,63 → 4; the other 22
        // have no evidence, so no forecast. N 3: «4» 2, «2» 1. Pass 2 × 100 / 3 = 66,67, quality
        // the same; СОУ (2 × 64 + 16) / 3 = 48,00; average (4 + 2 + 4) / 3 = 3,33. Hours as above.
        // Completeness: 2 required works (the test of 07.09, the lab of 21.09) × 25 students = 50,
        // of which graded: Абрамов 2, Белова 1 (test), Волков 2 → 5 × 100 / 50 = 10,00. At risk:
        // the 22 without evidence and Белова (forecast 2) = 23.
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
        // Белова: Математика «5» (student 2), Физика forecast «2» → «5» 1; average (5 + 2) / 2 =
        // 3,50; the debt «Физика (2)»; 2 hours missed, none excused, of the group's 4 lessons ×
        // 2 h = 8 → (8 − 2) × 100 / 8 = 75,00; no achievements; at risk in Физика.
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
        // The same students as group-results in reports.rs: 23 counted, 4 failing, 12 with only
        // 4s and 5s → 19 × 100 / 23 = 82,61, 12 × 100 / 23 = 52,17; СОУ over the 26 results.
        assert_eq!(tp.notes[0], "Итоги группы: учтено обучающихся 23, из них отличников 2, хорошистов 10, с одной «3» 7, неуспевающих 4; % успеваемости 82,61, % качества 52,17; по 26 результатам СОУ 55,65 %, средний балл 3,68.");
        assert_eq!(tp.notes[1], "Посещаемость группы 97,00 %: пропущено 6 ч (по болезни 2, по уважительной причине 2, без уважительной причины 2), опозданий 1.");
        assert_eq!(tp.notes[2], "Движение обучающихся за период:");
        assert_eq!(
            tp.notes[3],
            "15.10.2026 — Юдин Тест: отчислен(а), приказ № 12-к, по собственному желанию"
        );
        let mv = make(&mut db, 2, Kind::MovementStatement, &filters(None)).expect("movement");
        let line: Vec<String> = mv.rows[0].cells.iter().map(|c| c.text.clone()).collect();
        // The fixture has no enrolment orders, yet the statement balances from the roll: nobody
        // on 31.08, 26 arrived on 01.09, Юдин left, 25 at the end (0 + 26 − 1 = 25).
        assert_eq!(line, ["ТМ-26", "0", "26", "1", "25"], "{backend}");
        assert_eq!(
            mv.notes,
            [
                "Группа ТМ-26:",
                "15.10.2026 — Юдин Тест: отчислен(а), приказ № 12-к, по собственному желанию"
            ]
        );
        assert_eq!(
            make(&mut db, 1, Kind::MovementStatement, &filters(None))
                .expect("college")
                .rows
                .len(),
            3
        );
        let mut other = filters(Some("ТМ-26"));
        other.today = fixture::d(2026, 12, 28);
        assert!(matches!(
            make(&mut db, 3, Kind::MovementStatement, &other),
            Err(ezh::app::AppError::Denied(_))
        ));
        let fill = make(&mut db, 1, Kind::GroupFill, &filters(None)).expect("group fill");
        // On the report date ТМ-26 has 25 of its 25 places (Юдин left on 15.10), ЭС-26 has
        // Яковлева; no funding is recorded. Total: places 25 + 25 = 50, students 25 + 1 = 26.
        let line = |i: usize| -> Vec<String> {
            fill.rows[i].cells.iter().map(|c| c.text.clone()).collect()
        };
        assert_eq!(
            line(0),
            ["ТМ-26", "1", "", "25", "25", "0", "0", ""],
            "{backend}: Юдин left"
        );
        assert_eq!(line(2), ["Итого", "", "", "50", "26", "0", "0", ""]);
        let mut f = filters(None);
        f.month = Some("2026-09".into());
        let hw = make(&mut db, 1, Kind::HomeworkFill, &f).expect("homework");
        let lines: Vec<Vec<String>> = hw
            .rows
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .map(|c| format!("{}{}", c.text, if c.failing { "!" } else { "" }))
                    .collect()
            })
            .collect();
        // September's lessons with homework: Кузнецов 3 lessons, only the test of 07.09 has
        // «§ 1» → 1 × 100 / 3 = 33,33; Петрова and Сидоров one lesson each, none → 0,00.
        assert_eq!(
            lines,
            [
                ["Кузнецов П. А.", "ТМ-26", "Физика", "3", "1", "33,33!"],
                ["Петрова А. С.", "ТМ-26", "Математика", "1", "0", "0,00!"],
                ["Сидоров И. П.", "ЭС-26", "Математика", "1", "0", "0,00!"],
            ],
            "{backend}"
        );
        assert!(
            matches!(
                make(&mut db, 2, Kind::HomeworkFill, &f),
                Err(ezh::app::AppError::Denied(_))
            ),
            "a tutor is not the deputy"
        );
        ezh::with_conn!(&mut db.conn(), c => {
            let at = |d: u32| fixture::d(2026, 9, d).and_hms_opt(8, 0, 0).unwrap_or_default();
            let rows = [(1, at(10), 2), (2, at(11), 2), (3, fixture::d(2026, 8, 31).and_hms_opt(8, 0, 0).unwrap_or_default(), 4)];
            for (id, when, user) in rows {
                diesel::insert_into(ezh::store::schema::activity_log::table)
                    .values(ezh::store::rows::ActivityRow { id, at: when, user_id: Some(user), login: String::new(), event: "login".into(), details: String::new() })
                    .execute(c)
                    .expect("activity row");
            }
        });
        let mut f = filters(None);
        f.month = Some("2026-09".into());
        let ua = make(&mut db, 1, Kind::UserActivity, &f).expect("user activity");
        let line = |role: &str| -> Vec<String> {
            ua.rows
                .iter()
                .find(|r| r.cells[0].text == role)
                .expect(role)
                .cells
                .iter()
                .map(|c| c.text.clone())
                .collect()
        };
        // Three teachers (users 2, 3, 4); Петрова logged in twice in September, Кузнецов only in
        // August (31.08), Сидоров never: 3 users, 1 came in, 2 logins. The fixture writes its rows
        // past the app, so the audit holds no record of September: 0 entries.
        assert_eq!(
            line("преподаватель"),
            ["преподаватель", "3", "1", "2", "0"],
            "{backend}"
        );
        assert_eq!(line("заместитель"), ["заместитель", "1", "0", "0", "0"]);
        assert!(matches!(
            make(&mut db, 2, Kind::UserActivity, &f),
            Err(ezh::app::AppError::Denied(_))
        ));
        outputs.push((
            backend.to_string(),
            [&totals, &pre, &tp, &fill, &hw, &mv, &ua]
                .into_iter()
                .map(json)
                .collect(),
        ));
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
