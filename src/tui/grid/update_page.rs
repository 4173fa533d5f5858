//! Paging the grid without a database: PgUp/PgDn by month (a page starts at the month's first
//! lesson), Home/End to the term's first and last lesson.

use chrono::Datelike;

use super::action::Effect;
use super::state::GridScreen;
use super::update::say;

/// PgUp/PgDn: the first lesson of the previous or next month, shown first in the view.
pub(super) fn month(s: &mut GridScreen, step: isize) -> Vec<Effect> {
    let Some(now) = s.grid.lessons.get(s.col).map(|l| l.date) else {
        return Vec::new();
    };
    let key = |d: chrono::NaiveDate| d.year() * 12 + d.month0() as i32;
    let here = key(now);
    let target = if step < 0 {
        // Back: to the start of this month if the cursor is past it, else the month before.
        let start = s.grid.lessons.iter().position(|l| key(l.date) == here);
        match start {
            Some(c) if c < s.col => Some(c),
            _ => s
                .grid
                .lessons
                .iter()
                .rposition(|l| key(l.date) < here)
                .and_then(|last| {
                    let m = key(s.grid.lessons[last].date);
                    s.grid.lessons.iter().position(|l| key(l.date) == m)
                }),
        }
    } else {
        s.grid.lessons.iter().position(|l| key(l.date) > here)
    };
    match target {
        Some(c) => {
            s.col = c;
            s.page_from = Some(c);
            Vec::new()
        }
        None if step < 0 => vec![say("Это первый месяц периода.")],
        None => vec![say("Это последний месяц периода.")],
    }
}

pub(super) fn jump(s: &mut GridScreen, col: usize) -> Vec<Effect> {
    s.col = col;
    s.page_from = None;
    Vec::new()
}
