//! The journal screen measured as a teacher uses it: opening today's lesson, a key to a redrawn
//! frame (a grade, a cursor move) and a month page, on a 120×40 test terminal.

use std::time::Instant;

use chrono::NaiveDate;
use ezh::store::Db;

use super::{median, ms};

/// The journal screen on a 120×40 test terminal: opening today's lesson from the home screen
/// (load, index, figures, first frame), and one key to a redrawn frame — a grade (write, audit,
/// reload, frame) and a cursor move (frame only).
pub fn bench_screen(db: Db, login: &str, password: &str, today: NaiveDate) -> anyhow::Result<()> {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut ui = ezh::tui::Ui::new(db, today, ezh::tui::Theme { color: true });
    let session = ezh::app::accounts::auth::login(&mut ui.db, login, password)?;
    ui.start(session, login)?;
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40))?;
    let press =
        |ui: &mut ezh::tui::Ui, code: KeyCode| ui.key(KeyEvent::new(code, KeyModifiers::NONE));
    let mut frame = |ui: &ezh::tui::Ui| term.draw(|f| ezh::tui::draw(f, ui, "СЭМТ")).map(|_| ());
    let mut opens = Vec::new();
    for _ in 0..21 {
        let started = Instant::now();
        press(&mut ui, KeyCode::Enter);
        frame(&ui)?;
        opens.push(started.elapsed());
        anyhow::ensure!(
            matches!(ui.screen, ezh::tui::Screen::Grid(_)),
            "{}",
            ui.status.text
        );
        press(&mut ui, KeyCode::Char('q'));
    }
    press(&mut ui, KeyCode::Enter);
    let (mut marks, mut moves) = (Vec::new(), Vec::new());
    for k in 0..101 {
        let started = Instant::now();
        press(&mut ui, KeyCode::Char(if k % 2 == 0 { '5' } else { '4' }));
        frame(&ui)?;
        marks.push(started.elapsed());
        let started = Instant::now();
        press(&mut ui, KeyCode::Up);
        frame(&ui)?;
        moves.push(started.elapsed());
    }
    // A month page: PgUp and PgDn in turn, each a new set of columns drawn (target: 10 ms).
    let mut pages = Vec::new();
    for k in 0..101 {
        let started = Instant::now();
        press(
            &mut ui,
            if k % 2 == 0 {
                KeyCode::PageUp
            } else {
                KeyCode::PageDown
            },
        );
        frame(&ui)?;
        pages.push(started.elapsed());
    }
    println!(
        "  экран: открыть сегодняшнее занятие: медиана {} (21 замер)",
        ms(median(opens))
    );
    println!(
        "  экран: клавиша → новый кадр: отметка {}, перемещение {} (медианы из 101)",
        ms(median(marks)),
        ms(median(moves))
    );
    println!(
        "  экран: месяц (PgUp/PgDn) → новый кадр: медиана {} из 101",
        ms(median(pages))
    );
    Ok(())
}
