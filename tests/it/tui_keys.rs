//! The journal screen's behaviour on both backends, driven by keys as a person types them:
//! marks, absences, undo, the topic, a whole column, a conflict with another change, the mouse,
//! and a substitute teacher's lesson.

use crate::support;

use crossterm::event::{KeyCode, KeyModifiers};
use diesel::prelude::*;
use ezh::store::schema::{audit_log, lessons, users};
use ezh::store::Db;
use support::tui::{
    audit_count, cell, demo, grid, key, lesson_and_rows, logged_in, login_of, screen, typed,
};

fn teacher_enters_marks(url: &str, backend: &str) {
    let (db, logins) = demo(url);
    let mut ui = logged_in(db, login_of(&logins, "преподаватель"));
    key(&mut ui, KeyCode::Enter);
    let (lesson, rows) = lesson_and_rows(&ui);
    let before = audit_count(&mut ui.db);
    typed(&mut ui, "5н4");
    assert_eq!(
        cell(&mut ui.db, lesson, rows[0]),
        (vec![5], None),
        "{backend}"
    );
    assert_eq!(
        cell(&mut ui.db, lesson, rows[1]),
        (vec![], Some("absent".into())),
        "{backend}"
    );
    assert_eq!(
        cell(&mut ui.db, lesson, rows[2]),
        (vec![4], None),
        "{backend}"
    );
    assert_eq!(
        audit_count(&mut ui.db),
        before + 3,
        "{backend}: one audit row per mark"
    );
    assert!(
        ui.status.text.starts_with("Сохранено:"),
        "{backend}: {}",
        ui.status.text
    );
    // Russian-layout «г» is u: undo the last grade; «оп» on the same cell marks lateness.
    typed(&mut ui, "г");
    assert_eq!(
        cell(&mut ui.db, lesson, rows[2]),
        (vec![], None),
        "{backend}: undone"
    );
    assert_eq!(
        grid(&ui).row,
        2,
        "{backend}: undo returns the cursor to the undone cell"
    );
    typed(&mut ui, "оп");
    assert_eq!(
        cell(&mut ui.db, lesson, rows[2]).1.as_deref(),
        Some("late"),
        "{backend}"
    );
    // The topic, typed in Russian after «е» (t in the Russian layout).
    typed(&mut ui, "е");
    typed(&mut ui, "Производная функции");
    key(&mut ui, KeyCode::Enter);
    let topic: String = ezh::with_conn!(&mut ui.db.conn(), c => lessons::table.find(lesson).select(lessons::topic).first(c)).expect("topic");
    assert_eq!(topic, "Производная функции", "{backend}");
    let last: (String, String) = ezh::with_conn!(&mut ui.db.conn(), c => audit_log::table
        .order(audit_log::id.desc()).select((audit_log::entity, audit_log::action)).first(c))
    .expect("audit");
    assert_eq!(last, ("lesson".into(), "update".into()), "{backend}");
    // A grade for everyone without one, in one command: «=5».
    key(&mut ui, KeyCode::Char('='));
    typed(&mut ui, "5");
    key(&mut ui, KeyCode::Enter);
    assert_eq!(
        cell(&mut ui.db, lesson, rows[0]),
        (vec![5], None),
        "{backend}: had a 5 already"
    );
    assert_eq!(
        cell(&mut ui.db, lesson, rows[1]),
        (vec![], Some("absent".into())),
        "{backend}: absent gets none"
    );
    assert_eq!(
        cell(&mut ui.db, lesson, rows[2]),
        (vec![5], Some("late".into())),
        "{backend}: late gets one"
    );
    for s in &rows[3..] {
        assert_eq!(
            cell(&mut ui.db, lesson, *s).0,
            vec![5],
            "{backend}: student {s}"
        );
    }
}

#[test]
fn teacher_enters_marks_with_keys_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("tui_teacher_enters_marks", dir.path()) {
        teacher_enters_marks(&url, backend);
    }
}

fn conflict_is_not_overwritten(url: &str, backend: &str) {
    let (db, logins) = demo(url);
    let mut ui = logged_in(db, login_of(&logins, "преподаватель"));
    key(&mut ui, KeyCode::Enter);
    let (lesson, rows) = lesson_and_rows(&ui);
    // Someone else (another terminal of the same teacher) marks the first student meanwhile.
    let actor = ui.session.as_ref().expect("session").actor.clone();
    ezh::app::journal::marks::add_grade(
        &mut ui.db,
        &actor,
        lesson,
        rows[0],
        ezh::domain::GradeValue::parse("2").expect("2"),
        ezh::domain::WorkKind::Answer,
    )
    .expect("other");
    let before = audit_count(&mut ui.db);
    typed(&mut ui, "5");
    assert_eq!(
        cell(&mut ui.db, lesson, rows[0]).0,
        vec![2],
        "{backend}: not overwritten"
    );
    assert_eq!(
        audit_count(&mut ui.db),
        before,
        "{backend}: nothing written"
    );
    assert!(
        ui.status.text.starts_with("Конфликт"),
        "{backend}: {}",
        ui.status.text
    );
    assert!(
        screen(&ui, 120, 40).contains(" 2 "),
        "{backend}: the other change is shown"
    );
    // A topic written elsewhere shows after r (Ctrl+R, к in the Russian layout), not before.
    let version: i32 = ezh::with_conn!(&mut ui.db.conn(), c => lessons::table
        .find(lesson).select(lessons::version).first(c))
    .expect("version");
    let edit = ezh::app::journal::lesson_edit::LessonEdit {
        topic: Some("Тема из другого окна".into()),
        ..Default::default()
    };
    ezh::app::journal::lesson_edit::edit(&mut ui.db, &actor, lesson, version, &edit)
        .expect("topic");
    assert!(
        !screen(&ui, 120, 40).contains("Тема из другого окна"),
        "{backend}"
    );
    typed(&mut ui, "к");
    assert_eq!(ui.status.text, "Журнал обновлён.", "{backend}");
    assert!(
        screen(&ui, 120, 40).contains("Тема из другого окна"),
        "{backend}: the reloaded grid shows the new topic"
    );
    // Left alone for 30 s, the grid reads itself anew and marks what others changed meanwhile.
    ezh::app::journal::marks::add_grade(
        &mut ui.db,
        &actor,
        lesson,
        rows[1],
        ezh::domain::GradeValue::parse("3").expect("3"),
        ezh::domain::WorkKind::Answer,
    )
    .expect("other");
    let later = std::time::Instant::now() + std::time::Duration::from_secs(31);
    ui.tick(later, None);
    assert_eq!(
        ui.status.text, "Журнал обновлён: другие изменили клеток — 1 (выделены)",
        "{backend}"
    );
    assert!(
        support::tui::grid(&ui).changed.contains(&(lesson, rows[1])),
        "{backend}"
    );
    // Once per idle spell: the next tick reads nothing again; a key clears the marks.
    ui.tick(later + std::time::Duration::from_secs(1), None);
    key(&mut ui, KeyCode::Right);
    assert!(support::tui::grid(&ui).changed.is_empty(), "{backend}");
}

#[test]
fn a_cell_changed_elsewhere_is_not_overwritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("tui_conflict", dir.path()) {
        conflict_is_not_overwritten(&url, backend);
    }
}

/// Every key a person could press on the family screens, in both layouts.
#[test]
fn the_mouse_selects_a_cell() {
    use crossterm::event::{Event, MouseButton, MouseEvent, MouseEventKind};
    let dir = tempfile::tempdir().expect("tempdir");
    let (db, logins) = demo(&support::sqlite_url(dir.path()));
    let mut ui = logged_in(db, login_of(&logins, "преподаватель"));
    key(&mut ui, KeyCode::Enter);
    screen(&ui, 120, 40);
    let g = grid(&ui).geometry.get();
    let click = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: g.x + g.col_width + 1,
        row: g.y + 4,
        modifiers: KeyModifiers::NONE,
    };
    ezh::tui::handle(&mut ui, Event::Mouse(click));
    assert_eq!((grid(&ui).row, grid(&ui).col), (g.top + 4, g.left + 1));
}

fn substitute_sees_and_marks_the_lesson(url: &str, backend: &str) {
    let (mut db, logins) = demo(url);
    let id = |db: &mut Db, login: &str| -> i64 {
        ezh::with_conn!(&mut db.conn(), c => users::table.filter(users::login.eq(login)).select(users::id).first(c)).expect("user")
    };
    let teacher = login_of(&logins, "преподаватель");
    let tutor = login_of(&logins, "куратор группы");
    let secretary_id = id(&mut db, &login_of(&logins, "секретарь").login);
    let secretary = ezh::app::actor::load(&mut db, secretary_id).expect("secretary");
    let teacher_id = id(&mut db, &teacher.login);
    let t_actor = ezh::app::actor::load(&mut db, teacher_id).expect("teacher");
    let first = ezh::app::journal::lessons::day(&mut db, &t_actor, support::tui::today())
        .expect("day")
        .remove(0);
    let request = ezh::app::timetable::substitute::SubstituteRequest {
        date: Some(support::tui::today()),
        pair: first.pair,
        group: first.assignment.group.clone(),
        subgroup: None,
        teacher: Some(tutor.login.clone()),
        room: None,
        subject: None,
        cancel: false,
    };
    ezh::app::timetable::substitute::substitute(&mut db, &secretary, &request).expect("substitute");
    let left =
        ezh::app::journal::lessons::day(&mut db, &t_actor, support::tui::today()).expect("day");
    assert!(
        left.iter().all(|d| d.pair != first.pair),
        "{backend}: gone from the planned teacher's day"
    );
    let mut ui = logged_in(db, tutor);
    let home = screen(&ui, 120, 40);
    let line = format!("{} пара", first.pair);
    assert!(
        home.lines().any(|l| l.contains(&line)
            && l.contains(&first.assignment.group)
            && l.contains("замена")),
        "{backend}:\n{home}"
    );
    key(&mut ui, KeyCode::Enter);
    let (lesson, rows) = lesson_and_rows(&ui);
    typed(&mut ui, "4");
    assert_eq!(
        cell(&mut ui.db, lesson, rows[0]),
        (vec![4], None),
        "{backend}: {}",
        ui.status.text
    );
}

#[test]
fn a_substitute_finds_the_lesson_at_home_and_marks_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("tui_substitute", dir.path()) {
        substitute_sees_and_marks_the_lesson(&url, backend);
    }
}
