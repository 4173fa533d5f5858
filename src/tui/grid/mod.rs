//! The journal grid of one assignment, built as gitui and the ratatui templates build their
//! screens: a key table (`keymap`) turns a key into an [`Action`]; `update` changes the state
//! ([`GridScreen`]) without a database and returns [`Effect`]s; `effects` runs those against the
//! app layer and hands their results back as actions. This file is the loop between them;
//! drawing is in `view`.

mod action;
mod effects;
mod effects_change;
pub mod keymap;
mod state;
mod undo;
mod update;
mod update_answer;
mod update_cell;
mod update_done;
mod update_page;
mod view;
mod view_lesson;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_plan_debt;

use std::collections::VecDeque;

use crossterm::event::KeyEvent;

pub use action::{Action, Change, Effect, Fresh, Saved, Step, Undo, Write};
pub use keymap::Scope;
pub use state::{Ask, Geometry, GridScreen, Mode};
pub use update::update;
pub use view::{cell_text, draw};

use super::keys;
use super::state::{Ctx, Go, Status};

/// How long the grid waits without a key before it reads itself anew.
pub const IDLE: std::time::Duration = std::time::Duration::from_secs(30);

impl GridScreen {
    /// The key table that applies in the current mode.
    pub fn scope(&self) -> Scope {
        match self.mode {
            Mode::Normal => Scope::Grid,
            Mode::Finals => Scope::Finals,
            Mode::Cell(_) => Scope::Cell,
            Mode::Prompt(..) => Scope::Prompt,
        }
    }

    /// Handles a key: looks it up in the key table of the mode and carries out its action.
    pub fn key(&mut self, ctx: &mut Ctx<'_>, ev: KeyEvent, help: &mut bool) -> Go {
        // The absence letters are marks, not Russian-layout commands; so is н for «н/а».
        let keep = match self.mode {
            // «.» is the debt mark in both layouts (ю in the Russian one comes to «.» too).
            Mode::Normal => "нубопНУБОП.",
            Mode::Finals => "нН",
            _ => "",
        };
        let scope = self.scope();
        let action = match keymap::action(scope, keys::read(ev, keep)) {
            Some(a) => a,
            None if scope == Scope::Prompt => Action::Edit(ev),
            None => {
                self.after_o = false;
                self.changed.clear();
                return Go::Stay;
            }
        };
        self.dispatch(ctx, action, help)
    }

    /// Carries out `first` and every action its effects lead to.
    pub fn dispatch(&mut self, ctx: &mut Ctx<'_>, first: Action, help: &mut bool) -> Go {
        let mut go = Go::Stay;
        let mut queue = VecDeque::from([first]);
        while let Some(a) = queue.pop_front() {
            for e in update(self, a) {
                match e {
                    Effect::Status { text, error } => *ctx.status = Status { text, error },
                    Effect::Help => *help = true,
                    Effect::Home => go = Go::Home,
                    e => queue.extend(effects::run(self, ctx, e)),
                }
            }
        }
        go
    }
}
