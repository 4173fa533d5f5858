//! Access codes (3.1, 4.9, 5.7): one-time codes with which a person sets their own password.
//! Twelve characters from an alphabet without look-alikes (no 0/O, 1/I/L), about 59 bits from
//! the OS's CSPRNG, stored only as argon2id hashes, entered together with the login and
//! counted against the same wait as wrong passwords. A new code revokes the previous one.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use rand::Rng;

use super::auth::log_activity;
use super::family_accounts::{self, Holder, Person};
use crate::access::{self, Action};
use crate::app::{accounts::auth, accounts::password, lookup, Actor, AppError};
use crate::store::rows::{AccessCodeRow, UserRow};
use crate::store::schema::{access_codes, user_roles, users};
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
    /// Who the person is: «обучающийся», «родитель: Андреева Е. Р.», or empty for staff, so
    /// that the tutor hands each code to the right hand.
    pub who: String,
    pub group: String,
    pub login: String,
    pub code: String,
    pub expires_at: NaiveDateTime,
}

/// What an issue did: the sheet, the accounts it created, and whom it passed over because
/// they have already activated their accounts.
#[derive(Debug, Clone, Default)]
pub struct Issued {
    pub lines: Vec<CodeLine>,
    pub accounts_created: usize,
    pub already_active: usize,
}

/// Issues codes and returns the sheet; the codes exist in clear only in the returned lines.
pub fn issue(db: &mut Db, actor: &Actor, who: &Recipients) -> Result<Vec<CodeLine>, AppError> {
    Ok(issue_counted(db, actor, who)?.lines)
}

/// [`issue`] with the counts: for a group, the students and guardians without an account get
/// one, and those who have activated theirs get no new code.
pub fn issue_counted(db: &mut Db, actor: &Actor, who: &Recipients) -> Result<Issued, AppError> {
    let (mut holders, permit_action, group_name) = match who {
        Recipients::Group {
            group,
            students: s,
            guardians: g,
        } => {
            let gid = lookup::group_id(&mut db.conn(), group)?;
            access::check(actor, &Action::IssueFamilyCodes { group_id: gid })?;
            let (s, g) = if !s && !g { (true, true) } else { (*s, *g) };
            let holders = db.read(|c| family_accounts::holders(c, gid, s, g))?;
            (
                holders,
                Action::IssueFamilyCodes { group_id: gid },
                group.clone(),
            )
        }
        Recipients::Staff { login } => (
            staff(db, login.as_deref())?,
            Action::IssueStaffCodes,
            String::new(),
        ),
    };
    let permit = access::check(actor, &permit_action)?;
    let already_active = holders.iter().filter(|h| h.activated).count();
    // A staff member named by login gets a new code even with a password (a reset).
    if matches!(who, Recipients::Group { .. }) {
        holders.retain(|h| !h.activated);
    }
    let s = db.read(auth::settings)?;
    let valid = match who {
        Recipients::Group { .. } => Duration::days(i64::from(s.family_code_days)),
        Recipients::Staff { .. } => Duration::hours(i64::from(s.staff_code_hours)),
    };
    // Hash before the write transaction, on two threads: argon2 takes tens of milliseconds a
    // code, and the journal's write lock should not wait for it.
    let codes: Vec<String> = holders.iter().map(|_| new_code()).collect();
    let plain: Vec<String> = codes.iter().map(|c| normalize(c)).collect();
    let hashes = password::hash_all(&plain)?;
    let now = crate::store::now();
    let expires_at = now + valid;
    let accounts_created = db.write(|c| {
        let made = family_accounts::create_missing(c, &permit, &mut holders)?;
        for (h, hash) in holders.iter().zip(&hashes) {
            let Some(uid) = h.user_id else { continue };
            crate::with_conn!(c, x => {
                diesel::update(access_codes::table
                    .filter(access_codes::user_id.eq(uid))
                    .filter(access_codes::used_at.is_null())
                    .filter(access_codes::revoked_at.is_null()))
                    .set(access_codes::revoked_at.eq(now))
                    .execute(x)?;
                diesel::insert_into(access_codes::table)
                    .values((
                        access_codes::user_id.eq(uid),
                        access_codes::code_hash.eq(hash),
                        access_codes::created_by.eq(permit.user_id()),
                        access_codes::created_at.eq(now),
                        access_codes::expires_at.eq(expires_at),
                    ))
                    .execute(x)
            })?;
            log_activity(c, Some(permit.user_id()), &h.login, "code_issued", "")?;
        }
        Ok::<_, AppError>(made)
    })?;
    let lines = holders
        .iter()
        .zip(codes)
        .map(|(h, code)| CodeLine {
            name: crate::domain::person::full_name(&h.last_name, &h.first_name, &h.patronymic),
            who: h.who.clone(),
            group: group_name.clone(),
            login: h.login.clone(),
            code,
            expires_at,
        })
        .collect();
    Ok(Issued {
        lines,
        accounts_created,
        already_active,
    })
}

/// Staff to issue codes to: one by login, or everyone on the staff without a password.
fn staff(db: &mut Db, login: Option<&str>) -> Result<Vec<Holder>, AppError> {
    let rows: Vec<UserRow> = crate::with_conn!(&mut db.conn(), c => {
        // One login named by the administrator (a reset) may be anyone's; without a login,
        // the staff who have not set a password.
        match login {
            Some(l) => users::table
                .filter(users::login.eq(l.trim().to_lowercase()))
                .select(UserRow::as_select())
                .load(c),
            None => users::table
                .inner_join(user_roles::table)
                .filter(user_roles::role.ne_all(["student", "guardian", "reporter"]))
                .filter(users::password_hash.is_null())
                .filter(users::disabled.eq(false))
                .select(UserRow::as_select())
                .distinct()
                .order((users::last_name, users::first_name))
                .load(c),
        }
    })?;
    if rows.is_empty() {
        if let Some(l) = login {
            return Err(AppError::NotFound(format!("пользователь с логином «{l}»")));
        }
    }
    Ok(rows
        .into_iter()
        .map(|u| Holder {
            person: Person::Staff,
            user_id: Some(u.id),
            activated: false,
            login: u.login,
            last_name: u.last_name,
            first_name: u.first_name,
            patronymic: u.patronymic,
            who: String::new(),
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
            "неверный логин или код доступа (коды одноразовые и действуют ограниченное время; после нескольких неудачных попыток ввод на время блокируется)"
                .into(),
        )
    };
    // Every failure — unknown login, locked account, wrong or spent code — gets the same
    // answer after the same work (one argon2id verification).
    let Some(user) = user else {
        let _ = password::verify(&normalize(code), auth::DUMMY_PHC);
        return Err(bad());
    };
    if user.locked_until.is_some_and(|u| u > now) {
        let _ = password::verify(&normalize(code), auth::DUMMY_PHC);
        return Err(bad());
    }
    let live: Vec<AccessCodeRow> = crate::with_conn!(&mut db.conn(), c => access_codes::table
        .filter(access_codes::user_id.eq(user.id))
        .filter(access_codes::used_at.is_null())
        .filter(access_codes::revoked_at.is_null())
        .filter(access_codes::expires_at.gt(now))
        .select(AccessCodeRow::as_select())
        .load(c))?;
    let typed = normalize(code);
    if live.is_empty() {
        let _ = password::verify(&typed, auth::DUMMY_PHC);
    }
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
