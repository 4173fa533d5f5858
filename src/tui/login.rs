//! The login screen: login and password, or (F2) activating a one-time access code with a new
//! password (3.1, 4.9). Errors are the app's own: the same words for an unknown login and a
//! wrong password, the end of a lockout.

use crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

use super::field::Field;
use super::keys::{self, Key};
use super::state::{Go, Status};
use super::theme::Theme;
use crate::app::{self, AppError};
use crate::store::Db;

/// The login form: two fields, or four when activating a code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginForm {
    pub activating: bool,
    pub fields: Vec<Field>,
    pub focus: usize,
}

impl Default for LoginForm {
    fn default() -> Self {
        LoginForm {
            activating: false,
            fields: vec![Field::default(), Field::secret()],
            focus: 0,
        }
    }
}

impl LoginForm {
    fn labels(&self) -> &'static [&'static str] {
        if self.activating {
            &["Логин", "Код доступа", "Новый пароль", "Повторите пароль"]
        } else {
            &["Логин", "Пароль"]
        }
    }

    fn switch(&mut self) {
        let login = self
            .fields
            .first()
            .map(|f| f.text.clone())
            .unwrap_or_default();
        self.activating = !self.activating;
        self.fields = if self.activating {
            vec![
                Field::new(&login),
                Field::secret(),
                Field::secret(),
                Field::secret(),
            ]
        } else {
            vec![Field::new(&login), Field::secret()]
        };
        self.focus = usize::from(!login.is_empty());
    }
}

fn submit(form: &mut LoginForm, db: &mut Db) -> Result<Go, AppError> {
    let text = |i: usize| {
        form.fields
            .get(i)
            .map(|f| f.text.clone())
            .unwrap_or_default()
    };
    let login = text(0).trim().to_lowercase();
    if login.is_empty() {
        return Err(AppError::Invalid("введите логин".into()));
    }
    let password = if form.activating {
        if text(2) != text(3) {
            return Err(AppError::Invalid("пароли не совпадают".into()));
        }
        app::accounts::codes::activate(db, &login, &text(1), &text(2))?;
        text(2)
    } else {
        text(1)
    };
    let session = app::accounts::auth::login(db, &login, &password)?;
    Ok(Go::LoggedIn(session, login))
}

/// Handles a key on the login screen.
pub fn key(form: &mut LoginForm, db: &mut Db, status: &mut Status, ev: KeyEvent) -> Go {
    match keys::read(ev, "") {
        Key::Esc => return Go::Quit,
        Key::Tab | Key::Down => form.focus = (form.focus + 1) % form.fields.len(),
        Key::BackTab | Key::Up => {
            form.focus = (form.focus + form.fields.len() - 1) % form.fields.len()
        }
        Key::Enter if form.focus + 1 < form.fields.len() => form.focus += 1,
        Key::Enter => {
            let result = submit(form, db);
            for f in form.fields.iter_mut().skip(1) {
                f.take();
            }
            return match result {
                Ok(go) => go,
                Err(e) => {
                    form.focus = if form.fields.first().is_some_and(|f| f.text.is_empty()) {
                        0
                    } else {
                        1
                    };
                    status.fail(&e);
                    Go::Stay
                }
            };
        }
        // The other form starts clean: an error of the one left behind would read as its own.
        _ if ev.code == crossterm::event::KeyCode::F(2) => {
            form.switch();
            status.ok("");
        }
        _ => {
            if let Some(f) = form.fields.get_mut(form.focus) {
                f.edit(&ev);
            }
        }
    }
    Go::Stay
}

/// Draws the login screen.
pub fn draw(
    f: &mut Frame,
    area: Rect,
    form: &LoginForm,
    college: &str,
    hints: &[String],
    theme: Theme,
) {
    let width = area.width.min(60);
    let height = (form.fields.len() as u16) * 2 + 6 + hints.len() as u16;
    let [_, mid, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(height.min(area.height)),
        Constraint::Fill(1),
    ])
    .areas(area);
    let [_, boxed, _] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(width),
        Constraint::Fill(1),
    ])
    .areas(mid);
    let title = if form.activating {
        " Активация кода доступа "
    } else {
        " Вход в электронный журнал "
    };
    let mut lines = vec![
        Line::styled(college.to_string(), theme.title()),
        Line::raw(""),
    ];
    for (i, (label, field)) in form.labels().iter().zip(&form.fields).enumerate() {
        let cursor = if i == form.focus { "▏" } else { "" };
        let style = if i == form.focus {
            theme.cursor()
        } else {
            theme.dim()
        };
        lines.push(Line::from(vec![
            Span::raw(format!("{label:>17}: ")),
            Span::styled(format!("{}{cursor}", field.shown()), style),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        if form.activating {
            "Enter — далее · F2 — вход по паролю · Esc — выход"
        } else {
            "Enter — войти · F2 — у меня код доступа · Esc — выход"
        },
        theme.dim(),
    ));
    for h in hints {
        lines.push(Line::styled(h.clone(), theme.dim()));
    }
    let block = Block::default().borders(Borders::ALL).title(title);
    f.render_widget(Paragraph::new(lines).block(block), boxed);
}
