//! The mail screen's keys as data, like the grid's: one table of (where, keys, action, help,
//! footer hint) drives the key handler, the help (`?`) and the footer. In a form every key that
//! is not in the table is typed into the field.

use super::state::Action;
use crate::tui::keys::Key;

/// Which keys apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    List,
    Reading,
    /// Picking a recipient or writing: a form.
    Form,
}

/// A command a binding stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Up,
    Down,
    PageUp,
    PageDown,
    Open,
    Back,
    New,
    Reply,
    Reload,
    Help,
    Submit,
    NextField,
}

/// One line of the key table.
pub type Binding = crate::tui::keymap::Binding<Scope, Cmd>;

use crate::tui::keymap::bind as b;
use Key::Char as C;
use Scope::{Form, List, Reading};

/// Every key of the mail screen.
pub const KEYMAP: &[Binding] = &[
    b(
        List,
        &[Key::Up, C('k')],
        "↑ ↓",
        Cmd::Up,
        "почта: другое письмо",
        Some("↑↓ письмо"),
    ),
    b(List, &[Key::Down, C('j')], "", Cmd::Down, "", None),
    b(
        List,
        &[Key::Enter],
        "Enter",
        Cmd::Open,
        "почта: прочитать письмо",
        Some("Enter читать"),
    ),
    b(
        List,
        &[C('w')],
        "w",
        Cmd::New,
        "почта: написать письмо (получатель — из списка)",
        Some("w написать"),
    ),
    b(
        List,
        &[C('r'), Key::Reload],
        "r, Ctrl+R",
        Cmd::Reload,
        "почта: проверить новые письма",
        None,
    ),
    b(List, &[C('?')], "?", Cmd::Help, "", Some("? клавиши")),
    b(
        List,
        &[C('q'), Key::Esc],
        "q, Esc",
        Cmd::Back,
        "",
        Some("q назад"),
    ),
    b(
        Reading,
        &[Key::Up, C('k')],
        "↑ ↓ PgUp PgDn",
        Cmd::Up,
        "почта: листать письмо",
        None,
    ),
    b(
        Reading,
        &[Key::Down, C('j')],
        "",
        Cmd::Down,
        "",
        Some("↑↓ листать"),
    ),
    b(Reading, &[Key::PageUp], "", Cmd::PageUp, "", None),
    b(
        Reading,
        &[Key::PageDown, C(' ')],
        "",
        Cmd::PageDown,
        "",
        None,
    ),
    b(
        Reading,
        &[C('a')],
        "a",
        Cmd::Reply,
        "почта: ответить на письмо",
        Some("a ответить"),
    ),
    b(Reading, &[C('?')], "?", Cmd::Help, "", None),
    b(
        Reading,
        &[C('q'), Key::Esc],
        "q, Esc",
        Cmd::Back,
        "",
        Some("q к списку"),
    ),
    b(
        Form,
        &[Key::Enter],
        "Enter",
        Cmd::Submit,
        "письмо: выбрать получателя, к тексту, отправить",
        Some("Enter дальше/отправить"),
    ),
    b(
        Form,
        &[Key::Tab, Key::BackTab],
        "Tab",
        Cmd::NextField,
        "письмо: тема или текст",
        Some("Tab тема/текст"),
    ),
    b(
        Form,
        &[Key::Up],
        "↑ ↓",
        Cmd::Up,
        "письмо: выбор получателя в списке",
        None,
    ),
    b(Form, &[Key::Down], "", Cmd::Down, "", None),
    b(
        Form,
        &[Key::Esc],
        "Esc",
        Cmd::Back,
        "письмо: не отправлять",
        Some("Esc отменить"),
    ),
];

/// The action of a key in `scope`; `None`: not a key of the table.
pub fn action(scope: Scope, key: Key) -> Option<Action> {
    Some(match crate::tui::keymap::command(KEYMAP, scope, key)? {
        Cmd::Up => Action::Move(-1),
        Cmd::Down => Action::Move(1),
        Cmd::PageUp => Action::Move(-10),
        Cmd::PageDown => Action::Move(10),
        Cmd::Open => Action::Open,
        Cmd::Back => Action::Back,
        Cmd::New => Action::New,
        Cmd::Reply => Action::Reply,
        Cmd::Reload => Action::Reload,
        Cmd::Help => Action::Help,
        Cmd::Submit => Action::Submit,
        Cmd::NextField => Action::NextField,
    })
}

/// The footer of `scope` (short enough for 80 columns as it is).
pub fn footer(scope: Scope) -> String {
    crate::tui::keymap::footer(KEYMAP, scope, usize::MAX, |_| true)
}

/// The help's lines: keys (with the Russian letter on the same key), what they do.
pub fn help() -> Vec<(String, &'static str)> {
    crate::tui::keymap::help(KEYMAP)
}
