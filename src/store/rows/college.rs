//! Rows of the college's set-up: settings, kinds of work, years and terms, specialties, groups and subgroups, subjects, curriculum, assignments, rooms, bells, timetable and substitutions.
//!
//! Each struct is a whole row: `Queryable` for reads and `Insertable` for bulk loads that
//! choose their own ids (the demo college, restores). Single inserts in `app` use tuples and let
//! the database assign the id.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::store::schema::*;

/// A row of `college`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = college, treat_none_as_default_value = false)]
pub struct CollegeRow {
    pub id: i64,
    pub name: String,
    pub short_name: String,
    pub city: String,
    pub director_name: String,
    pub deputy_name: String,
    pub demo: bool,
    pub grade_deadline_weekday: i32,
    pub test_result_days: i32,
    pub final_days_before_end: i32,
    pub unexcused_threshold_pct: i32,
    pub quality_counts_pass: bool,
    pub sou_variant: String,
    pub forecast_round_up_from: i32,
    pub min_grades_per_month: i32,
    pub idle_lock_staff_minutes: i32,
    pub idle_lock_family_minutes: i32,
    pub session_hours: i32,
    pub family_code_days: i32,
    pub staff_code_hours: i32,
    pub login_lock_after: i32,
    pub login_lock_first_minutes: i32,
    pub login_lock_max_minutes: i32,
    pub time_zone: String,
    pub notify_sender: String,
    pub notify_kinds: String,
    pub notify_quiet: String,
    pub notify_digest_weekday: i32,
    pub notify_digest_hour: i32,
    pub notify_remarks_weekday: i32,
    pub notify_remarks_hour: i32,
}

/// A row of `work_kinds`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = work_kinds, treat_none_as_default_value = false)]
pub struct WorkKindRow {
    pub code: String,
    pub name: String,
    pub weight: i32,
}

/// A row of `academic_years`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = academic_years, treat_none_as_default_value = false)]
pub struct AcademicYearRow {
    pub id: i64,
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

/// A row of `terms`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = terms, treat_none_as_default_value = false)]
pub struct TermRow {
    pub id: i64,
    pub academic_year_id: i64,
    pub number: i32,
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub closed_at: Option<NaiveDateTime>,
}

/// A row of `specialties`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = specialties, treat_none_as_default_value = false)]
pub struct SpecialtyRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub prefix: String,
}

/// A row of `study_groups`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = study_groups, treat_none_as_default_value = false)]
pub struct GroupRow {
    pub id: i64,
    pub name: String,
    pub specialty_id: Option<i64>,
    pub course: i32,
    pub admission_year: i32,
    pub capacity: i32,
    pub tutor_id: Option<i64>,
    pub archived: bool,
}

/// A row of `subjects`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = subjects, treat_none_as_default_value = false)]
pub struct SubjectRow {
    pub id: i64,
    pub name: String,
    pub pass_fail: bool,
}

/// A row of `subgroups`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = subgroups, treat_none_as_default_value = false)]
pub struct SubgroupRow {
    pub id: i64,
    pub group_id: i64,
    pub subject_id: Option<i64>,
    pub name: String,
}

/// A row of `subgroup_members`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = subgroup_members, treat_none_as_default_value = false)]
pub struct SubgroupMemberRow {
    pub subgroup_id: i64,
    pub student_id: i64,
}

/// A row of `curriculum`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = curriculum, treat_none_as_default_value = false)]
pub struct CurriculumRow {
    pub id: i64,
    pub group_id: i64,
    pub subject_id: i64,
    pub term_id: i64,
    pub index_code: String,
    pub hours: i32,
    pub control_form: String,
}

/// A row of `assignments`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = assignments, treat_none_as_default_value = false)]
pub struct AssignmentRow {
    pub id: i64,
    pub teacher_id: i64,
    pub group_id: i64,
    pub subgroup_id: Option<i64>,
    pub subject_id: i64,
    pub term_id: i64,
}

/// A row of `rooms`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = rooms, treat_none_as_default_value = false)]
pub struct RoomRow {
    pub id: i64,
    pub name: String,
    pub capacity: Option<i32>,
}

/// A row of `bells`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = bells, treat_none_as_default_value = false)]
pub struct BellRow {
    pub pair: i32,
    pub starts_min: i32,
    pub ends_min: i32,
}

/// A row of `timetable_entries`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = timetable_entries, treat_none_as_default_value = false)]
pub struct TimetableEntryRow {
    pub id: i64,
    pub assignment_id: i64,
    pub weekday: i32,
    pub pair: i32,
    pub week_parity: String,
    pub room_id: Option<i64>,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
}

/// A row of `substitutions`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = substitutions, treat_none_as_default_value = false)]
pub struct SubstitutionRow {
    pub id: i64,
    pub date: NaiveDate,
    pub pair: i32,
    pub timetable_entry_id: Option<i64>,
    pub group_id: i64,
    pub subgroup_id: Option<i64>,
    pub teacher_id: Option<i64>,
    pub subject_id: Option<i64>,
    pub room_id: Option<i64>,
    pub cancelled: bool,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
}
