//! Many terminals writing at once, on both backends, each with its own connection as separate
//! `ezh` processes have: teachers entering the marks of their own lessons side by side, and two
//! terminals grading one lesson's whole class at the same moment. Every mark is stored once
//! with its audit record, the audit chain stays one unbroken line, and of the two whole-class
//! gradings one is stored and the other is told of the conflict (`store/pg_locks.rs`: writes of
//! one lesson go one by one, those of different lessons side by side).

use std::sync::Barrier;

use crate::support;
use ezh::app::journal::{cells, grid, marks};
use ezh::app::AppError;
use ezh::domain::{GradeValue, WorkKind};
use ezh::store::audit_verify::{self, Verdict};
use ezh::store::schema::assignments;
use ezh::store::{Db, OpenMode};

use diesel::prelude::*;

/// (lesson, teacher, students on its roll) of whole-group assignments: for each, the latest
/// lesson on `day` or, when `on_day` is false, the latest one of the week before it.
fn lessons(db: &mut Db, on_day: bool) -> Vec<(i64, i64, Vec<i64>)> {
    let day = support::tui::today();
    let ids: Vec<(i64, i64)> = ezh::with_conn!(&mut db.conn(), c => assignments::table
        .filter(assignments::subgroup_id.is_null())
        .select((assignments::id, assignments::teacher_id))
        .order(assignments::id)
        .load(c))
    .expect("assignments");
    let mut out = Vec::new();
    for (a, teacher) in ids {
        let g = grid::load(db, a).expect("grid");
        let fits = |d: chrono::NaiveDate| {
            if on_day {
                d == day
            } else {
                d < day && d >= day - chrono::Duration::days(4)
            }
        };
        // A test has its own next-day deadline: another kind of lesson.
        let Some(l) = g
            .lessons
            .iter()
            .filter(|l| fits(l.date) && l.kind != ezh::domain::LessonKind::Test)
            .max_by_key(|l| (l.date, l.pair))
        else {
            continue;
        };
        let roll: Vec<i64> = g
            .students
            .iter()
            .filter(|s| s.member_on(l.date))
            .map(|s| s.student.id)
            .collect();
        if !roll.is_empty() {
            out.push((l.id, teacher, roll));
        }
    }
    out
}

#[test]
fn terminals_writing_at_once_keep_every_mark_and_one_audit_chain() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("concurrent_writes", dir.path()) {
        let (target, mut db, _) = support::college::build(&url);
        let work: Vec<_> = lessons(&mut db, false).into_iter().take(4).collect();
        assert_eq!(work.len(), 4, "{backend}: four lessons of this week");
        let (grades0, _, audit0) = support::college::fingerprint(&mut db);
        // Two terminals per lesson (a teacher and a substitute's), ten marks each.
        let start = Barrier::new(work.len() * 2);
        std::thread::scope(|s| {
            for (lesson, teacher, roll) in work.iter().flat_map(|w| [w, w]) {
                let (target, start) = (&target, &start);
                s.spawn(move || {
                    ezh::app::college::clock::fix_today(Some(support::tui::today()));
                    let mut db = Db::open(target, OpenMode::Existing).expect("open");
                    let actor = ezh::app::actor::load(&mut db, *teacher).expect("actor");
                    start.wait();
                    for k in 0..10 {
                        let v = GradeValue::Numeric(2 + (k % 4) as u8);
                        marks::add_grade(
                            &mut db,
                            &actor,
                            *lesson,
                            roll[k % roll.len()],
                            v,
                            WorkKind::Answer,
                        )
                        .expect("a mark written beside others");
                    }
                });
            }
        });
        let (grades1, _, audit1) = support::college::fingerprint(&mut db);
        assert_eq!(grades1 - grades0, 80, "{backend}: every mark stored once");
        // Besides the marks, the college chain opened each page's chain once.
        let opened = support::tui::chain_openings(&mut db);
        assert_eq!(
            audit1 - audit0 - opened,
            80,
            "{backend}: every mark audited once"
        );
        let verdict = audit_verify::verify(&mut db.conn()).expect("verify");
        assert!(
            matches!(verdict, Verdict::Intact { rows, .. } if rows as i64 == audit1),
            "{backend}: one unbroken chain, got {verdict:?}"
        );

        // Today's lesson, no marks yet: the whole class graded from two terminals at once.
        let (lesson, teacher, roll) = lessons(&mut db, true).into_iter().next().expect("today");
        let empty: Vec<i64> = roll
            .into_iter()
            .filter(|s| {
                cells::read(&mut db, lesson, *s)
                    .expect("cell")
                    .grades
                    .is_empty()
            })
            .collect();
        assert!(empty.len() > 3, "{backend}: a class without marks");
        let start = Barrier::new(2);
        let outcomes: Vec<Result<usize, AppError>> = std::thread::scope(|s| {
            let runs: Vec<_> = (0..2)
                .map(|_| {
                    let (target, start, empty) = (&target, &start, &empty);
                    s.spawn(move || {
                        ezh::app::college::clock::fix_today(Some(support::tui::today()));
                        let mut db = Db::open(target, OpenMode::Existing).expect("open");
                        let actor = ezh::app::actor::load(&mut db, teacher).expect("actor");
                        start.wait();
                        cells::grade_all(
                            &mut db,
                            &actor,
                            lesson,
                            empty,
                            GradeValue::Numeric(4),
                            WorkKind::Test,
                            None,
                        )
                        .map(|g| g.len())
                    })
                })
                .collect();
            runs.into_iter()
                .map(|r| r.join().expect("thread"))
                .collect()
        });
        let stored: Vec<_> = outcomes.iter().filter(|o| o.is_ok()).collect();
        assert_eq!(
            stored.len(),
            1,
            "{backend}: one grading stored: {outcomes:?}"
        );
        assert!(
            outcomes
                .iter()
                .any(|o| matches!(o, Err(AppError::Conflict(m))
                if m.contains("уже поставлены другим пользователем"))),
            "{backend}: the other told of the conflict: {outcomes:?}"
        );
        let (grades2, _, audit2) = support::college::fingerprint(&mut db);
        assert_eq!(
            grades2 - grades1,
            empty.len() as i64,
            "{backend}: one class's marks"
        );
        assert_eq!(audit2 - audit1, empty.len() as i64, "{backend}");
    }
}
