//! The journal's mail (2.4, 2.9: families use the diary «для просмотра и ведения переписки»):
//! the inbox with unread marks, a message, a new letter to someone picked from the list of
//! people one may write to, a reply. A tab of the diary and a screen of the staff's home (`m`),
//! built like the grid: a key table (`keymap`) turns keys into [`Action`]s, `update` changes
//! the state without a database and returns [`Effect`]s, `effects` runs them through
//! `app::mail`, the same functions as `ezh mail`.

mod effects;
pub mod keymap;
mod state;
mod update;
mod view;

#[cfg(test)]
mod tests;

use std::collections::VecDeque;

use crossterm::event::KeyEvent;

pub use keymap::Scope;
pub use state::{Action, Effect, MailScreen, Mode};
pub use update::update;

use super::keys;
use super::state::{Ctx, Status};
use crate::access::Actor;
use crate::app::AppError;
use crate::store::Db;

/// What a key on the mail screen leads to, for the screen that holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    /// Off the mail screen (Esc or q on the inbox).
    Leave,
}

impl MailScreen {
    /// The person's inbox.
    pub fn open(db: &mut Db, actor: &Actor) -> Result<MailScreen, AppError> {
        let mut s = MailScreen::new(crate::app::mail::messages::inbox(db, actor)?);
        s.zone = crate::app::college::clock::zone(db);
        Ok(s)
    }

    /// The key table of the current mode.
    pub fn scope(&self) -> Scope {
        match self.mode {
            Mode::List => Scope::List,
            Mode::Reading { .. } => Scope::Reading,
            _ => Scope::Form,
        }
    }

    /// Handles a key: a key of the table is its action; in a form any other key is typed.
    pub fn key(&mut self, ctx: &mut Ctx<'_>, ev: KeyEvent, help: &mut bool) -> Outcome {
        let scope = self.scope();
        let action = match keymap::action(scope, keys::read(ev, "")) {
            Some(a) => a,
            None if scope == Scope::Form => Action::Edit(ev),
            None => return Outcome::Stay,
        };
        self.dispatch(ctx, action, help)
    }

    /// Carries out `first` and every action its effects lead to.
    pub fn dispatch(&mut self, ctx: &mut Ctx<'_>, first: Action, help: &mut bool) -> Outcome {
        let mut out = Outcome::Stay;
        let mut queue = VecDeque::from([first]);
        while let Some(a) = queue.pop_front() {
            for e in update(self, a) {
                match e {
                    Effect::Status { text, error } => *ctx.status = Status { text, error },
                    Effect::Help => *help = true,
                    Effect::Leave => out = Outcome::Leave,
                    e => queue.extend(effects::run(ctx, e)),
                }
            }
        }
        out
    }

    /// The footer of the current mode.
    pub fn footer(&self) -> String {
        keymap::footer(self.scope())
    }
}

pub use view::draw;
