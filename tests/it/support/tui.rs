//! Driving the journal screen in tests: a demo college on a fixed «today», a `Ui` logged in
//! through the real login screen, keys typed one by one, and the screen rendered on ratatui's
//! test backend as text.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use diesel::prelude::*;
use ezh::demo::{self, DemoLogin, DemoOptions, Size};
use ezh::store::schema::{absences, audit_log, grades};
use ezh::store::{Db, DbTarget};
use ezh::tui::{Screen, Theme, Ui};
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
        full_year: false,
    };
    // The journal judges deadlines on this day, as the server would on the demo's «today».
    ezh::app::college::clock::fix_today(Some(opts.today));
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

/// The grid on screen (a test fails when another screen is shown).
pub fn grid(ui: &Ui) -> &ezh::tui::GridScreen {
    match &ui.screen {
        Screen::Grid(g) => g,
        _ => panic!("not on the grid: {}", ui.status.text),
    }
}

/// (lesson, the first three member students) of the grid on screen.
pub fn lesson_and_rows(ui: &Ui) -> (i64, Vec<i64>) {
    let g = grid(ui);
    let lesson = &g.grid.lessons[g.col];
    let ids = g
        .grid
        .students
        .iter()
        .filter(|s| s.member_on(lesson.date))
        .map(|s| s.student.id);
    (lesson.id, ids.collect())
}

/// (grades, absence reason) of one student at one lesson, read from the database.
pub fn cell(db: &mut Db, lesson: i64, student: i64) -> (Vec<i32>, Option<String>) {
    ezh::with_conn!(&mut db.conn(), c => (|| {
        let g = grades::table.filter(grades::lesson_id.eq(lesson)).filter(grades::student_id.eq(student))
            .order(grades::id).select(grades::value).load(c)?;
        let a = absences::table.filter(absences::lesson_id.eq(lesson)).filter(absences::student_id.eq(student))
            .select(absences::reason).first(c).optional()?;
        Ok::<_, diesel::result::Error>((g, a))
    })()).expect("cell")
}

/// The number of audit records of changes (not the college chain's records that open a journal
/// page's chain on its first change: `store::audit_chain`).
pub fn audit_count(db: &mut Db) -> i64 {
    let opening = format!("{}%", ezh::store::audit_chain::OPENED);
    ezh::with_conn!(&mut db.conn(), c => audit_log::table
        .filter(audit_log::entity.ne("journal").or(audit_log::new_value.not_like(opening)))
        .count()
        .get_result(c))
    .expect("audit")
}

/// The college chain's records that opened journal pages' chains.
pub fn chain_openings(db: &mut Db) -> i64 {
    let opening = format!("{}%", ezh::store::audit_chain::OPENED);
    ezh::with_conn!(&mut db.conn(), c => audit_log::table
        .filter(audit_log::entity.eq("journal"))
        .filter(audit_log::new_value.like(opening))
        .count()
        .get_result(c))
    .expect("audit")
}
