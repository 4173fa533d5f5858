//! Mail in the journal screen on both backends: a guardian opens the diary's «Почта» tab, picks
//! the child's tutor from the list of people they may write to (and finds no one else there),
//! writes and sends; the tutor sees it unread on the mail screen of their home (`m`), reads it
//! and replies; the guardian's tab shows the reply. The same app functions as `ezh mail`.

use crate::support;

use crossterm::event::KeyCode;
use ezh::app::mail::{messages, recipients};
use support::tui::{demo, key, logged_in, login_of, screen, typed};

#[test]
fn a_family_writes_from_the_diary_and_staff_reply_from_the_home_screen() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("mail_screen", dir.path()) {
        let (db, logins) = demo(&url);
        let tutor_login = login_of(&logins, "куратор группы").login.clone();
        let admin_login = login_of(&logins, "администратор").login.clone();
        let mut ui = logged_in(db, login_of(&logins, "родитель"));
        let parent = support::college::actor_of(&mut ui.db, &logins, "родитель");
        // Whom the list offers: the child's teachers and tutor, each of whom `send` accepts.
        let offered =
            recipients::recipients(&mut ui.db, &parent, support::tui::today()).expect("recipients");
        assert!(offered
            .iter()
            .any(|r| r.login == tutor_login && r.note.contains("куратор")));
        assert!(
            !offered.iter().any(|r| r.login == admin_login),
            "{backend}: {offered:?}"
        );
        assert!(
            offered.len() > 3,
            "{backend}: the group's teachers: {offered:?}"
        );

        for _ in 0..4 {
            key(&mut ui, KeyCode::Tab);
        }
        let tab = screen(&ui, 80, 24);
        assert!(
            tab.contains("[Почта (1)]") && tab.contains("Входящие"),
            "{backend}:\n{tab}"
        );
        typed(&mut ui, "w");
        typed(&mut ui, &tutor_login);
        key(&mut ui, KeyCode::Enter);
        typed(&mut ui, "Справка о болезни");
        key(&mut ui, KeyCode::Enter);
        typed(&mut ui, "Принесём справку в понедельник.");
        let form = screen(&ui, 80, 24);
        assert!(
            form.contains("Тема: Справка о болезни"),
            "{backend}:\n{form}"
        );
        key(&mut ui, KeyCode::Enter);
        assert!(
            ui.status.text.contains("Письмо отправлено"),
            "{backend}: {}",
            ui.status.text
        );

        // The tutor: `m` on the home screen, the letter unread, read, answered.
        let tutor = support::college::actor_of(&mut ui.db, &logins, "куратор группы");
        let inbox = messages::inbox(&mut ui.db, &tutor).expect("inbox");
        assert!(
            inbox
                .iter()
                .any(|l| l.subject == "Справка о болезни" && !l.read),
            "{backend}"
        );
        ui.logout("Сеанс завершён.");
        let who = login_of(&logins, "куратор группы");
        typed(&mut ui, &who.login);
        key(&mut ui, KeyCode::Tab);
        typed(&mut ui, &who.password);
        key(&mut ui, KeyCode::Enter);
        typed(&mut ui, "m");
        let list = screen(&ui, 80, 24);
        assert!(
            list.contains("● ") && list.contains("Справка о болезни"),
            "{backend}:\n{list}"
        );
        key(&mut ui, KeyCode::Enter);
        let letter = screen(&ui, 80, 24);
        assert!(
            letter.contains("Принесём справку в понедельник."),
            "{backend}:\n{letter}"
        );
        typed(&mut ui, "a");
        typed(&mut ui, "Спасибо, жду.");
        key(&mut ui, KeyCode::Enter);
        assert!(
            ui.status.text.contains("Письмо отправлено"),
            "{backend}: {}",
            ui.status.text
        );
        let read = messages::inbox(&mut ui.db, &tutor).expect("inbox");
        assert!(
            read.iter().all(|l| l.read),
            "{backend}: reading marked it read"
        );
        let back = messages::inbox(&mut ui.db, &parent).expect("inbox");
        assert!(
            back.iter()
                .any(|l| l.subject == "Re: Справка о болезни" && !l.read),
            "{backend}: {back:?}"
        );
        // Esc leaves the mail for the home screen.
        key(&mut ui, KeyCode::Esc);
        assert!(matches!(ui.screen, ezh::tui::Screen::Home(_)), "{backend}");
    }
}
