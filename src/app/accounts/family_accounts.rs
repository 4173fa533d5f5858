//! Accounts for the people of the lists (3.1, 5.7): the students and guardians a list brought
//! in have no login until the tutor issues their codes. Issuing then creates each missing
//! account (a login from the name by the passport transliteration, unique, and the role),
//! links it to its person, and audits it, in the same transaction as the codes.

use diesel::prelude::*;

use crate::access::Permit;
use crate::app::AppError;
use crate::domain::login::Logins;
use crate::domain::person::short_name;
use crate::store::audit::{self, AuditEntry};
use crate::store::schema::{
    group_memberships, guardians, student_guardians, students, user_roles, users,
};
use crate::store::Conn;

/// Whose record an account belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Person {
    Student(i64),
    Guardian(i64),
    /// A member of staff (codes only; staff accounts come from the teachers list).
    Staff,
}

/// A student or guardian of a group, with their account if they have one.
#[derive(Debug, Clone)]
pub struct Holder {
    pub person: Person,
    pub user_id: Option<i64>,
    pub last_name: String,
    pub first_name: String,
    pub patronymic: String,
    /// «обучающийся», or «родитель: Андреева Е. Р.» (the child's name).
    pub who: String,
    /// Whether the account has a password (the person activated it).
    pub activated: bool,
    /// The account's login (empty until it exists).
    pub login: String,
}

type NameRow = (i64, String, String, String, Option<i64>);

/// The students of the group now (and/or their guardians), students first, each by name.
pub fn holders(
    c: &mut Conn<'_>,
    group_id: i64,
    with_students: bool,
    with_guardians: bool,
) -> Result<Vec<Holder>, AppError> {
    let (members, parents, active) = crate::with_conn!(c, x => {
        let m: Vec<NameRow> = students::table
            .inner_join(group_memberships::table)
            .filter(group_memberships::group_id.eq(group_id))
            .filter(group_memberships::to_date.is_null())
            .order((students::last_name, students::first_name, students::patronymic))
            .select((students::id, students::last_name, students::first_name, students::patronymic, students::user_id))
            .load(x)?;
        let ids: Vec<i64> = m.iter().map(|s| s.0).collect();
        let p: Vec<(i64, NameRow)> = student_guardians::table
            .inner_join(guardians::table)
            .filter(student_guardians::student_id.eq_any(&ids))
            .order((guardians::last_name, guardians::first_name))
            .select((student_guardians::student_id, (guardians::id, guardians::last_name, guardians::first_name, guardians::patronymic, guardians::user_id)))
            .load(x)?;
        // The accounts of these people only: login and whether a password is set.
        let uids: Vec<i64> = m.iter().map(|s| s.4).chain(p.iter().map(|g| g.1 .4)).flatten().collect();
        let a: Vec<(i64, String, bool)> = users::table
            .filter(users::id.eq_any(&uids))
            .select((users::id, users::login, users::password_hash.is_not_null()))
            .load(x)?;
        Ok::<_, diesel::result::Error>((m, p, a))
    })?;
    let accounts: std::collections::HashMap<i64, (String, bool)> = active
        .into_iter()
        .map(|(id, login, set)| (id, (login, set)))
        .collect();
    let holder = |person, (_, l, f, p, u): NameRow, who: String| Holder {
        person,
        user_id: u,
        activated: u.is_some_and(|u| accounts.get(&u).is_some_and(|a| a.1)),
        login: u
            .and_then(|u| accounts.get(&u))
            .map_or(String::new(), |a| a.0.clone()),
        last_name: l,
        first_name: f,
        patronymic: p,
        who,
    };
    let mut out = Vec::new();
    if with_students {
        for s in &members {
            out.push(holder(
                Person::Student(s.0),
                s.clone(),
                "обучающийся".into(),
            ));
        }
    }
    if with_guardians {
        // A parent of two students of the group gets one account, named for both children.
        let mut children: Vec<(NameRow, Vec<String>)> = Vec::new();
        for (sid, g) in parents {
            let child = members
                .iter()
                .find(|s| s.0 == sid)
                .map_or(String::new(), |s| short_name(&s.1, &s.2, &s.3));
            match children.iter_mut().find(|c| c.0 .0 == g.0) {
                Some(c) => c.1.push(child),
                None => children.push((g, vec![child])),
            }
        }
        for (g, kids) in children {
            out.push(holder(
                Person::Guardian(g.0),
                g,
                format!("родитель: {}", kids.join(", ")),
            ));
        }
    }
    Ok(out)
}

/// Creates the accounts of the holders who have none and links them; returns how many.
pub fn create_missing(
    c: &mut Conn<'_>,
    permit: &Permit,
    holders: &mut [Holder],
) -> Result<usize, AppError> {
    if holders.iter().all(|h| h.user_id.is_some()) {
        return Ok(0);
    }
    let taken: Vec<String> = crate::with_conn!(c, x => users::table.select(users::login).load(x))?;
    let mut logins = Logins::default();
    for l in &taken {
        logins.reserve(l);
    }
    let now = crate::store::now();
    let mut made = 0;
    for h in holders.iter_mut().filter(|h| h.user_id.is_none()) {
        let login = logins.make(&h.last_name, &h.first_name, &h.patronymic);
        let (role, entity) = match h.person {
            Person::Student(_) => ("student", "обучающийся"),
            Person::Guardian(_) => ("guardian", "родитель"),
            Person::Staff => continue,
        };
        let id: i64 = crate::with_conn!(c, x => diesel::insert_into(users::table)
            .values((users::login.eq(&login), users::last_name.eq(&h.last_name), users::first_name.eq(&h.first_name),
                users::patronymic.eq(&h.patronymic), users::created_at.eq(now)))
            .returning(users::id)
            .get_result(x))?;
        crate::with_conn!(c, x => {
            diesel::insert_into(user_roles::table).values((user_roles::user_id.eq(id), user_roles::role.eq(role))).execute(x)?;
            match h.person {
                Person::Student(s) => diesel::update(students::table.find(s).filter(students::user_id.is_null()))
                    .set(students::user_id.eq(id)).execute(x),
                Person::Guardian(g) => diesel::update(guardians::table.find(g).filter(guardians::user_id.is_null()))
                    .set(guardians::user_id.eq(id)).execute(x),
                Person::Staff => Ok(0),
            }
        })?;
        audit::append(
            c,
            permit,
            &AuditEntry {
                action: "insert",
                entity: "user",
                entity_id: id,
                student_id: match h.person {
                    Person::Student(s) => Some(s),
                    _ => None,
                },
                new_value: Some(format!(
                    "{login}: {entity} {}",
                    short_name(&h.last_name, &h.first_name, &h.patronymic)
                )),
                ..Default::default()
            },
            now,
        )?;
        h.user_id = Some(id);
        h.login = login;
        made += 1;
    }
    Ok(made)
}
