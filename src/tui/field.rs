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
}

impl Field {
    pub fn new(text: &str) -> Field {
        Field {
            text: text.to_string(),
            secret: false,
        }
    }

    pub fn secret() -> Field {
        Field {
            text: String::new(),
            secret: true,
        }
    }

    /// Applies an editing key; whether it was one (typing, Backspace).
    pub fn edit(&mut self, ev: &KeyEvent) -> bool {
        if ev.code == KeyCode::Backspace {
            self.text.pop();
            return true;
        }
        match keys::text_char(ev) {
            Some(c) if !c.is_control() && self.text.chars().count() < 500 => {
                self.text.push(c);
                true
            }
            _ => false,
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
