//! The mail screen's state, its actions and its effects, as data: what a key asks for
//! ([`Action`]), what `update` wants done against the database ([`Effect`]), and the mailbox as
//! shown. Nothing here touches the database.

use crossterm::event::KeyEvent;

use crate::app::mail::messages::{Line, Message};
use crate::app::mail::recipients::Recipient;
use crate::tui::field::Field;

/// The longest text a message's body takes on the screen (the app layer allows 10 000).
pub const BODY_MAX: usize = 2000;
/// The longest subject (as the app layer).
pub const SUBJECT_MAX: usize = 200;

/// What the screen shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// The inbox.
    List,
    /// One message, scrolled by lines.
    Reading { message: Message, scroll: u16 },
    /// Choosing whom to write to: the list filtered by what is typed.
    Pick { filter: Field, sel: usize },
    /// Writing: to whom, the subject and the body; `body` says which field takes the keys.
    Compose {
        to: Recipient,
        subject: Field,
        text: Field,
        body: bool,
    },
}

/// The mail screen.
#[derive(Debug, Clone)]
pub struct MailScreen {
    pub inbox: Vec<Line>,
    pub row: usize,
    pub mode: Mode,
    /// Whom the person may write to, read when first needed.
    pub recipients: Option<Vec<Recipient>>,
    /// The college's time zone: letters are stored in UTC and shown in local time.
    pub zone: String,
}

/// What the screen is asked to do.
#[derive(Debug, Clone)]
pub enum Action {
    Move(isize),
    /// Read the selected message.
    Open,
    /// Back: from a message or a form to the inbox; from the inbox off the screen.
    Back,
    /// Write a new message: pick the recipient first.
    New,
    /// Answer the message being read.
    Reply,
    Reload,
    Help,
    /// A key for the text being typed (the filter, the subject, the body).
    Edit(KeyEvent),
    /// Enter while picking or writing: take the recipient, go to the body, send.
    Submit,
    /// Tab while writing: the other field.
    NextField,
    /// Results of effects.
    Loaded(Vec<Line>),
    Opened(Box<Message>),
    Recipients(Vec<Recipient>),
    Sent {
        to: String,
        inbox: Vec<Line>,
    },
    Failed(String),
}

/// What `update` wants done outside the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Status {
        text: String,
        error: bool,
    },
    LoadInbox,
    Read(i64),
    LoadRecipients,
    Send {
        to: Recipient,
        subject: String,
        body: String,
    },
    Help,
    Leave,
}

impl MailScreen {
    /// A screen on this inbox.
    pub fn new(inbox: Vec<Line>) -> MailScreen {
        MailScreen {
            inbox,
            row: 0,
            mode: Mode::List,
            recipients: None,
            zone: "Europe/Moscow".into(),
        }
    }

    /// Messages not read yet.
    pub fn unread(&self) -> usize {
        self.inbox.iter().filter(|l| !l.read).count()
    }

    /// The recipients whose name or login contains the filter (any case).
    pub fn matching(&self, filter: &str) -> Vec<&Recipient> {
        matching(&self.recipients, filter)
    }

    /// Whether the screen takes every key (Tab, q) for itself: a form is open.
    pub fn typing(&self) -> bool {
        matches!(self.mode, Mode::Pick { .. } | Mode::Compose { .. })
    }
}

/// The recipients whose name, login or role contains `filter` (any case).
pub fn matching<'a>(recipients: &'a Option<Vec<Recipient>>, filter: &str) -> Vec<&'a Recipient> {
    let f = filter.trim().to_lowercase();
    recipients
        .iter()
        .flatten()
        .filter(|r| {
            f.is_empty()
                || r.name.to_lowercase().contains(&f)
                || r.login.contains(&f)
                || r.note.contains(&f)
        })
        .collect()
}
