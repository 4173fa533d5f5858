//! Who may run the registers: `access-codes` issues fresh codes on every backend (logged, the
//! earlier unused code revoked, the printed code works once) and issues nothing to a runner who
//! may not; the others refuse those who may not see them; and every
//! register opens in XLSX (read back with calamine) and PDF (text extracted), the printed
//! journal on several sheets and pages with its header repeated.

use crate::fixture;
use crate::registers;
use crate::support;

use diesel::prelude::*;
use ezh::app::report::Kind;
use ezh::app::AppError;
use ezh::report::render::{self, Format, Options};
use ezh::report::Report;
use ezh::store::schema::{access_codes, activity_log};
use ezh::store::Db;
use fixture::{filters, make};

fn count(db: &mut Db) -> (i64, i64, i64) {
    ezh::with_conn!(&mut db.conn(), c => {
        let all = access_codes::table.count().get_result(c).expect("count");
        let revoked = access_codes::table.filter(access_codes::revoked_at.is_not_null()).count().get_result(c).expect("count");
        let logged = activity_log::table.filter(activity_log::event.eq("code_issued")).count().get_result(c).expect("count");
        (all, revoked, logged)
    })
}

#[test]
fn access_codes_are_issued_once_and_only_by_those_who_may() {
    let dir = tempfile::tempdir().expect("dir");
    for (backend, url) in support::backends("access_codes", dir.path()) {
        let mut db = fixture::build(&url);
        registers::add(&mut db);
        let family = "нет прав: выдача кодов доступа обучающимся и родителям этой группы";
        let staff = "нет прав: выдача кодов доступа сотрудникам";
        for (user, group, want) in [
            (3, Some("ТМ-26"), family),
            (1, Some("ТМ-26"), family),
            (4, Some("ТМ-26"), family),
            (5, Some("ТМ-26"), family),
            (5, None, staff),
            (1, None, staff),
        ] {
            match make(&mut db, user, Kind::AccessCodes, &filters(group)) {
                Err(AppError::Denied(e)) => assert_eq!(e.to_string(), want, "{backend}"),
                other => panic!("{backend}: user {user}: {other:?}"),
            }
        }
        assert_eq!(count(&mut db), (0, 0, 0), "{backend}: nothing issued");
        // The tutor of ТМ-26: every student and parent of the group; those without an account
        // (all but Абрамов and his mother) get one now.
        let r = make(&mut db, 2, Kind::AccessCodes, &filters(Some("ТМ-26"))).expect("codes");
        let n = r.rows.len();
        assert!(n > 2, "{backend}: {n}");
        assert_eq!(r.rows[0].cells[2].text, "обучающийся");
        let row = |login: &str| {
            r.rows
                .iter()
                .find(|x| x.cells[4].text == login)
                .expect(login)
        };
        assert_eq!(row("abramova").cells[1].text, "Абрамова Мария");
        assert!(
            row("abramova").cells[2].text.starts_with("родитель: "),
            "{backend}"
        );
        assert!(
            row("abramova").cells[2].text.contains("Абрамов ")
                && row("abramova").cells[2].text.contains("Белов"),
            "{backend}: both her children: {}",
            row("abramova").cells[2].text
        );
        assert_eq!(row("abramova").cells[3].text, "ТМ-26");
        let code = row("abramova").cells[5].text.clone();
        assert_eq!(code.len(), 14);
        assert_eq!(code.matches('-').count(), 2);
        assert_eq!(r.signatures[0].role, "Выдал");
        assert_eq!(r.signatures[0].name, "Петрова А. С.");
        assert_eq!(r.notes[0], format!("Выдано кодов: {n}."));
        assert_eq!(
            count(&mut db),
            (n as i64, 0, n as i64),
            "{backend}: issued and logged"
        );
        ezh::app::accounts::codes::activate(&mut db, "abramova", &code, "Солнечный-день-7")
            .expect("works");
        assert!(
            ezh::app::accounts::codes::activate(&mut db, "abramova", &code, "Другой-день-8")
                .is_err()
        );
        // Again, the tutor's own group by default: the unused codes are revoked and issued
        // anew; the mother, who has activated, gets none and her used code stays as it was.
        let again = make(&mut db, 2, Kind::AccessCodes, &filters(None)).expect("again");
        assert_eq!(again.scope, "Группа ТМ-26: обучающиеся и родители");
        assert_eq!(again.rows.len(), n - 1, "{backend}");
        let m = (2 * n - 1) as i64;
        assert_eq!(count(&mut db), (m, n as i64 - 1, m), "{backend}");
        // The administrator issues a staff member's code by login.
        let mut f = filters(None);
        f.teacher = Some("physics".into());
        let s = make(&mut db, 8, Kind::AccessCodes, &f).expect("staff");
        assert_eq!(s.rows.len(), 1);
        assert_eq!(s.rows[0].cells[1].text, "Кузнецов Павел Андреевич");
        assert_eq!(s.scope, "Сотрудник physics");
    }
}

fn journal_filters(subject: &str) -> ezh::app::report::Filters {
    let mut f = filters(Some("ТМ-26"));
    f.subject = Some(subject.into());
    f
}

fn denied(r: Result<Report, AppError>, what: &str) {
    match r {
        Err(AppError::Denied(e)) => assert_eq!(e.to_string(), what),
        other => panic!("expected a denial «{what}», got {other:?}"),
    }
}

#[test]
fn registers_are_refused_to_those_who_may_not_see_them() {
    let dir = tempfile::tempdir().expect("dir");
    for (_backend, url) in support::backends("registers_access", dir.path()) {
        let mut db = fixture::build(&url);
        registers::add(&mut db);
        let t = "Журнал учебных занятий (печатная форма)";
        // The physics teacher may not print Математика; another tutor nothing of ТМ-26.
        denied(
            make(
                &mut db,
                4,
                Kind::JournalPrint,
                &journal_filters("Математика"),
            ),
            &format!("нет прав: отчёт «{t}» по группе ТМ-26 и чужой дисциплине"),
        );
        for user in [3, 5, 7] {
            denied(
                make(
                    &mut db,
                    user,
                    Kind::JournalPrint,
                    &journal_filters("Физика"),
                ),
                &format!("нет прав: отчёт «{t}» по группе ТМ-26"),
            );
        }
        match make(&mut db, 1, Kind::JournalPrint, &filters(Some("ТМ-26"))) {
            Err(AppError::Invalid(e)) => assert_eq!(e, "укажите дисциплину: --subject НАЗВАНИЕ"),
            other => panic!("no subject: {other:?}"),
        }
        let fam = "нет прав: отчёт «Активность родителей и обучающихся» по группе ТМ-26";
        for user in [3, 4, 5, 7] {
            denied(
                make(&mut db, user, Kind::FamilyActivity, &filters(Some("ТМ-26"))),
                fam,
            );
        }
        for user in [2, 3, 4, 5, 7] {
            denied(
                make(&mut db, user, Kind::MovementDynamics, &filters(None)),
                "нет прав: отчёты по техникуму",
            );
        }
        // The batch: per group the four monthly reports and the families' activity, the
        // college's results and, for the college-wide roles, the movement dynamics and the
        // four control reports of the month.
        let reporter = ezh::app::actor::load(&mut db, 6).expect("actor");
        let items = ezh::app::report::monthly(&mut db, &reporter).expect("batch");
        assert_eq!(items.len(), 2 * 5 + 2 + 4);
        assert!(items.iter().any(|i| i.kind == Kind::MovementDynamics));
        let tutor = ezh::app::actor::load(&mut db, 2).expect("actor");
        let items = ezh::app::report::monthly(&mut db, &tutor).expect("batch");
        let kinds: Vec<Kind> = items.iter().map(|i| i.kind).collect();
        assert!(kinds.contains(&Kind::FamilyActivity));
        assert!(!kinds.contains(&Kind::MovementDynamics));
    }
}

fn sheet_strings(r: &Report, sheet: &str) -> Vec<String> {
    use calamine::{Data, Reader};
    let xlsx = render::render(r, Format::Xlsx, Options::default()).expect("xlsx");
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).expect("open xlsx");
    let range = book.worksheet_range(sheet).expect("sheet");
    range
        .rows()
        .flatten()
        .map(|c| match c {
            Data::String(s) => s.clone(),
            Data::Float(f) => f.to_string(),
            other => other.to_string(),
        })
        .collect()
}

fn pdf_text(r: &Report) -> String {
    let pdf = render::render(r, Format::Pdf, Options::default()).expect("pdf");
    assert!(pdf.starts_with(b"%PDF"));
    pdf_extract::extract_text_from_mem(&pdf).expect("pdf text")
}

#[test]
fn every_register_opens_in_xlsx_and_pdf() {
    let dir = tempfile::tempdir().expect("dir");
    let mut db = fixture::build(&support::sqlite_url(dir.path()));
    registers::add(&mut db);
    let mut f = filters(Some("ТМ-26"));
    f.subject = Some("Физика".into());
    let j = make(&mut db, 4, Kind::JournalPrint, &f).expect("journal");
    let first = sheet_strings(&j, "Лист 1");
    assert!(first.contains(&"Абрамов Тест".to_string()) && first.contains(&"07.09".to_string()));
    assert!(first.contains(&"5 оп".to_string()));
    assert!(sheet_strings(&j, "Лист 2").contains(&"07.12".to_string()));
    assert!(sheet_strings(&j, "Лист 3").contains(&"Задачи 1".to_string()));
    assert!(sheet_strings(&j, "Лист 4").contains(&"Итоговая оценка".to_string()));
    let text = pdf_text(&j);
    for want in [
        "ТМ-26",
        "Абрамов Тест",
        "лист 1 из 2",
        "лист 2 из 2",
        "Задачи 20",
        "Страница 4 из",
    ] {
        assert!(text.contains(want), "journal PDF lacks {want}: {text}");
    }
    // The header block is repeated on each of the four parts.
    assert!(text.matches("Физика; преподаватель").count() >= 4, "{text}");
    assert!(text.matches("Абрамов Тест").count() >= 3);
    let json = String::from_utf8(render::render(&j, Format::Json, Options::default()).unwrap())
        .expect("utf8");
    assert!(json.contains("\"sections\": ["));
    let csv = String::from_utf8(render::render(&j, Format::Csv, Options::default()).unwrap())
        .expect("utf8");
    assert_eq!(
        csv.matches("Журнал учебных занятий (печатная форма)")
            .count(),
        4
    );

    f.subject = None;
    f.month = Some("2026-12".into());
    let fam = make(&mut db, 2, Kind::FamilyActivity, &f).expect("family");
    assert!(sheet_strings(&fam, "Отчёт").contains(&"Абрамов Тест".to_string()));
    assert!(pdf_text(&fam).contains("Родители"));
    let dynamics = make(&mut db, 1, Kind::MovementDynamics, &f).expect("dynamics");
    assert!(sheet_strings(&dynamics, "Отчёт").contains(&"ноябрь 2026".to_string()));
    assert!(pdf_text(&dynamics).contains("ноябрь 2026"));
    let codes = make(&mut db, 2, Kind::AccessCodes, &filters(Some("ТМ-26"))).expect("codes");
    assert!(sheet_strings(&codes, "Отчёт").contains(&"Абрамова Мария".to_string()));
    let text = pdf_text(&codes);
    assert!(
        text.contains("Абрамова Мария") && text.contains("Получил"),
        "{text}"
    );
}
