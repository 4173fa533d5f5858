//! Keys as the journal reads them: a Russian-layout letter that sits on a command key stands
//! for that command (е is t, в is d, й is q …), so a teacher who has just typed a topic in
//! Russian does not have to switch layouts. The absence letters н у б о are marks in their own
//! right and are never translated.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::domain::{AbsenceReason, LessonKind};

/// What a key means on the journal screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    /// F10: end the session (also from the lock screen).
    Logout,
    /// Ctrl+L: lock the screen now.
    LockNow,
    /// Ctrl+Z: undo.
    Undo,
    /// Ctrl+R: read the grid anew.
    Reload,
    /// Ctrl+C: leave the program from anywhere.
    Interrupt,
    Char(char),
}

/// The Latin command key on the same physical key as a Russian-layout letter.
const RU: &str = "йцукенгшщзхъфывапролджэячсмитьбю.ЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ,";
const EN: &str = "qwertyuiop[]asdfghjkl;'zxcvbnm,./QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>?";

fn latin_of(c: char) -> Option<char> {
    let i = RU.chars().position(|r| r == c)?;
    EN.chars().nth(i)
}

/// The Russian-layout letter on the same physical key as a Latin command letter (t → е).
pub fn russian_of(c: char) -> Option<char> {
    let i = EN.chars().position(|e| e == c)?;
    RU.chars().nth(i)
}

/// Reads a key event; Russian-layout command letters become their Latin keys, except the
/// letters listed in `keep` (the marks of the screen that reads them).
pub fn read(ev: KeyEvent, keep: &str) -> Key {
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    match ev.code {
        KeyCode::Char(c) if ctrl => match c.to_ascii_lowercase() {
            'z' | 'я' => Key::Undo,
            'r' | 'к' => Key::Reload,
            'l' | 'д' => Key::LockNow,
            'c' | 'с' => Key::Interrupt,
            _ => Key::Char(c),
        },
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Delete => Key::Delete,
        KeyCode::F(10) => Key::Logout,
        KeyCode::Char(c) if keep.contains(c) => Key::Char(c),
        KeyCode::Char(c) => Key::Char(latin_of(c).unwrap_or(c)),
        _ => Key::Char('\0'),
    }
}

/// The raw text character of a key event, for text fields (no layout translation).
pub fn text_char(ev: &KeyEvent) -> Option<char> {
    match ev.code {
        KeyCode::Char(c) if !ev.modifiers.contains(KeyModifiers::CONTROL) => Some(c),
        _ => None,
    }
}

/// The lesson kind a number of the «Вид занятия» prompt names.
pub fn kind_of(answer: &str) -> Option<LessonKind> {
    match answer.trim() {
        "1" => Some(LessonKind::Lecture),
        "2" => Some(LessonKind::Practical),
        "3" => Some(LessonKind::Laboratory),
        "4" => Some(LessonKind::Test),
        "5" => Some(LessonKind::Other),
        other => LessonKind::parse(other).ok(),
    }
}

/// The absence a mark key stands for: н у б о(п), and n b with Shift+U and Shift+L on the
/// Latin layout, where u (undo) and l (right) are taken by the issue's own key list.
pub fn absence_of(c: char) -> Option<AbsenceReason> {
    match c {
        'н' | 'Н' | 'n' | 'N' => Some(AbsenceReason::Absent),
        'у' | 'У' | 'U' => Some(AbsenceReason::Excused),
        'б' | 'Б' | 'b' | 'B' => Some(AbsenceReason::Ill),
        'о' | 'О' | 'L' => Some(AbsenceReason::Late),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn russian_layout_commands_become_latin() {
        assert_eq!(read(k('й'), ""), Key::Char('q'));
        assert_eq!(read(k('е'), ""), Key::Char('t'));
        assert_eq!(read(k('в'), ""), Key::Char('d'));
        assert_eq!(read(k('ф'), ""), Key::Char('a'));
        assert_eq!(read(k('а'), ""), Key::Char('f'));
        assert_eq!(read(k('г'), ""), Key::Char('u'));
        assert_eq!(read(k('р'), ""), Key::Char('h'));
        assert_eq!(read(k('л'), ""), Key::Char('k'));
        assert_eq!(read(k('Л'), ""), Key::Char('K'));
        assert_eq!(read(k('.'), ""), Key::Char('/'));
        assert_eq!(read(k(','), ""), Key::Char('?'));
    }

    #[test]
    fn marks_are_kept_and_ctrl_keys_work_in_both_layouts() {
        assert_eq!(read(k('н'), "нубоп"), Key::Char('н'));
        assert_eq!(read(k('о'), "нубоп"), Key::Char('о'));
        assert_eq!(read(k('5'), "нубоп"), Key::Char('5'));
        let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        assert_eq!(read(ctrl('z'), ""), Key::Undo);
        assert_eq!(read(ctrl('я'), ""), Key::Undo);
        assert_eq!(read(ctrl('l'), ""), Key::LockNow);
    }
}
