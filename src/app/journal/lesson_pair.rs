//! Whether a lesson added by hand fits the timetable: at a pair where the group (or the
//! lesson's subgroup) has another subject, a teacher's «extra» lesson would sit on top of a
//! colleague's, so it is refused, naming what the timetable holds there; a pair the group has
//! free takes an extra lesson (a make-up, an added consultation).

use diesel::prelude::*;

use crate::app::timetable::{schedule, timetable_slots};
use crate::app::AppError;
use crate::store::schema::{assignments, subgroups, subjects};
use crate::store::Conn;

/// Refuses a new lesson of `assignment` at `pair` on `date` when the group's timetable has a
/// pair of another subject there (a cancelled one does not count).
pub(super) fn check(
    c: &mut Conn<'_>,
    assignment: i64,
    date: chrono::NaiveDate,
    pair: i32,
) -> Result<(), AppError> {
    let (group, subject, subgroup_id): (i64, String, Option<i64>) = crate::with_conn!(c, x => assignments::table
            .inner_join(subjects::table)
            .filter(assignments::id.eq(assignment))
            .select((assignments::group_id, subjects::name, assignments::subgroup_id))
            .first(x))?;
    let subgroup: Option<String> = match subgroup_id {
        Some(id) => Some(crate::with_conn!(c, x => subgroups::table
            .find(id)
            .select(subgroups::name)
            .first(x))?),
        None => None,
    };
    let bells = schedule::load_bells(c)?;
    let slots = timetable_slots::group_slots_on(c, date, &bells, group)?;
    let taken = slots.iter().find(|s| {
        s.pair == pair
            && !s.cancelled
            && s.subject != subject
            // Two subgroups of the group may hold different subjects at one pair.
            && (s.subgroup.is_none() || subgroup.is_none() || s.subgroup == subgroup)
    });
    match taken {
        Some(s) => Err(AppError::Invalid(format!(
            "{}, {}-я пара: у группы {} по расписанию «{}» ({}); занятие другой дисциплины на \
             этой паре не записывается — выберите свободную пару",
            crate::domain::format_ru(date),
            pair,
            s.group,
            s.subject,
            s.teacher
        ))),
        None => Ok(()),
    }
}
