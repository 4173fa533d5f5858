//! Logging in and out: password check with the same answer and the same work for an unknown
//! login and a wrong password, the wait after repeated failures (1 minute, doubling, at most
//! 60), sessions whose tokens are stored only as SHA-256 hashes and expire after the college's
//! hours of inactivity, and the activity log of every attempt.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::app::{accounts::password, AppError};
use crate::store::rows::{CollegeRow, SessionRow, UserRow};
use crate::store::schema::{activity_log, college, sessions, users};
use crate::store::{Conn, Db};

/// The one answer to a failed login, whatever failed.
/// The one answer to every failed login — a wrong password, an unknown login, a locked or a
/// disabled account — so that the answer tells an attacker nothing about which logins exist.
pub const BAD_LOGIN: &str = "неверный логин или пароль (или вход временно заблокирован)";

/// A session just opened: the token is shown to the client once and never stored in clear.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub token: String,
    pub user_id: i64,
    pub expires_at: NaiveDateTime,
    /// The previous login, shown at login so a person notices someone else's.
    pub previous_login: Option<NaiveDateTime>,
}

/// A fresh random token of 256 bits, hex-encoded.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// SHA-256 of a token or code, hex: what the database keeps.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.trim().as_bytes()))
}

/// A valid hash, with the journal's parameters, of nothing anybody types: verified for unknown
/// logins, locked accounts and accounts without a password, so that they take as long as a
/// wrong password. A constant, so no process pays for computing it on its first failure.
pub(crate) const DUMMY_PHC: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$t+CLYuyXInu88IFbPgEeNw$4lTBdf7JfVjRAFXHjr8hSwtGoEMH9HsRdDoKWESdIYs";

fn dummy_hash() -> String {
    DUMMY_PHC.to_string()
}

/// The college's settings row.
pub fn settings(c: &mut Conn<'_>) -> Result<CollegeRow, AppError> {
    Ok(crate::with_conn!(c, x => college::table.select(CollegeRow::as_select()).first(x))?)
}

/// Records an event in the activity log.
pub fn log_activity(
    c: &mut Conn<'_>,
    user_id: Option<i64>,
    login: &str,
    event: &str,
    details: &str,
) -> Result<(), AppError> {
    crate::with_conn!(c, x => diesel::insert_into(activity_log::table)
        .values((
            activity_log::at.eq(crate::store::now()),
            activity_log::user_id.eq(user_id),
            activity_log::login.eq(login),
            activity_log::event.eq(event),
            activity_log::details.eq(details),
        ))
        .execute(x))?;
    Ok(())
}

/// Checks a login and password; on success opens a session of `kind` (`login`).
pub fn login(db: &mut Db, login: &str, pw: &str) -> Result<NewSession, AppError> {
    let login = login.trim().to_lowercase();
    let user: Option<UserRow> = crate::with_conn!(&mut db.conn(), c => users::table
        .filter(users::login.eq(&login))
        .select(UserRow::as_select())
        .first(c)
        .optional())?;
    let now = crate::store::now();
    let Some(user) = user else {
        let _ = password::verify(pw, &dummy_hash());
        db.write(|c| log_activity(c, None, &login, "login_failed", "неизвестный логин"))?;
        return Err(AppError::Invalid(BAD_LOGIN.into()));
    };
    if user.locked_until.is_some_and(|u| u > now) {
        let _ = password::verify(pw, &dummy_hash());
        db.write(|c| {
            log_activity(
                c,
                Some(user.id),
                &login,
                "login_failed",
                "вход заблокирован",
            )
        })?;
        return Err(AppError::Invalid(BAD_LOGIN.into()));
    }
    let ok = match &user.password_hash {
        Some(h) => password::verify(pw, h),
        None => {
            let _ = password::verify(pw, &dummy_hash());
            false
        }
    };
    if !ok || user.disabled {
        db.write(|c| record_failure(c, &user, now))?;
        return Err(AppError::Invalid(BAD_LOGIN.into()));
    }
    // Rehash a password stored with older or weaker parameters while we hold it in clear.
    let current = format!(
        "$argon2id$v=19$m={},t={},p={}$",
        password::M_COST_KIB,
        password::T_COST,
        password::P_COST
    );
    if !user
        .password_hash
        .as_deref()
        .is_some_and(|h| h.starts_with(&current))
    {
        let phc = password::hash(pw)?;
        db.write(|c| {
            crate::with_conn!(c, x => diesel::update(users::table.find(user.id))
                .set(users::password_hash.eq(&phc))
                .execute(x))
        })?;
    }
    let s = db.read(settings)?;
    let token = new_token();
    let expires_at = now + Duration::hours(i64::from(s.session_hours));
    db.write(|c| {
        crate::with_conn!(c, x => {
            diesel::update(users::table.find(user.id))
                .set((users::failed_logins.eq(0), users::lock_level.eq(0), users::locked_until.eq(None::<NaiveDateTime>), users::last_login_at.eq(now)))
                .execute(x)?;
            diesel::insert_into(sessions::table)
                .values((
                    sessions::user_id.eq(user.id),
                    sessions::token_hash.eq(token_hash(&token)),
                    sessions::kind.eq("login"),
                    sessions::created_at.eq(now),
                    sessions::last_seen_at.eq(now),
                    sessions::expires_at.eq(expires_at),
                ))
                .execute(x)
        })?;
        log_activity(c, Some(user.id), &login, "login", "")
    })?;
    Ok(NewSession {
        token,
        user_id: user.id,
        expires_at,
        previous_login: user.last_login_at,
    })
}

/// Counts a failure; the 5th in a row (a setting) starts a wait that doubles each time.
pub(crate) fn record_failure(
    c: &mut Conn<'_>,
    user: &UserRow,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let s = settings(c)?;
    let failures = user.failed_logins + 1;
    if failures >= s.login_lock_after {
        let minutes = (i64::from(s.login_lock_first_minutes) << user.lock_level.min(10))
            .min(i64::from(s.login_lock_max_minutes));
        let until = now + Duration::minutes(minutes);
        crate::with_conn!(c, x => diesel::update(users::table.find(user.id))
            .set((users::failed_logins.eq(0), users::lock_level.eq(user.lock_level + 1), users::locked_until.eq(until)))
            .execute(x))?;
        log_activity(
            c,
            Some(user.id),
            &user.login,
            "login_failed",
            "неверный пароль",
        )?;
        log_activity(
            c,
            Some(user.id),
            &user.login,
            "locked",
            &format!("на {minutes} мин"),
        )
    } else {
        crate::with_conn!(c, x => diesel::update(users::table.find(user.id))
            .set(users::failed_logins.eq(failures))
            .execute(x))?;
        log_activity(
            c,
            Some(user.id),
            &user.login,
            "login_failed",
            "неверный пароль",
        )
    }
}

/// The user of a live session, sliding its expiry forward; ended or expired sessions and
/// disabled users are refused.
pub fn resume(db: &mut Db, token: &str) -> Result<SessionRow, AppError> {
    let now = crate::store::now();
    let hash = token_hash(token);
    let row: Option<(SessionRow, bool)> = crate::with_conn!(&mut db.conn(), c => sessions::table
        .inner_join(users::table)
        .filter(sessions::token_hash.eq(&hash))
        .select((SessionRow::as_select(), users::disabled))
        .first(c)
        .optional())?;
    let expired =
        || AppError::Invalid("сеанс завершён или истёк: войдите снова (ezh login)".into());
    let Some((session, disabled)) = row else {
        return Err(expired());
    };
    if disabled || session.ended_at.is_some() || session.expires_at <= now {
        return Err(expired());
    }
    // Activity is written at most once a minute: a command run every second by a script must
    // not turn each read into a write.
    if session.kind == "login" && now - session.last_seen_at >= Duration::minutes(1) {
        let hours = db.read(settings)?.session_hours;
        let expires = now + Duration::hours(i64::from(hours));
        db.write(|c| {
            crate::with_conn!(c, x => diesel::update(sessions::table.find(session.id))
                .set((sessions::last_seen_at.eq(now), sessions::expires_at.eq(expires)))
                .execute(x))
        })?;
    }
    Ok(session)
}

/// Records activity of the open session with `token` now (the screen calls it at most once a
/// minute).
pub fn touch(db: &mut Db, token: &str) -> Result<(), AppError> {
    let hash = token_hash(token);
    let now = crate::store::now();
    db.write(|c| {
        crate::with_conn!(c, x => diesel::update(sessions::table
            .filter(sessions::token_hash.eq(&hash))
            .filter(sessions::ended_at.is_null()))
            .set(sessions::last_seen_at.eq(now))
            .execute(x))
    })?;
    Ok(())
}

/// Ends a session.
pub fn logout(db: &mut Db, token: &str) -> Result<(), AppError> {
    let hash = token_hash(token);
    db.write(|c| {
        let n = crate::with_conn!(c, x => diesel::update(sessions::table
            .filter(sessions::token_hash.eq(&hash))
            .filter(sessions::ended_at.is_null()))
            .set((sessions::ended_at.eq(crate::store::now()), sessions::ended_reason.eq("logout")))
            .execute(x))?;
        if n > 0 {
            log_activity(c, None, "", "logout", "")?;
        }
        Ok(())
    })
}

/// Ends every session of a user (disabling, password change).
pub fn end_sessions(c: &mut Conn<'_>, user_id: i64, reason: &str) -> Result<(), AppError> {
    crate::with_conn!(c, x => diesel::update(sessions::table
        .filter(sessions::user_id.eq(user_id))
        .filter(sessions::ended_at.is_null()))
        .set((sessions::ended_at.eq(crate::store::now()), sessions::ended_reason.eq(reason)))
        .execute(x))?;
    Ok(())
}
