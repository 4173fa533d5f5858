//! Who may do what (`roles.md`), as a pure policy: an [`Actor`] with the facts that rights depend
//! on, an [`Action`] with its target, and [`check`] that answers with a [`Permit`] or a
//! [`Denied`] naming what was refused. Storage writes take a `&Permit`, and only this module
//! can make one, so a write that skipped the decision does not compile.

mod policy;

use std::collections::BTreeSet;

pub use policy::check;

/// A role a user holds; a person may hold several and their rights add up. «Tutor» is not
/// stored as a role: a user is the tutor of the groups whose `tutor_id` they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    Admin,
    Director,
    Deputy,
    Secretary,
    Teacher,
    Student,
    Guardian,
    /// A token for cron: reads and makes reports, writes nothing.
    Reporter,
    /// A token for cron: reads what notices need, writes only the outbox.
    Notifier,
}

impl Role {
    /// Every stored role.
    pub const ALL: [Role; 9] = [
        Role::Admin,
        Role::Director,
        Role::Deputy,
        Role::Secretary,
        Role::Teacher,
        Role::Student,
        Role::Guardian,
        Role::Reporter,
        Role::Notifier,
    ];

    /// The database code.
    pub fn as_code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Director => "director",
            Role::Deputy => "deputy",
            Role::Secretary => "secretary",
            Role::Teacher => "teacher",
            Role::Student => "student",
            Role::Guardian => "guardian",
            Role::Reporter => "reporter",
            Role::Notifier => "notifier",
        }
    }

    /// Reads a database code or a Russian name.
    pub fn parse(text: &str) -> Option<Role> {
        let s = text.trim().to_lowercase();
        Role::ALL
            .into_iter()
            .find(|r| r.as_code() == s || r.name_ru() == s)
    }

    /// The Russian name.
    pub fn name_ru(self) -> &'static str {
        match self {
            Role::Admin => "администратор",
            Role::Director => "директор",
            Role::Deputy => "заместитель",
            Role::Secretary => "секретарь",
            Role::Teacher => "преподаватель",
            Role::Student => "студент",
            Role::Guardian => "родитель",
            Role::Reporter => "отчёты",
            Role::Notifier => "рассылка",
        }
    }

    /// Staff passwords are longer and sessions lock sooner than families'.
    pub fn is_staff(self) -> bool {
        !matches!(self, Role::Student | Role::Guardian)
    }
}

/// The person acting, with every fact their rights depend on (loaded by `app`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Actor {
    pub user_id: i64,
    pub roles: BTreeSet<Role>,
    /// Groups this user is the tutor of.
    pub tutor_of: BTreeSet<i64>,
    /// (group, subject) pairs this user teaches in any term.
    pub teaches: BTreeSet<(i64, i64)>,
    /// The student record of a student user.
    pub student_id: Option<i64>,
    /// Students linked to a guardian user.
    pub children: BTreeSet<i64>,
}

impl Actor {
    /// Whether the actor holds `role`.
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// Whether the actor teaches any subject in `group`.
    pub fn teaches_group(&self, group: i64) -> bool {
        self.teaches.iter().any(|(g, _)| *g == group)
    }

    /// Whether the actor is staff (any role but student, guardian).
    pub fn is_staff(&self) -> bool {
        self.roles.iter().any(|r| r.is_staff()) || !self.tutor_of.is_empty()
    }
}

/// What someone wants to do, with the facts about its target that the rules need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Create users, change roles, reset passwords of staff, disable and enable accounts.
    ManageUsers,
    /// Back up or restore the whole database (the administrator, or a token of theirs).
    Backup,
    /// Issue access codes to staff.
    IssueStaffCodes,
    /// Issue access codes to the students and guardians of a group.
    IssueFamilyCodes { group_id: i64 },
    /// Import contingent, teacher lists, curriculum, timetable.
    Import,
    /// Create groups and appoint their tutors (4.5).
    ManageGroups,
    /// Edit a student's personal data or guardians; `groups` are the student's groups.
    EditPersonalData { groups: Vec<i64> },
    /// Enrol, transfer, expel by order.
    Movement,
    /// Divide a group into subgroups for a subject.
    SplitSubgroups { group_id: i64, subject_id: i64 },
    /// Make or change the timetable.
    EditTimetable,
    /// Enter a dated substitution.
    Substitute,
    /// Enter grades, attendance, topic, homework of a lesson taught by `teacher_id` (or held by
    /// a substitute `held_by`).
    EnterMarks { teacher_id: i64, held_by: i64 },
    /// Correct absence reasons of a student of `group_id` (the tutor, with the teacher).
    CorrectAbsenceReason { group_id: i64 },
    /// Set final grades of an assignment of `teacher_id`.
    SetFinal { teacher_id: i64 },
    /// Change a mark after the deadline or in a closed term (a reason is then required).
    ChangeAfterDeadline { teacher_id: i64 },
    /// See the grades and attendance of a group.
    ReadGroup { group_id: i64 },
    /// See one student's grades, attendance, timetable, homework, forecast.
    ReadStudent { student_id: i64, groups: Vec<i64> },
    /// Send mail to a user; `recipient_is_own_staff` is whether the recipient teaches or tutors
    /// the sender's own (or own child's) group.
    SendMail { recipient_is_own_staff: bool },
    /// Publish an announcement for the college (`None`) or a group.
    Announce { group_id: Option<i64> },
    /// Read the audit log: all of it (`None`), entries of a user, or of a group's students.
    ReadAudit {
        actor_id: Option<i64>,
        group_id: Option<i64>,
    },
    /// Make college-wide reports.
    CollegeReports,
    /// Change the college's settings: names for the statements, deadlines, formula variants,
    /// lock and code times (4.x: the administrator configures the journal).
    ConfigureCollege,
    /// Create academic years, their terms and holidays (4.5, 9.2).
    ManageCalendar,
    /// Close or reopen a term (6.5, 10.1).
    CloseTerm,
    /// Change the marks, absences, topics or finals of a closed term: the deputy, with a reason.
    ChangeClosedTerm,
    /// Make and send the notices of `ezh notify run`, and see the outbox (`notify status`).
    Notify,
    /// Create the first administrator of a new journal: allowed only while it has no users.
    Bootstrap { users_exist: bool },
}

/// Proof that the policy allowed an action; only [`check`] makes one.
#[derive(Debug)]
pub struct Permit {
    user_id: i64,
}

impl Permit {
    /// The actor the permit was given to (recorded in audit rows).
    pub fn user_id(&self) -> i64 {
        self.user_id
    }
}

/// A refusal that names what was refused; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("нет прав: {0}")]
pub struct Denied(pub String);
