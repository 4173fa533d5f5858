//! The rules of movement: where a student stands (in a group, on leave, gone, never enrolled)
//! and what a movement of a kind may change from there, with the Russian refusals.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::movement::MovementRequest;
use crate::app::lookup::{self, ru};
use crate::app::AppError;
use crate::domain::movement_kind::MovementKind;
use crate::store::rows::{MembershipRow, MovementRow, StudentRow};
use crate::store::schema::{absences, assignments, grades, group_memberships, lessons, movements};
use crate::store::Conn;

/// Where a student stands before a movement.
#[derive(Debug, Clone)]
pub(super) enum State {
    /// Never enrolled, or only closed spans without an exit movement.
    Outside {
        last_end: Option<NaiveDate>,
    },
    Active(MembershipRow),
    OnLeave {
        group: i64,
        since: NaiveDate,
    },
    Left {
        kind: MovementKind,
        date: NaiveDate,
    },
}

pub(super) fn state_of(c: &mut Conn<'_>, student: i64) -> Result<State, AppError> {
    let spans: Vec<MembershipRow> = crate::with_conn!(c, x => group_memberships::table
        .filter(group_memberships::student_id.eq(student))
        .order(group_memberships::from_date.asc())
        .select(MembershipRow::as_select())
        .load(x))?;
    if let Some(open) = spans.iter().find(|m| m.to_date.is_none()) {
        return Ok(State::Active(open.clone()));
    }
    let last: Option<MovementRow> = crate::with_conn!(c, x => movements::table
        .filter(movements::student_id.eq(student))
        .order((movements::date.desc(), movements::id.desc()))
        .select(MovementRow::as_select())
        .first(x)
        .optional())?;
    let last_end = spans.iter().filter_map(|m| m.to_date).max();
    Ok(
        match last.and_then(|m| MovementKind::from_code(&m.kind).map(|k| (k, m))) {
            Some((MovementKind::Leave, m)) => State::OnLeave {
                group: m.from_group_id.unwrap_or_default(),
                since: m.date,
            },
            Some((kind @ (MovementKind::Expel | MovementKind::Graduate), m)) => {
                State::Left { kind, date: m.date }
            }
            _ => State::Outside { last_end },
        },
    )
}

/// What a movement changes: the span it closes, the group it opens, and the groups it names.
pub(super) struct Plan {
    pub(super) close: Option<MembershipRow>,
    pub(super) open: Option<i64>,
    pub(super) from: Option<i64>,
    pub(super) before: String,
    pub(super) after: String,
}

pub(super) fn plan(
    c: &mut Conn<'_>,
    s: &StudentRow,
    req: &MovementRequest,
    state: &State,
    to_group: Option<i64>,
) -> Result<Plan, AppError> {
    let name = lookup::full_name(s);
    let d = req.date;
    let kind = req.kind;
    if let State::Left { kind: how, date } = state {
        if kind != MovementKind::Enrol {
            // Names are not declined: the message names the event, not the person's state.
            return Err(AppError::Invalid(format!(
                "{name}: {} с {} — движение невозможно, сначала зачислите снова",
                how.name_ru(),
                ru(*date)
            )));
        }
    }
    let must_follow = |since: NaiveDate, what: &str| -> Result<(), AppError> {
        if d <= since {
            return Err(AppError::Invalid(format!(
                "дата {} ({}) должна быть позже {what} ({})",
                ru(d),
                kind.name_ru(),
                ru(since)
            )));
        }
        Ok(())
    };
    match (kind, state) {
        (MovementKind::Enrol, State::Active(m)) => Err(AppError::Invalid(format!(
            "{name} уже учится в группе {} с {}",
            lookup::group_name(c, m.group_id)?,
            ru(m.from_date)
        ))),
        (MovementKind::Enrol, State::OnLeave { since, .. }) => Err(AppError::Invalid(format!(
            "{name} в академическом отпуске с {}: оформите выход из отпуска (ezh student return)",
            ru(*since)
        ))),
        (MovementKind::Enrol, State::Outside { last_end }) => {
            if let Some(end) = last_end {
                must_follow(*end, "окончания прежнего обучения")?;
            }
            Ok(opening(c, to_group, None, "не учится".into(), d)?)
        }
        (MovementKind::Enrol, State::Left { date, .. }) => {
            if d < *date {
                return Err(AppError::Invalid(format!(
                    "дата {} (зачисление) не может быть раньше даты ухода ({})",
                    ru(d),
                    ru(*date)
                )));
            }
            Ok(opening(
                c,
                to_group,
                None,
                format!("не учится с {}", ru(*date)),
                d,
            )?)
        }
        (MovementKind::Return, State::OnLeave { group, since }) => {
            must_follow(*since, "начала академического отпуска")?;
            let before = format!("академический отпуск с {}", ru(*since));
            Ok(opening(
                c,
                Some(to_group.unwrap_or(*group)),
                None,
                before,
                d,
            )?)
        }
        (MovementKind::Return, _) => Err(AppError::Invalid(format!(
            "{name} не находится в академическом отпуске"
        ))),
        (MovementKind::Expel, State::OnLeave { group, since }) => {
            must_follow(*since, "начала академического отпуска")?;
            Ok(Plan {
                close: None,
                open: None,
                from: Some(*group),
                before: format!("академический отпуск с {}", ru(*since)),
                after: format!("отчисление с {}", ru(d)),
            })
        }
        (_, State::Active(m)) => {
            let from_name = lookup::group_name(c, m.group_id)?;
            if kind == MovementKind::Transfer && to_group == Some(m.group_id) {
                return Err(AppError::Invalid(format!(
                    "{name} уже в группе {from_name}: перевод в ту же группу невозможен"
                )));
            }
            must_follow(
                m.from_date,
                &format!("начала обучения в группе {from_name}"),
            )?;
            let later = marks_from(c, s.id, m.group_id, d)?;
            if later > 0 {
                return Err(AppError::Invalid(format!(
                    "{name}: есть отметки и пропуски в журнале группы {from_name} на {} и позже ({later}): движение этой датой скрыло бы их; проверьте дату приказа",
                    ru(d)
                )));
            }
            let before = format!("группа {from_name} с {}", ru(m.from_date));
            let after = match kind {
                MovementKind::Transfer => {
                    let to = to_group.unwrap_or_default();
                    format!("группа {} с {}", lookup::group_name(c, to)?, ru(d))
                }
                MovementKind::Leave => format!("академический отпуск с {}", ru(d)),
                MovementKind::Graduate => format!("выпуск с {}", ru(d)),
                _ => format!("отчисление с {}", ru(d)),
            };
            Ok(Plan {
                close: Some(m.clone()),
                open: to_group.filter(|_| kind == MovementKind::Transfer),
                from: Some(m.group_id),
                before,
                after,
            })
        }
        (_, State::OnLeave { since, .. }) => Err(AppError::Invalid(format!(
            "{name} в академическом отпуске с {}: сначала оформите выход из отпуска",
            ru(*since)
        ))),
        _ => Err(AppError::Invalid(format!(
            "{name} не состоит ни в одной группе"
        ))),
    }
}

fn opening(
    c: &mut Conn<'_>,
    group: Option<i64>,
    from: Option<i64>,
    before: String,
    d: NaiveDate,
) -> Result<Plan, AppError> {
    let g = group.unwrap_or_default();
    Ok(Plan {
        close: None,
        open: Some(g),
        from,
        before,
        after: format!("группа {} с {}", lookup::group_name(c, g)?, ru(d)),
    })
}

/// Grades and absences of a student in the group's lessons on or after `date`.
fn marks_from(
    c: &mut Conn<'_>,
    student: i64,
    group: i64,
    date: NaiveDate,
) -> Result<i64, AppError> {
    let g: i64 = crate::with_conn!(c, x => grades::table
        .inner_join(lessons::table.inner_join(assignments::table))
        .filter(grades::student_id.eq(student))
        .filter(assignments::group_id.eq(group))
        .filter(lessons::date.ge(date))
        .count()
        .get_result(x))?;
    let a: i64 = crate::with_conn!(c, x => absences::table
        .inner_join(lessons::table.inner_join(assignments::table))
        .filter(absences::student_id.eq(student))
        .filter(assignments::group_id.eq(group))
        .filter(lessons::date.ge(date))
        .count()
        .get_result(x))?;
    Ok(g + a)
}
