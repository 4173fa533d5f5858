//! A one-line text field: the login and password of the login screen, a lesson's topic or
//! homework, a reason, a search. Only the end of the text is edited, as in a terminal prompt;
//! a secret field shows a bullet per character and is wiped when dropped.

use crossterm::event::{KeyCode, KeyEvent};

use super::keys;

/// The text being typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Field {
    pub text: String,
    pub secret: bool,
    /// The text is offered (the lesson's topic, the plan's next topic): the first character
    /// typed replaces it, Backspace edits its end; Enter takes it as it is.
    pub offered: bool,
    /// The most characters it takes; `None`: 500 (a topic, a reason).
    pub limit: Option<usize>,
}

impl Field {
    pub fn new(text: &str) -> Field {
        Field {
            text: text.to_string(),
            secret: false,
            offered: false,
            limit: None,
        }
    }

    /// The field taking up to `n` characters (a letter's body).
    pub fn with_limit(mut self, n: usize) -> Field {
        self.limit = Some(n);
        self
    }

    /// A field that offers `text`, replaced by whatever is typed.
    pub fn offered(text: &str) -> Field {
        let mut f = Field::new(text);
        f.offered = !text.is_empty();
        f
    }

    pub fn secret() -> Field {
        let mut f = Field::new("");
        f.secret = true;
        f
    }

    /// Applies an editing key; whether it was one (typing, Backspace).
    pub fn edit(&mut self, ev: &KeyEvent) -> bool {
        let offered = std::mem::take(&mut self.offered);
        let ctrl = ev
            .modifiers
            .contains(crossterm::event::KeyModifiers::CONTROL);
        if ctrl && matches!(ev.code, KeyCode::Char('u' | 'г')) {
            // Ctrl+U empties the line, as in a terminal.
            self.text.clear();
            return true;
        }
        if ev.code == KeyCode::Backspace {
            self.text.pop();
            return true;
        }
        match keys::text_char(ev) {
            Some(c) if !c.is_control() && self.text.chars().count() < self.limit.unwrap_or(500) => {
                if offered {
                    self.text.clear();
                }
                self.text.push(c);
                true
            }
            _ => {
                self.offered = offered;
                false
            }
        }
    }

    /// What the screen shows: the text, or a bullet per character of a secret.
    pub fn shown(&self) -> String {
        if self.secret {
            "•".repeat(self.text.chars().count())
        } else {
            self.text.clone()
        }
    }

    /// Takes the text out, leaving the field empty.
    pub fn take(&mut self) -> String {
        std::mem::take(&mut self.text)
    }
}

impl Drop for Field {
    fn drop(&mut self) {
        if self.secret {
            // Overwrite the password before the allocation is freed.
            let len = self.text.len();
            self.text.clear();
            self.text.extend(std::iter::repeat_n('\0', len));
        }
    }
}
