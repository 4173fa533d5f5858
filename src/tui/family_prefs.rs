//! The diary's tab «Уведомления»: which notices by e-mail the signed-in student or guardian
//! receives (docs/notify.md). ↑↓ choose a kind, Space or Enter turns it on or off; the choice is
//! the person's own (`app::notify::prefs`), for every child of a guardian at once.

use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui::Frame;

use super::state::Ctx;
use super::theme::Theme;
use crate::app::notify::{prefs, NoticeKind};

/// The kinds with whether each is on, and the chosen line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prefs {
    pub kinds: Vec<(NoticeKind, bool)>,
    pub row: usize,
}

impl Prefs {
    /// The actor's preferences (none shown if they cannot be read: the tab says so).
    pub fn load(ctx_db: &mut crate::store::Db, actor: &crate::access::Actor) -> Prefs {
        Prefs {
            kinds: prefs::list(ctx_db, actor).unwrap_or_default(),
            row: 0,
        }
    }

    pub fn up(&mut self) {
        self.row = self.row.saturating_sub(1);
    }

    pub fn down(&mut self) {
        self.row = (self.row + 1).min(self.kinds.len().saturating_sub(1));
    }

    /// Turns the chosen kind over and saves it.
    pub fn toggle(&mut self, ctx: &mut Ctx<'_>) {
        let Some((kind, on)) = self.kinds.get(self.row).copied() else {
            return;
        };
        match prefs::set(ctx.db, ctx.actor, kind, !on) {
            Ok(_) => {
                if let Some(k) = self.kinds.get_mut(self.row) {
                    k.1 = !on;
                }
                let now = if on {
                    "выключены"
                } else {
                    "включены"
                };
                ctx.status.ok(format!("Письма «{}» {now}.", kind.name_ru()));
            }
            Err(e) => ctx.status.fail(&e),
        }
    }

    pub fn draw(&self, f: &mut Frame, area: Rect, block: Block, theme: Theme) {
        let mut lines = vec![
            Line::raw("Письма на почту о событиях в журнале (копия — во внутренней почте)."),
            Line::raw("↑↓ — выбрать, Пробел или Enter — включить или выключить."),
            Line::raw(""),
        ];
        for (i, (kind, on)) in self.kinds.iter().enumerate() {
            let text = format!("{} {}", if *on { "[x]" } else { "[ ]" }, kind.name_ru());
            lines.push(if i == self.row {
                Line::styled(format!("> {text}"), theme.title())
            } else {
                Line::raw(format!("  {text}"))
            });
        }
        if self.kinds.is_empty() {
            lines.push(Line::raw("Настройки уведомлений недоступны."));
        }
        f.render_widget(
            Paragraph::new(lines)
                .block(block)
                .wrap(Wrap { trim: false }),
            area,
        );
    }
}
