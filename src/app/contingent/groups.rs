//! Groups (4.5): creating them, appointing tutors, and listing them for those who may see them.

use diesel::prelude::*;

use crate::access::{self, Action, Role};
use crate::app::lookup::group_id;
use crate::app::{Actor, AppError};
use crate::store::schema::{group_memberships, specialties, study_groups, user_roles, users};
use crate::store::Db;

/// A new group.
#[derive(Debug, Clone)]
pub struct NewGroup {
    pub name: String,
    /// ФГОС code of the specialty, e.g. `15.02.16`, if it is already known.
    pub specialty_code: Option<String>,
    pub course: i32,
    pub admission_year: i32,
    pub capacity: i32,
}

/// A group as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupInfo {
    pub id: i64,
    pub name: String,
    pub specialty: String,
    pub course: i32,
    pub capacity: i32,
    pub tutor: String,
    /// Students in the group today (open memberships).
    pub students: i64,
}

/// Creates a group (administrator).
pub fn create(db: &mut Db, actor: &Actor, g: &NewGroup) -> Result<i64, AppError> {
    access::check(actor, &Action::ManageGroups)?;
    let name = g.name.trim().to_string();
    db.write(|c| {
        let specialty: Option<i64> = match &g.specialty_code {
            Some(code) => Some(
                crate::with_conn!(c, x => specialties::table
                    .filter(specialties::code.eq(code.trim()))
                    .select(specialties::id)
                    .first(x)
                    .optional())?
                .ok_or_else(|| AppError::NotFound(format!("специальность «{code}»")))?,
            ),
            None => None,
        };
        Ok(
            crate::with_conn!(c, x => diesel::insert_into(study_groups::table)
            .values((
                study_groups::name.eq(&name),
                study_groups::specialty_id.eq(specialty),
                study_groups::course.eq(g.course),
                study_groups::admission_year.eq(g.admission_year),
                study_groups::capacity.eq(g.capacity),
            ))
            .returning(study_groups::id)
            .get_result(x))?,
        )
    })
}

/// Appoints a teacher as the group's tutor (administrator).
pub fn set_tutor(db: &mut Db, actor: &Actor, group: &str, login: &str) -> Result<(), AppError> {
    access::check(actor, &Action::ManageGroups)?;
    db.write(|c| {
        let gid = group_id(c, group)?;
        let teacher: Option<i64> = crate::with_conn!(c, x => users::table
            .inner_join(user_roles::table)
            .filter(users::login.eq(login.trim().to_lowercase()))
            .filter(user_roles::role.eq(Role::Teacher.as_code()))
            .select(users::id)
            .first(x)
            .optional())?;
        let teacher = teacher.ok_or_else(|| {
            AppError::Invalid(format!("«{login}» — нет преподавателя с таким логином"))
        })?;
        crate::with_conn!(c, x => diesel::update(study_groups::table.find(gid))
            .set(study_groups::tutor_id.eq(teacher))
            .execute(x))?;
        Ok(())
    })
}

/// The groups the actor may see, by name.
pub fn list(db: &mut Db, actor: &Actor) -> Result<Vec<GroupInfo>, AppError> {
    type Row = (i64, String, Option<String>, i32, i32, Option<String>);
    let rows: Vec<Row> = crate::with_conn!(&mut db.conn(), c => study_groups::table
        .left_join(specialties::table)
        .left_join(users::table)
        .filter(study_groups::archived.eq(false))
        .order(study_groups::name)
        .select((
            study_groups::id,
            study_groups::name,
            specialties::name.nullable(),
            study_groups::course,
            study_groups::capacity,
            users::login.nullable(),
        ))
        .load(c))?;
    let counts: Vec<(i64, i64)> = crate::with_conn!(&mut db.conn(), c => group_memberships::table
        .filter(group_memberships::to_date.is_null())
        .group_by(group_memberships::group_id)
        .select((group_memberships::group_id, diesel::dsl::count_star()))
        .load(c))?;
    Ok(rows
        .into_iter()
        .filter(|r| access::check(actor, &Action::ReadGroup { group_id: r.0 }).is_ok())
        .map(|(id, name, specialty, course, capacity, tutor)| GroupInfo {
            id,
            name,
            specialty: specialty.unwrap_or_default(),
            course,
            capacity,
            tutor: tutor.unwrap_or_default(),
            students: counts.iter().find(|c| c.0 == id).map_or(0, |c| c.1),
        })
        .collect())
}
