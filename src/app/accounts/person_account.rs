//! One account for one person of the lists: `ezh user add LOGIN --roles student --student
//! НОМЕР|ФИО` or `--roles guardian --guardian ФИО`. The name comes from the person's record;
//! the account is linked to it, so the diary shows that student (or that guardian's
//! children). The administrator does this; the tutor issues codes to a whole group instead.

use diesel::prelude::*;

use super::auth;
use crate::access::{self, Action, Actor, Role};
use crate::app::college::setup::{self, NewUser};
use crate::app::{lookup, AppError};
use crate::domain::person::full_name;
use crate::store::schema::{guardians, students};
use crate::store::{Conn, Db};

/// Whose account: a student by record-book number, id or full name; a guardian by full name.
#[derive(Debug, Clone)]
pub enum PersonRef {
    Student(String),
    Guardian(String),
}

fn guardian(c: &mut Conn<'_>, text: &str) -> Result<(i64, [String; 3], Option<i64>), AppError> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let last = words.first().copied().unwrap_or_default();
    let rows: Vec<(i64, String, String, String, Option<i64>)> = crate::with_conn!(c, x => guardians::table
        .filter(guardians::last_name.eq(last))
        .order(guardians::id)
        .select((guardians::id, guardians::last_name, guardians::first_name, guardians::patronymic, guardians::user_id))
        .load(x))?;
    let hits: Vec<_> = rows
        .into_iter()
        .filter(|g| {
            words.get(1).is_none_or(|w| g.2 == *w) && words.get(2).is_none_or(|w| g.3 == *w)
        })
        .collect();
    match hits.as_slice() {
        [(id, l, f, p, u)] => Ok((*id, [l.clone(), f.clone(), p.clone()], *u)),
        [] => Err(AppError::NotFound(format!("родитель «{}»", text.trim()))),
        many => {
            let names: Vec<String> = many
                .iter()
                .map(|g| format!("{} (№ {})", full_name(&g.1, &g.2, &g.3), g.0))
                .collect();
            Err(AppError::Invalid(format!(
                "родителей с именем «{}» несколько: {}; укажите полное ФИО",
                text.trim(),
                names.join(", ")
            )))
        }
    }
}

/// Creates the account of a student or guardian and links it; returns the new user's id.
pub fn add_for_person(
    db: &mut Db,
    actor: &Actor,
    login: &str,
    person: &PersonRef,
) -> Result<i64, AppError> {
    access::check(actor, &Action::ManageUsers)?;
    db.write(|c| {
        let permit = access::check(actor, &Action::ManageUsers)?;
        let (pid, names, linked, role) = match person {
            PersonRef::Student(r) => {
                let s = lookup::student(c, r)?;
                (
                    s.id,
                    [s.last_name, s.first_name, s.patronymic],
                    s.user_id,
                    Role::Student,
                )
            }
            PersonRef::Guardian(r) => {
                let (gid, names, u) = guardian(c, r)?;
                (gid, names, u, Role::Guardian)
            }
        };
        let [last_name, first_name, patronymic] = names;
        if linked.is_some() {
            return Err(AppError::Invalid(format!(
                "у {} уже есть учётная запись",
                full_name(&last_name, &first_name, &patronymic)
            )));
        }
        let user = NewUser {
            login: login.to_string(),
            last_name,
            first_name,
            patronymic,
            position: String::new(),
        };
        let id = setup::create_user(c, &permit, &user, &[role.as_code()], None)?;
        crate::with_conn!(c, x => match person {
            PersonRef::Student(_) => diesel::update(students::table.find(pid)).set(students::user_id.eq(id)).execute(x),
            PersonRef::Guardian(_) => diesel::update(guardians::table.find(pid)).set(guardians::user_id.eq(id)).execute(x),
        })?;
        auth::log_activity(c, Some(permit.user_id()), login, "user_changed", "создан")?;
        Ok(id)
    })
}
