//! Whom a person may write to, as a list to pick from (the journal's mail screen): a student or
//! guardian sees the teachers and tutors of their own (children's) groups, exactly those that
//! [`super::messages::send`] lets them write to; staff see the staff, and the students and
//! guardians of the groups they tutor or teach. The list only helps to pick: `send` checks
//! every recipient again.

use std::collections::BTreeSet;

use diesel::prelude::*;

use crate::app::{lookup, Actor, AppError};
use crate::domain::person::PersonName;
use crate::store::schema::{
    assignments, group_memberships, guardians, student_guardians, students, study_groups,
    user_roles, users,
};
use crate::store::{Conn, Db};

type NameKey = ([String; 3], [String; 3]);

/// One person to write to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub login: String,
    /// «Фамилия И. О.».
    pub name: String,
    /// Who they are to the writer: «преподаватель», «куратор», «родитель», ….
    pub note: String,
}

/// The people `who` may write to on `today`, sorted by name.
pub fn recipients(
    db: &mut Db,
    who: &Actor,
    today: chrono::NaiveDate,
) -> Result<Vec<Recipient>, AppError> {
    db.read(|c| {
        let mut found: Vec<(i64, &'static str)> = Vec::new();
        if who.is_staff() {
            let staff: Vec<i64> = crate::with_conn!(c, x => user_roles::table
                .filter(user_roles::role.ne_all(["student", "guardian"]))
                .select(user_roles::user_id)
                .distinct()
                .load(x))?;
            found.extend(staff.into_iter().map(|id| (id, "сотрудник")));
            let groups: BTreeSet<i64> = who
                .tutor_of
                .iter()
                .copied()
                .chain(who.teaches.iter().map(|(g, _)| *g))
                .collect();
            found.extend(families(c, &groups, today)?);
        } else {
            let mut groups = BTreeSet::new();
            for s in who.student_id.iter().chain(who.children.iter()) {
                groups.extend(lookup::groups_of(c, *s)?);
            }
            found.extend(staff_of(c, &groups)?);
        }
        let ids: Vec<i64> = found.iter().map(|f| f.0).collect();
        type U = (i64, String, String, String, String);
        let people: Vec<U> = crate::with_conn!(c, x => users::table
            .filter(users::id.eq_any(&ids))
            .filter(users::disabled.eq(false))
            .select((users::id, users::login, users::last_name, users::first_name, users::patronymic))
            .load(x))?;
        let people: std::collections::HashMap<i64, U> =
            people.into_iter().map(|u| (u.0, u)).collect();
        let mut out: Vec<(NameKey, Recipient)> = Vec::new();
        for (id, note) in found {
            let Some((_, login, last, first, patronymic)) = people.get(&id) else {
                continue;
            };
            if id == who.user_id {
                continue;
            }
            match out.iter_mut().find(|(_, r)| &r.login == login) {
                // A teacher who is also the tutor is listed once, with both.
                Some((_, r)) if !r.note.contains(note) => r.note = format!("{}, {note}", r.note),
                Some(_) => {}
                None => out.push((
                    crate::domain::collate::name_key([last, first, patronymic]),
                    Recipient {
                        login: login.clone(),
                        name: PersonName::new(last, first, patronymic).short(),
                        note: note.to_string(),
                    },
                )),
            }
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(out.into_iter().map(|(_, r)| r).collect())
    })
}

/// The teachers and tutors of `groups`.
fn staff_of(
    c: &mut Conn<'_>,
    groups: &BTreeSet<i64>,
) -> Result<Vec<(i64, &'static str)>, AppError> {
    let ids: Vec<i64> = groups.iter().copied().collect();
    let tutors: Vec<Option<i64>> = crate::with_conn!(c, x => study_groups::table
        .filter(study_groups::id.eq_any(&ids))
        .select(study_groups::tutor_id)
        .load(x))?;
    let teachers: Vec<i64> = crate::with_conn!(c, x => assignments::table
        .filter(assignments::group_id.eq_any(&ids))
        .select(assignments::teacher_id)
        .distinct()
        .load(x))?;
    Ok(tutors
        .into_iter()
        .flatten()
        .map(|id| (id, "куратор"))
        .chain(teachers.into_iter().map(|id| (id, "преподаватель")))
        .collect())
}

/// The students of `groups` who have accounts, and their guardians who have.
fn families(
    c: &mut Conn<'_>,
    groups: &BTreeSet<i64>,
    today: chrono::NaiveDate,
) -> Result<Vec<(i64, &'static str)>, AppError> {
    let ids: Vec<i64> = groups.iter().copied().collect();
    let members: Vec<(i64, Option<i64>)> = crate::with_conn!(c, x => group_memberships::table
        .inner_join(students::table)
        .filter(group_memberships::group_id.eq_any(&ids))
        .filter(group_memberships::to_date.is_null().or(group_memberships::to_date.ge(today)))
        .select((students::id, students::user_id))
        .load(x))?;
    let student_ids: Vec<i64> = members.iter().map(|m| m.0).collect();
    let parents: Vec<Option<i64>> = crate::with_conn!(c, x => student_guardians::table
        .inner_join(guardians::table)
        .filter(student_guardians::student_id.eq_any(&student_ids))
        .select(guardians::user_id)
        .load(x))?;
    Ok(members
        .into_iter()
        .filter_map(|m| m.1)
        .map(|id| (id, "обучающийся"))
        .chain(parents.into_iter().flatten().map(|id| (id, "родитель")))
        .collect())
}
