//! Reading users for display: name, login, roles.

use diesel::prelude::*;

use super::AppError;
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
