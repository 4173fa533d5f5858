//! The terminal journal (ratatui + crossterm): the login screen, the teacher's home and grid,
//! the tutor's group screen, the family's diary, the help and the idle lock. [`run`] owns the
//! terminal: it restores it on every way out, including a panic, so a crashed journal never
//! leaves the lab's terminal in raw mode.

mod family;
mod family_grades;
mod family_prefs;
mod field;
pub mod grid;
mod group;
mod group_reason;
mod help;
mod home;
mod keymap;
mod keys;
mod lock;
mod login;
pub mod mail;
mod screen_keys;
mod state;
mod theme;
mod view;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use crossterm::event::{self, Event, KeyEventKind, MouseEventKind};
use crossterm::execute;

pub use grid::{GridScreen, Mode};
pub use group::GroupScreen;
pub use keys::Key;
pub use state::{Screen, Status, Ui};
pub use theme::Theme;
pub use view::draw;

use crate::app::{self, AppError};
use crate::store::Db;

/// Feeds one terminal event to the program.
pub fn handle(ui: &mut Ui, ev: Event) {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => ui.key(k),
        Event::Mouse(m) if matches!(m.kind, MouseEventKind::Down(_)) => {
            if let (Screen::Grid(g), None) = (&mut ui.screen, &ui.locked) {
                g.click(m);
            }
        }
        _ => {}
    }
}

/// The college's short name for the top line.
pub fn college_name(db: &mut Db) -> String {
    db.read(app::accounts::auth::settings)
        .map(|c| {
            if c.short_name.is_empty() {
                c.name
            } else {
                c.short_name
            }
        })
        .unwrap_or_default()
}

/// Runs the journal on the terminal until the person quits.
/// `hints` are lines shown under the login form: the demo's logins, printed before the screen
/// opened and hidden by it.
pub fn run(db: Db, today: NaiveDate, hints: Vec<String>) -> Result<(), AppError> {
    let mut ui = Ui::new(db, today, Theme::from_env());
    ui.hints = hints;
    let college = college_name(&mut ui.db);
    // ratatui::init enters the alternate screen and raw mode and installs a panic hook that
    // restores the terminal before the panic message is printed.
    // A closed terminal (SIGHUP) or a `kill` (SIGTERM) ends the loop like «q»: the session is
    // ended in the database and the terminal restored, instead of the process just vanishing.
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGHUP, signal_hook::consts::SIGTERM] {
        let _ = signal_hook::flag::register(signal, Arc::clone(&stop));
    }
    let mut terminal = ratatui::init();
    let _ = execute!(std::io::stdout(), event::EnableMouseCapture);
    let result = event_loop(&mut terminal, &mut ui, &college, &stop);
    let _ = execute!(std::io::stdout(), event::DisableMouseCapture);
    ratatui::restore();
    if let Some(s) = ui.session.take() {
        let _ = app::accounts::auth::logout(&mut ui.db, &s.token);
    }
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    ui: &mut Ui,
    college: &str,
    stop: &AtomicBool,
) -> Result<(), AppError> {
    let io =
        |e: std::io::Error| AppError::Invalid(format!("терминал: {}", crate::ioerr::describe(&e)));
    let mut limit = None;
    let mut limit_read = Instant::now();
    while !ui.quit && !stop.load(Ordering::Relaxed) {
        terminal.draw(|f| view::draw(f, ui, college)).map_err(io)?;
        if event::poll(Duration::from_millis(500)).map_err(io)? {
            let ev = event::read().map_err(io)?;
            handle(ui, ev);
            ui.touch(Instant::now());
        }
        // The setting is read again every minute, so a change by the admin takes effect.
        if limit.is_none() || limit_read.elapsed() > Duration::from_secs(60) {
            limit = ui.idle_limit();
            limit_read = Instant::now();
        }
        ui.tick(Instant::now(), limit);
    }
    Ok(())
}
