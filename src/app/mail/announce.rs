//! Announcements (3.3): the administration posts for the college, a tutor for their own group.
//! Students and guardians see them in the diary until they expire.

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::access::{self, Action};
use crate::app::{lookup, Actor, AppError};
use crate::store::schema::announcements;
use crate::store::Db;

/// Publishes an announcement for group `group` (a name; `None`: the whole college) until
/// `until` (inclusive; `None`: no end); returns its number.
pub fn publish(
    db: &mut Db,
    author: &Actor,
    group: Option<&str>,
    title: &str,
    body: &str,
    until: Option<NaiveDate>,
) -> Result<i64, AppError> {
    let title = title.trim();
    if title.is_empty() {
        return Err(AppError::Invalid(
            "объявление: заголовок не заполнен".into(),
        ));
    }
    if title.chars().count() > 200 || body.chars().count() > 5_000 {
        return Err(AppError::Invalid(
            "объявление: заголовок длиннее 200 или текст длиннее 5000 символов".into(),
        ));
    }
    let now = crate::store::now();
    if until.is_some_and(|d| d < now.date()) {
        return Err(AppError::Invalid(
            "объявление: срок показа уже прошёл (--until)".into(),
        ));
    }
    db.write(|c| {
        let group_id = group.map(|g| lookup::group_id(c, g)).transpose()?;
        access::check(author, &Action::Announce { group_id })?;
        Ok(
            crate::with_conn!(c, x => diesel::insert_into(announcements::table)
            .values((
                announcements::author_id.eq(author.user_id),
                announcements::group_id.eq(group_id),
                announcements::title.eq(title),
                announcements::body.eq(body.trim()),
                announcements::published_at.eq(now),
                announcements::expires_on.eq(until),
            ))
            .returning(announcements::id)
            .get_result(x))?,
        )
    })
}
