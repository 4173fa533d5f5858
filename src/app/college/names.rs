//! The college's names a command line completes: groups, subjects, logins and term numbers,
//! each only as far as the actor may see them. Shell completion calls this on every Tab, so each
//! list is one short read and nothing is written.

use diesel::prelude::*;

use crate::access::{self, Action, Actor, Role};
use crate::app::AppError;
use crate::store::schema::{subjects, user_roles, users};
use crate::store::Db;

/// What a completed value names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Names {
    /// Study groups the actor may see.
    Groups,
    /// Subjects of the curriculum.
    Subjects,
    /// Logins: every account for the administrator, staff accounts for other staff.
    Logins,
    /// Logins of teachers (for staff only).
    Teachers,
    /// Term numbers of the current academic year.
    Terms,
}

/// The names of `kind` the actor may see, sorted; families see no logins.
pub fn list(db: &mut Db, actor: &Actor, kind: Names) -> Result<Vec<String>, AppError> {
    match kind {
        Names::Groups => Ok(crate::app::contingent::groups::list(db, actor)?
            .into_iter()
            .map(|g| g.name)
            .collect()),
        Names::Subjects => Ok(crate::with_conn!(&mut db.conn(), c => subjects::table
            .order(subjects::name)
            .select(subjects::name)
            .load(c))?),
        Names::Logins => logins(db, actor),
        Names::Teachers if actor.is_staff() => with_roles(db, &[Role::Teacher.as_code()]),
        Names::Teachers => Ok(Vec::new()),
        Names::Terms => Ok(super::calendar::show(db, None)?
            .map(|y| y.terms.iter().map(|t| t.number.to_string()).collect())
            .unwrap_or_default()),
    }
}

fn logins(db: &mut Db, actor: &Actor) -> Result<Vec<String>, AppError> {
    if access::check(actor, &Action::ManageUsers).is_ok() {
        return Ok(crate::with_conn!(&mut db.conn(), c => users::table
            .order(users::login)
            .select(users::login)
            .load(c))?);
    }
    if !actor.is_staff() {
        return Ok(Vec::new());
    }
    // Staff address and name each other (mail, reports by teacher); families stay unlisted.
    let staff: Vec<&str> = Role::ALL
        .into_iter()
        .filter(|r| r.is_staff())
        .map(Role::as_code)
        .collect();
    with_roles(db, &staff)
}

/// Enabled accounts holding any of `roles`.
fn with_roles(db: &mut Db, roles: &[&str]) -> Result<Vec<String>, AppError> {
    Ok(crate::with_conn!(&mut db.conn(), c => users::table
        .inner_join(user_roles::table)
        .filter(user_roles::role.eq_any(roles))
        .filter(users::disabled.eq(false))
        .order(users::login)
        .select(users::login)
        .distinct()
        .load(c))?)
}
