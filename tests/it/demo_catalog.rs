//! The demo catalogue cannot give a group the same subject twice in one course: subjects are
//! shared by name, and a repeated name would make two curriculum lines for one subject.

use ezh::demo::catalog;

#[test]
fn no_course_repeats_a_subject_name() {
    for s in catalog::SPECIALTIES {
        for course in 1..=4u8 {
            let names: Vec<&str> = catalog::curriculum(s.prefix, course)
                .iter()
                .map(|l| l.name)
                .collect();
            let mut sorted = names.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(
                sorted.len(),
                names.len(),
                "{} course {course}: {names:?}",
                s.prefix
            );
        }
    }
}

/// The demo on its «today» holds nothing dated after it (lessons, and with them marks and
/// absences; finals; movements and their orders), and no student belongs to two groups at once.
#[test]
fn the_demo_stops_at_its_today_and_memberships_never_overlap() {
    use diesel::prelude::*;
    use ezh::store::schema::{final_grades, group_memberships, lessons, movements, orders};
    let dir = tempfile::tempdir().expect("dir");
    for (backend, url) in crate::support::backends("demo_cut", dir.path()) {
        let (_t, mut db, _) = crate::support::college::build(&url);
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default();
        let (lesson, movement, order, fin) = ezh::with_conn!(&mut db.conn(), c => (|| {
            let l: Option<chrono::NaiveDate> = lessons::table.select(diesel::dsl::max(lessons::date)).first(c)?;
            let m: Option<chrono::NaiveDate> = movements::table.select(diesel::dsl::max(movements::date)).first(c)?;
            let o: Option<chrono::NaiveDate> = orders::table.select(diesel::dsl::max(orders::date)).first(c)?;
            let f: Option<chrono::NaiveDateTime> = final_grades::table.select(diesel::dsl::max(final_grades::entered_at)).first(c)?;
            Ok::<_, diesel::result::Error>((l, m, o, f))
        })())
        .expect("dates");
        assert!(
            lesson.is_some_and(|d| d <= today),
            "{backend}: last lesson {lesson:?}"
        );
        assert!(
            movement.is_some_and(|d| d <= today),
            "{backend}: {movement:?}"
        );
        assert!(order.is_some_and(|d| d <= today), "{backend}: {order:?}");
        assert!(fin.is_none_or(|d| d.date() <= today), "{backend}: {fin:?}");
        type Span = (i64, chrono::NaiveDate, Option<chrono::NaiveDate>);
        let spans: Vec<Span> = ezh::with_conn!(&mut db.conn(), c => group_memberships::table
            .select((group_memberships::student_id, group_memberships::from_date, group_memberships::to_date))
            .order((group_memberships::student_id.asc(), group_memberships::from_date.asc()))
            .load(c))
        .expect("memberships");
        let moved = spans.windows(2).filter(|w| w[0].0 == w[1].0).count();
        assert!(moved > 0, "{backend}: the demo transfers someone");
        for w in spans.windows(2).filter(|w| w[0].0 == w[1].0) {
            assert!(
                w[0].2.is_some_and(|end| end < w[1].1),
                "{backend}: student № {} is in two groups at once: {w:?}",
                w[0].0
            );
        }
    }
}
