//! Loading the facts the access policy needs about a user: roles, groups tutored, groups and
//! subjects taught, the student record of a student and the children of a guardian.

use diesel::prelude::*;

use super::AppError;
use crate::access::{Actor, Role};
use crate::store::schema::{
    assignments, guardians, student_guardians, students, study_groups, user_roles, users,
};
use crate::store::{Conn, Db};

/// Loads the actor for `user_id`; a disabled or unknown user is refused.
pub fn load(db: &mut Db, user_id: i64) -> Result<Actor, AppError> {
    db.read(|c| load_in(c, user_id))
}

/// As [`load`], inside a transaction.
pub fn load_in(c: &mut Conn<'_>, user_id: i64) -> Result<Actor, AppError> {
    let disabled: Option<bool> = crate::with_conn!(c, x => users::table
        .find(user_id)
        .select(users::disabled)
        .first(x)
        .optional())?;
    match disabled {
        None => return Err(AppError::NotFound(format!("пользователь № {user_id}"))),
        Some(true) => return Err(AppError::Invalid("учётная запись отключена".into())),
        Some(false) => {}
    }
    let (roles, tutor_of, teaches, student, children) = crate::with_conn!(c, x => {
        let roles: Vec<String> = user_roles::table
            .filter(user_roles::user_id.eq(user_id))
            .select(user_roles::role)
            .load(x)?;
        let tutor_of: Vec<i64> = study_groups::table
            .filter(study_groups::tutor_id.eq(user_id))
            .select(study_groups::id)
            .load(x)?;
        let teaches: Vec<(i64, i64)> = assignments::table
            .filter(assignments::teacher_id.eq(user_id))
            .select((assignments::group_id, assignments::subject_id))
            .distinct()
            .load(x)?;
        let student: Option<i64> = students::table
            .filter(students::user_id.eq(user_id))
            .select(students::id)
            .first(x)
            .optional()?;
        let children: Vec<i64> = student_guardians::table
            .inner_join(guardians::table)
            .filter(guardians::user_id.eq(user_id))
            .select(student_guardians::student_id)
            .load(x)?;
        Ok::<_, diesel::result::Error>((roles, tutor_of, teaches, student, children))
    })?;
    Ok(Actor {
        user_id,
        roles: roles.iter().filter_map(|r| Role::parse(r)).collect(),
        tutor_of: tutor_of.into_iter().collect(),
        teaches: teaches.into_iter().collect(),
        student_id: student,
        children: children.into_iter().collect(),
    })
}
