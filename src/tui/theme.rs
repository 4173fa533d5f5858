//! Colours of the journal, and their absence: with `NO_COLOR` set (no-color.org) failing grades
//! and absences are told apart by bold and underline instead, so the screen stays readable on
//! a monochrome terminal and in a screen reader's text.

use ratatui::style::{Color, Modifier, Style};

/// The mark after a forecast «под угрозой» («4*»); «!» is the reports' mark of a failing result,
/// and a forecast at risk is not one yet. The selected row's line says which condition fired.
pub const RISK_MARK: &str = "*";

/// The styles of one run of the program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colours unless `NO_COLOR` is set to anything non-empty.
    pub fn from_env() -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    pub fn failing(self) -> Style {
        if self.color {
            Style::default().fg(Color::Red).add_modifier(Modifier::BOLD)
        } else {
            Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    /// A forecast «под угрозой»: told apart from a failing grade in colour (magenta, not red)
    /// and without colour (bold italic, not bold underlined), and by its mark [`RISK_MARK`].
    pub fn risk(self) -> Style {
        if self.color {
            Style::default()
                .fg(Color::Magenta)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::default().add_modifier(Modifier::BOLD | Modifier::ITALIC)
        }
    }

    /// A cell another person changed, found by the idle refresh (until the next key).
    pub fn changed(self) -> Style {
        if self.color {
            Style::default().bg(Color::Blue).fg(Color::White)
        } else {
            Style::default().add_modifier(Modifier::UNDERLINED | Modifier::DIM)
        }
    }

    pub fn absence(self) -> Style {
        if self.color {
            Style::default().fg(Color::Yellow)
        } else {
            Style::default().add_modifier(Modifier::ITALIC)
        }
    }

    pub fn dim(self) -> Style {
        if self.color {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default().add_modifier(Modifier::DIM)
        }
    }

    pub fn cursor(self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    pub fn title(self) -> Style {
        if self.color {
            Style::default()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::default().add_modifier(Modifier::BOLD)
        }
    }

    pub fn ok(self) -> Style {
        if self.color {
            Style::default().fg(Color::Green)
        } else {
            Style::default()
        }
    }

    pub fn error(self) -> Style {
        if self.color {
            Style::default().fg(Color::Red)
        } else {
            Style::default().add_modifier(Modifier::BOLD)
        }
    }
}
