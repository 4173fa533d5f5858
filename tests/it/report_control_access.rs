//! The golden figures of `topics-coverage` and `deadlines` (worked out by hand in the comments),
//! who may run the control reports (`roles.md`) and that each opens in XLSX and PDF, on every
//! backend: a teacher gets only their own assignments from `topics-coverage` and `deadlines`
//! and nothing from the college-wide ones; a student gets nothing; the monthly batch of a
//! college-wide runner holds the month's control reports.

use crate::control;
use crate::fixture;
use crate::support;

use control::{build, lines, period};
use ezh::app::report::{self, Kind};
use ezh::app::{actor, AppError};
use ezh::report::render::{self, Format, Options};
use fixture::make;

const CONTROL: [Kind; 5] = [
    Kind::Quality,
    Kind::TeacherActivity,
    Kind::GradeFill,
    Kind::TopicsCoverage,
    Kind::Deadlines,
];

#[test]
fn golden_coverage_and_deadlines_agree_on_every_backend() {
    let dir = tempfile::tempdir().expect("dir");
    let mut outputs = Vec::new();
    for (backend, url) in support::backends("golden_coverage_deadlines", dir.path()) {
        let mut db = build(&url);
        let mut got = Vec::new();
        // topics-coverage on 28.12: 119 of the term's 122 days. Физика: plan 72 h, КТП 2
        // topics of 6 h, given 8 h (lessons 1, 3, 4, 6), 1 topic taken; expected 6 × 119 / 122
        // = 5,85; lead +2,15. Математика ТМ-26: no КТП, expected 72 × 119 / 122 = 70,23,
        // given 2: −68,23 (highlighted beyond 4 h).
        let r = make(
            &mut db,
            1,
            Kind::TopicsCoverage,
            &period(None, None, (2026, 12, 28)),
        )
        .expect("coverage");
        assert_eq!(
            lines(&r),
            [
                [
                    "Кузнецов П. А.",
                    "ТМ-26",
                    "Физика",
                    "72",
                    "2",
                    "6",
                    "8",
                    "1",
                    "0",
                    "5,85",
                    "+2,15"
                ],
                [
                    "Петрова А. С.",
                    "ТМ-26",
                    "Математика",
                    "72",
                    "0",
                    "0",
                    "2",
                    "0",
                    "0",
                    "70,23",
                    "−68,23!"
                ],
                [
                    "Сидоров И. П.",
                    "ЭС-26",
                    "Математика",
                    "72",
                    "0",
                    "0",
                    "2",
                    "0",
                    "0",
                    "70,23",
                    "−68,23!"
                ],
            ],
            "{backend}"
        );
        got.push(fixture::json(&r));

        // deadlines, term 1 on 30.12 (finals were due 29.12): see `build`; Физика ТМ-26 has
        // no finals for its 25 students, Математика ЭС-26 none for Яковлева.
        let r = make(
            &mut db,
            1,
            Kind::Deadlines,
            &period(None, Some(1), (2026, 12, 30)),
        )
        .expect("deadlines");
        let late = "Отметки и пропуски за неделю";
        let test = "Результаты контрольной работы";
        let fin = "Итоговые оценки";
        assert_eq!(
            lines(&r),
            [
                [
                    "Кузнецов П. А.",
                    "ТМ-26",
                    "Физика",
                    late,
                    "07.09.2026",
                    "14.09.2026",
                    "16.09.2026",
                    "2",
                    "1"
                ],
                [
                    "Кузнецов П. А.",
                    "ТМ-26",
                    "Физика",
                    test,
                    "07.09.2026",
                    "08.09.2026",
                    "16.09.2026",
                    "8",
                    ""
                ],
                [
                    "Кузнецов П. А.",
                    "ТМ-26",
                    "Физика",
                    late,
                    "21.09.2026",
                    "28.09.2026",
                    "29.09.2026",
                    "1",
                    "1"
                ],
                [
                    "Кузнецов П. А.",
                    "ТМ-26",
                    "Физика",
                    fin,
                    "31.12.2026",
                    "29.12.2026",
                    "не внесено!",
                    "1",
                    "25"
                ],
                [
                    "Петрова А. С.",
                    "ТМ-26",
                    "Математика",
                    fin,
                    "31.12.2026",
                    "29.12.2026",
                    "30.12.2026",
                    "1",
                    "1"
                ],
                [
                    "Сидоров И. П.",
                    "ЭС-26",
                    "Математика",
                    fin,
                    "31.12.2026",
                    "29.12.2026",
                    "не внесено!",
                    "1",
                    "1"
                ],
            ],
            "{backend}"
        );
        got.push(fixture::json(&r));
        outputs.push(got);
    }
    assert!(outputs.windows(2).all(|w| w[0] == w[1]), "backends differ");
}

#[test]
fn a_teacher_sees_only_their_own_and_a_student_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    for (backend, url) in support::backends("control_access", dir.path()) {
        let mut db = control::build(&url);
        let f = period(None, Some(1), (2026, 12, 30));
        // The student (user 5) is refused every one of them, with the report's name.
        for kind in CONTROL {
            match make(&mut db, 5, kind, &f) {
                Err(AppError::Denied(e)) => {
                    assert_eq!(e.to_string(), format!("нет прав: отчёт «{}»", kind.title()))
                }
                other => panic!("{backend}: {kind:?} for a student: {other:?}"),
            }
        }
        // The physics teacher (user 4): the college-wide ones are refused …
        for kind in [Kind::Quality, Kind::TeacherActivity, Kind::GradeFill] {
            assert!(
                matches!(make(&mut db, 4, kind, &f), Err(AppError::Denied(_))),
                "{backend}: {kind:?}"
            );
        }
        // … their own coverage and deadlines hold only Физика ТМ-26.
        let r = make(&mut db, 4, Kind::TopicsCoverage, &f).expect("own coverage");
        assert_eq!(r.scope, "Преподаватель Кузнецов П. А.");
        assert_eq!(lines(&r).len(), 1, "{backend}");
        assert_eq!(r.rows[0].cells[2].text, "Физика");
        let r = make(&mut db, 4, Kind::Deadlines, &f).expect("own deadlines");
        assert_eq!(r.rows.len(), 4, "{backend}");
        assert!(r.rows.iter().all(|x| x.cells[0].text == "Кузнецов П. А."));
        assert!(!fixture::json(&r).contains("Петрова"));
        // … and another teacher's are refused.
        let mut other = f.clone();
        other.teacher = Some("tutor1".into());
        for kind in [Kind::TopicsCoverage, Kind::Deadlines] {
            match make(&mut db, 4, kind, &other) {
                Err(AppError::Denied(e)) => assert_eq!(
                    e.to_string(),
                    format!("нет прав: отчёт «{}» другого преподавателя", kind.title())
                ),
                x => panic!("{backend}: {kind:?} of another teacher: {x:?}"),
            }
        }
        // The deputy narrows the college to one teacher with --teacher.
        let r = make(&mut db, 1, Kind::Deadlines, &other).expect("deputy");
        assert_eq!(lines(&r).len(), 1, "{backend}");
        assert_eq!(r.rows[0].cells[0].text, "Петрова А. С.");
        // The reporter token's batch holds the month's control reports, once each.
        let reporter = actor::load(&mut db, 6).expect("actor");
        let items = report::monthly(&mut db, &reporter).expect("batch");
        for kind in [
            Kind::TeacherActivity,
            Kind::GradeFill,
            Kind::Deadlines,
            Kind::Quality,
        ] {
            assert_eq!(items.iter().filter(|i| i.kind == kind).count(), 1);
        }
        let tutor = actor::load(&mut db, 3).expect("actor");
        let items = report::monthly(&mut db, &tutor).expect("batch");
        assert!(items.iter().all(|i| !CONTROL.contains(&i.kind)));
    }
}

#[test]
fn every_control_report_opens_in_xlsx_and_pdf() {
    let dir = tempfile::tempdir().expect("dir");
    let url = support::sqlite_url(dir.path());
    let mut db = control::build(&url);
    for kind in CONTROL {
        let f = match kind {
            Kind::Deadlines => period(None, Some(1), (2026, 12, 30)),
            Kind::Quality | Kind::TopicsCoverage => period(None, None, (2026, 12, 28)),
            _ => period(Some("2026-09"), None, (2026, 12, 28)),
        };
        let r = make(&mut db, 1, kind, &f).expect("report");
        let xlsx = render::render(&r, Format::Xlsx, Options::default()).expect("xlsx");
        use calamine::{Data, Reader};
        let mut book: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).expect("open xlsx");
        let range = book.worksheet_range("Отчёт").expect("sheet");
        let cells: Vec<&Data> = range.rows().flatten().collect();
        let has = |want: &str| {
            cells
                .iter()
                .any(|c| matches!(c, Data::String(s) if s.contains(want)))
        };
        assert!(has(kind.title()), "{kind:?}: title");
        assert!(has("Кузнецов П. А."), "{kind:?}: names");
        assert!(
            cells.iter().any(|c| matches!(c, Data::Float(_))),
            "{kind:?}: numbers are numbers"
        );
        let pdf = render::render(&r, Format::Pdf, Options::default()).expect("pdf");
        let text = pdf_extract::extract_text_from_mem(&pdf).expect("pdf text");
        for want in ["Кузнецов", "Страница 1 из"] {
            assert!(text.contains(want), "{kind:?}: PDF lacks {want}: {text}");
        }
        // Every one but the per-teacher activity names the groups.
        assert!(
            kind == Kind::TeacherActivity || text.contains("ТМ-26"),
            "{kind:?}: {text}"
        );
        assert!(
            text.contains(kind.title().split(' ').next().unwrap_or("")),
            "{kind:?}: {text}"
        );
    }
}
