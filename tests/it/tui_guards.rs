//! What the journal screen refuses or guards, on both backends: families who cannot reach anyone
//! else's data whatever they press, the idle lock that only the same person may open, and a late
//! change that must give a reason, which is audited.

use crate::support;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use diesel::prelude::*;
use ezh::store::schema::{audit_log, sessions, students, users};
use ezh::tui::Screen;
use support::tui::{
    audit_count, cell, demo, grid, key, lesson_and_rows, logged_in, login_of, screen, typed,
};

fn keys() -> Vec<KeyEvent> {
    let mut out: Vec<KeyEvent> = "12345нубопnubl+-=tdkKafuqc/?.,йцукенгшщзфывапролджячсмить jhl\tx"
        .chars()
        .map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
        .collect();
    for code in [
        KeyCode::Enter,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::PageDown,
        KeyCode::End,
        KeyCode::Delete,
        KeyCode::F(2),
    ] {
        out.push(KeyEvent::new(code, KeyModifiers::NONE));
    }
    out
}

fn family_sees_only_own(url: &str, backend: &str, role: &str) {
    let (mut db, logins) = demo(url);
    let who = login_of(&logins, role);
    let user: i64 = ezh::with_conn!(&mut db.conn(), c => users::table.filter(users::login.eq(&who.login)).select(users::id).first(c)).expect("user");
    let actor = ezh::app::actor::load(&mut db, user).expect("actor");
    let own: Vec<i64> = actor
        .student_id
        .into_iter()
        .chain(actor.children.iter().copied())
        .collect();
    let others: Vec<(String, String)> = ezh::with_conn!(&mut db.conn(), c => students::table
        .filter(students::id.ne_all(&own)).select((students::last_name, students::first_name)).load(c)).expect("others");
    let mut ui = logged_in(db, who);
    let all = keys();
    // A fixed pseudo-random walk through the keys: reproducible, and long enough to visit
    // every tab and switch in every order.
    let mut x: u64 = 2026;
    for step in 0..400 {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let ev = all[(x >> 33) as usize % all.len()];
        if ev.code == KeyCode::Char('q') || ev.code == KeyCode::Char('й') {
            continue;
        }
        ui.key(ev);
        match &ui.screen {
            Screen::Family(f) => assert!(
                own.contains(&f.view.student_id),
                "{backend} {role}: step {step}"
            ),
            _ => panic!("{backend} {role}: step {step}: left the diary"),
        }
        if step % 25 == 0 {
            let text = screen(&ui, 120, 40);
            for (last, first) in &others {
                assert!(
                    !text.contains(&format!("{last} {first}")),
                    "{backend} {role}: {last} {first} on screen"
                );
            }
        }
    }
}

#[test]
fn students_and_guardians_reach_only_their_own_diary() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("tui_family_only_own", dir.path()) {
        family_sees_only_own(&url, backend, "студент");
        family_sees_only_own(&url, backend, "родитель");
    }
}

#[test]
fn idle_lock_needs_the_same_password_or_ends_the_session() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("tui_idle_lock", dir.path()) {
        let (db, logins) = demo(&url);
        let who = login_of(&logins, "преподаватель");
        let mut ui = logged_in(db, who);
        let limit = ui.idle_limit().expect("limit");
        assert_eq!(limit.as_secs(), 5 * 60, "{backend}: the staff default");
        ui.tick(std::time::Instant::now() + limit, Some(limit));
        assert!(ui.locked.is_some(), "{backend}");
        assert!(
            !screen(&ui, 80, 24).contains("Сегодня"),
            "{backend}: the journal is hidden"
        );
        typed(&mut ui, "not-my-password");
        key(&mut ui, KeyCode::Enter);
        assert!(ui.locked.is_some(), "{backend}: still locked");
        let failed: i32 = ezh::with_conn!(&mut ui.db.conn(), c => users::table.filter(users::login.eq(&who.login)).select(users::failed_logins).first(c)).expect("failed");
        assert_eq!(failed, 1, "{backend}: counted like a failed login");
        typed(&mut ui, &who.password);
        key(&mut ui, KeyCode::Enter);
        assert!(
            ui.locked.is_none(),
            "{backend}: unlocked: {}",
            ui.status.text
        );
        ui.key(KeyEvent::new(KeyCode::Char('l'), KeyModifiers::CONTROL));
        key(&mut ui, KeyCode::F(10));
        assert!(
            ui.session.is_none() && matches!(ui.screen, Screen::Login(_)),
            "{backend}"
        );
        let open: i64 = ezh::with_conn!(&mut ui.db.conn(), c => sessions::table.filter(sessions::ended_at.is_null()).count().get_result(c)).expect("sessions");
        assert_eq!(open, 0, "{backend}: the session was ended");
    }
}

fn late_change_asks_for_a_reason(url: &str, backend: &str) {
    let (db, logins) = demo(url);
    let mut ui = logged_in(db, login_of(&logins, "преподаватель"));
    key(&mut ui, KeyCode::Enter);
    // Two weeks later on the server's clock the lesson of 27.11 is past its deadline (Monday
    // 30.11); the day the screen shows does not matter.
    ezh::app::college::clock::fix_today(chrono::NaiveDate::from_ymd_opt(2026, 12, 10));
    let (lesson, rows) = lesson_and_rows(&ui);
    let before = audit_count(&mut ui.db);
    typed(&mut ui, "5");
    assert_eq!(
        cell(&mut ui.db, lesson, rows[0]),
        (vec![], None),
        "{backend}: not yet written"
    );
    assert!(
        ui.status
            .text
            .contains("срок внесения отметок за 27.11.2026 истёк 30.11.2026"),
        "{backend}: {}",
        ui.status.text
    );
    assert!(
        screen(&ui, 120, 40).contains("Причина изменения после срока"),
        "{backend}"
    );
    // At 80 columns the question comes with its why: the status stays above the prompt, whole.
    let narrow = screen(&ui, 80, 24);
    assert!(
        narrow.contains(&ui.status.text) && narrow.contains("Причина изменения после срока: ▏"),
        "{backend}: «{}» not shown with the prompt:\n{narrow}",
        ui.status.text
    );
    typed(&mut ui, "болел, сдал позже");
    key(&mut ui, KeyCode::Enter);
    assert_eq!(
        cell(&mut ui.db, lesson, rows[0]),
        (vec![5], None),
        "{backend}: written after the reason"
    );
    typed(&mut ui, "н");
    assert_eq!(
        cell(&mut ui.db, lesson, rows[1]).1.as_deref(),
        Some("absent"),
        "{backend}: the reason is kept for the lesson"
    );
    let reasons: Vec<Option<String>> = ezh::with_conn!(&mut ui.db.conn(), c => audit_log::table
        .filter(audit_log::id.gt(before)).filter(audit_log::entity.ne("journal"))
        .order(audit_log::id).select(audit_log::reason).load(c))
    .expect("audit");
    assert_eq!(
        reasons,
        vec![Some("болел, сдал позже".to_string()); 2],
        "{backend}"
    );
    // An empty reason changes nothing.
    let mut fresh = grid(&ui).reasons.clone();
    fresh.clear();
    if let Screen::Grid(g) = &mut ui.screen {
        g.reasons = fresh;
    }
    typed(&mut ui, "4");
    key(&mut ui, KeyCode::Enter);
    assert_eq!(
        cell(&mut ui.db, lesson, rows[2]),
        (vec![], None),
        "{backend}: no reason, no change"
    );
    assert!(
        ui.status.text.contains("нужна причина"),
        "{backend}: {}",
        ui.status.text
    );
}

#[test]
fn a_late_change_asks_for_a_reason_and_audits_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("tui_late_reason", dir.path()) {
        late_change_asks_for_a_reason(&url, backend);
    }
}

#[test]
fn a_window_under_80x24_says_so_and_takes_no_marks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (db, logins) = demo(&support::sqlite_url(dir.path()));
    let mut ui = logged_in(db, login_of(&logins, "преподаватель"));
    key(&mut ui, KeyCode::Enter);
    let (lesson, rows) = lesson_and_rows(&ui);
    let before = cell(&mut ui.db, lesson, rows[0]);
    let small = screen(&ui, 79, 24);
    assert!(
        small.contains("Окно слишком маленькое: нужно не меньше 80×24 (сейчас 79×24)"),
        "{small}"
    );
    assert!(
        !small.contains("Обучающийся"),
        "the grid shows through:\n{small}"
    );
    // A mark typed blind is not written.
    typed(&mut ui, "5");
    assert_eq!(cell(&mut ui.db, lesson, rows[0]), before);
    // Back at 80×24 the grid returns, and keys work again.
    assert!(screen(&ui, 80, 24).contains("Обучающийся"));
    typed(&mut ui, "5");
    assert_ne!(cell(&mut ui.db, lesson, rows[0]), before);
}
