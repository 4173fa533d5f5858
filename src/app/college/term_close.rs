//! Closing a term (6.5, 10.1): `ezh term close N` by the deputy or the director freezes the
//! term's marks, absences, topics and final grades; from then on only the deputy changes them,
//! and only with a reason that goes into the audit record. `ezh term reopen N --reason …`
//! opens it again. Both acts are audited. The guard [`closed_term_permit`] is what every
//! journal write of a closed term passes through, below every screen and command.

use diesel::prelude::*;

use crate::access::{self, Action, Actor, Permit};
use crate::app::AppError;
use crate::store::audit::{self, AuditEntry};
use crate::store::schema::terms;
use crate::store::{Conn, Db};

/// The most a reason may say, as the other free-text fields of the journal.
pub const REASON_MAX: usize = 500;

/// Which term: its number in a year named `year`, or in the current year.
#[derive(Debug, Clone)]
pub struct TermRef {
    pub number: i32,
    pub year: Option<String>,
}

fn find(c: &mut Conn<'_>, t: &TermRef) -> Result<(i64, String, bool), AppError> {
    let year_id = match &t.year {
        Some(name) => super::calendar::year_id(c, name)?,
        None => {
            super::calendar::current_year_id(c, crate::store::now().date())?.ok_or_else(|| {
                AppError::NotFound(
                    "текущий учебный год (укажите --year или создайте год: ezh year create)".into(),
                )
            })?
        }
    };
    crate::with_conn!(c, x => terms::table
        .filter(terms::academic_year_id.eq(year_id))
        .filter(terms::number.eq(t.number))
        .select((terms::id, terms::name, terms::closed_at.is_not_null()))
        .first::<(i64, String, bool)>(x)
        .optional())?
    .ok_or_else(|| AppError::NotFound(format!("семестр {} в этом учебном году", t.number)))
}

/// A checked reason: trimmed, not empty, not longer than [`REASON_MAX`].
pub fn reason_text(reason: Option<&str>) -> Option<&str> {
    reason
        .map(str::trim)
        .filter(|r| !r.is_empty() && r.chars().count() <= REASON_MAX)
}

/// Closes (`close`) or reopens a term; returns its name. Reopening needs a reason.
pub fn set_closed(
    db: &mut Db,
    actor: &Actor,
    t: &TermRef,
    close: bool,
    reason: Option<&str>,
) -> Result<String, AppError> {
    access::check(actor, &Action::CloseTerm)?;
    if !close && reason_text(reason).is_none() {
        return Err(AppError::Invalid(format!(
            "«--reason»: семестр открывается вновь только с причиной (до {REASON_MAX} знаков)"
        )));
    }
    db.write(|c| {
        let permit = access::check(actor, &Action::CloseTerm)?;
        let (id, name, closed) = find(c, t)?;
        if closed == close {
            return Err(AppError::Invalid(format!(
                "{name} уже {}",
                if close {
                    "закрыт"
                } else {
                    "открыт"
                }
            )));
        }
        let now = crate::store::now();
        crate::with_conn!(c, x => diesel::update(terms::table.find(id))
            .set(terms::closed_at.eq(close.then_some(now)))
            .execute(x))?;
        let (old, new) = if close {
            ("открыт", "закрыт")
        } else {
            ("закрыт", "открыт")
        };
        audit::append(
            c,
            &permit,
            &AuditEntry {
                action: "update",
                entity: "term",
                entity_id: id,
                old_value: Some(format!("{name}: {old}")),
                new_value: Some(format!("{name}: {new}")),
                reason: reason_text(reason).map(str::to_string),
                ..Default::default()
            },
            now,
        )?;
        Ok(name)
    })
}

/// Whether the term of `term_id` is closed.
pub fn is_closed(c: &mut Conn<'_>, term_id: i64) -> Result<bool, AppError> {
    Ok(crate::with_conn!(c, x => terms::table
        .find(term_id)
        .select(terms::closed_at.is_not_null())
        .first::<bool>(x)
        .optional())?
    .unwrap_or(false))
}

/// The permit for a change in a closed term: the deputy's, with a reason; anyone else, or the
/// deputy without a reason, is refused and nothing changes.
pub fn closed_term_permit(actor: &Actor, reason: Option<&str>) -> Result<Permit, AppError> {
    let permit = access::check(actor, &Action::ChangeClosedTerm)?;
    if reason_text(reason).is_none() {
        return Err(AppError::Invalid(format!(
            "семестр закрыт: изменение вносится только с причиной (до {REASON_MAX} знаков)"
        )));
    }
    Ok(permit)
}
