//! Rows of the journal itself: thematic plan, lessons, grades, absences, final grades, mail, announcements, activity and audit logs.
//!
//! Each struct is a whole row: `Queryable` for reads and `Insertable` for bulk loads that
//! choose their own ids (the demo college, restores). Single inserts in `app` use tuples and let
//! the database assign the id.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::store::schema::*;

/// A row of `plan_items`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = plan_items, treat_none_as_default_value = false)]
pub struct PlanItemRow {
    pub id: i64,
    pub group_id: i64,
    pub subject_id: i64,
    pub term_id: i64,
    pub number: i32,
    pub topic: String,
    pub hours: i32,
    pub kind: String,
}

/// A row of `lessons`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = lessons, treat_none_as_default_value = false)]
pub struct LessonRow {
    pub id: i64,
    pub assignment_id: i64,
    pub date: NaiveDate,
    pub pair: i32,
    pub hours: i32,
    pub kind: String,
    pub topic: String,
    pub homework: String,
    pub homework_due: Option<NaiveDate>,
    pub plan_item_id: Option<i64>,
    pub held_by: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i32,
}

/// A row of `grades`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = grades, treat_none_as_default_value = false)]
pub struct GradeRow {
    pub id: i64,
    pub lesson_id: i64,
    pub student_id: i64,
    pub value: i32,
    pub work_kind: String,
    pub entered_by: i64,
    pub entered_at: NaiveDateTime,
    pub version: i32,
}

/// A row of `absences`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = absences, treat_none_as_default_value = false)]
pub struct AbsenceRow {
    pub id: i64,
    pub lesson_id: i64,
    pub student_id: i64,
    pub reason: String,
    pub entered_by: i64,
    pub entered_at: NaiveDateTime,
    pub version: i32,
}

/// A row of `debts` («точка»: the student owes a work of the lesson).
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = debts, treat_none_as_default_value = false)]
pub struct DebtRow {
    pub id: i64,
    pub lesson_id: i64,
    pub student_id: i64,
    pub entered_by: i64,
    pub entered_at: NaiveDateTime,
}

/// A row of `final_grades`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = final_grades, treat_none_as_default_value = false)]
pub struct FinalGradeRow {
    pub id: i64,
    pub student_id: i64,
    pub group_id: i64,
    pub subject_id: i64,
    pub term_id: i64,
    pub kind: String,
    pub value: i32,
    pub entered_by: i64,
    pub entered_at: NaiveDateTime,
    pub version: i32,
}

/// A row of `mail_messages`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = mail_messages, treat_none_as_default_value = false)]
pub struct MailMessageRow {
    pub id: i64,
    pub sender_id: i64,
    pub subject: String,
    pub body: String,
    pub sent_at: NaiveDateTime,
    pub reply_to_id: Option<i64>,
}

/// A row of `mail_recipients`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = mail_recipients, treat_none_as_default_value = false)]
pub struct MailRecipientRow {
    pub message_id: i64,
    pub recipient_id: i64,
    pub read_at: Option<NaiveDateTime>,
    pub deleted_at: Option<NaiveDateTime>,
}

/// A row of `announcements`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = announcements, treat_none_as_default_value = false)]
pub struct AnnouncementRow {
    pub id: i64,
    pub author_id: i64,
    pub group_id: Option<i64>,
    pub title: String,
    pub body: String,
    pub published_at: NaiveDateTime,
    pub expires_on: Option<NaiveDate>,
}

/// A row of `activity_log`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = activity_log, treat_none_as_default_value = false)]
pub struct ActivityRow {
    pub id: i64,
    pub at: NaiveDateTime,
    pub user_id: Option<i64>,
    pub login: String,
    pub event: String,
    pub details: String,
}

/// A row of `audit_log`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = audit_log, treat_none_as_default_value = false)]
pub struct AuditRow {
    pub id: i64,
    pub at: NaiveDateTime,
    pub actor_id: Option<i64>,
    pub action: String,
    pub entity: String,
    pub entity_id: i64,
    pub student_id: Option<i64>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub reason: Option<String>,
    pub prev_hash: String,
    pub hash: String,
    pub state_seal: Option<String>,
    /// 0: the college's chain; otherwise the study group whose journal the record belongs to.
    pub chain: i64,
}
