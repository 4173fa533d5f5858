//! The mail screen's effects, run through the same app functions as `ezh mail` (rights,
//! limits and the read marks are theirs), and turned back into actions.

use super::state::{Action, Effect};
use crate::app::mail::{messages, recipients};
use crate::tui::state::Ctx;

/// Runs an effect that needs the database; the others are the shell's.
pub fn run(ctx: &mut Ctx<'_>, e: Effect) -> Option<Action> {
    let failed = |e: crate::app::AppError| Action::Failed(e.to_string());
    Some(match e {
        Effect::LoadInbox => messages::inbox(ctx.db, ctx.actor).map_or_else(failed, Action::Loaded),
        Effect::Read(id) => messages::read(ctx.db, ctx.actor, id)
            .map_or_else(failed, |m| Action::Opened(Box::new(m))),
        Effect::LoadRecipients => recipients::recipients(ctx.db, ctx.actor, ctx.today)
            .map_or_else(failed, Action::Recipients),
        Effect::Send { to, subject, body } => {
            let to_login = std::slice::from_ref(&to.login);
            let sent = messages::send(ctx.db, ctx.actor, to_login, &subject, &body);
            match sent.and_then(|_| messages::inbox(ctx.db, ctx.actor)) {
                Ok(inbox) => Action::Sent { to: to.name, inbox },
                Err(e) => failed(e),
            }
        }
        Effect::Status { .. } | Effect::Help | Effect::Leave => return None,
    })
}
