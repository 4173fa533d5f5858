//! The journal screen's behaviour on both backends, driven by keys as a person types them:
//! marks, absences, undo, the topic, a whole column, a conflict with another change, the idle
//! lock, and families who cannot reach anyone else's data whatever they press.

mod support;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use diesel::prelude::*;
use ezh::store::schema::{absences, audit_log, grades, lessons, sessions, students, users};
use ezh::store::Db;
use ezh::tui::{Screen, Ui};
use support::tui::{demo, key, logged_in, login_of, screen, typed};

fn grid(ui: &Ui) -> &ezh::tui::GridScreen {
    match &ui.screen {
        Screen::Grid(g) => g,
        _ => panic!("not on the grid: {}", ui.status.text),
    }
}

/// (lesson, the first three member students) of the grid on screen.
fn lesson_and_rows(ui: &Ui) -> (i64, Vec<i64>) {
    let g = grid(ui);
    let lesson = &g.grid.lessons[g.col];
    let ids = g
        .grid
        .students
        .iter()
        .filter(|s| s.member_on(lesson.date))
        .map(|s| s.student.id);
    (lesson.id, ids.collect())
}

fn cell(db: &mut Db, lesson: i64, student: i64) -> (Vec<i32>, Option<String>) {
    ezh::with_conn!(&mut db.conn(), c => (|| {
        let g = grades::table.filter(grades::lesson_id.eq(lesson)).filter(grades::student_id.eq(student))
            .order(grades::id).select(grades::value).load(c)?;
        let a = absences::table.filter(absences::lesson_id.eq(lesson)).filter(absences::student_id.eq(student))
            .select(absences::reason).first(c).optional()?;
        Ok::<_, diesel::result::Error>((g, a))
    })()).expect("cell")
}

fn audit_count(db: &mut Db) -> i64 {
    ezh::with_conn!(&mut db.conn(), c => audit_log::table.count().get_result(c)).expect("audit")
}

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
    ezh::app::marks::add_grade(
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
}

#[test]
fn a_cell_changed_elsewhere_is_not_overwritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("tui_conflict", dir.path()) {
        conflict_is_not_overwritten(&url, backend);
    }
}

/// Every key a person could press on the family screens, in both layouts.
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
    // Two weeks later the lesson of 27.11 is past its deadline (Monday 30.11).
    ui.today = chrono::NaiveDate::from_ymd_opt(2026, 12, 10).expect("date");
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
        .filter(audit_log::id.gt(before)).order(audit_log::id).select(audit_log::reason).load(c))
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
    let first = ezh::app::lessons::day(&mut db, &t_actor, support::tui::today())
        .expect("day")
        .remove(0);
    let request = ezh::app::substitute::SubstituteRequest {
        date: Some(support::tui::today()),
        pair: first.pair,
        group: first.assignment.group.clone(),
        subgroup: None,
        teacher: Some(tutor.login.clone()),
        room: None,
        subject: None,
        cancel: false,
    };
    ezh::app::substitute::substitute(&mut db, &secretary, &request).expect("substitute");
    let left = ezh::app::lessons::day(&mut db, &t_actor, support::tui::today()).expect("day");
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
