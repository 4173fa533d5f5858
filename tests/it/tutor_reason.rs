//! The tutor's week list on both backends: a reason letter of this week's absence is changed at
//! once; one of a week past its deadline asks why, Esc drops it (nothing written), and with a
//! reason it is saved with the reason in the audit record.

use crate::support;

use crossterm::event::KeyCode;
use diesel::prelude::*;
use ezh::store::schema::audit_log;
use support::tui::{audit_count, cell, demo, key, logged_in, login_of, typed};

fn group(ui: &ezh::tui::Ui) -> &ezh::tui::GroupScreen {
    match &ui.screen {
        ezh::tui::Screen::Group(g) => g,
        _ => panic!("not on the group screen: {}", ui.status.text),
    }
}

/// Selects the first absence of the week shown whose letter is «н» and types `letter` on it;
/// (lesson, student) of it.
fn change_first_absent(ui: &mut ezh::tui::Ui, letter: &str) -> (i64, i64) {
    let i = group(ui)
        .week
        .iter()
        .position(|a| a.reason == "absent")
        .expect("an «н» in the week");
    while group(ui).row > 0 {
        key(ui, KeyCode::Up);
    }
    for _ in 0..i {
        key(ui, KeyCode::Down);
    }
    let a = group(ui).week[i].clone();
    typed(ui, letter);
    (a.lesson_id, a.student_id)
}

#[test]
fn a_late_correction_of_a_reason_asks_why() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("tutor_reason", dir.path()) {
        let (db, logins) = demo(&url);
        let mut ui = logged_in(db, login_of(&logins, "куратор группы"));
        key(&mut ui, KeyCode::End);
        key(&mut ui, KeyCode::Enter);
        key(&mut ui, KeyCode::Tab);
        // This week (23–28.11, deadline Monday 30.11): at once, no reason asked.
        let (lesson, student) = change_first_absent(&mut ui, "у");
        assert!(
            group(&ui).pending.is_none(),
            "{backend}: {}",
            ui.status.text
        );
        assert_eq!(
            cell(&mut ui.db, lesson, student).1.as_deref(),
            Some("excused"),
            "{backend}"
        );
        // Two weeks back, past the deadline: the question, and Esc writes nothing.
        key(&mut ui, KeyCode::PageUp);
        key(&mut ui, KeyCode::PageUp);
        let count = audit_count(&mut ui.db);
        let (lesson, student) = change_first_absent(&mut ui, "б");
        assert!(
            group(&ui).pending.is_some(),
            "{backend}: {}",
            ui.status.text
        );
        assert!(
            ui.status.text.contains("укажите причину"),
            "{backend}: {}",
            ui.status.text
        );
        key(&mut ui, KeyCode::Esc);
        assert_eq!(
            cell(&mut ui.db, lesson, student).1.as_deref(),
            Some("absent"),
            "{backend}"
        );
        assert_eq!(audit_count(&mut ui.db), count, "{backend}");
        // Again, with a reason: saved, the reason in the audit record.
        typed(&mut ui, "б");
        typed(&mut ui, "справка принесена 26.11");
        key(&mut ui, KeyCode::Enter);
        assert!(
            group(&ui).pending.is_none(),
            "{backend}: {}",
            ui.status.text
        );
        assert_eq!(
            cell(&mut ui.db, lesson, student).1.as_deref(),
            Some("ill"),
            "{backend}: {}",
            ui.status.text
        );
        let why: Option<String> = ezh::with_conn!(&mut ui.db.conn(), c => audit_log::table
            .order(audit_log::id.desc())
            .select(audit_log::reason)
            .first(c))
        .expect("audit");
        assert_eq!(why.as_deref(), Some("справка принесена 26.11"), "{backend}");
    }
}
