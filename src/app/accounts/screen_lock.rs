//! Unlocking a journal screen after the idle lock (security.md: shared terminals): only the
//! person whose session it is may go on, by their password; failures count towards the same
//! login lockout as the login screen, so the lock screen cannot be used to guess a password.

use diesel::prelude::*;

use crate::app::{accounts::auth, accounts::password, AppError};
use crate::store::rows::UserRow;
use crate::store::schema::users;
use crate::store::Db;

/// Checks `pw` against the password of `user_id`; a wrong one is counted and refused.
pub fn unlock(db: &mut Db, user_id: i64, pw: &str) -> Result<(), AppError> {
    let user: Option<UserRow> = crate::with_conn!(&mut db.conn(), c => users::table
        .find(user_id)
        .select(UserRow::as_select())
        .first(c)
        .optional())?;
    let user = user.ok_or_else(|| AppError::NotFound(format!("пользователь № {user_id}")))?;
    let now = crate::store::now();
    if user.locked_until.is_some_and(|u| u > now) {
        return Err(AppError::Invalid(
            "слишком много неудачных попыток; завершите сеанс (F10) и обратитесь к администратору"
                .into(),
        ));
    }
    let ok = !user.disabled
        && user
            .password_hash
            .as_deref()
            .is_some_and(|h| password::verify(pw, h));
    if ok {
        db.write(|c| {
            auth::log_activity(c, Some(user.id), &user.login, "unlocked", "экран журнала")
        })?;
        Ok(())
    } else {
        db.write(|c| auth::record_failure(c, &user, now))?;
        Err(AppError::Invalid(auth::BAD_LOGIN.into()))
    }
}
