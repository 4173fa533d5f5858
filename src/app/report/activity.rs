//! `user-activity` — «Активность пользователей за месяц» (4.6, 11.1): per role, the users who
//! hold it, how many of them logged in during the month, their logins and the audited entries
//! they made. A person with several roles is counted under each.

use chrono::{Datelike, NaiveDateTime};
use diesel::prelude::*;

use super::context::{self, Filters};
use super::Kind;
use crate::access::{self, Action, Actor, Role};
use crate::app::AppError;
use crate::domain::DateSpan;
use crate::report::{Cell, ColumnGroup, Report, Row};
use crate::store::schema::{activity_log, audit_log, user_roles, users};
use crate::store::Conn;

/// The Russian title.
pub const TITLE: &str = "Активность пользователей за месяц";

/// Builds the report for `--month` (default: the month of the report date).
pub fn build(c: &mut Conn<'_>, actor: &Actor, f: &Filters) -> Result<Report, AppError> {
    access::check(actor, &Action::CollegeReports)?;
    let college = context::college(c)?;
    let span = match context::month(f)? {
        Some(m) => m,
        None => DateSpan::month(f.today.year(), f.today.month())
            .ok_or_else(|| AppError::Invalid("укажите месяц: --month ГГГГ-ММ".into()))?,
    };
    let from: NaiveDateTime = span.start.and_hms_opt(0, 0, 0).unwrap_or_default();
    let to: NaiveDateTime = span.end.and_hms_opt(23, 59, 59).unwrap_or_default();
    let holders: Vec<(i64, String)> = crate::with_conn!(c, x => user_roles::table
        .inner_join(users::table)
        .filter(users::disabled.eq(false))
        .select((user_roles::user_id, user_roles::role))
        .load(x))?;
    let logins: Vec<Option<i64>> = crate::with_conn!(c, x => activity_log::table
        .filter(activity_log::event.eq("login"))
        .filter(activity_log::at.between(from, to))
        .select(activity_log::user_id)
        .load(x))?;
    let entries: Vec<Option<i64>> = crate::with_conn!(c, x => audit_log::table
        .filter(audit_log::at.between(from, to))
        .select(audit_log::actor_id)
        .load(x))?;
    let mut rows = Vec::new();
    for role in Role::ALL {
        let ids: Vec<i64> = holders
            .iter()
            .filter(|(_, r)| *r == role.as_code())
            .map(|(u, _)| *u)
            .collect();
        let mine = |u: &Option<i64>| u.is_some_and(|u| ids.contains(&u));
        let active = ids.iter().filter(|u| logins.contains(&Some(**u))).count();
        rows.push(Row {
            cells: vec![
                Cell::text(role.name_ru()),
                Cell::int(ids.len() as i64),
                Cell::int(active as i64),
                Cell::int(logins.iter().filter(|u| mine(u)).count() as i64),
                Cell::int(entries.iter().filter(|u| mine(u)).count() as i64),
            ],
            total: false,
        });
    }
    Ok(Report {
        column_groups: vec![ColumnGroup {
            title: String::new(),
            columns: [
                "Роль",
                "Пользователей",
                "Входили в журнал",
                "Входов",
                "Записей",
            ]
            .map(String::from)
            .to_vec(),
        }],
        rows,
        notes: Vec::new(),
        definitions: vec![
            "Пользователи — действующие учётные записи с этой ролью (человек с несколькими \
             ролями учтён в каждой); входы — успешные входы за месяц по журналу событий; \
             записи — изменения, внесённые в журнал изменений (аудит)."
                .into(),
        ],
        signatures: Vec::new(),
        ..context::header(
            Kind::UserActivity,
            &college,
            f,
            "Все пользователи техникума".into(),
            format!("{} ({span})", span.month_name_ru()),
        )
    })
}
