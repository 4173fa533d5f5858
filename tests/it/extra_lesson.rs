//! A lesson added by hand (`a` on the grid), on both backends: at a pair where the group has
//! another subject it is refused, naming what the timetable holds, and nothing is written; at a
//! free pair it is an extra lesson, which the family sees in the diary's week «вне расписания».
//! The screen's field starts empty.

use crate::support;

use chrono::NaiveDate;
use diesel::prelude::*;
use ezh::app::journal::marks::{self, NewLesson};
use ezh::app::timetable::schedule::{self, Whose};
use ezh::domain::LessonKind;
use ezh::store::schema::{assignments, lessons, study_groups, subjects};
use support::tui::{demo, key, logged_in, login_of, screen, typed};

#[test]
fn an_added_lesson_keeps_to_the_timetable_and_reaches_the_familys_week() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("extra_lesson", dir.path()) {
        let (mut db, logins) = demo(&url);
        let teacher = support::college::actor_of(&mut db, &logins, "преподаватель");
        let admin = support::college::actor_of(&mut db, &logins, "администратор");
        let monday = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
        let assignment: i64 = ezh::with_conn!(&mut db.conn(), c => assignments::table
            .inner_join(study_groups::table)
            .inner_join(subjects::table)
            .filter(assignments::teacher_id.eq(teacher.user_id))
            .filter(study_groups::name.eq("ТМ-26"))
            .filter(subjects::name.eq("Математика"))
            .filter(assignments::subgroup_id.is_null())
            .select(assignments::id)
            .first(c))
        .expect("the teacher's mathematics in ТМ-26");
        let day = schedule::day(&mut db, &admin, &Whose::Group("ТМ-26".into()), monday)
            .expect("the group's Monday");
        let other = day
            .iter()
            .find(|s| s.subject != "Математика" && !s.cancelled && s.subgroup.is_none())
            .expect("a pair of another subject");
        let free = (1..=7)
            .find(|p| day.iter().all(|s| s.pair != *p))
            .expect("a free pair");
        let lesson = |pair| NewLesson {
            assignment_id: assignment,
            date: monday,
            pair,
            hours: 2,
            kind: LessonKind::Lecture,
            topic: String::new(),
            homework: String::new(),
        };
        let count = |db: &mut ezh::store::Db| -> i64 {
            ezh::with_conn!(&mut db.conn(), c => lessons::table.count().get_result(c))
                .expect("count")
        };
        let before = count(&mut db);
        let refused = marks::add_lesson(&mut db, &teacher, &lesson(other.pair));
        assert!(
            matches!(&refused, Err(ezh::app::AppError::Invalid(m))
                if m.contains(&format!("{}-я пара: у группы ТМ-26 по расписанию «{}»", other.pair, other.subject))),
            "{backend}: {refused:?}"
        );
        assert_eq!(count(&mut db), before, "{backend}: nothing written");
        let extra = marks::add_lesson(&mut db, &teacher, &lesson(free)).expect("a free pair");

        // The family's week shows it, though the timetable has no such pair.
        let student = support::college::actor_of(&mut db, &logins, "студент");
        let id = student.student_id.expect("a student");
        let view = ezh::app::family::view::load(&mut db, &student, id, monday).expect("diary");
        let shown = view
            .week
            .iter()
            .find(|w| w.date == monday && w.pair == free)
            .unwrap_or_else(|| panic!("{backend}: lesson {} not in the week", extra.id));
        assert_eq!(
            (shown.subject.as_str(), shown.change.as_str()),
            ("Математика", "вне расписания"),
            "{backend}"
        );
    }

    // The screen's field for a new lesson starts empty (typing is not appended to a date).
    let (db, logins) = demo(&support::sqlite_url(dir.path()));
    let mut ui = logged_in(db, login_of(&logins, "преподаватель"));
    key(&mut ui, crossterm::event::KeyCode::Enter);
    typed(&mut ui, "a");
    let prompt = screen(&ui, 120, 40);
    assert!(
        prompt.contains("(свободная пара — вне расписания): ▏"),
        "{prompt}"
    );
}
