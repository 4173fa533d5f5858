//! The key tables of the home screen, the tutor's group screen and the family's diary, in the
//! same shape as the grid's and the mail's (`keymap`): each screen's handler looks its keys up
//! here, and the help and the footer are built from the same lines.

use super::keymap::{bind as b, Binding};
use super::keys::Key;
use Key::Char as C;

/// What a key on the home, group or diary screen stands for; each screen reads the commands
/// it has (an arrow is the next lesson at home, the next student on the group screen).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Up,
    Down,
    Left,
    Right,
    First,
    Last,
    PageUp,
    PageDown,
    Open,
    Mail,
    NextTab,
    PrevTab,
    /// A reason letter (у б н) of an absence on the group screen's week list.
    Reason,
    Toggle,
    Child,
    Help,
    Back,
}

/// The screens these tables are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Home,
    Group,
    Diary,
}

use Scope::{Diary, Group, Home};

/// Every key of the three screens.
pub const KEYS: &[Binding<Scope, Cmd>] = &[
    b(
        Home,
        &[Key::Up, C('k')],
        "↑ ↓",
        Cmd::Up,
        "главный экран: выбор занятия, журнала или группы",
        Some("↑↓ — выбор"),
    ),
    b(Home, &[Key::Down, C('j')], "", Cmd::Down, "", None),
    b(
        Home,
        &[Key::Home],
        "Home End",
        Cmd::First,
        "главный экран: первая и последняя строка",
        None,
    ),
    b(Home, &[Key::End], "", Cmd::Last, "", None),
    b(
        Home,
        &[Key::Enter, Key::Right, C('l')],
        "Enter",
        Cmd::Open,
        "главный экран: открыть занятие (журнал с ним), журнал нагрузки, сводку группы",
        Some("Enter — открыть"),
    ),
    b(
        Home,
        &[C('m')],
        "m",
        Cmd::Mail,
        "главный экран сотрудника: почта (у семьи — вкладка «Почта» дневника)",
        Some("m — почта"),
    ),
    b(Home, &[C('?')], "?", Cmd::Help, "", Some("? — клавиши")),
    b(Home, &[], "F10", Cmd::Back, "", Some("F10 — выйти")),
    b(
        Home,
        &[C('q'), Key::Esc],
        "q, Esc",
        Cmd::Back,
        "",
        Some("q — выход"),
    ),
    b(
        Group,
        &[Key::Tab, Key::BackTab],
        "Tab",
        Cmd::NextTab,
        "сводка группы: сводка или пропуски недели",
        Some("Tab — сводка/пропуски"),
    ),
    b(
        Group,
        &[Key::Up, C('k')],
        "↑ ↓",
        Cmd::Up,
        "сводка группы: другой обучающийся, другой пропуск",
        None,
    ),
    b(Group, &[Key::Down, C('j')], "", Cmd::Down, "", None),
    b(
        Group,
        &[Key::Left, C('h')],
        "← →",
        Cmd::Left,
        "сводка группы: другая дисциплина (столбцы листаются)",
        None,
    ),
    b(Group, &[Key::Right, C('l')], "", Cmd::Right, "", None),
    b(
        Group,
        &[Key::PageUp],
        "PgUp PgDn",
        Cmd::PageUp,
        "пропуски группы: предыдущая, следующая неделя",
        None,
    ),
    b(Group, &[Key::PageDown], "", Cmd::PageDown, "", None),
    b(
        Group,
        &[
            C('у'),
            C('У'),
            C('б'),
            C('Б'),
            C('н'),
            C('Н'),
            C('о'),
            C('О'),
        ],
        "у б н о",
        Cmd::Reason,
        "пропуски группы: причина пропуска (после срока — с объяснением)",
        None,
    ),
    b(Group, &[C('?')], "?", Cmd::Help, "", Some("? — клавиши")),
    b(
        Group,
        &[C('q'), Key::Esc],
        "q, Esc",
        Cmd::Back,
        "",
        Some("q — назад"),
    ),
    b(
        Diary,
        &[Key::Tab],
        "Tab, Shift+Tab",
        Cmd::NextTab,
        "дневник: следующая, предыдущая вкладка",
        Some("Tab — вкладка"),
    ),
    b(Diary, &[Key::BackTab], "", Cmd::PrevTab, "", None),
    b(
        Diary,
        &[Key::Up, C('k')],
        "↑ ↓",
        Cmd::Up,
        "дневник: другая дисциплина; на вкладке «Неделя» — листать",
        Some("↑↓ — дисциплина"),
    ),
    b(Diary, &[Key::Down, C('j')], "", Cmd::Down, "", None),
    b(
        Diary,
        &[Key::PageUp],
        "PgUp PgDn",
        Cmd::PageUp,
        "дневник, вкладка «Неделя»: листать по 10 строк",
        None,
    ),
    b(Diary, &[Key::PageDown], "", Cmd::PageDown, "", None),
    b(
        Diary,
        &[C(' '), Key::Enter],
        "Пробел",
        Cmd::Toggle,
        "дневник, вкладка «Уведомления»: включить или выключить письма",
        None,
    ),
    b(
        Diary,
        &[C('c')],
        "c",
        Cmd::Child,
        "дневник родителя: другой ребёнок",
        None,
    ),
    b(Diary, &[C('?')], "?", Cmd::Help, "", Some("? — клавиши")),
    b(
        Diary,
        &[C('q'), Key::Esc],
        "q, Esc",
        Cmd::Back,
        "",
        Some("q — выход"),
    ),
];

/// The command of `key` on the screen `scope`.
pub fn command(scope: Scope, key: Key) -> Option<Cmd> {
    super::keymap::command(KEYS, scope, key)
}

/// The footer of the screen `scope` (each fits in 80 columns whole).
pub fn footer(scope: Scope) -> String {
    super::keymap::footer(KEYS, scope, usize::MAX, |_| true)
}

/// The help's lines of the three screens.
pub fn help() -> Vec<(String, &'static str)> {
    super::keymap::help(KEYS)
}
