//! The grid's keys as data: one table of (mode, keys, command, help, hint) drives the key
//! handler, the help screen (`?`) and the footer, so the three can never disagree. A Latin
//! letter also works on the same physical key in the Russian layout (`keys::read` turns е into
//! t …); the help shows both letters, taken from the same layout table.

use super::action::Action;
use super::state::Ask;
use crate::domain::{FinalGradeValue, GradeValue};
use crate::tui::keys::{self, Key};

/// Which keys apply: the lessons, the final-grade column, the cell editor, a prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Grid,
    Finals,
    Cell,
    Prompt,
}

/// A command a binding stands for; the key pressed fills in the value (which digit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Up,
    Down,
    Left,
    Right,
    MonthBack,
    MonthNext,
    TermStart,
    TermEnd,
    Compact,
    Grade,
    Absence,
    LateTail,
    Clear,
    Debt,
    OpenCell,
    Ask(Ask),
    Finals,
    Lessons,
    Final,
    Undo,
    Reload,
    Help,
    Leave,
    CellUp,
    CellDown,
    CellAdd,
    CellKindNext,
    CellKindBack,
    CellRemove,
    CellClose,
    Submit,
    Cancel,
    PlanNext,
    PlanBack,
}

/// One line of the key table.
pub type Binding = crate::tui::keymap::Binding<Scope, Cmd>;

use crate::tui::keymap::bind as b;
use Key::Char as C;
use Scope::{Cell, Finals, Grid, Prompt};

/// Every key of the grid.
pub const KEYMAP: &[Binding] = &[
    b(Grid, &[Key::Up, C('k')], "стрелки, h j k l", Cmd::Up, "перемещение по журналу (кроме о: это опоздание)", None),
    b(Grid, &[Key::Down, C('j')], "", Cmd::Down, "", None),
    b(Grid, &[Key::Left, C('h')], "", Cmd::Left, "", None),
    b(Grid, &[Key::Right, C('l')], "", Cmd::Right, "", None),
    b(Grid, &[Key::PageUp], "PgUp PgDn", Cmd::MonthBack, "предыдущий, следующий месяц", None),
    b(Grid, &[Key::PageDown], "", Cmd::MonthNext, "", None),
    b(Grid, &[Key::Home], "Home End", Cmd::TermStart, "первое и последнее занятие периода", None),
    b(Grid, &[Key::End], "", Cmd::TermEnd, "", None),
    b(Grid, &[C('v')], "v", Cmd::Compact, "весь период: по знаку на занятие, и обратно", None),
    b(Grid, &[C('1'), C('2'), C('3'), C('4'), C('5'), C('+'), C('-')], "1 2 3 4 5, + −", Cmd::Grade, "отметка в ячейку (+ зачёт, − незачёт); курсор идёт к следующему", Some("цифра отметка")),
    b(Grid, &[C('н'), C('Н'), C('у'), C('У'), C('б'), C('Б'), C('о'), C('О'), C('n'), C('N'), C('b'), C('B'), C('U'), C('L')], "н у б о(п)", Cmd::Absence, "пропуск: н — без причины, у — уважительная, б — болезнь, оп — опоздание; в латинской раскладке n, b, Shift+U, Shift+L", Some("н у б оп пропуск")),
    b(Grid, &[C('п'), C('П')], "", Cmd::LateTail, "", None),
    b(Grid, &[C('.')], ".", Cmd::Debt, "точка: долг по работе занятия (и снять её); отметка в ячейке её закрывает", None),
    b(Grid, &[Key::Delete, Key::Backspace], "Delete, Backspace", Cmd::Clear, "очистить ячейку", None),
    b(Grid, &[Key::Enter], "Enter", Cmd::OpenCell, "несколько отметок в ячейке и вид работы каждой", None),
    b(Grid, &[C('=')], "=", Cmd::Ask(Ask::FillColumn), "одна отметка всем, у кого её нет (контрольная)", None),
    b(Grid, &[C('t')], "t", Cmd::Ask(Ask::Topic), "тема занятия: Tab — темы тематического плана", Some("t тема")),
    b(Grid, &[C('d')], "d", Cmd::Ask(Ask::Homework), "домашнее задание; «до ДД.ММ» в конце — срок", Some("d д/з")),
    // Footer-only lines: the footer gives these up first when the window is narrow.
    b(Grid, &[], "", Cmd::MonthNext, "", Some("PgDn месяц")),
    b(Grid, &[], "", Cmd::Clear, "", Some("Del очистить")),
    b(Grid, &[C('K')], "Shift+K", Cmd::Ask(Ask::Kind), "вид занятия", None),
    b(Grid, &[C('a')], "a", Cmd::Ask(Ask::AddLesson), "добавить занятие", None),
    b(Grid, &[C('/')], "/", Cmd::Ask(Ask::Find), "найти обучающегося", None),
    b(Grid, &[C('f'), Key::Tab], "f, Tab", Cmd::Finals, "итоговые отметки", None),
    b(Grid, &[C('u'), Key::Undo], "u, Ctrl+Z", Cmd::Undo, "отменить последнее изменение", None),
    b(Grid, &[C('r'), Key::Reload], "r, Ctrl+R", Cmd::Reload, "обновить журнал: показать, что внесли другие", None),
    b(Grid, &[C('?')], "?", Cmd::Help, "эта справка", Some("? все клавиши")),
    b(Grid, &[C('q'), Key::Esc], "q, Esc", Cmd::Leave, "назад к списку занятий", Some("q назад")),
    b(Finals, &[Key::Up, C('k')], "↑ ↓", Cmd::Up, "итоговые: другой обучающийся", None),
    b(Finals, &[Key::Down, C('j')], "", Cmd::Down, "", None),
    b(Finals, &[C('2'), C('3'), C('4'), C('5'), C('+'), C('-'), C('н'), C('Н'), C('n')], "2–5, + −, н", Cmd::Final, "итоговая отметка: + зачтено, − не зачтено, н — не аттестован", Some("ИТОГОВЫЕ: 2–5, + зч, − нз, н — н/а")),
    b(Finals, &[Key::Esc, Key::Tab, C('f'), Key::Left, C('q')], "Esc, Tab, ←", Cmd::Lessons, "итоговые: назад к занятиям", Some("Esc к занятиям")),
    b(Finals, &[C('?')], "", Cmd::Help, "", None),
    b(Cell, &[Key::Up, C('k')], "↑ ↓", Cmd::CellUp, "в ячейке: другая отметка", None),
    b(Cell, &[Key::Down, C('j')], "", Cmd::CellDown, "", None),
    b(Cell, &[C('1'), C('2'), C('3'), C('4'), C('5'), C('+'), C('-')], "цифра", Cmd::CellAdd, "в ячейке: ещё одна отметка", Some("цифра ещё отметка")),
    b(Cell, &[Key::Tab, Key::Right], "Tab, →", Cmd::CellKindNext, "в ячейке: следующий вид работы (Shift+Tab, ← — предыдущий)", Some("Tab вид работы")),
    b(Cell, &[Key::BackTab, Key::Left], "", Cmd::CellKindBack, "", None),
    b(Cell, &[Key::Delete, Key::Backspace], "Del", Cmd::CellRemove, "в ячейке: удалить отметку", Some("Del удалить")),
    b(Cell, &[Key::Esc, Key::Enter], "Esc, Enter", Cmd::CellClose, "в ячейке: назад к журналу", Some("Esc назад")),
    b(Prompt, &[Key::Enter], "Enter", Cmd::Submit, "в строке ввода: сохранить", Some("Enter сохранить")),
    b(Prompt, &[Key::Esc], "Esc", Cmd::Cancel, "в строке ввода: отменить", Some("Esc отменить")),
    b(Prompt, &[Key::Tab], "Tab, Shift+Tab", Cmd::PlanNext, "в теме: следующая, предыдущая тема плана", Some("Tab тема плана")),
    b(Prompt, &[Key::BackTab], "", Cmd::PlanBack, "", None),
];

/// The command a key stands for in `scope`.
pub fn command(scope: Scope, key: Key) -> Option<Cmd> {
    crate::tui::keymap::command(KEYMAP, scope, key)
}

/// The action of a key in `scope`, its value taken from the key.
pub fn action(scope: Scope, key: Key) -> Option<Action> {
    let digit = |c: char| match c {
        '+' => "зч".to_string(),
        '-' => "нз".to_string(),
        'н' | 'Н' | 'n' => "н/а".to_string(),
        d => d.to_string(),
    };
    let ch = match key {
        Key::Char(c) => Some(c),
        _ => None,
    };
    Some(match command(scope, key)? {
        Cmd::Up => Action::Move { rows: -1, cols: 0 },
        Cmd::Down => Action::Move { rows: 1, cols: 0 },
        Cmd::Left => Action::Move { rows: 0, cols: -1 },
        Cmd::Right => Action::Move { rows: 0, cols: 1 },
        Cmd::MonthBack => Action::Month(-1),
        Cmd::MonthNext => Action::Month(1),
        Cmd::TermStart => Action::TermStart,
        Cmd::TermEnd => Action::TermEnd,
        Cmd::Compact => Action::Compact,
        Cmd::Grade => Action::Grade(GradeValue::parse(&digit(ch?)).ok()?),
        Cmd::Absence => Action::Absence(keys::absence_of(ch?)?),
        Cmd::LateTail => Action::LateTail,
        Cmd::Clear => Action::Clear,
        Cmd::Debt => Action::Debt,
        Cmd::OpenCell => Action::OpenCell,
        Cmd::Ask(a) => Action::Ask(a),
        Cmd::Finals => Action::Finals(true),
        Cmd::Lessons => Action::Finals(false),
        Cmd::Final => Action::Final(FinalGradeValue::parse(&digit(ch?)).ok()?),
        Cmd::Undo => Action::Undo,
        Cmd::Reload => Action::Reload,
        Cmd::Help => Action::Help,
        Cmd::Leave => Action::Leave,
        Cmd::CellUp => Action::CellSelect(-1),
        Cmd::CellDown => Action::CellSelect(1),
        Cmd::CellAdd => Action::CellAdd(GradeValue::parse(&digit(ch?)).ok()?),
        Cmd::CellKindNext => Action::CellKind(1),
        Cmd::CellKindBack => Action::CellKind(-1),
        Cmd::CellRemove => Action::CellRemove,
        Cmd::CellClose => Action::CellClose,
        Cmd::Submit => Action::Submit,
        Cmd::Cancel => Action::Cancel,
        Cmd::PlanNext => Action::Plan(1),
        Cmd::PlanBack => Action::Plan(-1),
    })
}

/// The footer of `scope` in `width` columns; the help and the way back always show.
pub fn footer(scope: Scope, width: usize) -> String {
    crate::tui::keymap::footer(KEYMAP, scope, width, |c| {
        matches!(c, Cmd::Help | Cmd::Leave | Cmd::Lessons)
    })
}

/// The help's lines of the grid: keys (with their Russian-layout letters), what they do.
pub fn help() -> Vec<(String, &'static str)> {
    crate::tui::keymap::help(KEYMAP)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_means_two_things_in_one_scope() {
        for (i, a) in KEYMAP.iter().enumerate() {
            for b in &KEYMAP[i + 1..] {
                if a.scope == b.scope {
                    let both: Vec<&Key> = a.keys.iter().filter(|k| b.keys.contains(k)).collect();
                    assert!(both.is_empty(), "{both:?} in {:?}", a.scope);
                }
            }
        }
    }

    #[test]
    fn the_table_drives_keys_footer_and_help() {
        assert!(matches!(
            action(Scope::Grid, Key::Char('4')),
            Some(Action::Grade(GradeValue::Numeric(4)))
        ));
        assert!(matches!(
            action(Scope::Finals, Key::Char('н')),
            Some(Action::Final(FinalGradeValue::NotAttested))
        ));
        assert!(matches!(
            action(Scope::Grid, Key::PageDown),
            Some(Action::Month(1))
        ));
        assert!(footer(Scope::Grid, 200).contains("t тема"));
        let narrow = footer(Scope::Grid, 80);
        assert!(narrow.chars().count() <= 80, "{narrow}");
        assert!(narrow.ends_with("? все клавиши · q назад"), "{narrow}");
        let help = help();
        assert!(help.iter().any(|(k, _)| k == "t (е)"), "{help:?}");
        assert!(help.iter().any(|(k, _)| k == "u, Ctrl+Z (г)"));
    }
}
