//! The mail screen's keys as data, like the grid's: one table of (where, keys, action, help,
//! footer hint) drives the key handler, the help (`?`) and the footer. In a form every key that
//! is not in the table is typed into the field.

use super::state::Action;
use crate::tui::keys::{self, Key};

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
pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    pub label: &'static str,
    pub cmd: Cmd,
    pub help: &'static str,
    pub hint: Option<&'static str>,
}

use Key::Char as C;
use Scope::{Form, List, Reading};

const fn b(
    scope: Scope,
    keys: &'static [Key],
    label: &'static str,
    cmd: Cmd,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        scope,
        keys,
        label,
        cmd,
        help,
        hint,
    }
}

/// Every key of the mail screen.
pub const KEYMAP: &[Binding] = &[
    b(List, &[Key::Up, C('k')], "↑ ↓", Cmd::Up, "почта: другое письмо", Some("↑↓ письмо")),
    b(List, &[Key::Down, C('j')], "", Cmd::Down, "", None),
    b(List, &[Key::Enter], "Enter", Cmd::Open, "почта: прочитать письмо", Some("Enter читать")),
    b(List, &[C('w')], "w", Cmd::New, "почта: написать письмо (получатель — из списка)", Some("w написать")),
    b(List, &[C('r'), Key::Reload], "r, Ctrl+R", Cmd::Reload, "почта: проверить новые письма", None),
    b(List, &[C('?')], "", Cmd::Help, "", Some("? клавиши")),
    b(List, &[C('q'), Key::Esc], "", Cmd::Back, "", Some("q назад")),
    b(Reading, &[Key::Up, C('k')], "", Cmd::Up, "", None),
    b(Reading, &[Key::Down, C('j')], "", Cmd::Down, "", Some("↑↓ листать")),
    b(Reading, &[Key::PageUp], "", Cmd::PageUp, "", None),
    b(Reading, &[Key::PageDown, C(' ')], "", Cmd::PageDown, "", None),
    b(Reading, &[C('a')], "a", Cmd::Reply, "почта: ответить на письмо", Some("a ответить")),
    b(Reading, &[C('?')], "", Cmd::Help, "", None),
    b(Reading, &[C('q'), Key::Esc], "", Cmd::Back, "", Some("q к списку")),
    b(Form, &[Key::Enter], "Enter", Cmd::Submit, "письмо: выбрать получателя, к тексту, отправить", Some("Enter дальше/отправить")),
    b(Form, &[Key::Tab, Key::BackTab], "Tab", Cmd::NextField, "письмо: тема или текст", Some("Tab тема/текст")),
    b(Form, &[Key::Up], "", Cmd::Up, "", None),
    b(Form, &[Key::Down], "", Cmd::Down, "", None),
    b(Form, &[Key::Esc], "", Cmd::Back, "", Some("Esc отменить")),
];

/// The action of a key in `scope`; `None`: not a key of the table.
pub fn action(scope: Scope, key: Key) -> Option<Action> {
    let cmd = KEYMAP
        .iter()
        .find(|b| b.scope == scope && b.keys.contains(&key))?
        .cmd;
    Some(match cmd {
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

/// The footer of `scope`.
pub fn footer(scope: Scope) -> String {
    KEYMAP
        .iter()
        .filter(|b| b.scope == scope)
        .filter_map(|b| b.hint)
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The help's lines: keys (with the Russian letter on the same key), what they do.
pub fn help() -> Vec<(String, &'static str)> {
    KEYMAP
        .iter()
        .filter(|b| !b.help.is_empty())
        .map(|b| {
            let ru: Vec<String> = b
                .keys
                .iter()
                .filter_map(|k| match k {
                    Key::Char(c) => keys::russian_of(*c).map(String::from),
                    _ => None,
                })
                .collect();
            let label = if ru.is_empty() {
                b.label.to_string()
            } else {
                format!("{} ({})", b.label, ru.join(" "))
            };
            (label, b.help)
        })
        .collect()
}
