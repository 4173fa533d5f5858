//! Rows of people and their accounts: users, roles, students, guardians, group membership, movement with orders, achievements, access codes and sessions.
//!
//! Each struct is a whole row: `Queryable` for reads and `Insertable` for bulk loads that
//! choose their own ids (the demo college, restores). Single inserts in `app` use tuples and let
//! the database assign the id.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::store::schema::*;

/// A row of `users`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = users, treat_none_as_default_value = false)]
pub struct UserRow {
    pub id: i64,
    pub login: String,
    pub password_hash: Option<String>,
    pub last_name: String,
    pub first_name: String,
    pub patronymic: String,
    pub email: String,
    pub phone: String,
    pub position: String,
    pub disabled: bool,
    pub created_at: NaiveDateTime,
    pub password_changed_at: Option<NaiveDateTime>,
    pub last_login_at: Option<NaiveDateTime>,
    pub failed_logins: i32,
    pub locked_until: Option<NaiveDateTime>,
    pub lock_level: i32,
}

/// A row of `user_roles`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = user_roles, treat_none_as_default_value = false)]
pub struct UserRoleRow {
    pub user_id: i64,
    pub role: String,
}

/// A row of `students`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = students, treat_none_as_default_value = false)]
pub struct StudentRow {
    pub id: i64,
    pub last_name: String,
    pub first_name: String,
    pub patronymic: String,
    pub birth_date: NaiveDate,
    pub sex: Option<String>,
    pub record_book: Option<String>,
    pub phone: String,
    pub email: String,
    pub funding: Option<String>,
    pub user_id: Option<i64>,
}

/// A row of `guardians`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = guardians, treat_none_as_default_value = false)]
pub struct GuardianRow {
    pub id: i64,
    pub last_name: String,
    pub first_name: String,
    pub patronymic: String,
    pub phone: String,
    pub email: String,
    pub user_id: Option<i64>,
}

/// A row of `student_guardians`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = student_guardians, treat_none_as_default_value = false)]
pub struct StudentGuardianRow {
    pub student_id: i64,
    pub guardian_id: i64,
    pub relation: String,
}

/// A row of `group_memberships`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = group_memberships, treat_none_as_default_value = false)]
pub struct MembershipRow {
    pub id: i64,
    pub student_id: i64,
    pub group_id: i64,
    pub from_date: NaiveDate,
    pub to_date: Option<NaiveDate>,
}

/// A row of `orders`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = orders, treat_none_as_default_value = false)]
pub struct OrderRow {
    pub id: i64,
    pub number: String,
    pub date: NaiveDate,
    pub title: String,
}

/// A row of `movements`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = movements, treat_none_as_default_value = false)]
pub struct MovementRow {
    pub id: i64,
    pub student_id: i64,
    pub kind: String,
    pub date: NaiveDate,
    pub from_group_id: Option<i64>,
    pub to_group_id: Option<i64>,
    pub order_id: i64,
    pub reason: String,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
}

/// A row of `achievements`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = achievements, treat_none_as_default_value = false)]
pub struct AchievementRow {
    pub id: i64,
    pub student_id: i64,
    pub date: NaiveDate,
    pub kind: String,
    pub title: String,
    pub created_by: Option<i64>,
}

/// A row of `access_codes`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = access_codes, treat_none_as_default_value = false)]
pub struct AccessCodeRow {
    pub id: i64,
    pub user_id: i64,
    pub code_hash: String,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub used_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
}

/// A row of `sessions`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = sessions, treat_none_as_default_value = false)]
pub struct SessionRow {
    pub id: i64,
    pub user_id: i64,
    pub token_hash: String,
    pub kind: String,
    pub name: String,
    pub created_at: NaiveDateTime,
    pub last_seen_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub ended_at: Option<NaiveDateTime>,
    pub ended_reason: Option<String>,
}
