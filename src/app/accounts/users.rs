//! Reading users for display: name, login, roles.

use diesel::prelude::*;

use crate::app::AppError;
use crate::store::rows::UserRow;
use crate::store::schema::{user_roles, users};
use crate::store::Db;

/// What `ezh whoami` and `ezh user show` print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserInfo {
    pub login: String,
    pub full_name: String,
    pub roles: Vec<String>,
}

/// Reads one user.
pub fn show(db: &mut Db, user_id: i64) -> Result<UserInfo, AppError> {
    let (user, roles): (UserRow, Vec<String>) = crate::with_conn!(&mut db.conn(), c => {
        let u = users::table.find(user_id).select(UserRow::as_select()).first(c)?;
        let r = user_roles::table
            .filter(user_roles::user_id.eq(user_id))
            .select(user_roles::role)
            .load(c)?;
        Ok::<_, diesel::result::Error>((u, r))
    })?;
    Ok(UserInfo {
        login: user.login,
        full_name: format!("{} {} {}", user.last_name, user.first_name, user.patronymic)
            .trim()
            .to_string(),
        roles: roles
            .iter()
            .map(|r| crate::access::Role::parse(r).map_or(r.clone(), |r| r.name_ru().to_string()))
            .collect(),
    })
}

use chrono::Duration;

use crate::access::{self, Action, Permit, Role};
use crate::app::college::setup::{self, NewUser};
use crate::app::{accounts::auth, accounts::codes, accounts::password, Actor};
use crate::store::audit::{self, AuditEntry};
use crate::store::schema::sessions;
use crate::store::Conn;

fn find(c: &mut Conn<'_>, login: &str) -> Result<UserRow, AppError> {
    let login = login.trim().to_lowercase();
    crate::with_conn!(c, x => users::table
        .filter(users::login.eq(&login))
        .select(UserRow::as_select())
        .first(x)
        .optional())?
    .ok_or_else(|| AppError::NotFound(format!("пользователь «{login}»")))
}

fn audit_user(
    c: &mut Conn<'_>,
    permit: &Permit,
    id: i64,
    old: Option<String>,
    new: Option<String>,
) -> Result<(), AppError> {
    audit::append(
        c,
        permit,
        &AuditEntry {
            action: "update",
            entity: "user",
            entity_id: id,
            old_value: old,
            new_value: new,
            ..Default::default()
        },
        crate::store::now(),
    )?;
    Ok(())
}

/// Parses roles given as `teacher,deputy` (codes or Russian names).
pub fn parse_roles(text: &str) -> Result<Vec<Role>, AppError> {
    text.split([',', ' '])
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            Role::parse(s).ok_or_else(|| {
                // The Russian name and the code of each, since both are accepted.
                let known: Vec<String> = Role::ALL
                    .iter()
                    .map(|r| format!("{} ({})", r.name_ru(), r.as_code()))
                    .collect();
                AppError::Invalid(format!(
                    "«{}» — нет такой роли; роли через запятую: {}",
                    s.trim(),
                    known.join(", ")
                ))
            })
        })
        .collect()
}

/// `ezh user add`: a new user without a password (they set one with an access code).
pub fn add(db: &mut Db, actor: &Actor, user: &NewUser, roles: &[Role]) -> Result<i64, AppError> {
    let permit = access::check(actor, &Action::ManageUsers)?;
    if roles.is_empty() {
        return Err(AppError::Invalid(
            "укажите хотя бы одну роль (--roles)".into(),
        ));
    }
    let codes: Vec<&str> = roles.iter().map(|r| r.as_code()).collect();
    db.write(|c| {
        let id = setup::create_user(c, &permit, user, &codes, None)?;
        auth::log_activity(
            c,
            Some(permit.user_id()),
            &user.login,
            "user_changed",
            "создан",
        )?;
        Ok(id)
    })
}

/// Every user, for `ezh user list` (administration only).
pub fn list(db: &mut Db, actor: &Actor) -> Result<Vec<(UserInfo, bool, bool)>, AppError> {
    access::check(actor, &Action::ManageUsers)?;
    let ids: Vec<(i64, bool, Option<String>)> = crate::with_conn!(&mut db.conn(), c => users::table
        .order(users::login)
        .select((users::id, users::disabled, users::password_hash))
        .load(c))?;
    ids.into_iter()
        .map(|(id, disabled, hash)| show(db, id).map(|u| (u, disabled, hash.is_some())))
        .collect()
}

/// Disables (ending every session) or enables an account.
pub fn set_disabled(
    db: &mut Db,
    actor: &Actor,
    login: &str,
    disabled: bool,
) -> Result<(), AppError> {
    let permit = access::check(actor, &Action::ManageUsers)?;
    db.write(|c| {
        let u = find(c, login)?;
        if u.id == permit.user_id() && disabled {
            return Err(AppError::Invalid("нельзя отключить собственную учётную запись".into()));
        }
        if u.disabled == disabled {
            return Ok(()); // a write that changes nothing writes nothing
        }
        crate::with_conn!(c, x => diesel::update(users::table.find(u.id)).set(users::disabled.eq(disabled)).execute(x))?;
        if disabled {
            auth::end_sessions(c, u.id, "disabled")?;
        }
        let state = |d: bool| Some(if d { "отключена" } else { "включена" }.to_string());
        audit_user(c, &permit, u.id, state(u.disabled), state(disabled))?;
        auth::log_activity(c, Some(permit.user_id()), &u.login, "user_changed", if disabled { "отключён" } else { "включён" })
    })
}

/// Replaces a user's roles.
pub fn set_roles(db: &mut Db, actor: &Actor, login: &str, roles: &[Role]) -> Result<(), AppError> {
    let permit = access::check(actor, &Action::ManageUsers)?;
    if roles.is_empty() {
        return Err(AppError::Invalid("укажите хотя бы одну роль".into()));
    }
    db.write(|c| {
        let u = find(c, login)?;
        let old: Vec<String> = crate::with_conn!(c, x => user_roles::table.filter(user_roles::user_id.eq(u.id)).select(user_roles::role).load(x))?;
        let mut same: Vec<&str> = roles.iter().map(|r| r.as_code()).collect();
        let mut had: Vec<&str> = old.iter().map(String::as_str).collect();
        same.sort_unstable();
        same.dedup();
        had.sort_unstable();
        if same == had {
            return Ok(()); // the same roles again: nothing written, nothing audited
        }
        let rows: Vec<_> = roles.iter().map(|r| (user_roles::user_id.eq(u.id), user_roles::role.eq(r.as_code()))).collect();
        crate::with_conn!(c, x => {
            diesel::delete(user_roles::table.filter(user_roles::user_id.eq(u.id))).execute(x)?;
            diesel::insert_into(user_roles::table).values(&rows).execute(x)
        })?;
        let new: Vec<&str> = roles.iter().map(|r| r.as_code()).collect();
        audit_user(c, &permit, u.id, Some(old.join(", ")), Some(new.join(", ")))?;
        auth::log_activity(c, Some(permit.user_id()), &u.login, "user_changed", "роли")
    })
}

/// Clears the wait after failed logins.
pub fn unlock(db: &mut Db, actor: &Actor, login: &str) -> Result<(), AppError> {
    let permit = access::check(actor, &Action::ManageUsers)?;
    db.write(|c| {
        let u = find(c, login)?;
        crate::with_conn!(c, x => diesel::update(users::table.find(u.id))
            .set((users::locked_until.eq(None::<chrono::NaiveDateTime>), users::failed_logins.eq(0), users::lock_level.eq(0)))
            .execute(x))?;
        auth::log_activity(c, Some(permit.user_id()), &u.login, "unlocked", "")
    })
}

/// Resets a staff member's password: the old one stops working and a 24-hour code is issued.
pub fn reset(db: &mut Db, actor: &Actor, login: &str) -> Result<Vec<codes::CodeLine>, AppError> {
    let permit = access::check(actor, &Action::ManageUsers)?;
    db.write(|c| {
        let u = find(c, login)?;
        crate::with_conn!(c, x => diesel::update(users::table.find(u.id))
            .set(users::password_hash.eq(None::<String>))
            .execute(x))?;
        auth::end_sessions(c, u.id, "password reset")?;
        audit_user(
            c,
            &permit,
            u.id,
            Some("пароль задан".into()),
            Some("пароль сброшен".into()),
        )
    })?;
    codes::issue(
        db,
        actor,
        &codes::Recipients::Staff {
            login: Some(login.to_string()),
        },
    )
}

/// Changes one's own password, ending one's other sessions.
pub fn change_password(db: &mut Db, actor: &Actor, old: &str, new: &str) -> Result<(), AppError> {
    let u: UserRow = crate::with_conn!(&mut db.conn(), c => users::table.find(actor.user_id).select(UserRow::as_select()).first(c))?;
    if !u
        .password_hash
        .as_deref()
        .is_some_and(|h| password::verify(old, h))
    {
        return Err(AppError::Invalid("текущий пароль неверен".into()));
    }
    let holder = if actor.is_staff() {
        password::Holder::Staff
    } else {
        password::Holder::Family
    };
    password::check_policy(new, holder)?;
    let phc = password::hash(new)?;
    db.write(|c| {
        crate::with_conn!(c, x => diesel::update(users::table.find(u.id))
            .set((users::password_hash.eq(&phc), users::password_changed_at.eq(crate::store::now())))
            .execute(x))?;
        auth::end_sessions(c, u.id, "password changed")?;
        auth::log_activity(c, Some(u.id), &u.login, "password_changed", "")
    })
}

/// A token for cron with the `reporter` or the `notifier` role: printed once, stored hashed,
/// valid a year.
pub fn create_token(
    db: &mut Db,
    actor: &Actor,
    name: &str,
    role: Role,
) -> Result<String, AppError> {
    let position = match role {
        Role::Reporter => "отчёты по расписанию",
        Role::Notifier => "рассылка уведомлений по расписанию",
        _ => {
            return Err(AppError::Invalid(format!(
                "роль токена «{}»: токен бывает только reporter (отчёты) или notifier (рассылка)",
                role.as_code()
            )))
        }
    };
    let permit = access::check(actor, &Action::ManageUsers)?;
    // «ночные отчёты» → `token-nochnye-otchety`: transliterated as logins are, words joined by
    // a hyphen.
    let words: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .map(crate::domain::login::translit)
        .filter(|w| !w.is_empty())
        .collect();
    let clean = words.join("-");
    if clean.is_empty() {
        return Err(AppError::Invalid(format!(
            "имя токена «{}»: нужны буквы или цифры",
            name.trim()
        )));
    }
    let token = auth::new_token();
    let now = crate::store::now();
    db.write(|c| {
        let user = NewUser {
            login: format!("token-{clean}"),
            // The notifier signs the copies in the internal mailboxes: «Рассылка журнала», not
            // «Токен r.».
            last_name: if role == Role::Notifier {
                "Рассылка журнала"
            } else {
                "Токен"
            }
            .into(),
            first_name: if role == Role::Notifier {
                String::new()
            } else {
                clean.clone()
            },
            patronymic: String::new(),
            position: position.into(),
        };
        let id = setup::create_user(c, &permit, &user, &[role.as_code()], None)?;
        crate::with_conn!(c, x => diesel::insert_into(sessions::table)
            .values((
                sessions::user_id.eq(id),
                sessions::token_hash.eq(auth::token_hash(&token)),
                sessions::kind.eq("api"),
                sessions::name.eq(&clean),
                sessions::created_at.eq(now),
                sessions::last_seen_at.eq(now),
                sessions::expires_at.eq(now + Duration::days(365)),
            ))
            .execute(x))?;
        Ok::<_, AppError>(())
    })?;
    Ok(token)
}

/// The id of a user the actor may look up (administration; anyone for themselves).
pub fn id_of(db: &mut Db, actor: &Actor, login: &str) -> Result<i64, AppError> {
    let u = find(&mut db.conn(), login)?;
    if u.id != actor.user_id {
        access::check(actor, &Action::ManageUsers)?;
    }
    Ok(u.id)
}
