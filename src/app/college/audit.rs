//! Reading the change history and checking its chain, for those `roles.md` allows: the
//! administration all of it, a teacher their own entries, a tutor their group's students.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::access::{self, Action};
use crate::app::{Actor, AppError};
use crate::store::audit;
pub use crate::store::audit::Verdict;
use crate::store::rows::AuditRow;
use crate::store::schema::{audit_log, group_memberships, users};
use crate::store::Db;

/// Which entries to show.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub student_id: Option<i64>,
    pub user_login: Option<String>,
    pub since: Option<NaiveDateTime>,
    pub limit: i64,
}

/// One entry as printed, with the actor's login.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AuditLine {
    pub id: i64,
    pub at: NaiveDateTime,
    pub actor: String,
    pub action: String,
    pub entity: String,
    /// What was done, in Russian: «добавлена отметка», «изменён пропуск».
    pub what: String,
    pub entity_id: i64,
    pub student_id: Option<i64>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub reason: Option<String>,
}

/// What `ezh audit verify` found: the chain and its sealed head, and every record whose state
/// differs from its history ([`super::audit_state`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub verdict: Verdict,
    pub state: Vec<String>,
}

impl Checked {
    /// Whether the log proves the journal: an intact, sealed chain and no record off its history.
    pub fn holds(&self) -> bool {
        matches!(self.verdict, Verdict::Intact { .. }) && self.state.is_empty()
    }
}

/// Checks the whole chain, its sealed head and the records against it (administration only:
/// it reads every row).
pub fn verify(db: &mut Db, actor: &Actor) -> Result<Checked, AppError> {
    read_all(actor)?;
    db.read(|c| {
        Ok(Checked {
            verdict: audit::verify(c)?,
            state: super::audit_state::check(c)?,
        })
    })
}

/// Whether record `id` with a hash beginning `hash` is still in the chain (`--head N:HASH`).
pub fn holds_head(db: &mut Db, actor: &Actor, id: i64, hash: &str) -> Result<bool, AppError> {
    read_all(actor)?;
    Ok(db.read(|c| crate::store::audit_verify::holds(c, id, hash))?)
}

fn read_all(actor: &Actor) -> Result<(), AppError> {
    access::check(
        actor,
        &Action::ReadAudit {
            actor_id: None,
            group_id: None,
        },
    )?;
    Ok(())
}

/// Lists entries the actor may read, newest first.
pub fn list(db: &mut Db, actor: &Actor, f: &AuditFilter) -> Result<Vec<AuditLine>, AppError> {
    let user_id: Option<i64> = match &f.user_login {
        Some(l) => Some(
            crate::with_conn!(&mut db.conn(), c => users::table
                .filter(users::login.eq(l.trim().to_lowercase()))
                .select(users::id)
                .first(c)
                .optional())?
            .ok_or_else(|| AppError::NotFound(format!("пользователь «{l}»")))?,
        ),
        None => None,
    };
    let student_groups: Vec<i64> = match f.student_id {
        Some(s) => crate::with_conn!(&mut db.conn(), c => group_memberships::table
            .filter(group_memberships::student_id.eq(s))
            .select(group_memberships::group_id)
            .load(c))?,
        None => Vec::new(),
    };
    // The widest scope first; a tutor asking about a student of their group, and a teacher
    // asking for their own entries, get a narrower permission.
    let everything = access::check(
        actor,
        &Action::ReadAudit {
            actor_id: None,
            group_id: None,
        },
    );
    let allowed = everything.is_ok()
        || (user_id == Some(actor.user_id)
            && access::check(
                actor,
                &Action::ReadAudit {
                    actor_id: user_id,
                    group_id: None,
                },
            )
            .is_ok())
        || (f.student_id.is_some()
            && student_groups.iter().any(|g| {
                access::check(
                    actor,
                    &Action::ReadAudit {
                        actor_id: None,
                        group_id: Some(*g),
                    },
                )
                .is_ok()
            }));
    if !allowed {
        return Err(access::check(
            actor,
            &Action::ReadAudit {
                actor_id: None,
                group_id: None,
            },
        )
        .err()
        .map_or(AppError::Invalid("нет прав".into()), AppError::from));
    }
    let rows: Vec<(AuditRow, Option<String>)> = crate::with_conn!(&mut db.conn(), c => {
        let mut q = audit_log::table
            .left_join(users::table.on(users::id.nullable().eq(audit_log::actor_id)))
            .select((AuditRow::as_select(), users::login.nullable()))
            .order(audit_log::id.desc())
            .limit(if f.limit > 0 { f.limit } else { 100 })
            .into_boxed();
        if let Some(s) = f.student_id {
            q = q.filter(audit_log::student_id.eq(s));
        }
        if let Some(u) = user_id {
            q = q.filter(audit_log::actor_id.eq(u));
        }
        if let Some(t) = f.since {
            q = q.filter(audit_log::at.ge(t));
        }
        q.load(c)
    })?;
    Ok(rows
        .into_iter()
        .map(|(r, login)| AuditLine {
            id: r.id,
            at: r.at,
            actor: login.unwrap_or_else(|| "—".into()),
            what: what_ru(&r.action, &r.entity),
            action: r.action,
            entity: r.entity,
            entity_id: r.entity_id,
            student_id: r.student_id,
            old_value: r.old_value,
            new_value: r.new_value,
            reason: r.reason,
        })
        .collect())
}

/// The Russian name of a kind of record with its gender (m, f, n or plural p): «отметка», 'f'.
pub fn noun_ru(entity: &str) -> Option<(&'static str, char)> {
    Some(match entity {
        "grade" => ("отметка", 'f'),
        "absence" => ("пропуск", 'm'),
        "debt" => ("точка (долг)", 'f'),
        "final_grade" => ("итоговая оценка", 'f'),
        "lesson" => ("занятие", 'n'),
        "student" => ("обучающийся", 'm'),
        "guardian" => ("родитель", 'm'),
        "user" => ("пользователь", 'm'),
        "membership" => ("членство в группе", 'n'),
        "settings" => ("настройки", 'p'),
        "academic_year" => ("учебный год", 'm'),
        "term" => ("семестр", 'm'),
        "journal" => ("запись о журнале", 'f'),
        _ => return None,
    })
}

/// «добавлена отметка», «изменён пропуск», «удалено занятие»: the action and the kind of record
/// of an audit row as the «Что» column says it, the verb agreeing with the noun's gender.
pub fn what_ru(action: &str, entity: &str) -> String {
    let Some((noun, gender)) = noun_ru(entity) else {
        return format!("{action} {entity}");
    };
    let stem = match action {
        "insert" => "добавлен",
        "update" => "изменён",
        "delete" => "удалён",
        other => return format!("{other} {entity}"),
    };
    // «изменён» loses its ё when an ending follows: изменена, изменено, изменены.
    let base = stem.replace('ё', "е");
    let verb = match gender {
        'm' => stem.to_string(),
        'f' => format!("{base}а"),
        'n' => format!("{base}о"),
        _ => format!("{base}ы"),
    };
    format!("{verb} {noun}")
}

#[cfg(test)]
mod tests {
    use super::what_ru;

    #[test]
    fn actions_read_as_russian_phrases() {
        assert_eq!(what_ru("insert", "grade"), "добавлена отметка");
        assert_eq!(what_ru("update", "absence"), "изменён пропуск");
        assert_eq!(what_ru("delete", "lesson"), "удалено занятие");
        assert_eq!(what_ru("update", "final_grade"), "изменена итоговая оценка");
        assert_eq!(what_ru("update", "settings"), "изменены настройки");
        assert_eq!(what_ru("delete", "student"), "удалён обучающийся");
    }
}
