//! Access codes (3.1, 4.9, 5.7): one-time codes with which a person sets their own password.
//! Twelve characters from an alphabet without look-alikes (no 0/O, 1/I/L), about 59 bits from
//! the OS's CSPRNG, stored only as argon2id hashes, entered together with the login and
//! counted against the same wait as wrong passwords. A new code revokes the previous one.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use rand::Rng;

use super::auth::log_activity;
use crate::access::{self, Action};
use crate::app::{accounts::auth, accounts::password, lookup, Actor, AppError};
use crate::store::rows::{AccessCodeRow, UserRow};
use crate::store::schema::{
    access_codes, guardians, student_guardians, students, user_roles, users,
};
use crate::store::Db;

const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// A fresh code, grouped for reading aloud: `K7MX-P2QA-9TRD`.
pub fn new_code() -> String {
    let mut rng = rand::rngs::OsRng;
    let raw: String = (0..12)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect();
    format!("{}-{}-{}", &raw[0..4], &raw[4..8], &raw[8..12])
}

/// Upper-cases and drops spaces and dashes, so a code typed as read works.
fn normalize(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Whose codes to issue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recipients {
    /// Students and/or guardians of a group, by the group's name.
    Group {
        group: String,
        students: bool,
        guardians: bool,
    },
    /// Staff: one user by login, or every staff member who has not set a password.
    Staff { login: Option<String> },
}

/// One line of the access-code sheet.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CodeLine {
    pub name: String,
    pub group: String,
    pub login: String,
    pub code: String,
    pub expires_at: NaiveDateTime,
}

/// Issues codes and returns the sheet; the codes exist in clear only in the returned lines.
pub fn issue(db: &mut Db, actor: &Actor, who: &Recipients) -> Result<Vec<CodeLine>, AppError> {
    let (targets, permit_action, group_name) = match who {
        Recipients::Group {
            group,
            students: s,
            guardians: g,
        } => {
            let gid = lookup::group_id(&mut db.conn(), group)?;
            let (s, g) = if !s && !g { (true, true) } else { (*s, *g) };
            let mut ids: Vec<i64> = Vec::new();
            crate::with_conn!(&mut db.conn(), c => {
                let members: Vec<(i64, Option<i64>)> = students::table
                    .inner_join(crate::store::schema::group_memberships::table)
                    .filter(crate::store::schema::group_memberships::group_id.eq(gid))
                    .filter(crate::store::schema::group_memberships::to_date.is_null())
                    .select((students::id, students::user_id))
                    .load(c)?;
                if s {
                    ids.extend(members.iter().filter_map(|m| m.1));
                }
                if g {
                    let sids: Vec<i64> = members.iter().map(|m| m.0).collect();
                    let gu: Vec<Option<i64>> = student_guardians::table
                        .inner_join(guardians::table)
                        .filter(student_guardians::student_id.eq_any(&sids))
                        .select(guardians::user_id)
                        .load(c)?;
                    ids.extend(gu.into_iter().flatten());
                }
                Ok::<_, diesel::result::Error>(())
            })?;
            ids.sort_unstable();
            ids.dedup();
            (
                ids,
                Action::IssueFamilyCodes { group_id: gid },
                group.clone(),
            )
        }
        Recipients::Staff { login } => {
            let ids: Vec<i64> = crate::with_conn!(&mut db.conn(), c => {
                let q = users::table
                    .inner_join(user_roles::table)
                    .filter(user_roles::role.ne_all(["student", "guardian", "reporter"]))
                    .select(users::id)
                    .distinct()
                    .into_boxed();
                match login {
                    Some(l) => q.filter(users::login.eq(l.trim().to_lowercase())).load(c),
                    None => q.filter(users::password_hash.is_null()).load(c),
                }
            })?;
            if ids.is_empty() {
                if let Some(l) = login {
                    return Err(AppError::NotFound(format!("сотрудник с логином «{l}»")));
                }
            }
            (ids, Action::IssueStaffCodes, String::new())
        }
    };
    let permit = access::check(actor, &permit_action)?;
    let s = db.read(auth::settings)?;
    let valid = match who {
        Recipients::Group { .. } => Duration::days(i64::from(s.family_code_days)),
        Recipients::Staff { .. } => Duration::hours(i64::from(s.staff_code_hours)),
    };
    let people: Vec<UserRow> = crate::with_conn!(&mut db.conn(), c => users::table
        .filter(users::id.eq_any(&targets))
        .order((users::last_name, users::first_name))
        .select(UserRow::as_select())
        .load(c))?;
    // Hash before the write transaction: argon2 takes tens of milliseconds a code, and the
    // journal's write lock should not wait for it.
    let mut prepared = Vec::with_capacity(people.len());
    for u in &people {
        let code = new_code();
        prepared.push((u, password::hash(&normalize(&code))?, code));
    }
    let now = crate::store::now();
    let expires_at = now + valid;
    db.write(|c| {
        for (u, hash, _) in &prepared {
            crate::with_conn!(c, x => {
                diesel::update(access_codes::table
                    .filter(access_codes::user_id.eq(u.id))
                    .filter(access_codes::used_at.is_null())
                    .filter(access_codes::revoked_at.is_null()))
                    .set(access_codes::revoked_at.eq(now))
                    .execute(x)?;
                diesel::insert_into(access_codes::table)
                    .values((
                        access_codes::user_id.eq(u.id),
                        access_codes::code_hash.eq(hash),
                        access_codes::created_by.eq(permit.user_id()),
                        access_codes::created_at.eq(now),
                        access_codes::expires_at.eq(expires_at),
                    ))
                    .execute(x)
            })?;
            log_activity(c, Some(permit.user_id()), &u.login, "code_issued", "")?;
        }
        Ok::<_, AppError>(())
    })?;
    Ok(prepared
        .into_iter()
        .map(|(u, _, code)| CodeLine {
            name: format!("{} {} {}", u.last_name, u.first_name, u.patronymic)
                .trim()
                .to_string(),
            group: group_name.clone(),
            login: u.login.clone(),
            code,
            expires_at,
        })
        .collect())
}

/// Sets a password with a one-time code. A used, revoked or expired code is refused with the
/// same answer as a wrong one, and counts as a failed login.
pub fn activate(db: &mut Db, login: &str, code: &str, new_password: &str) -> Result<(), AppError> {
    let login = login.trim().to_lowercase();
    let now = crate::store::now();
    let user: Option<UserRow> = crate::with_conn!(&mut db.conn(), c => users::table
        .filter(users::login.eq(&login))
        .select(UserRow::as_select())
        .first(c)
        .optional())?;
    let bad = || {
        AppError::Invalid(
            "неверный логин или код доступа (коды одноразовые и действуют ограниченное время)"
                .into(),
        )
    };
    let Some(user) = user else {
        return Err(bad());
    };
    if user.locked_until.is_some_and(|u| u > now) {
        return Err(AppError::Invalid(
            "слишком много неудачных попыток; повторите позже".into(),
        ));
    }
    let live: Vec<AccessCodeRow> = crate::with_conn!(&mut db.conn(), c => access_codes::table
        .filter(access_codes::user_id.eq(user.id))
        .filter(access_codes::used_at.is_null())
        .filter(access_codes::revoked_at.is_null())
        .filter(access_codes::expires_at.gt(now))
        .select(AccessCodeRow::as_select())
        .load(c))?;
    let typed = normalize(code);
    let Some(found) = live.iter().find(|r| password::verify(&typed, &r.code_hash)) else {
        db.write(|c| auth::record_failure(c, &user, now))?;
        return Err(bad());
    };
    let family = crate::with_conn!(&mut db.conn(), c => user_roles::table
        .filter(user_roles::user_id.eq(user.id))
        .filter(user_roles::role.eq_any(["student", "guardian"]))
        .count()
        .get_result::<i64>(c))?
        > 0;
    let holder = if family {
        password::Holder::Family
    } else {
        password::Holder::Staff
    };
    password::check_policy(new_password, holder)?;
    let phc = password::hash(new_password)?;
    db.write(|c| {
        crate::with_conn!(c, x => {
            diesel::update(access_codes::table.find(found.id)).set(access_codes::used_at.eq(now)).execute(x)?;
            diesel::update(users::table.find(user.id))
                .set((users::password_hash.eq(&phc), users::password_changed_at.eq(now), users::failed_logins.eq(0)))
                .execute(x)
        })?;
        auth::end_sessions(c, user.id, "activation")?;
        log_activity(c, Some(user.id), &login, "activated", "")
    })
}
