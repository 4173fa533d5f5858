//! State tests of the mail screen: a sequence of actions gives the expected state and effects,
//! without a database (the effects' results are handed in as the actions they come back as).

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::state::{Action, Effect, MailScreen, Mode};
use super::update;
use crate::app::mail::messages::{Line, Message};
use crate::app::mail::recipients::Recipient;

fn at(day: u32, h: u32) -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, day)
        .and_then(|d| d.and_hms_opt(h, 0, 0))
        .unwrap_or_default()
}

fn inbox() -> Vec<Line> {
    vec![
        Line {
            id: 7,
            from: "Кузнецова Т. А.".into(),
            subject: "Контрольная в пятницу".into(),
            sent_at: at(4, 15),
            read: false,
        },
        Line {
            id: 3,
            from: "Петров И. С.".into(),
            subject: "Пропуски".into(),
            sent_at: at(1, 9),
            read: true,
        },
    ]
}

fn people() -> Vec<Recipient> {
    let r = |login: &str, name: &str, note: &str| Recipient {
        login: login.into(),
        name: name.into(),
        note: note.into(),
    };
    vec![
        r("kuznetsova", "Кузнецова Т. А.", "преподаватель"),
        r("petrov", "Петров И. С.", "куратор, преподаватель"),
    ]
}

fn typed(s: &mut MailScreen, text: &str) {
    for c in text.chars() {
        update(
            s,
            Action::Edit(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        );
    }
}

#[test]
fn reading_marks_read_and_a_reply_goes_to_the_sender_with_re() {
    let mut s = MailScreen::new(inbox());
    assert_eq!(s.unread(), 1);
    assert_eq!(update(&mut s, Action::Open), vec![Effect::Read(7)]);
    let m = Message {
        id: 7,
        from: "Кузнецова Т. А.".into(),
        from_login: "kuznetsova".into(),
        to: vec!["Смирнова О. П.".into()],
        subject: "Контрольная в пятницу".into(),
        body: "Прошу подготовиться.".into(),
        sent_at: at(4, 15),
    };
    update(&mut s, Action::Opened(Box::new(m)));
    assert_eq!(s.unread(), 0, "the inbox shows it read at once");
    update(&mut s, Action::Reply);
    match &s.mode {
        Mode::Compose {
            to, subject, body, ..
        } => {
            assert_eq!(to.login, "kuznetsova");
            assert_eq!(subject.text, "Re: Контрольная в пятницу");
            assert!(*body, "a reply starts at the text");
        }
        other => panic!("{other:?}"),
    }
    // An empty text is not sent; a text is.
    let e = update(&mut s, Action::Submit);
    assert!(matches!(&e[..], [Effect::Status { error: true, .. }]));
    typed(&mut s, "Хорошо, спасибо");
    let e = update(&mut s, Action::Submit);
    match &e[..] {
        [Effect::Send { to, subject, body }] => {
            assert_eq!(to.login, "kuznetsova");
            assert_eq!(subject, "Re: Контрольная в пятницу");
            assert_eq!(body, "Хорошо, спасибо");
        }
        other => panic!("{other:?}"),
    }
    let e = update(
        &mut s,
        Action::Sent {
            to: "Кузнецова Т. А.".into(),
            inbox: inbox(),
        },
    );
    assert_eq!(s.mode, Mode::List);
    assert!(
        matches!(&e[..], [Effect::Status { text, error: false }] if text.contains("отправлено"))
    );
}

#[test]
fn a_new_letter_picks_the_recipient_from_the_list_by_typing() {
    let mut s = MailScreen::new(Vec::new());
    assert_eq!(
        update(&mut s, Action::New)
            .into_iter()
            .filter(|e| *e == Effect::LoadRecipients)
            .count(),
        1,
        "the list is read when first needed"
    );
    update(&mut s, Action::Recipients(people()));
    typed(&mut s, "пет");
    assert_eq!(s.matching("пет").len(), 1);
    update(&mut s, Action::Submit);
    assert!(matches!(&s.mode, Mode::Compose { to, body: false, .. } if to.login == "petrov"));
    // Enter without a subject asks for one; Tab goes to the text; Esc drops the letter.
    let e = update(&mut s, Action::Submit);
    assert!(matches!(&e[..], [Effect::Status { text, error: true }] if text.contains("тему")));
    typed(&mut s, "Справка");
    update(&mut s, Action::NextField);
    typed(&mut s, "Принесём в понедельник");
    assert!(matches!(&s.mode, Mode::Compose { subject, text, .. }
        if subject.text == "Справка" && text.text == "Принесём в понедельник"));
    update(&mut s, Action::Back);
    assert_eq!(s.mode, Mode::List);
    // Nobody matches: Enter says so and stays.
    update(&mut s, Action::New);
    typed(&mut s, "zzz");
    let e = update(&mut s, Action::Submit);
    assert!(matches!(&e[..], [Effect::Status { error: true, .. }]));
    assert!(matches!(s.mode, Mode::Pick { .. }));
}

#[test]
fn the_key_table_drives_keys_help_and_footer() {
    use super::keymap::{action, footer, help, Scope};
    use crate::tui::keys::Key;
    assert!(matches!(
        action(Scope::List, Key::Char('w')),
        Some(Action::New)
    ));
    assert!(matches!(
        action(Scope::Reading, Key::Char('a')),
        Some(Action::Reply)
    ));
    assert!(
        action(Scope::Form, Key::Char('w')).is_none(),
        "typed, not a command"
    );
    assert!(footer(Scope::List).contains("w написать"));
    assert!(help().iter().any(|(k, _)| k == "w (ц)"));
}
