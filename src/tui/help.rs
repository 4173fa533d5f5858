//! The key list shown by `?`: every key of the grid and the other screens, in Russian, in both
//! keyboard layouts.

use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

use super::theme::Theme;

/// The help's lines of every screen, after those of the screens' key tables.
pub const OTHER_KEYS: &[(&str, &str)] = &[
    (
        "Ctrl+U",
        "в строке ввода: очистить; предложенный текст (выделен) заменяется первым набранным символом",
    ),
    ("Ctrl+L", "заблокировать экран сейчас"),
    ("F10", "завершить сеанс"),
    ("q, Esc (й)", "назад; на главном экране — выход"),
];

/// Every line of the help: key, what it does.
pub fn keys() -> Vec<(String, &'static str)> {
    let mut out = super::grid::keymap::help();
    out.extend(super::mail::keymap::help());
    out.extend(super::screen_keys::help());
    out.extend(OTHER_KEYS.iter().map(|(k, w)| (k.to_string(), *w)));
    out
}

/// Where the help is scrolled to, and how far it can go (known once it is drawn: it depends on
/// the window's height).
#[derive(Debug, Default)]
pub struct HelpView {
    /// Whether the help is open.
    pub open: bool,
    /// The first line shown.
    pub top: u16,
    /// The last possible `top` at the last drawing.
    pub room: std::cell::Cell<u16>,
    /// Lines shown at the last drawing: a page key moves by that many, as in a pager.
    pub page: std::cell::Cell<u16>,
}

impl HelpView {
    /// Opens the help at its top.
    pub fn show(&mut self) {
        self.open = true;
        self.top = 0;
    }

    /// A key while the help is open: arrows and page keys scroll it; only Esc, q and ? close it
    /// (any other key does nothing, so that scrolling never falls through to the journal).
    pub fn key(&mut self, k: super::keys::Key) {
        use super::keys::Key;
        let room = self.room.get();
        let page = self.page.get().max(1);
        self.top = match k {
            Key::Esc | Key::Char('q' | '?') => {
                self.open = false;
                0
            }
            Key::Up | Key::Char('k') => self.top.saturating_sub(1),
            Key::Down | Key::Char('j') => self.top.saturating_add(1).min(room),
            Key::PageUp => self.top.saturating_sub(page),
            Key::PageDown | Key::Char(' ') => self.top.saturating_add(page).min(room),
            Key::Home => 0,
            Key::End => room,
            _ => self.top,
        };
    }
}

/// Width of the key column.
const KEY_WIDTH: usize = 26;

/// The help's lines for a box `width` columns wide inside: a description that does not fit
/// goes on under itself, not back at the first column.
fn lines(width: usize) -> Vec<String> {
    let room = width.saturating_sub(KEY_WIDTH + 2).max(10);
    let mut out = Vec::new();
    for (k, what) in keys() {
        let mut first = true;
        let mut line = String::new();
        let mut push = |line: &mut String, first: &mut bool| {
            let key = if *first { k.as_str() } else { "" };
            out.push(format!("{key:>KEY_WIDTH$}  {line}"));
            line.clear();
            *first = false;
        };
        for word in what.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > room {
                push(&mut line, &mut first);
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        push(&mut line, &mut first);
    }
    out
}

/// Draws the help over the screen, from the line it is scrolled to.
pub fn draw(f: &mut Frame, area: Rect, theme: Theme, view: &HelpView) {
    f.render_widget(Clear, area);
    let inner_width = usize::from(area.width.saturating_sub(2));
    let body = lines(inner_width);
    // Title, blank line, …body…, blank line, the footer: the body gets the rest.
    let height = usize::from(area.height.saturating_sub(2 + 4));
    let room = body.len().saturating_sub(height);
    view.room.set(u16::try_from(room).unwrap_or(u16::MAX));
    view.page.set(u16::try_from(height).unwrap_or(u16::MAX));
    let top = usize::from(view.top).min(room);
    let mut shown = vec![
        Line::styled("Клавиши журнала", theme.title()),
        Line::raw(""),
    ];
    shown.extend(
        body.iter()
            .skip(top)
            .take(height)
            .map(|l| Line::raw(l.clone())),
    );
    shown.push(Line::raw(""));
    let place = if room == 0 {
        String::new()
    } else {
        format!(
            "строки {}–{} из {} · ↑↓ PgUp PgDn — листать · ",
            top + 1,
            (top + height).min(body.len()),
            body.len()
        )
    };
    shown.push(Line::styled(
        format!("{place}Esc, q, ? — закрыть"),
        theme.dim(),
    ));
    f.render_widget(
        Paragraph::new(shown).block(Block::default().borders(Borders::ALL).title(" Справка ")),
        area,
    );
}
