//! Golden tests of the registers — the printed journal, the families' activity and the
//! college's movement dynamics — on the hand-built group plus `reports/registers.rs`, every
//! figure counted by hand, the same on every backend. Who may not run them:
//! `report_registers_access.rs`.

use crate::fixture;
use crate::registers;
use crate::support;

use ezh::app::report::Kind;
use ezh::report::Report;
use fixture::{cell, filters, json, make};

fn journal_filters(subject: &str) -> ezh::app::report::Filters {
    let mut f = filters(Some("ТМ-26"));
    f.subject = Some(subject.into());
    f
}

fn texts(r: &Report, row: usize) -> Vec<String> {
    r.rows[row].cells.iter().map(|c| c.text.clone()).collect()
}

#[test]
fn journal_print_pages_of_dates_topics_and_finals() {
    let dir = tempfile::tempdir().expect("dir");
    let mut outputs = Vec::new();
    for (backend, url) in support::backends("journal_print", dir.path()) {
        let mut db = fixture::build(&url);
        registers::add(&mut db);
        // The physics teacher prints his own subject: 23 lessons, 16 + 7 dates on two pages.
        let r = make(&mut db, 4, Kind::JournalPrint, &journal_filters("Физика")).expect("print");
        assert_eq!(r.sections.len(), 3, "{backend}: page 2, topics, finals");
        let pages = r.parts();
        assert_eq!(
            r.scope,
            "Группа ТМ-26, 1 курс; дисциплина: Физика; преподаватель: Кузнецов П. А."
        );
        assert_eq!(
            r.period,
            "1 семестр 2026/27 (01.09.2026–31.12.2026); лист 1 из 2"
        );
        assert_eq!(
            pages[1].period,
            "1 семестр 2026/27 (01.09.2026–31.12.2026); лист 2 из 2"
        );
        assert_eq!(r.column_groups[1].columns.len(), 16);
        assert_eq!(
            r.column_groups[1].columns[..4],
            ["07.09", "14.09", "21.09", "01.10"]
        );
        assert_eq!(r.column_groups[1].columns[15], "12.11");
        assert_eq!(pages[1].column_groups[1].columns.len(), 7);
        assert_eq!(pages[1].column_groups[1].columns[0], "16.11");
        assert_eq!(pages[1].column_groups[1].columns[6], "07.12");
        // 25 students and Юдин, who left on 15.10, in the journal's order.
        assert_eq!(r.rows.len(), 26);
        assert_eq!(texts(&r, 0)[..5], ["1", "Абрамов Тест", "5", "5 оп", "4"]);
        assert_eq!(texts(&r, 1)[..5], ["2", "Белова Тест", "2", "3", "н"]);
        assert!(r.rows[1].cells[2].failing && !r.rows[1].cells[3].failing);
        assert_eq!(texts(&r, 2)[..5], ["3", "Волков Тест", "3", "б", "4"]);
        assert_eq!(texts(&r, 25)[1], "Юдин Тест");
        assert!(r.signatures.is_empty() && pages[1].signatures.is_empty());
        // The topics page: 23 lessons and 46 hours.
        let topics = pages[2];
        assert_eq!(topics.rows.len(), 24);
        assert_eq!(
            texts(topics, 0),
            ["1", "07.09.2026", "2", "контрольная работа", "Тема", "§ 1"]
        );
        assert_eq!(
            texts(topics, 3),
            [
                "4",
                "01.10.2026",
                "2",
                "практическое занятие",
                "Задачи 1",
                ""
            ]
        );
        assert_eq!(texts(topics, 23)[..3], ["Итого", "", "46"]);
        // Finals: none in Физика yet; grades counted and hours missed («оп» is not missed).
        let finals = pages[3];
        let col = |row, c| cell(finals, 1, row, c);
        assert_eq!(col("Абрамов Тест", "Текущих отметок"), "3");
        assert_eq!(col("Абрамов Тест", "Пропущено часов"), "0");
        assert_eq!(col("Белова Тест", "Пропущено часов"), "2");
        assert_eq!(col("Волков Тест", "Пропущено часов"), "2");
        assert_eq!(col("Абрамов Тест", "Итоговая оценка"), "");
        let roles: Vec<&str> = finals.signatures.iter().map(|s| s.role.as_str()).collect();
        assert_eq!(
            roles,
            [
                "Преподаватель",
                "Классный руководитель",
                "Заместитель директора по учебной работе"
            ]
        );
        assert_eq!(finals.signatures[1].name, "Петрова А. С.");
        // The tutor prints Математика: the worked example's finals, one page of dates.
        let m = make(
            &mut db,
            2,
            Kind::JournalPrint,
            &journal_filters("Математика"),
        )
        .expect("m");
        assert_eq!(m.sections.len(), 2, "{backend}");
        assert_eq!(cell(&m, 1, "Григорьева Тест", "Даты занятий: 07.09"), "у");
        let fm = &m.sections[1];
        assert_eq!(cell(fm, 1, "Абрамов Тест", "Итоговая оценка"), "5");
        assert_eq!(cell(fm, 1, "Харитонова Тест", "Итоговая оценка"), "2!");
        assert_eq!(cell(fm, 1, "Цветков Тест", "Итоговая оценка"), "н/а!");
        assert_eq!(cell(fm, 1, "Шилов Тест", "Итоговая оценка"), "осв");
        assert_eq!(cell(fm, 1, "Григорьева Тест", "Пропущено часов"), "2");
        outputs.push(json(&r) + &json(&m));
    }
    assert!(outputs.windows(2).all(|w| w[0] == w[1]), "backends differ");
}

#[test]
fn family_activity_and_movement_dynamics() {
    let dir = tempfile::tempdir().expect("dir");
    let mut outputs = Vec::new();
    for (backend, url) in support::backends("family_dynamics", dir.path()) {
        let mut db = fixture::build(&url);
        registers::add(&mut db);
        let mut f = filters(Some("ТМ-26"));
        f.month = Some("2026-12".into());
        let r = make(&mut db, 2, Kind::FamilyActivity, &f).expect("family");
        assert_eq!(
            r.rows.len(),
            26,
            "{backend}: 25 students in December and the total"
        );
        assert_eq!(
            texts(&r, 0),
            [
                "1",
                "Абрамов Тест",
                "да",
                "2",
                "2",
                "1",
                "1",
                "0",
                "1",
                "1",
                "1"
            ]
        );
        assert_eq!(
            texts(&r, 1),
            [
                "2",
                "Белова Тест",
                "нет",
                "0",
                "0",
                "0",
                "2",
                "0",
                "1",
                "1",
                "1"
            ]
        );
        assert_eq!(
            texts(&r, 25),
            ["Итого", "", "1", "2", "2", "1", "3", "0", "2", "2", "2"]
        );
        assert_eq!(
            r.notes,
            [
                "Обучающихся: 25; активировали доступ: 1; входили в журнал в месяце: 1; \
                 прочитали хотя бы одно сообщение: 1.",
                "Родителей: 2; активировали доступ: 0; входили в журнал в месяце: 1; \
                 прочитали хотя бы одно сообщение: 1."
            ]
        );
        assert_eq!(r.period, "декабрь 2026 (01.12.2026–31.12.2026)");

        let d = make(&mut db, 1, Kind::MovementDynamics, &f).expect("dynamics");
        let want = [
            [
                "сентябрь 2026",
                "0",
                "0",
                "0",
                "0",
                "0",
                "0",
                "0",
                "27",
                "0",
            ],
            [
                "октябрь 2026",
                "27",
                "0",
                "0",
                "0",
                "0",
                "1",
                "0",
                "26",
                "0",
            ],
            ["ноябрь 2026", "26", "0", "0", "1", "0", "0", "0", "25", "1"],
            [
                "декабрь 2026",
                "25",
                "0",
                "0",
                "0",
                "1",
                "0",
                "0",
                "26",
                "0",
            ],
            ["За период", "0", "0", "0", "1", "1", "1", "0", "26", "0"],
        ];
        for (i, w) in want.iter().enumerate() {
            assert_eq!(texts(&d, i), w, "{backend}: row {i}");
        }
        assert_eq!(d.rows.len(), 5);
        assert_eq!(d.period, "2026/27 учебный год, 01.09.2026 — 31.12.2026");
        // Up to the month asked: October alone after September.
        let mut oct = f.clone();
        oct.month = Some("2026-10".into());
        let d2 = make(&mut db, 6, Kind::MovementDynamics, &oct).expect("reporter");
        assert_eq!(d2.rows.len(), 3, "{backend}");
        outputs.push(json(&r) + &json(&d));
    }
    assert!(outputs.windows(2).all(|w| w[0] == w[1]), "backends differ");
}
