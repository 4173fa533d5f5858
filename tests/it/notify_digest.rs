//! The weekly digest of a student, on every backend: due from the college's day and hour (not
//! before), it lists every mark of the student's week with its date, both averages, the week's
//! absences with their reasons, the homework, the forecast with what it takes, and the
//! announcements; one digest per student and recipient, whatever the runs.

use chrono::NaiveDate;
use diesel::prelude::*;
use ezh::app::notify::run::{run, RunOptions};
use ezh::app::notify::NoticeKind;
use ezh::store::schema::{grades, lessons, users};
use ezh::store::Db;

use crate::support::{self, tui};

fn preview(db: &mut Db, at: chrono::NaiveDateTime) -> Vec<ezh::app::notify::outbox::NewNotice> {
    let id: i64 = ezh::with_conn!(&mut db.conn(), c => users::table
        .filter(users::login.eq("admin")).select(users::id).first(c))
    .expect("admin");
    let admin = ezh::app::actor::load(db, id).expect("actor");
    let opts = RunOptions {
        at: Some(at),
        dry_run: true,
        ..RunOptions::default()
    };
    run(db, &admin, &opts).expect("dry run").preview
}

fn digest(backend: &str, url: &str) {
    let (mut db, _) = tui::demo(url);
    let day = |d: u32, h: u32| {
        NaiveDate::from_ymd_opt(2026, 11, d)
            .and_then(|x| x.and_hms_opt(h, 30, 0))
            .expect("moment")
    };
    // Saturday 17:30 is before the digest's hour (18:00 by default); 18:30 is after.
    let early = preview(&mut db, day(28, 17));
    assert!(
        early.iter().all(|n| n.kind != NoticeKind::Digest),
        "{backend}"
    );
    let all: Vec<_> = preview(&mut db, day(28, 18))
        .into_iter()
        .filter(|n| n.kind == NoticeKind::Digest)
        .collect();
    let students: std::collections::BTreeSet<i64> =
        all.iter().filter_map(|n| n.student_id).collect();
    assert!(
        students.len() > 50,
        "{backend}: every student of the demo: {}",
        students.len()
    );
    let mut keys: Vec<&str> = all.iter().map(|n| n.key.as_str()).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(
        keys.len(),
        all.len(),
        "{backend}: one digest per student and recipient"
    );
    // One student's: every mark of the week 23–29.11 with its date and value.
    let n = all
        .iter()
        .find(|n| n.body.contains("Пропуски за неделю:\n"))
        .unwrap_or(&all[0]);
    let student = n.student_id.expect("student");
    let marks: Vec<(NaiveDate, i32)> = ezh::with_conn!(&mut db.conn(), c => grades::table
        .inner_join(lessons::table)
        .filter(grades::student_id.eq(student))
        .filter(lessons::date.between(
            NaiveDate::from_ymd_opt(2026, 11, 23).expect("d"),
            NaiveDate::from_ymd_opt(2026, 11, 29).expect("d")))
        .select((lessons::date, grades::value))
        .load(c))
    .expect("marks");
    assert!(
        !marks.is_empty(),
        "{backend}: the student had marks that week"
    );
    for (date, value) in marks {
        let v = match value {
            100 => "нз".to_string(),
            101 => "зч".to_string(),
            v => v.to_string(),
        };
        let shown = format!("{} {v} (", date.format("%d.%m"));
        assert!(
            n.body.contains(&shown),
            "{backend}: «{shown}» in\n{}",
            n.body
        );
    }
    for part in [
        "неделя 23.11.2026 – 29.11.2026",
        "Отметки за неделю:",
        "средний балл ",
        ", средневзвешенный ",
        "Пропуски за неделю",
        "Домашние задания на следующую неделю",
        "Прогноз итоговых оценок:",
        "Объявления",
    ] {
        assert!(n.body.contains(part), "{backend}: «{part}» in\n{}", n.body);
    }
    assert!(
        n.subject.starts_with("Сводка за неделю: "),
        "{backend}: {}",
        n.subject
    );
    assert!(
        all.iter().any(|n| n.body.contains("что нужно: нужн")),
        "{backend}: the forecast says what it takes"
    );
    assert!(
        all.iter()
            .any(|n| n.body.contains("без уважительной причины")),
        "{backend}: absences with their reasons"
    );
}

#[test]
fn the_weekly_digest_holds_the_students_week_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("notify_digest", dir.path()) {
        digest(backend, &url);
    }
}
