//! Which result counts (`formulas.md`, «Which final grade counts») and the group's figures by
//! students, on the golden fixture of `fixture.rs` with three additions, on every backend:
//! - exam grades in Математика (an exam subject): Егорова term 4, exam 5; Никитина term 3,
//!   exam 4 — the statements count the exam;
//! - «Физическая культура», a зачёт-only subject of ТМ-26: зачёт for students 1–22, незачёт
//!   for 23 (Цветков), «осв» for 24 and 25 — no quality rate, СОУ or average of its own, and
//!   left out of the quality and СОУ of the college's total line;
//! - Яковлева was in ТМ-26 from 01.09 to 18.10 before ЭС-26 (from 19.10) and missed the
//!   Математика lecture of 07.09 there (2 h «н»): her year's totals in ЭС-26 count those hours.
//!
//! A final that does not fit the subject's form of control is refused on the screen's path
//! and by the import, and nothing is written.

use diesel::prelude::*;
use ezh::app::import::{self, ImportOptions, Quiet};
use ezh::app::journal::finals::{set_final, FinalKey};
use ezh::app::report::Kind;
use ezh::app::{actor, AppError};
use ezh::domain::grade::{CODE_EXEMPT, CODE_FAIL, CODE_PASS};
use ezh::domain::{FinalGradeValue, FinalKind};
use ezh::store::rows::*;
use ezh::store::schema::*;
use ezh::store::Db;

use crate::fixture::{self, cell, d, filters, make};
use crate::support;

fn add_rows(db: &mut Db) {
    db.write(|c| {
        ezh::with_conn!(c, x => {
            let at = d(2026, 12, 20).and_hms_opt(12, 0, 0).unwrap_or_default();
            let fin = |id: i64, st: i64, subject: i64, kind: &str, value: i32| FinalGradeRow {
                id, student_id: st, group_id: 1, subject_id: subject, term_id: 1,
                kind: kind.into(), value, entered_by: 2, entered_at: at, version: 1,
            };
            // Егорова (6) has term 4, Никитина (14) term 3 in the fixture.
            diesel::insert_into(final_grades::table).values(&vec![fin(100, 6, 1, "exam", 5), fin(101, 14, 1, "exam", 4)]).execute(x)?;
            diesel::insert_into(subjects::table).values(SubjectRow { id: 3, name: "Физическая культура".into(), pass_fail: false }).execute(x)?;
            diesel::insert_into(curriculum::table).values(CurriculumRow { id: 10, group_id: 1, subject_id: 3, term_id: 1, index_code: "ОУД.03".into(), hours: 36, control_form: "credit".into() }).execute(x)?;
            diesel::insert_into(assignments::table).values(AssignmentRow { id: 10, teacher_id: 2, group_id: 1, subgroup_id: None, subject_id: 3, term_id: 1 }).execute(x)?;
            let credits: Vec<FinalGradeRow> = (1..=25i64).map(|st| {
                let v = match st { 1..=22 => CODE_PASS, 23 => CODE_FAIL, _ => CODE_EXEMPT };
                fin(200 + st, st, 3, "term", v)
            }).collect();
            diesel::insert_into(final_grades::table).values(&credits).execute(x)?;
            diesel::insert_into(users::table).values(fixture::user(7, "secretary", "Орлова", "Вера", "Ивановна")).execute(x)?;
            diesel::insert_into(user_roles::table).values((user_roles::user_id.eq(7i64), user_roles::role.eq("secretary"))).execute(x)?;
            // Яковлева: ТМ-26 until 18.10, then ЭС-26; «н» at lesson 2 (ТМ-26, 07.09, 2 h).
            diesel::update(group_memberships::table.find(27)).set(group_memberships::from_date.eq(d(2026, 10, 19))).execute(x)?;
            diesel::insert_into(group_memberships::table).values(MembershipRow { id: 28, student_id: 27, group_id: 1, from_date: d(2026, 9, 1), to_date: Some(d(2026, 10, 18)) }).execute(x)?;
            diesel::insert_into(absences::table).values(AbsenceRow { id: 10, lesson_id: 2, student_id: 27, reason: "absent".into(), entered_by: 2, entered_at: at, version: 1 }).execute(x)?;
            Ok::<_, diesel::result::Error>(())
        })?;
        Ok::<_, AppError>(())
    })
    .expect("additions");
}

fn final_rows(db: &mut Db) -> i64 {
    ezh::with_conn!(&mut db.conn(), c => final_grades::table.count().get_result::<i64>(c))
        .expect("count")
}

#[test]
fn the_form_of_control_decides_the_result_on_every_backend() {
    let dir = tempfile::tempdir().expect("dir");
    for (backend, url) in support::backends("results_rule", dir.path()) {
        let mut db = fixture::build(&url);
        add_rows(&mut db);
        let r =
            make(&mut db, 1, Kind::ProgressStatement, &filters(Some("ТМ-26"))).expect("progress");
        let m = |row: &str| cell(&r, 1, row, "Дисциплины: Математика");
        let pe = |row: &str| cell(&r, 1, row, "Дисциплины: Физическая культура");
        assert_eq!(
            [m("Егорова Тест"), m("Никитина Тест")],
            ["5", "4"],
            "{backend}: the exam counts"
        );
        assert_eq!(
            [pe("Абрамов Тест"), pe("Цветков Тест"), pe("Шилов Тест")],
            ["зч", "нз!", "осв"]
        );
        // Математика now: n5 6, n4 8, n3 6, n2 2, н/а 1, осв 2 → N 23; pass 20 × 100 / 23 = 86,96;
        // quality 14 × 100 / 23 = 60,87; СОУ (600 + 512 + 216 + 32 + 7) / 23 = 1367 / 23 = 59,43;
        // average (30 + 32 + 18 + 4) / 22 = 3,82.
        let figures = fixture::FIGURE_ROWS;
        let got: Vec<String> = figures.iter().map(|f| m(f)).collect();
        assert_eq!(
            got,
            ["23", "86,96", "60,87", "59,43", "3,82", "22"],
            "{backend}"
        );
        // Физическая культура: N 23 (24, 25 «осв»); pass 22 × 100 / 23 = 95,65; nothing else to
        // compute for a зачёт-only subject: «—», never 0,00.
        let got: Vec<String> = figures.iter().map(|f| pe(f)).collect();
        assert_eq!(got, ["23", "95,65", "—", "—", "—", "0"], "{backend}");
        assert!(
            r.notes
                .iter()
                .any(|n| n.starts_with("Физическая культура: дисциплина оценивается только")),
            "{backend}: {:?}",
            r.notes
        );
        assert!(r
            .definitions
            .iter()
            .any(|x| x.starts_with("Результат по дисциплине — по форме контроля")));

        // The group by students: Цветков (н/а, нз) and the rest as in reports.rs, except that
        // Егорова (Математика exam 5, зачёт) is now «только 5» and Никитина (exam 4) «4 и 5»:
        // 23 counted, only 5: Григорьева, Данилов, Егорова = 3; 4 and 5: 10 − 1 + 1 = 10; one 3:
        // 7 − 1 = 6; failing 4 → pass 19 × 100 / 23 = 82,61, quality 13 × 100 / 23 = 56,52.
        // Results: 26 graded (Математика, Физика) + 23 credits = 49; СОУ over the 26 graded:
        // n5 6, n4 10, n3 6, n2 3, н/а 1 → (600 + 640 + 216 + 48 + 7) / 26 = 58,12; average over
        // the 25 grades: (30 + 40 + 18 + 6) / 25 = 3,76.
        let g = make(&mut db, 1, Kind::GroupResults, &filters(Some("ТМ-26"))).expect("results");
        let got: Vec<String> = g.rows[0].cells.iter().map(|c| c.text.clone()).collect();
        assert_eq!(
            got,
            ["ТМ-26", "23", "3", "10", "6", "4", "82,61", "56,52", "49", "58,12", "3,76", "25"],
            "{backend}"
        );

        // The college's quality total: per line as the statement; the total line pools the
        // results, leaving Физическая культура out of quality and СОУ. Graded results of ТМ-26
        // as above (26) and ЭС-26's Математика (Яковлева has no grade: no result) → 26:
        // quality (6 + 10) × 100 / 26 = 61,54, СОУ 1511 / 26 = 58,12; pass over all 49:
        // (6 + 10 + 6 + 22) × 100 / 49 = 89,80.
        let mut f = filters(None);
        f.term = Some(1);
        let q = make(&mut db, 1, Kind::Quality, &f).expect("quality");
        let total = |col: &str| cell(&q, 0, "Итого", col);
        assert_eq!(
            [
                total("N"),
                total("% успеваемости: период"),
                total("% качества: период"),
                total("СОУ, %: период")
            ],
            ["49", "89,80", "61,54", "58,12"],
            "{backend}"
        );

        // Яковлева's year in ЭС-26: 2 h missed in ТМ-26 before her transfer.
        let t = make(&mut db, 1, Kind::StudentTotals, &filters(Some("ЭС-26"))).expect("totals");
        assert_eq!(
            cell(&t, 1, "Яковлева Тест", "Пропущено часов"),
            "2",
            "{backend}"
        );
        assert_eq!(
            cell(&t, 1, "Яковлева Тест", "из них без уважит. причины"),
            "2",
            "{backend}"
        );

        // The journal grid's «Итог» is the same result: Никитина's exam 4, not her term 3.
        let deputy = actor::load(&mut db, 1).expect("deputy");
        let grid = ezh::app::journal::grid::open(&mut db, &deputy, 1).expect("grid");
        let day = d(2026, 12, 28);
        let fin = |st: i64| grid.stats(st, day).and_then(|x| x.final_grade);
        assert_eq!(
            [fin(14), fin(15)],
            [
                Some(FinalGradeValue::Numeric(4)),
                Some(FinalGradeValue::Numeric(3))
            ],
            "{backend}"
        );

        // A зачёт for an exam subject is refused on the journal's path and by the import.
        let before = final_rows(&mut db);
        let teacher = actor::load(&mut db, 2).expect("tutor1");
        let key = FinalKey {
            student_id: 14,
            group_id: 1,
            subject_id: 1,
            term_id: 1,
            kind: FinalKind::Term,
        };
        let err = set_final(&mut db, &teacher, key, FinalGradeValue::Pass, Some(1), None)
            .expect_err("зч for an exam");
        assert_eq!(
            err.to_string(),
            "«зч» не подходит: форма контроля по учебному плану — экзамен, нужна оценка 2–5 (или «н/а», «осв»)",
            "{backend}"
        );
        let key = FinalKey {
            subject_id: 3,
            ..key
        };
        let err = set_final(
            &mut db,
            &teacher,
            key,
            FinalGradeValue::Numeric(5),
            Some(1),
            None,
        )
        .expect_err("5 for a credit");
        assert!(
            err.to_string().contains("нужна «зч» или «нз»"),
            "{backend}: {err}"
        );
        let secretary = actor::load(&mut db, 7).expect("secretary");
        let file = "Группа;Дисциплина;ФИО;Отметка;Вид работы;Семестр\r\nТМ-26;Математика;Шилов Тест;зч;итоговая;1\r\n";
        let err = import::import_marks(
            &mut db,
            &secretary,
            "finals.csv",
            file.as_bytes(),
            &ImportOptions::default(),
            &Quiet,
        )
        .expect_err("зч for an exam subject");
        assert!(
            err.to_string().contains("finals.csv:2:4: «Отметка»: «зч» — «зч» не подходит: форма контроля по учебному плану — экзамен"),
            "{backend}: {err}"
        );
        assert_eq!(final_rows(&mut db), before, "{backend}: nothing written");
    }
}
