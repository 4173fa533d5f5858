//! The journal program's state: the database, who is logged in, the screen on top, the status
//! line, the help overlay and the idle lock. Every key goes through [`Ui::key`], every redraw
//! through `view::draw`; the event loop in `mod.rs` only moves events in and frames out, so
//! tests drive the same `Ui` with synthetic keys and a test backend.

use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveDateTime};
use crossterm::event::KeyEvent;

use super::family::FamilyScreen;
use super::field::Field;
use super::grid::GridScreen;
use super::group::GroupScreen;
use super::home::Home;
use super::keys::{self, Key};
use super::login::LoginForm;
use super::theme::Theme;
use crate::access::{Actor, Role};
use crate::app::{self, AppError};
use crate::store::Db;

/// The logged-in person.
#[derive(Debug, Clone)]
pub struct Session {
    pub token: String,
    pub actor: Actor,
    pub login: String,
    pub name: String,
    pub previous_login: Option<NaiveDateTime>,
}

/// The line at the bottom: what the last action did, or why it failed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

impl Status {
    pub fn ok(&mut self, text: impl Into<String>) {
        self.text = text.into();
        self.error = false;
    }

    pub fn fail(&mut self, e: &AppError) {
        self.text = format!("Ошибка: {e}");
        self.error = true;
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.text = text.into();
        self.error = true;
    }
}

/// The screen on top.
pub enum Screen {
    Login(LoginForm),
    Home(Home),
    Grid(Box<GridScreen>),
    Group(Box<GroupScreen>),
    Family(Box<FamilyScreen>),
    /// The staff's mail (`m` on the home screen); families have it as a tab of the diary.
    Mail(Box<super::mail::MailScreen>),
}

/// Where a key sends the program.
pub enum Go {
    Stay,
    To(Screen),
    Home,
    Quit,
    /// A login succeeded: start the session.
    LoggedIn(app::accounts::auth::NewSession, String),
}

/// What a screen's key handler may use.
pub struct Ctx<'a> {
    pub db: &'a mut Db,
    pub actor: &'a Actor,
    pub today: NaiveDate,
    pub status: &'a mut Status,
}

/// The whole program state.
pub struct Ui {
    pub db: Db,
    pub today: NaiveDate,
    pub theme: Theme,
    pub screen: Screen,
    pub session: Option<Session>,
    pub status: Status,
    /// The key list (`?`): open or not, and how far it is scrolled.
    pub help: super::help::HelpView,
    /// Whether the last frame found the window under 80×24 (then keys wait, as nothing shows).
    pub too_small: std::cell::Cell<bool>,
    /// The idle lock: `Some` holds the password being typed to unlock.
    pub locked: Option<Field>,
    pub quit: bool,
    /// Lines under the login form (the demo's logins).
    pub hints: Vec<String>,
    last_input: Instant,
    /// When the grid last read itself anew while idle.
    last_refresh: Instant,
    /// When the session's activity was last written to the database.
    last_touch: Instant,
}

impl Ui {
    /// A program showing the login screen.
    pub fn new(db: Db, today: NaiveDate, theme: Theme) -> Ui {
        Ui {
            db,
            today,
            theme,
            screen: Screen::Login(LoginForm::default()),
            session: None,
            status: Status::default(),
            help: super::help::HelpView::default(),
            too_small: std::cell::Cell::new(false),
            locked: None,
            quit: false,
            hints: Vec::new(),
            last_input: Instant::now(),
            last_refresh: Instant::now(),
            last_touch: Instant::now(),
        }
    }

    /// The idle time after which the screen locks: the college's setting for staff or for
    /// families (security.md: 5 and 15 minutes by default).
    pub fn idle_limit(&mut self) -> Option<Duration> {
        let s = self.session.as_ref()?;
        let staff = s.actor.is_staff();
        let minutes = self
            .db
            .read(app::accounts::auth::settings)
            .map(|c| {
                if staff {
                    c.idle_lock_staff_minutes
                } else {
                    c.idle_lock_family_minutes
                }
            })
            .unwrap_or(5);
        Some(Duration::from_secs(
            60 * u64::try_from(minutes.max(1)).unwrap_or(5),
        ))
    }

    /// Records the session's activity in the database, at most once a minute (`last_seen_at`,
    /// which a restore reads to see who is at work).
    pub fn touch(&mut self, now: Instant) {
        if now.duration_since(self.last_touch) < Duration::from_secs(60) {
            return;
        }
        if let Some(s) = &self.session {
            self.last_touch = now;
            let _ = app::accounts::auth::touch(&mut self.db, &s.token);
        }
    }

    /// Locks the screen if the session has been idle for longer than `limit`; on the grid,
    /// idle for [`super::grid::IDLE`], reads it anew (once per idle spell).
    pub fn tick(&mut self, now: Instant, limit: Option<Duration>) {
        let idle = now.duration_since(self.last_input);
        let since = now.duration_since(self.last_refresh);
        if let (Screen::Grid(g), Some(s), None, false) = (
            &mut self.screen,
            &self.session,
            &self.locked,
            self.help.open,
        ) {
            let normal = matches!(g.mode, super::grid::Mode::Normal);
            if normal && idle >= super::grid::IDLE && since >= super::grid::IDLE {
                self.last_refresh = now;
                let mut ctx = Ctx {
                    db: &mut self.db,
                    actor: &s.actor,
                    today: self.today,
                    status: &mut self.status,
                };
                let mut help = false;
                g.dispatch(&mut ctx, super::grid::Action::Idle, &mut help);
            }
        }
        if let (Some(limit), None) = (limit, &self.locked) {
            if self.session.is_some() && now.duration_since(self.last_input) >= limit {
                self.locked = Some(Field::secret());
                self.status.ok("");
            }
        }
    }

    /// Handles one key.
    pub fn key(&mut self, ev: KeyEvent) {
        self.last_input = Instant::now();
        let k = keys::read(ev, "");
        if k == Key::Interrupt {
            self.quit = true;
            return;
        }
        if self.too_small.get() && k != Key::Logout {
            // A mark typed into a grid nobody can see would land in the wrong cell.
            return;
        }
        if self.locked.is_some() {
            super::lock::key(self, ev, k);
            return;
        }
        if self.help.open {
            self.help.key(k);
            return;
        }
        if self.session.is_some() {
            match k {
                Key::Logout => return self.logout("Сеанс завершён."),
                Key::LockNow => {
                    self.status.ok("");
                    self.locked = Some(Field::secret());
                    return;
                }
                _ => {}
            }
        }
        let go = match (&mut self.screen, &self.session) {
            (Screen::Login(form), _) => super::login::key(form, &mut self.db, &mut self.status, ev),
            (screen, Some(s)) => {
                let mut ctx = Ctx {
                    db: &mut self.db,
                    actor: &s.actor,
                    today: self.today,
                    status: &mut self.status,
                };
                match screen {
                    Screen::Home(h) => h.key(&mut ctx, ev, &mut self.help.open),
                    Screen::Grid(g) => g.key(&mut ctx, ev, &mut self.help.open),
                    Screen::Group(g) => g.key(&mut ctx, ev, &mut self.help.open),
                    Screen::Family(f) => f.key(&mut ctx, ev, &mut self.help.open),
                    Screen::Mail(m) => match m.key(&mut ctx, ev, &mut self.help.open) {
                        super::mail::Outcome::Leave => Go::Home,
                        super::mail::Outcome::Stay => Go::Stay,
                    },
                    Screen::Login(_) => Go::Stay,
                }
            }
            (_, None) => Go::Stay,
        };
        self.go(go);
    }

    fn go(&mut self, go: Go) {
        match go {
            Go::Stay => {}
            Go::To(s) => self.screen = s,
            Go::Home => self.home(),
            Go::LoggedIn(s, login) => {
                if let Err(e) = self.start(s, &login) {
                    self.status.fail(&e);
                }
            }
            Go::Quit => {
                if matches!(self.screen, Screen::Login(_)) || self.session.is_none() {
                    self.quit = true;
                } else {
                    self.end_session();
                    self.quit = true;
                }
            }
        }
    }

    /// Starts the session of a person who just logged in and shows their home screen.
    pub fn start(
        &mut self,
        s: app::accounts::auth::NewSession,
        login: &str,
    ) -> Result<(), AppError> {
        let actor = app::actor::load(&mut self.db, s.user_id)?;
        let info = app::accounts::users::show(&mut self.db, s.user_id)?;
        self.session = Some(Session {
            token: s.token,
            actor,
            login: login.to_string(),
            name: info.full_name,
            previous_login: s.previous_login,
        });
        self.home();
        if let Some(prev) = self.session.as_ref().and_then(|s| s.previous_login) {
            let when = crate::app::college::clock::shown(&mut self.db, prev);
            self.status.ok(format!("Предыдущий вход: {when}"));
        }
        Ok(())
    }

    /// Shows the home screen of the logged-in person's role.
    pub fn home(&mut self) {
        let Some(s) = &self.session else {
            self.screen = Screen::Login(LoginForm::default());
            return;
        };
        let family =
            (s.actor.has(Role::Student) || s.actor.has(Role::Guardian)) && !s.actor.is_staff();
        let actor = s.actor.clone();
        let screen = if family {
            FamilyScreen::open(&mut self.db, &actor, self.today, 0)
                .map(|f| Screen::Family(Box::new(f)))
        } else {
            Home::load(&mut self.db, &actor, self.today).map(Screen::Home)
        };
        match screen {
            Ok(sc) => self.screen = sc,
            Err(e) => self.status.fail(&e),
        }
    }

    fn end_session(&mut self) {
        if let Some(s) = self.session.take() {
            // The session row may already be gone (ended elsewhere); leaving must not fail.
            let _ = app::accounts::auth::logout(&mut self.db, &s.token);
        }
    }

    /// Ends the session and shows the login screen.
    pub fn logout(&mut self, message: &str) {
        self.end_session();
        self.locked = None;
        self.help.open = false;
        self.screen = Screen::Login(LoginForm::default());
        self.status.ok(message);
    }
}
