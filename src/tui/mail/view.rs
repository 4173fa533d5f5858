//! Drawing the mail screen inside a block the holder gives (the diary's, with its tabs, or the
//! staff's own): the inbox with «●» on unread letters, a letter, the list of people to write
//! to, the letter being written.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui::Frame;

use super::state::{MailScreen, Mode};
use crate::tui::field::Field;
use crate::tui::theme::Theme;

/// «05.12 14:30» in the college's time (letters are stored in UTC).
fn when(at: chrono::NaiveDateTime, zone: &str) -> String {
    crate::domain::time_zone::local(at, zone)
        .format("%d.%m %H:%M")
        .to_string()
}

/// A field as typed, with the cursor when it takes the keys.
fn typed(field: &Field, active: bool, theme: Theme) -> Span<'static> {
    if active {
        Span::styled(format!("{}▏", field.shown()), theme.title())
    } else {
        Span::raw(field.shown())
    }
}

/// Draws the screen into `area` inside `block`.
pub fn draw(f: &mut Frame, area: Rect, s: &MailScreen, block: Block, theme: Theme) {
    let inner = block.inner(area);
    f.render_widget(block, area);
    let width = usize::from(inner.width);
    let lines: Vec<Line> = match &s.mode {
        Mode::List => {
            let mut lines = vec![Line::styled(
                format!(
                    "Входящие: {}, непрочитанных {} · w — написать",
                    s.inbox.len(),
                    s.unread()
                ),
                theme.title(),
            )];
            if s.inbox.is_empty() {
                lines.push(Line::raw("Писем нет."));
            }
            let rows = usize::from(inner.height.saturating_sub(1)).max(1);
            let top = (s.row + 1).saturating_sub(rows);
            for (i, l) in s.inbox.iter().enumerate().skip(top).take(rows) {
                let mark = if l.read { " " } else { "●" };
                let text = format!(
                    "{mark} {}  {:<18} {}",
                    when(l.sent_at, &s.zone),
                    l.from,
                    l.subject
                );
                let text: String = text.chars().take(width).collect();
                let style = match (i == s.row, l.read) {
                    (true, _) => theme.cursor(),
                    (false, false) => theme.title(),
                    _ => Style::default(),
                };
                lines.push(Line::styled(text, style));
            }
            lines
        }
        Mode::Reading { message: m, scroll } => {
            let mut lines = vec![
                Line::styled(format!("Тема: {}", m.subject), theme.title()),
                Line::raw(format!(
                    "От: {} · {}",
                    m.from,
                    crate::domain::time_zone::shown(m.sent_at, &s.zone, "%d.%m.%Y %H:%M")
                )),
                Line::raw(format!("Кому: {}", m.to.join(", "))),
                Line::raw(""),
            ];
            lines.extend(m.body.lines().map(|l| Line::raw(l.to_string())));
            let skip = usize::from(*scroll).min(lines.len().saturating_sub(1));
            lines.into_iter().skip(skip).collect()
        }
        Mode::Pick { filter, sel } => {
            let mut lines = vec![Line::from(vec![
                Span::styled("Кому (фамилия или логин): ", theme.title()),
                typed(filter, true, theme),
            ])];
            let found = s.matching(&filter.text);
            if s.recipients.is_some() && found.is_empty() {
                lines.push(Line::raw("Никого не нашлось."));
            }
            let rows = usize::from(inner.height.saturating_sub(1)).max(1);
            let top = (sel + 1).saturating_sub(rows);
            for (i, r) in found.iter().enumerate().skip(top).take(rows) {
                let text = format!("  {:<22} {:<16} {}", r.name, r.login, r.note);
                let text: String = text.chars().take(width).collect();
                let style = if i == *sel {
                    theme.cursor()
                } else {
                    Style::default()
                };
                lines.push(Line::styled(text, style));
            }
            lines
        }
        Mode::Compose {
            to,
            subject,
            text,
            body,
        } => {
            let note = if to.note.is_empty() {
                String::new()
            } else {
                format!(" ({})", to.note)
            };
            vec![
                Line::raw(format!("Кому: {}{note}", to.name)),
                Line::from(vec![
                    Span::styled("Тема: ", theme.title()),
                    typed(subject, !*body, theme),
                ]),
                Line::styled(
                    format!(
                        "Текст ({} из {}):",
                        text.text.chars().count(),
                        super::state::BODY_MAX
                    ),
                    theme.title(),
                ),
                Line::from(typed(text, *body, theme)),
            ]
        }
    };
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
