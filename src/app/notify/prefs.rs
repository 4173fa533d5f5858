//! A person's choice of the notices they receive (`ezh notify prefs`, the diary screen's tab
//! «Уведомления»). Everyone decides for themselves only: the preference belongs to the account,
//! so a guardian's choice does not silence the other guardian. The staff's letters are the
//! regulation's control of the journal and cannot be turned off by their readers.

use diesel::prelude::*;

use super::kinds::NoticeKind;
use crate::app::{Actor, AppError};
use crate::store::schema::notice_prefs;
use crate::store::Db;

/// The kinds a family member may choose, each with whether it is on for `actor`.
pub fn list(db: &mut Db, actor: &Actor) -> Result<Vec<(NoticeKind, bool)>, AppError> {
    let off: Vec<String> = db.read(|c| {
        Ok::<_, AppError>(crate::with_conn!(c, x => notice_prefs::table
            .filter(notice_prefs::user_id.eq(actor.user_id))
            .filter(notice_prefs::enabled.eq(false))
            .select(notice_prefs::kind)
            .load(x))?)
    })?;
    Ok(NoticeKind::ALL
        .into_iter()
        .filter(|k| k.for_families())
        .map(|k| (k, !off.iter().any(|o| o == k.code())))
        .collect())
}

/// Turns `kind` on or off for `actor`; returns whether anything changed.
pub fn set(db: &mut Db, actor: &Actor, kind: NoticeKind, on: bool) -> Result<bool, AppError> {
    if !kind.for_families() {
        return Err(AppError::Invalid(format!(
            "«{}» отключить нельзя: эти письма рассылаются по положению; их отключает только \
             администратор для всего техникума (ezh college set notify_kinds)",
            kind.name_ru()
        )));
    }
    db.write(|c| {
        let now: Option<bool> = crate::with_conn!(c, x => notice_prefs::table
            .find((actor.user_id, kind.code()))
            .select(notice_prefs::enabled)
            .first(x)
            .optional())?;
        if now.unwrap_or(true) == on {
            return Ok(false);
        }
        crate::with_conn!(c, x => match now {
            Some(_) => diesel::update(notice_prefs::table.find((actor.user_id, kind.code())))
                .set(notice_prefs::enabled.eq(on))
                .execute(x),
            None => diesel::insert_into(notice_prefs::table)
                .values((notice_prefs::user_id.eq(actor.user_id), notice_prefs::kind.eq(kind.code()),
                         notice_prefs::enabled.eq(on)))
                .execute(x),
        })?;
        Ok(true)
    })
}
