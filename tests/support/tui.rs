//! Driving the journal screen in tests: a demo college on a fixed «today», a `Ui` logged in
//! through the real login screen, keys typed one by one, and the screen rendered on ratatui's
//! test backend as text.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ezh::demo::{self, DemoLogin, DemoOptions, Size};
use ezh::store::{Db, DbTarget};
use ezh::tui::{Theme, Ui};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

/// The demo's «today»: a Friday with lessons.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default()
}

/// A small demo college at `url`, as `ezh demo --today 27.11.2026` makes it.
pub fn demo(url: &str) -> (Db, Vec<DemoLogin>) {
    let target = DbTarget::parse(url).expect("url");
    let opts = DemoOptions {
        size: Size::Small,
        today: today(),
        seed: 2026,
    };
    let (db, report) = demo::build(&target, &opts, false).expect("demo");
    (db, report.logins)
}

/// The login of the demo's person with this Russian role.
pub fn login_of<'a>(logins: &'a [DemoLogin], role: &str) -> &'a DemoLogin {
    logins
        .iter()
        .find(|l| l.role == role)
        .unwrap_or_else(|| panic!("no demo login for {role}"))
}

/// A key press.
pub fn key(ui: &mut Ui, code: KeyCode) {
    ui.key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// Types `text` one character at a time.
pub fn typed(ui: &mut Ui, text: &str) {
    for c in text.chars() {
        key(ui, KeyCode::Char(c));
    }
}

/// A journal on `db` with `who` logged in through the login screen, colours off.
pub fn logged_in(db: Db, who: &DemoLogin) -> Ui {
    let mut ui = Ui::new(db, today(), Theme { color: false });
    typed(&mut ui, &who.login);
    key(&mut ui, KeyCode::Tab);
    typed(&mut ui, &who.password);
    key(&mut ui, KeyCode::Enter);
    assert!(ui.session.is_some(), "login failed: {}", ui.status.text);
    ui
}

/// The screen as text, `w` × `h`.
pub fn screen(ui: &Ui, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| ezh::tui::draw(f, ui, "СЭМТ")).expect("draw");
    let buf = t.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        for x in 0..w {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
