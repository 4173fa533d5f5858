//! The home screen of staff: today's lessons from the timetable (with substitutions), every
//! assignment of the teacher for the picker, and the groups the person may look over (a
//! tutor's own, the whole college for the deputy and the director). Enter opens the grid or
//! the group overview.

use chrono::NaiveDate;
use crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, List, ListItem, ListState};
use ratatui::Frame;

use super::grid::GridScreen;
use super::group::GroupScreen;
use super::keys;
use super::state::{Ctx, Go, Screen};
use super::theme::Theme;
use crate::access::{Actor, Role};
use crate::app::journal::lessons::{AssignmentInfo, DayLesson};
use crate::app::{self, AppError};
use crate::store::Db;

/// One line of the home list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Heading(String),
    Lesson(DayLesson),
    Assignment(AssignmentInfo),
    Group(i64, String),
}

/// The home screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Home {
    pub items: Vec<Item>,
    pub selected: usize,
}

impl Home {
    /// Gathers the lists for `actor` on `today`.
    pub fn load(db: &mut Db, actor: &Actor, today: NaiveDate) -> Result<Home, AppError> {
        let mut items = Vec::new();
        if actor.has(Role::Teacher) {
            items.push(Item::Heading(format!(
                "Сегодня, {}",
                crate::domain::format_ru(today)
            )));
            let day = app::journal::lessons::day(db, actor, today)?;
            if day.is_empty() {
                items.push(Item::Heading("  занятий по расписанию нет".into()));
            }
            items.extend(day.into_iter().map(Item::Lesson));
            let mut all = app::journal::lessons::assignments_of(db, actor.user_id)?;
            // The current term first, then the others newest first (the list comes sorted so).
            all.sort_by_key(|a| !(a.term_starts <= today && today <= a.term_ends));
            if !all.is_empty() {
                items.push(Item::Heading("Вся нагрузка".into()));
                items.extend(all.into_iter().map(Item::Assignment));
            }
        }
        let groups = app::contingent::groups::list(db, actor)?;
        let own: Vec<_> = groups
            .into_iter()
            .filter(|g| {
                actor.tutor_of.contains(&g.id)
                    || actor.has(Role::Deputy)
                    || actor.has(Role::Director)
                    || actor.has(Role::Admin)
            })
            .collect();
        if !own.is_empty() {
            items.push(Item::Heading("Группы".into()));
            items.extend(own.into_iter().map(|g| Item::Group(g.id, g.name)));
        }
        let mut home = Home { items, selected: 0 };
        home.step(1);
        Ok(home)
    }

    /// Moves the selection by `delta` selectable lines (headings are skipped).
    fn step(&mut self, delta: isize) {
        let selectable: Vec<usize> = (0..self.items.len())
            .filter(|i| !matches!(self.items[*i], Item::Heading(_)))
            .collect();
        let Some(last) = selectable.len().checked_sub(1) else {
            self.selected = 0;
            return;
        };
        let to = match selectable.iter().position(|i| *i == self.selected) {
            Some(p) => p.saturating_add_signed(delta).min(last),
            None => selectable
                .iter()
                .position(|i| *i >= self.selected)
                .unwrap_or(last),
        };
        self.selected = selectable[to];
    }

    fn open(&self, ctx: &mut Ctx<'_>) -> Result<Go, AppError> {
        let screen = match self.items.get(self.selected) {
            Some(Item::Lesson(d)) => {
                let lesson = app::journal::lessons::open(
                    ctx.db,
                    ctx.actor,
                    d.assignment.id,
                    ctx.today,
                    d.pair,
                )?;
                let grid = app::journal::grid::open(ctx.db, ctx.actor, d.assignment.id)?;
                Screen::Grid(Box::new(GridScreen::new(grid, Some(lesson.id), ctx.today)))
            }
            Some(Item::Assignment(a)) => {
                let grid = app::journal::grid::open(ctx.db, ctx.actor, a.id)?;
                Screen::Grid(Box::new(GridScreen::new(grid, None, ctx.today)))
            }
            Some(Item::Group(id, _)) => Screen::Group(Box::new(GroupScreen::open(
                ctx.db, ctx.actor, *id, ctx.today,
            )?)),
            _ => return Ok(Go::Stay),
        };
        Ok(Go::To(screen))
    }

    /// Handles a key.
    pub fn key(&mut self, ctx: &mut Ctx<'_>, ev: KeyEvent, help: &mut bool) -> Go {
        use super::screen_keys::{command, Cmd, Scope};
        match command(Scope::Home, keys::read(ev, "")) {
            Some(Cmd::Up) => self.step(-1),
            Some(Cmd::Down) => self.step(1),
            Some(Cmd::First) => {
                self.selected = 0;
                self.step(1);
            }
            Some(Cmd::Last) => {
                self.selected = self.items.len().saturating_sub(1);
                self.step(0);
            }
            Some(Cmd::Open) => match self.open(ctx) {
                Ok(go) => return go,
                Err(e) => ctx.status.fail(&e),
            },
            Some(Cmd::Mail) => match super::mail::MailScreen::open(ctx.db, ctx.actor) {
                Ok(m) => return Go::To(super::state::Screen::Mail(Box::new(m))),
                Err(e) => ctx.status.fail(&e),
            },
            Some(Cmd::Help) => *help = true,
            Some(Cmd::Back) => return Go::Quit,
            _ => {}
        }
        Go::Stay
    }

    /// Draws the list.
    pub fn draw(&self, f: &mut Frame, area: Rect, theme: Theme) {
        let items: Vec<ListItem> = self
            .items
            .iter()
            .map(|it| match it {
                Item::Heading(h) => ListItem::new(Line::styled(h.clone(), theme.title())),
                Item::Lesson(d) => ListItem::new(format!(
                    "  {} пара {}{} {}{}{}",
                    d.pair,
                    d.time,
                    d.room
                        .as_ref()
                        .map_or(String::new(), |r| format!(" каб. {r}")),
                    d.assignment.title(),
                    if d.substitute {
                        " — замена"
                    } else {
                        ""
                    },
                    if d.lesson_id.is_some() { " ✓" } else { "" }
                )),
                Item::Assignment(a) => ListItem::new(format!("  {}", a.title())),
                Item::Group(_, name) => ListItem::new(format!("  {name}: сводка группы")),
            })
            .collect();
        let mut state = ListState::default().with_selected(Some(self.selected));
        let list = List::new(items)
            .block(Block::default().borders(Borders::ALL).title(" Журнал "))
            .highlight_style(theme.cursor());
        f.render_stateful_widget(list, area, &mut state);
    }
}
