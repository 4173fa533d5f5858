//! The diary screen of a student or guardian (3.3, 13.1, 13.2): grades by subject with both
//! averages, missed hours and the forecast (with what it takes to reach the next grade), the
//! lessons and homework of this week and the next, and announcements. It holds only the data
//! of the person's own student: `app::family::view` reduces everything to that one row, and the
//! child switch cycles through the actor's own children only.

use chrono::NaiveDate;
use crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

use super::family_prefs::Prefs;
use super::keys::{self, Key};
use super::mail::{MailScreen, Outcome};
use super::state::{Ctx, Go};
use super::theme::Theme;
use crate::access::Actor;
use crate::app::family::view::{self, FamilyView};
use crate::app::AppError;
use crate::store::Db;

/// The tabs, in the order Tab goes through them.
const TABS: [&str; 5] = ["Отметки", "Неделя", "Объявления", "Уведомления", "Почта"];
/// The mail tab.
const MAIL: usize = 4;

/// The diary screen.
pub struct FamilyScreen {
    pub view: FamilyView,
    /// The actor's own students (a student: one; a guardian: each child).
    pub students: Vec<(i64, String)>,
    pub which: usize,
    /// 0: grades, 1: the week, 2: announcements, 3: notices by e-mail.
    pub tab: usize,
    pub row: usize,
    /// First line shown on the week tab.
    pub scroll: usize,
    /// The person's choice of notices (the tab «Уведомления»).
    pub prefs: Prefs,
    /// The person's mail (the tab «Почта»).
    pub mail: MailScreen,
}

impl FamilyScreen {
    /// The diary of the actor's `which`-th own student.
    pub fn open(
        db: &mut Db,
        actor: &Actor,
        today: NaiveDate,
        which: usize,
    ) -> Result<FamilyScreen, AppError> {
        let students = view::own_students(db, actor)?;
        let (id, _) = students.get(which).cloned().ok_or_else(|| {
            AppError::NotFound("обучающийся, связанный с этой учётной записью".into())
        })?;
        Ok(FamilyScreen {
            view: view::load(db, actor, id, today)?,
            students,
            which,
            tab: 0,
            row: 0,
            scroll: 0,
            prefs: Prefs::load(db, actor),
            mail: MailScreen::open(db, actor)?,
        })
    }

    pub fn key(&mut self, ctx: &mut Ctx<'_>, ev: KeyEvent, help: &mut bool) -> Go {
        // On the mail tab the mail takes the keys: all of them while a letter is being
        // written, all but Tab (the next tab) otherwise; q on its inbox leaves as on any tab.
        if self.tab == MAIL {
            let k = keys::read(ev, "");
            if self.mail.typing() || !matches!(k, Key::Tab | Key::BackTab) {
                return match self.mail.key(ctx, ev, help) {
                    Outcome::Leave => Go::Quit,
                    Outcome::Stay => Go::Stay,
                };
            }
        }
        use super::screen_keys::{command, Cmd, Scope};
        let (prefs, week) = (self.tab == 3, self.tab == 1);
        match command(Scope::Diary, keys::read(ev, "")) {
            Some(Cmd::NextTab) => self.tab = (self.tab + 1) % TABS.len(),
            Some(Cmd::PrevTab) => self.tab = (self.tab + TABS.len() - 1) % TABS.len(),
            Some(Cmd::Up) if prefs => self.prefs.up(),
            Some(Cmd::Down) if prefs => self.prefs.down(),
            Some(Cmd::Toggle) if prefs => self.prefs.toggle(ctx),
            Some(Cmd::Up) if week => self.scroll = self.scroll.saturating_sub(1),
            Some(Cmd::Down) if week => self.scroll += 1,
            Some(Cmd::PageDown) if week => self.scroll += 10,
            Some(Cmd::PageUp) if week => self.scroll = self.scroll.saturating_sub(10),
            Some(Cmd::Up) => self.row = self.row.saturating_sub(1),
            Some(Cmd::Down) => {
                self.row = (self.row + 1).min(self.view.subjects.len().saturating_sub(1))
            }
            Some(Cmd::Child) if self.students.len() > 1 => {
                let next = (self.which + 1) % self.students.len();
                match FamilyScreen::open(ctx.db, ctx.actor, ctx.today, next) {
                    Ok(s) => *self = s,
                    Err(e) => ctx.status.fail(&e),
                }
            }
            Some(Cmd::Help) => *help = true,
            Some(Cmd::Back) => return Go::Quit,
            _ => {}
        }
        Go::Stay
    }

    /// The footer: the mail's keys on its tab, the diary's elsewhere.
    pub fn footer(&self) -> String {
        if self.tab == MAIL && self.mail.typing() {
            self.mail.footer()
        } else if self.tab == MAIL {
            format!("Tab — вкладка · {}", self.mail.footer())
        } else {
            super::screen_keys::footer(super::screen_keys::Scope::Diary)
        }
    }

    pub fn draw(&self, f: &mut Frame, area: Rect, theme: Theme) {
        let unread = self.mail.unread();
        let names: Vec<String> = TABS
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let t = if i == MAIL && unread > 0 {
                    format!("{t} ({unread})")
                } else {
                    t.to_string()
                };
                if i == self.tab {
                    format!("[{t}]")
                } else {
                    t
                }
            })
            .collect();
        let switch = if self.students.len() > 1 {
            " · c — другой ребёнок"
        } else {
            ""
        };
        let title = format!(" Дневник: {} · {} ", self.view.student, self.view.term);
        // The tabs have the bottom border to themselves: beside a long name and the term on
        // the top one they were cut at 80 columns.
        let tabs = Line::from(format!(" {}{switch} ", names.join(" "))).style(theme.title());
        let block = Block::default()
            .borders(Borders::ALL)
            .title(title)
            .title_bottom(tabs);
        match self.tab {
            0 => self.draw_grades(f, area, block, theme),
            1 => {
                let mut lines: Vec<Line> = Vec::new();
                let mut day = None;
                for w in &self.view.week {
                    if day != Some(w.date) {
                        day = Some(w.date);
                        let name = crate::domain::format_ru(w.date);
                        lines.push(Line::styled(
                            format!("{name}, {}", weekday_ru(w.date)),
                            theme.title(),
                        ));
                    }
                    let change = if w.change.is_empty() {
                        String::new()
                    } else {
                        format!(" [{}]", w.change)
                    };
                    let room = w
                        .room
                        .as_ref()
                        .map_or(String::new(), |r| format!(", каб. {r}"));
                    lines.push(Line::raw(format!(
                        "  {} {} {} — {}{room}{change}",
                        w.pair, w.time, w.subject, w.teacher
                    )));
                    if !w.topic.is_empty() {
                        lines.push(Line::styled(
                            format!("      тема: {}", w.topic),
                            theme.dim(),
                        ));
                    }
                    if !w.homework.is_empty() {
                        lines.push(Line::raw(format!("      д/з: {}", w.homework)));
                    }
                }
                let lines: Vec<Line> = lines.into_iter().skip(self.scroll).collect();
                f.render_widget(
                    Paragraph::new(lines)
                        .block(block)
                        .wrap(Wrap { trim: false }),
                    area,
                );
            }
            3 => self.prefs.draw(f, area, block, theme),
            MAIL => super::mail::draw(f, area, &self.mail, block, theme),
            _ => {
                let mut lines = Vec::new();
                for (day, t, b) in &self.view.announcements {
                    let day = crate::domain::format_ru(*day);
                    lines.push(Line::styled(format!("{day} · {t}"), theme.title()));
                    lines.push(Line::raw(b.clone()));
                }
                if lines.is_empty() {
                    lines.push(Line::raw("Объявлений нет."));
                }
                f.render_widget(
                    Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
                    area,
                );
            }
        }
    }
}

/// «понедельник» … «воскресенье».
fn weekday_ru(d: NaiveDate) -> &'static str {
    use chrono::Datelike;
    [
        "понедельник",
        "вторник",
        "среда",
        "четверг",
        "пятница",
        "суббота",
        "воскресенье",
    ][d.weekday().num_days_from_monday() as usize]
}
