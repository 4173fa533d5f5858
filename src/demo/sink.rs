//! Buffered bulk loading of generated rows: each table's rows are collected and written in
//! multi-row INSERTs sized to stay under both backends' limit on bound parameters, tables in
//! the order their foreign keys need.

use diesel::prelude::*;

use crate::app::AppError;
use crate::store::rows::*;
use crate::store::schema;
use crate::store::Conn;

/// Rows waiting to be written, one vector per table.
#[derive(Default)]
pub struct Sink {
    pub users: Vec<UserRow>,
    pub user_roles: Vec<UserRoleRow>,
    pub academic_years: Vec<AcademicYearRow>,
    pub terms: Vec<TermRow>,
    pub specialties: Vec<SpecialtyRow>,
    pub rooms: Vec<RoomRow>,
    pub subjects: Vec<SubjectRow>,
    pub groups: Vec<GroupRow>,
    pub subgroups: Vec<SubgroupRow>,
    pub students: Vec<StudentRow>,
    pub subgroup_members: Vec<SubgroupMemberRow>,
    pub guardians: Vec<GuardianRow>,
    pub student_guardians: Vec<StudentGuardianRow>,
    pub orders: Vec<OrderRow>,
    pub memberships: Vec<MembershipRow>,
    pub movements: Vec<MovementRow>,
    pub achievements: Vec<AchievementRow>,
    pub curriculum: Vec<CurriculumRow>,
    pub assignments: Vec<AssignmentRow>,
    pub timetable: Vec<TimetableEntryRow>,
    pub plan_items: Vec<PlanItemRow>,
    pub lessons: Vec<LessonRow>,
    pub grades: Vec<GradeRow>,
    pub absences: Vec<AbsenceRow>,
    pub finals: Vec<FinalGradeRow>,
    pub mail: Vec<MailMessageRow>,
    pub mail_recipients: Vec<MailRecipientRow>,
    pub announcements: Vec<AnnouncementRow>,
    pub activity: Vec<ActivityRow>,
}

/// Rows per INSERT: SQLite allows 32,766 bound values per statement, PostgreSQL 65,535.
fn chunk_for(columns: usize) -> usize {
    (30_000 / columns).max(1)
}

macro_rules! flush_table {
    ($c:expr, $field:expr, $table:path, $cols:expr) => {{
        for chunk in $field.chunks(chunk_for($cols)) {
            crate::with_conn!($c, x => diesel::insert_into($table).values(chunk).execute(x))?;
        }
        $field.clear();
    }};
}

impl Sink {
    /// Writes every buffered row, parents before children, and empties the buffers.
    pub fn flush(&mut self, c: &mut Conn<'_>) -> Result<(), AppError> {
        use schema::*;
        flush_table!(c, self.users, users::table, 16);
        flush_table!(c, self.user_roles, user_roles::table, 2);
        flush_table!(c, self.academic_years, academic_years::table, 4);
        flush_table!(c, self.terms, terms::table, 7);
        flush_table!(c, self.specialties, specialties::table, 4);
        flush_table!(c, self.rooms, rooms::table, 3);
        flush_table!(c, self.subjects, subjects::table, 3);
        flush_table!(c, self.groups, study_groups::table, 8);
        flush_table!(c, self.subgroups, subgroups::table, 4);
        flush_table!(c, self.students, students::table, 11);
        flush_table!(c, self.subgroup_members, subgroup_members::table, 2);
        flush_table!(c, self.guardians, guardians::table, 7);
        flush_table!(c, self.student_guardians, student_guardians::table, 3);
        flush_table!(c, self.orders, orders::table, 4);
        flush_table!(c, self.memberships, group_memberships::table, 5);
        flush_table!(c, self.movements, movements::table, 10);
        flush_table!(c, self.achievements, achievements::table, 6);
        flush_table!(c, self.curriculum, curriculum::table, 7);
        flush_table!(c, self.assignments, assignments::table, 6);
        flush_table!(c, self.timetable, timetable_entries::table, 8);
        flush_table!(c, self.plan_items, plan_items::table, 8);
        flush_table!(c, self.lessons, lessons::table, 14);
        flush_table!(c, self.grades, grades::table, 8);
        flush_table!(c, self.absences, absences::table, 7);
        flush_table!(c, self.finals, final_grades::table, 10);
        flush_table!(c, self.mail, mail_messages::table, 6);
        flush_table!(c, self.mail_recipients, mail_recipients::table, 4);
        flush_table!(c, self.announcements, announcements::table, 7);
        flush_table!(c, self.activity, activity_log::table, 6);
        Ok(())
    }

    /// Buffered journal rows; the generator flushes when this grows large.
    pub fn pending_marks(&self) -> usize {
        self.lessons.len() + self.grades.len() + self.absences.len()
    }
}

/// After rows were written with chosen ids, moves PostgreSQL's identity sequences past them
/// so that the application's own inserts get fresh ids.
pub fn bump_sequences(c: &mut Conn<'_>) -> Result<(), AppError> {
    #[cfg(not(feature = "postgres"))]
    let _ = c;
    #[cfg(feature = "postgres")]
    bump_pg_sequences(c)?;
    Ok(())
}

#[cfg(feature = "postgres")]
fn bump_pg_sequences(c: &mut Conn<'_>) -> Result<(), AppError> {
    let Conn::Pg(pg) = c else {
        return Ok(());
    };
    for table in [
        "users",
        "academic_years",
        "terms",
        "specialties",
        "study_groups",
        "subjects",
        "subgroups",
        "students",
        "guardians",
        "orders",
        "group_memberships",
        "movements",
        "achievements",
        "curriculum",
        "assignments",
        "rooms",
        "timetable_entries",
        "substitutions",
        "plan_items",
        "lessons",
        "grades",
        "absences",
        "final_grades",
        "mail_messages",
        "announcements",
        "access_codes",
        "sessions",
        "activity_log",
        "audit_log",
    ] {
        diesel::sql_query(format!(
            "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
             COALESCE((SELECT max(id) FROM {table}), 0) + 1, false)"
        ))
        .execute(*pg)?;
    }
    Ok(())
}
