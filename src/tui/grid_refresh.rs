//! The grid reads itself anew when the teacher has pressed nothing for a while: a colleague at
//! another terminal (a substitute, the tutor correcting a reason) may have written into the same
//! lesson. The cells that changed since they were shown are marked until the next key, so the
//! teacher sees what moved under them instead of finding it later.

use std::collections::HashSet;
use std::time::Duration;

use super::grid_screen::GridScreen;
use super::state::Ctx;
use crate::app::AppError;

/// How long the grid waits without a key before it reads itself anew.
pub const IDLE: Duration = Duration::from_secs(30);

/// Reads the grid anew and returns how many cells others changed since it was shown; those
/// are kept in `changed` for highlighting.
pub fn refresh(s: &mut GridScreen, ctx: &mut Ctx<'_>) -> Result<usize, AppError> {
    let before = s.cells.clone();
    super::grid_ops::reload(s, ctx)?;
    let keys: HashSet<(i64, i64)> = before.keys().chain(s.cells.keys()).copied().collect();
    let changed: HashSet<(i64, i64)> = keys
        .into_iter()
        .filter(|k| {
            let empty = |c: Option<&crate::app::journal::cells::CellMarks>| {
                c.is_none_or(|m| m.grades.is_empty() && m.absence.is_none())
            };
            let (old, new) = (before.get(k), s.cells.get(k));
            !(old == new || empty(old) && empty(new))
        })
        .collect();
    let n = changed.len();
    s.changed = changed;
    Ok(n)
}
