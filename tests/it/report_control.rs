//! Golden tests of the control reports (9.5, 11.2) on the hand-built group
//! (`reports/fixture.rs`) with the late entries of `reports/control.rs`, on every backend:
//! `quality`, `teacher-activity` and `grade-fill` (`topics-coverage` and `deadlines` are in
//! `report_control_access.rs`). Every figure is worked out by hand in the comments.

use crate::control;
use crate::fixture;
use crate::support;

use control::{build, lines, period};
use ezh::app::report::Kind;
use fixture::make;

#[test]
fn golden_control_reports_agree_on_every_backend() {
    let dir = tempfile::tempdir().expect("dir");
    let mut outputs = Vec::new();
    for (backend, url) in support::backends("golden_control_reports", dir.path()) {
        let mut db = build(&url);
        let mut got = Vec::new();

        // quality, term 1 on 28.12: Математика ТМ-26 is the worked example (N 23: 86,96 %,
        // 56,52 %, СОУ 56,65 %, average 3,73). Физика has forecasts only: Абрамов
        // (15+5+20+3)/10 = 4,3 → 4, Белова (6+3+5)/5 = 2,8 → 3, Волков (9+20)/8 = 3,625 → 4;
        // N 3, pass 3/3 = 100, quality 2/3 = 66,67, СОУ (64+36+64)/3 = 54,67, average 11/3 =
        // 3,67. Total: 5×5, 10×4, 8×3, 2×2, 1 н/а, N 26: 23/26 = 88,46, 15/26 = 57,69,
        // (500+640+288+32+7)/26 = 56,42, 93/25 = 3,72. No term before: «—».
        let r = make(
            &mut db,
            1,
            Kind::Quality,
            &period(None, None, (2026, 12, 28)),
        )
        .expect("q");
        let dash = ["—", "—", "—"];
        let row = |head: [&str; 4], figs: [&str; 4]| -> Vec<String> {
            let mut v: Vec<String> = head.iter().map(|s| s.to_string()).collect();
            for f in figs {
                v.push(f.into());
                v.extend(dash[1..].iter().map(|s| s.to_string()));
            }
            v
        };
        assert_eq!(
            lines(&r),
            [
                row(
                    ["ТМ-26", "Математика", "Петрова А. С.", "23"],
                    ["86,96", "56,52", "56,65", "3,73"]
                ),
                row(
                    ["ТМ-26", "Физика", "Кузнецов П. А.", "3"],
                    ["100,00", "66,67", "54,67", "3,67"]
                ),
                row(["Итого", "", "", "26"], ["88,46", "57,69", "56,42", "3,72"]),
            ],
            "{backend}"
        );
        assert!(r
            .notes
            .contains(&"Предыдущего периода в журнале нет.".to_string()));
        got.push(fixture::json(&r));

        // quality, October against September (Физика only; the month's grades alone):
        // October Абрамов 3, Белова 5: N 2, 100, 50, (36+100)/2 = 68, 4,00; September 4, 2, 4:
        // 66,67, 66,67, (64+16+64)/3 = 48, 10/3 = 3,33.
        let r = make(
            &mut db,
            1,
            Kind::Quality,
            &period(Some("2026-10"), None, (2026, 12, 28)),
        )
        .expect("month");
        let want = [
            "ТМ-26",
            "Физика",
            "Кузнецов П. А.",
            "2",
            "100,00",
            "66,67",
            "+33,33",
            "50,00",
            "66,67",
            "−16,67!",
            "68,00",
            "48,00",
            "+20,00",
            "4,00",
            "3,33",
            "+0,67",
        ];
        assert_eq!(lines(&r)[0], want, "{backend}");
        got.push(fixture::json(&r));

        // teacher-activity, September: Кузнецов held lessons 1, 3, 4 (all with a topic, one
        // with homework, all graded); late: Белова's test grade and her absence → 2; last
        // entry: that grade, 16.09 10:00. Петрова and Сидоров: one lecture each, nothing
        // graded, last touched with the lesson on 01.09 09:00.
        let r = make(
            &mut db,
            1,
            Kind::TeacherActivity,
            &period(Some("2026-09"), None, (2026, 12, 28)),
        )
        .expect("activity");
        assert_eq!(
            lines(&r),
            [
                [
                    "Кузнецов П. А.",
                    "3",
                    "3",
                    "1",
                    "3",
                    "2!",
                    "16.09.2026 10:00"
                ],
                ["Петрова А. С.", "1", "1", "0", "0", "0", "01.09.2026 09:00"],
                ["Сидоров И. П.", "1", "1", "0", "0", "0", "01.09.2026 09:00"],
            ],
            "{backend}"
        );
        got.push(fixture::json(&r));

        // grade-fill, September, norm 3: ТМ-26 on 30.09 has 26 students (Юдин left 15.10).
        // Физика: 7 grades (Абрамов 3, Белова 2, Волков 2) → 7/26 = 0,27; 25 below.
        let r = make(
            &mut db,
            1,
            Kind::GradeFill,
            &period(Some("2026-09"), None, (2026, 12, 28)),
        )
        .expect("fill");
        assert_eq!(
            lines(&r),
            [
                [
                    "Кузнецов П. А.",
                    "ТМ-26",
                    "Физика",
                    "3",
                    "26",
                    "7",
                    "0,27!",
                    "3",
                    "25!"
                ],
                [
                    "Петрова А. С.",
                    "ТМ-26",
                    "Математика",
                    "1",
                    "26",
                    "0",
                    "0,00!",
                    "3",
                    "26!"
                ],
                [
                    "Сидоров И. П.",
                    "ЭС-26",
                    "Математика",
                    "1",
                    "1",
                    "0",
                    "0,00!",
                    "3",
                    "1!"
                ],
            ],
            "{backend}"
        );
        assert!(r.notes[0].starts_with("Кузнецов П. А., ТМ-26, Физика — меньше 3: Белова Тест (2), Волков Тест (2), Григорьева Тест (0), Данилов Тест (0), Егорова Тест (0), Ёлкин Тест (0),"), "{}", r.notes[0]);
        got.push(fixture::json(&r));

        outputs.push(got);
    }
    assert!(outputs.windows(2).all(|w| w[0] == w[1]), "backends differ");
}
