//! Who may run the control reports (`roles.md`) and that each opens in XLSX and PDF, on every
//! backend: a teacher gets only their own assignments from `topics-coverage` and `deadlines`
//! and nothing from the college-wide ones; a student gets nothing; the monthly batch of a
//! college-wide runner holds the month's control reports.

#[path = "reports/control.rs"]
mod control;
#[path = "reports/fixture.rs"]
mod fixture;
mod support;

use control::{lines, period};
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
