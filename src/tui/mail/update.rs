//! The mail screen's logic without a database: `update(state, action)` changes the state and
//! returns the effects to run; their results come back as actions.

use super::state::{matching, Action, Effect, MailScreen, Mode, BODY_MAX, SUBJECT_MAX};
use crate::app::mail::recipients::Recipient;
use crate::tui::field::Field;

fn say(text: impl Into<String>) -> Effect {
    Effect::Status {
        text: text.into(),
        error: false,
    }
}

fn warn(text: impl Into<String>) -> Effect {
    Effect::Status {
        text: text.into(),
        error: true,
    }
}

/// A form to write to `to`, the subject offered (a reply's «Re: …»).
fn compose(to: Recipient, subject: &str) -> Mode {
    let body = !subject.is_empty();
    Mode::Compose {
        to,
        subject: Field::new(subject).with_limit(SUBJECT_MAX),
        text: Field::new("").with_limit(BODY_MAX),
        body,
    }
}

/// Applies `action` to the screen and returns what is to be done outside it.
pub fn update(s: &mut MailScreen, action: Action) -> Vec<Effect> {
    match action {
        Action::Move(step) => {
            match &mut s.mode {
                Mode::List => {
                    let last = s.inbox.len().saturating_sub(1);
                    s.row = s.row.saturating_add_signed(step).min(last);
                }
                Mode::Reading { scroll, .. } => {
                    let by = i16::try_from(step).unwrap_or(0);
                    *scroll = scroll.saturating_add_signed(by);
                }
                Mode::Pick { filter, sel } => {
                    let n = matching(&s.recipients, &filter.text).len();
                    *sel = sel.saturating_add_signed(step).min(n.saturating_sub(1));
                }
                Mode::Compose { .. } => {}
            }
            Vec::new()
        }
        Action::Open => match s.inbox.get(s.row) {
            Some(l) => vec![Effect::Read(l.id)],
            None => vec![say("Писем нет.")],
        },
        Action::Back => match s.mode {
            Mode::List => vec![Effect::Leave],
            Mode::Reading { .. } => {
                s.mode = Mode::List;
                vec![Effect::LoadInbox]
            }
            _ => {
                s.mode = Mode::List;
                vec![say("Письмо не отправлено.")]
            }
        },
        Action::New => {
            s.mode = Mode::Pick {
                filter: Field::new("").with_limit(60),
                sel: 0,
            };
            if s.recipients.is_none() {
                vec![Effect::LoadRecipients]
            } else {
                vec![say(
                    "Кому: начните вводить фамилию, ↑↓ — выбор, Enter — выбрать",
                )]
            }
        }
        Action::Reply => {
            let Mode::Reading { message, .. } = &s.mode else {
                return Vec::new();
            };
            let subject = if message.subject.starts_with("Re: ") {
                message.subject.clone()
            } else {
                format!("Re: {}", message.subject)
            };
            let to = Recipient {
                login: message.from_login.clone(),
                name: message.from.clone(),
                note: String::new(),
            };
            let subject: String = subject.chars().take(SUBJECT_MAX).collect();
            s.mode = compose(to, &subject);
            vec![say("Ответ: напишите текст, Enter — отправить")]
        }
        Action::Reload => vec![Effect::LoadInbox],
        Action::Help => vec![Effect::Help],
        Action::Edit(ev) => {
            match &mut s.mode {
                Mode::Pick { filter, sel } => {
                    filter.edit(&ev);
                    *sel = 0;
                }
                Mode::Compose {
                    subject,
                    text,
                    body,
                    ..
                } => {
                    if *body {
                        text.edit(&ev);
                    } else {
                        subject.edit(&ev);
                    }
                }
                _ => {}
            }
            Vec::new()
        }
        Action::NextField => {
            if let Mode::Compose { body, .. } = &mut s.mode {
                *body = !*body;
            }
            Vec::new()
        }
        Action::Submit => submit(s),
        Action::Loaded(inbox) => {
            s.inbox = inbox;
            s.row = s.row.min(s.inbox.len().saturating_sub(1));
            Vec::new()
        }
        Action::Opened(m) => {
            if let Some(l) = s.inbox.iter_mut().find(|l| l.id == m.id) {
                l.read = true;
            }
            s.mode = Mode::Reading {
                message: *m,
                scroll: 0,
            };
            Vec::new()
        }
        Action::Recipients(list) => {
            let none = list.is_empty();
            s.recipients = Some(list);
            if none {
                s.mode = Mode::List;
                vec![warn(
                    "Написать некому: нет преподавателей и кураторов с учётными записями.",
                )]
            } else {
                vec![say(
                    "Кому: начните вводить фамилию, ↑↓ — выбор, Enter — выбрать",
                )]
            }
        }
        Action::Sent { to, inbox } => {
            s.inbox = inbox;
            s.mode = Mode::List;
            vec![say(format!("Письмо отправлено ({to})"))]
        }
        Action::Failed(e) => vec![warn(format!("Ошибка: {e}"))],
    }
}

/// Enter: the recipient picked, on to the body, or the letter sent.
fn submit(s: &mut MailScreen) -> Vec<Effect> {
    match &mut s.mode {
        Mode::Pick { filter, sel } => {
            let Some(to) = matching(&s.recipients, &filter.text)
                .get(*sel)
                .map(|r| (*r).clone())
            else {
                return vec![warn("Никого не нашлось: измените начало фамилии.")];
            };
            let name = to.name.clone();
            s.mode = compose(to, "");
            vec![say(format!(
                "Кому: {name} — напишите тему; Tab или Enter — к тексту"
            ))]
        }
        Mode::Compose {
            subject,
            body: false,
            ..
        } if subject.text.trim().is_empty() => vec![warn("Напишите тему письма.")],
        Mode::Compose { body, .. } if !*body => {
            *body = true;
            Vec::new()
        }
        Mode::Compose { text, .. } if text.text.trim().is_empty() => {
            vec![warn("Напишите текст письма.")]
        }
        Mode::Compose {
            to, subject, text, ..
        } => vec![Effect::Send {
            to: to.clone(),
            subject: subject.text.clone(),
            body: text.text.clone(),
        }],
        _ => Vec::new(),
    }
}
