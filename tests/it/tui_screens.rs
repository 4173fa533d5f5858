//! Snapshots of every journal screen at 80×24 and 120×40 (TestBackend + insta), on the demo
//! college of 27.11.2026 with colours off: login, activation, the teacher's home, the grid and
//! its prompt, cell editor, final-grade column and help, the tutor's overview and week of
//! absences, the family's diary tabs, and the idle lock.

use crate::support;

use crossterm::event::KeyCode;
use ezh::tui::Ui;
use support::tui::{demo, key, logged_in, login_of, screen, today, typed};

fn snap(name: &str, ui: &Ui) {
    insta::assert_snapshot!(format!("{name}_80x24"), screen(ui, 80, 24));
    insta::assert_snapshot!(format!("{name}_120x40"), screen(ui, 120, 40));
}

#[test]
fn login_screens() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (db, _) = demo(&support::sqlite_url(dir.path()));
    let mut ui = Ui::new(db, today(), ezh::tui::Theme { color: false });
    snap("login", &ui);
    typed(&mut ui, "nobody");
    key(&mut ui, KeyCode::Tab);
    typed(&mut ui, "wrong-password");
    key(&mut ui, KeyCode::Enter);
    assert!(ui.session.is_none());
    assert_eq!(
        ui.status.text,
        format!("Ошибка: {}", ezh::app::accounts::auth::BAD_LOGIN)
    );
    snap("login_failed", &ui);
    key(&mut ui, KeyCode::F(2));
    snap("login_activate", &ui);
    // The activation form does not inherit the password form's error.
    let text = screen(&ui, 80, 24);
    assert!(
        text.contains("Активация кода доступа") && !text.contains("Ошибка"),
        "{text}"
    );
}

#[test]
fn teacher_screens() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (db, logins) = demo(&support::sqlite_url(dir.path()));
    let mut ui = logged_in(db, login_of(&logins, "преподаватель"));
    snap("teacher_home", &ui);
    key(&mut ui, KeyCode::Enter);
    assert!(matches!(ui.screen, ezh::tui::Screen::Grid(_)));
    snap("grid", &ui);
    // A month at a glance at 80×24: the month's name over the days, a weekday under each, at
    // least eight lessons, and the plan's topic offered on the lesson's line.
    let small = screen(&ui, 80, 24);
    let lines: Vec<&str> = small.lines().collect();
    assert!(lines[2].contains(" ноя "), "{small}");
    let days = lines[3]
        .split_whitespace()
        .filter(|w| w.parse::<u32>().is_ok())
        .count();
    let weekdays = lines[4]
        .split_whitespace()
        .filter(|w| ["пн", "вт", "ср", "чт", "пт", "сб"].contains(&w.trim_matches('│')))
        .count();
    assert!(
        days >= 8 && weekdays == days,
        "{days} days, {weekdays} weekdays:\n{small}"
    );
    assert!(
        small.contains("по плану № 37: Исследование функции с помощью производной"),
        "{small}"
    );
    // Ефимов (row 6) is «под угрозой»: the line under the grid says which condition fired.
    for _ in 0..5 {
        key(&mut ui, KeyCode::Down);
    }
    let wide = screen(&ui, 160, 40);
    let line = wide
        .lines()
        .find(|l| l.contains(" пара · "))
        .unwrap_or_default();
    assert!(
        line.contains(" · под угрозой: нет отметок за "),
        "the selected student's risk and its reason: {line}"
    );
    for _ in 0..5 {
        key(&mut ui, KeyCode::Up);
    }
    typed(&mut ui, "t");
    typed(&mut ui, "Производная");
    snap("grid_topic_prompt", &ui);
    key(&mut ui, KeyCode::Esc);
    key(&mut ui, KeyCode::Enter);
    snap("grid_cell_editor", &ui);
    key(&mut ui, KeyCode::Esc);
    typed(&mut ui, "f");
    snap("grid_finals", &ui);
    key(&mut ui, KeyCode::Esc);
    typed(&mut ui, "?");
    snap("grid_help", &ui);
    // At 80×24 the help scrolls: the last keys come into view, ↓ does not close it and does not
    // move the journal's cursor; only Esc (or q, ?) closes it.
    let top = screen(&ui, 80, 24);
    assert!(!top.contains("F10") && top.contains("строки 1–"), "{top}");
    key(&mut ui, KeyCode::End);
    let bottom = screen(&ui, 80, 24);
    assert!(
        bottom.contains("F10") && bottom.contains("q, Esc"),
        "{bottom}"
    );
    insta::assert_snapshot!("grid_help_end_80x24", bottom);
    key(&mut ui, KeyCode::Down);
    assert!(ui.help.open, "↓ closed the help");
    // A page key moves by the lines shown (15 at 80×24): from line 58 back to 43; Home to 1.
    key(&mut ui, KeyCode::PageUp);
    assert!(screen(&ui, 80, 24).contains("строки 43–57 из 72"));
    key(&mut ui, KeyCode::Home);
    assert!(screen(&ui, 80, 24).contains("перемещение по журналу"));
    key(&mut ui, KeyCode::Esc);
    assert!(!ui.help.open, "Esc keeps the help open");
}

#[test]
fn tutor_screens() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (db, logins) = demo(&support::sqlite_url(dir.path()));
    let mut ui = logged_in(db, login_of(&logins, "куратор группы"));
    key(&mut ui, KeyCode::End);
    key(&mut ui, KeyCode::Enter);
    assert!(
        matches!(ui.screen, ezh::tui::Screen::Group(_)),
        "{}",
        ui.status.text
    );
    snap("group_overview", &ui);
    // At 80 columns the overview scrolls sideways to the last subject, each with a short name
    // of its own («Физик», «ФизК»), the selected one named in full in the title.
    for _ in 0..12 {
        key(&mut ui, KeyCode::Right);
    }
    let right = screen(&ui, 80, 24);
    assert!(
        right.contains("6–13 из 13") && right.contains("· Химия ·"),
        "{right}"
    );
    assert!(right.contains("Физик") && right.contains("ФизК"), "{right}");
    for _ in 0..12 {
        key(&mut ui, KeyCode::Left);
    }
    key(&mut ui, KeyCode::Tab);
    snap("group_absences", &ui);
    // Looked at as a tutor would: the whole week in the title, full dates, and a lateness
    // without missed hours.
    let text = screen(&ui, 80, 24);
    let title = text
        .lines()
        .find(|l| l.contains(" · пропуски "))
        .unwrap_or_default();
    assert!(
        title.contains(" · пропуски 23.11–28.11.2026 (PgUp/PgDn — неделя; у б н — причина) ─")
            && title.ends_with('┐'),
        "the title fits at 80 columns: {title}"
    );
    assert!(text.contains("│24.11 "), "{text}");
    for line in text.lines().filter(|l| l.contains(" оп ")) {
        assert!(
            line.contains(" —     оп"),
            "a lateness has no hours: {line}"
        );
    }
}

#[test]
fn family_screens() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (db, logins) = demo(&support::sqlite_url(dir.path()));
    let mut ui = logged_in(db, login_of(&logins, "родитель"));
    snap("diary_grades", &ui);
    // Russian figures and counts, as the snapshot shows them: «4,00», «пять пятёрок».
    let shown = screen(&ui, 80, 24);
    assert!(shown.contains("4,00") && !shown.contains("4.00"), "{shown}");
    assert!(
        shown.contains("нужно ещё пять пятёрок, чтобы выйти на 5"),
        "{shown}"
    );
    for tab in ["[Отметки]", "Неделя", "Объявления", "Уведомления"]
    {
        assert!(
            shown.contains(tab),
            "«{tab}» is cut at 80 columns:\n{shown}"
        );
    }
    // A forecast at risk has its own mark, not the reports' «!» of a failing result.
    assert!(shown.contains("4*") && !shown.contains("4!"), "{shown}");
    // The selected subject's marks with their dates and kinds of work.
    assert!(
        shown.contains("Отметки: 25.09 4 (лабораторная работа), 23.10 4 (контрольная работа)"),
        "{shown}"
    );
    key(&mut ui, KeyCode::Tab);
    snap("diary_week", &ui);
    key(&mut ui, KeyCode::Tab);
    snap("diary_announcements", &ui);
    let news = screen(&ui, 80, 24);
    assert!(
        news.contains("24.11.2026 · Родительское собрание"),
        "undated:\n{news}"
    );
    // The mail tab: the inbox, a letter, the list of people to write to, a letter written.
    key(&mut ui, KeyCode::Tab);
    key(&mut ui, KeyCode::Tab);
    snap("diary_mail", &ui);
    key(&mut ui, KeyCode::Enter);
    snap("mail_letter", &ui);
    key(&mut ui, KeyCode::Esc);
    typed(&mut ui, "w");
    snap("mail_pick", &ui);
    key(&mut ui, KeyCode::Enter);
    typed(&mut ui, "Справка");
    key(&mut ui, KeyCode::Tab);
    typed(&mut ui, "Принесём в понедельник.");
    snap("mail_compose", &ui);
    key(&mut ui, KeyCode::Esc);
    ui.key(crossterm::event::KeyEvent::new(
        KeyCode::Char('l'),
        crossterm::event::KeyModifiers::CONTROL,
    ));
    assert!(ui.locked.is_some());
    snap("locked", &ui);
    let text = screen(&ui, 80, 24);
    assert!(
        text.starts_with("┌ ЭЖ ─") && text.contains("Журнал заблокирован"),
        "{text}"
    );
}
