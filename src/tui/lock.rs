//! The idle lock (security.md: shared terminals in the computer lab): after the college's idle
//! minutes, or at once with Ctrl+L, the journal is hidden. Only the same person's password
//! opens it again; anyone else ends that session with F10 and logs in themselves.

use crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

use super::keys::Key;
use super::state::Ui;
use super::theme::Theme;
use crate::app;

/// Handles a key on the lock screen.
pub fn key(ui: &mut Ui, ev: KeyEvent, k: Key) {
    match k {
        Key::Logout => ui.logout("Сеанс завершён с экрана блокировки."),
        Key::Enter => {
            let Some(user_id) = ui.session.as_ref().map(|s| s.actor.user_id) else {
                ui.locked = None;
                return;
            };
            let pw = ui.locked.as_mut().map(|f| f.take()).unwrap_or_default();
            match app::accounts::screen_lock::unlock(&mut ui.db, user_id, &pw) {
                Ok(()) => {
                    ui.locked = None;
                    ui.status.ok("Журнал разблокирован.");
                }
                Err(e) => ui.status.fail(&e),
            }
        }
        _ => {
            if let Some(f) = ui.locked.as_mut() {
                f.edit(&ev);
            }
        }
    }
}

/// Draws the lock screen over everything.
pub fn draw(f: &mut Frame, area: Rect, who: &str, typed: &str, status: &str, theme: Theme) {
    f.render_widget(Clear, area);
    let lines = vec![
        Line::styled("Журнал заблокирован", theme.title()),
        Line::raw(""),
        Line::raw(format!("Сеанс: {who}")),
        Line::raw(format!("Пароль: {typed}▏")),
        Line::styled(status.to_string(), theme.error()),
        Line::styled(
            "Enter — разблокировать · F10 — завершить этот сеанс",
            theme.dim(),
        ),
    ];
    f.render_widget(
        Paragraph::new(lines).block(Block::default().borders(Borders::ALL).title(" ЭЖ ")),
        area,
    );
}
