//! Drawing the whole program: a top line with the college, the person and the date, the screen
//! on top, the prompt or status line, a line of key hints, and the overlays (help, idle lock).

use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::grid::Mode;
use super::state::{Screen, Ui};

/// The smallest window the screens are laid out for: below it columns and lines would be cut
/// mid-word and a cell could not be told from its neighbour.
pub const MIN_SIZE: (u16, u16) = (80, 24);

/// Draws one frame.
pub fn draw(f: &mut Frame, ui: &Ui, college: &str) {
    let area = f.area();
    let theme = ui.theme;
    let small = area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1;
    ui.too_small.set(small);
    if small {
        // Nothing of the journal shows (the lock screen included), and keys wait (state.rs).
        let text = format!(
            "Окно слишком маленькое: нужно не меньше {}×{} (сейчас {}×{}). Увеличьте окно.",
            MIN_SIZE.0, MIN_SIZE.1, area.width, area.height
        );
        f.render_widget(
            Paragraph::new(text)
                .style(theme.error())
                .wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
        return;
    }
    if let (Some(field), Some(s)) = (&ui.locked, &ui.session) {
        return super::lock::draw(f, area, &s.name, &field.shown(), &ui.status.text, theme);
    }
    // A long status (a refusal naming the deadline and the reason to give) takes a second line
    // instead of being cut at the edge; under a prompt it stays above it, so that the question
    // comes with its why («срок … истёк: укажите причину»).
    let prompting = match &ui.screen {
        Screen::Grid(g) => matches!(g.mode, Mode::Prompt(..)),
        Screen::Group(g) => g.pending.is_some(),
        _ => false,
    };
    let width = usize::from(area.width.max(1));
    let status_text = ui.status.text.chars().count();
    let status_lines = match (prompting, status_text) {
        (false, n) if n > width => 2,
        (false, _) => 1,
        (true, 0) => 1,
        (true, n) if n > width => 3,
        (true, _) => 2,
    };
    let [top, body, status, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(status_lines),
        Constraint::Length(1),
    ])
    .areas(area);
    let who = ui
        .session
        .as_ref()
        .map_or(String::new(), |s| format!(" · {} ({})", s.name, s.login));
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!("ЭЖ · {college}"), theme.title()),
            Span::raw(format!("{who} · {}", crate::domain::format_ru(ui.today))),
        ])),
        top,
    );
    let footer: String;
    let hint = match &ui.screen {
        Screen::Login(form) => {
            super::login::draw(f, body, form, college, &ui.hints, theme);
            ""
        }
        Screen::Home(h) => {
            h.draw(f, body, theme);
            footer = super::screen_keys::footer(super::screen_keys::Scope::Home);
            footer.as_str()
        }
        Screen::Grid(g) => {
            super::grid::draw(f, body, g, theme);
            footer = super::grid::keymap::footer(g.scope(), usize::from(area.width));
            footer.as_str()
        }
        Screen::Group(g) => {
            g.draw(f, body, theme);
            footer = super::screen_keys::footer(super::screen_keys::Scope::Group);
            footer.as_str()
        }
        Screen::Family(d) => {
            d.draw(f, body, theme);
            footer = d.footer();
            footer.as_str()
        }
        Screen::Mail(m) => {
            let block = ratatui::widgets::Block::default()
                .borders(ratatui::widgets::Borders::ALL)
                .title(" Почта ");
            super::mail::draw(f, body, m, block, theme);
            footer = m.footer();
            footer.as_str()
        }
    };
    let line = match &ui.screen {
        Screen::Grid(g) => match &g.mode {
            Mode::Prompt(ask, field) => Some(Line::from(vec![
                Span::styled(format!("{}: ", ask.label()), theme.title()),
                if field.offered {
                    Span::styled(field.shown(), theme.cursor())
                } else {
                    Span::raw(format!("{}▏", field.shown()))
                },
            ])),
            _ => None,
        },
        Screen::Group(g) => g.pending.as_ref().map(|p| {
            Line::from(vec![
                Span::styled(format!("{}: ", p.label()), theme.title()),
                Span::raw(format!("{}▏", p.field.shown())),
            ])
        }),
        _ => None,
    };
    let style = if ui.status.error {
        theme.error()
    } else {
        theme.ok()
    };
    let said = Line::styled(ui.status.text.clone(), style);
    let lines = match line {
        Some(prompt) if status_text > 0 => vec![said, prompt],
        Some(prompt) => vec![prompt],
        None => vec![said],
    };
    f.render_widget(
        Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: true }),
        status,
    );
    f.render_widget(Paragraph::new(Line::styled(hint, theme.dim())), hints);
    if ui.help.open {
        super::help::draw(f, body, theme, &ui.help);
    }
}
