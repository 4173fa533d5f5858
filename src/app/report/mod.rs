//! Reports of `reports.md`: each is read in one snapshot, limited to what the runner may see, and
//! built into a [`crate::report::Report`] that any format can print. The figures come from
//! `crate::domain` (formulas, attendance, forecast) and nowhere else.

pub mod activity;
pub mod attendance;
pub mod codes;
pub mod college;
pub mod context;
pub mod data;
mod data_load;
pub mod dynamics;
pub mod evidence;
pub mod family_activity;
pub mod forecast;
pub mod journal_pages;
pub mod journal_print;
pub mod movement;
pub mod outcome;
pub mod progress;
pub mod results;
pub mod teacher;
pub mod totals;
pub mod tutor;
// Control reports of 9.5, 10.1, 11.2.
pub mod coverage;
mod deadline_finals;
pub mod deadline_remarks;
pub mod deadlines;
pub mod fill;
pub mod quality;
mod quality_load;
pub mod quality_period;
mod quality_rows;
pub mod staff;
pub mod teacher_activity;

use diesel::prelude::*;

pub use context::Filters;

use super::{Actor, AppError};
use crate::access::{self, Action};
use crate::report::Report;
use crate::store::schema::study_groups;
use crate::store::Db;

/// A report of the catalogue that `ezh report` can make. Its command name and Russian title
/// are written once, in [`Kind::name`] and the builder modules' `TITLE`; clap's value and help
/// come from them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    ProgressStatement,
    AttendanceMonth,
    Forecast,
    GroupResults,
    AttendanceStatement,
    TeacherResults,
    TeacherPreliminary,
    StudentTotals,
    TutorPreliminary,
    TutorReport,
    HomeworkFill,
    GroupFill,
    MovementStatement,
    UserActivity,
    JournalPrint,
    AccessCodes,
    FamilyActivity,
    MovementDynamics,
    Quality,
    TeacherActivity,
    GradeFill,
    TopicsCoverage,
    Deadlines,
}

impl clap::ValueEnum for Kind {
    fn value_variants<'a>() -> &'a [Self] {
        &Kind::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let help = match self.caution() {
            Some(c) => format!("{}: {c}", self.title()),
            None => self.title().to_string(),
        };
        Some(clap::builder::PossibleValue::new(self.name()).help(help))
    }
}

impl Kind {
    /// Every report, in the order of the catalogue's priority.
    pub const ALL: [Kind; 23] = [
        Kind::ProgressStatement,
        Kind::AttendanceMonth,
        Kind::Forecast,
        Kind::GroupResults,
        Kind::AttendanceStatement,
        Kind::TeacherResults,
        Kind::TeacherPreliminary,
        Kind::StudentTotals,
        Kind::TutorPreliminary,
        Kind::TutorReport,
        Kind::HomeworkFill,
        Kind::GroupFill,
        Kind::MovementStatement,
        Kind::UserActivity,
        Kind::JournalPrint,
        Kind::AccessCodes,
        Kind::FamilyActivity,
        Kind::MovementDynamics,
        Kind::Quality,
        Kind::TeacherActivity,
        Kind::GradeFill,
        Kind::TopicsCoverage,
        Kind::Deadlines,
    ];

    /// What the help says beside the title, where making the report does more than read.
    fn caution(self) -> Option<&'static str> {
        match self {
            Kind::JournalPrint => Some("--group, --subject, --term"),
            Kind::AccessCodes => Some("ВЫДАЁТ НОВЫЕ коды, прежние неиспользованные отменяются"),
            _ => None,
        }
    }

    /// The command name.
    pub fn name(self) -> &'static str {
        match self {
            Kind::ProgressStatement => "progress-statement",
            Kind::AttendanceMonth => "attendance-month",
            Kind::Forecast => "forecast",
            Kind::GroupResults => "group-results",
            Kind::AttendanceStatement => "attendance-statement",
            Kind::TeacherResults => "teacher-results",
            Kind::TeacherPreliminary => "teacher-preliminary",
            Kind::StudentTotals => "student-totals",
            Kind::TutorPreliminary => "tutor-preliminary",
            Kind::TutorReport => "tutor-report",
            Kind::HomeworkFill => "homework-fill",
            Kind::GroupFill => "group-fill",
            Kind::MovementStatement => "movement-statement",
            Kind::UserActivity => "user-activity",
            Kind::JournalPrint => "journal-print",
            Kind::AccessCodes => "access-codes",
            Kind::FamilyActivity => "family-activity",
            Kind::MovementDynamics => "movement-dynamics",
            Kind::Quality => "quality",
            Kind::TeacherActivity => "teacher-activity",
            Kind::GradeFill => "grade-fill",
            Kind::TopicsCoverage => "topics-coverage",
            Kind::Deadlines => "deadlines",
        }
    }

    /// The Russian title.
    pub fn title(self) -> &'static str {
        match self {
            Kind::ProgressStatement => progress::TITLE,
            Kind::AttendanceMonth => attendance::MONTH_TITLE,
            Kind::Forecast => forecast::TITLE,
            Kind::GroupResults => results::TITLE,
            Kind::AttendanceStatement => attendance::STATEMENT_TITLE,
            Kind::TeacherResults => teacher::RESULTS_TITLE,
            Kind::TeacherPreliminary => teacher::PRELIMINARY_TITLE,
            Kind::StudentTotals => totals::TITLE,
            Kind::TutorPreliminary => tutor::PRELIMINARY_TITLE,
            Kind::TutorReport => tutor::REPORT_TITLE,
            Kind::HomeworkFill => college::HOMEWORK_TITLE,
            Kind::GroupFill => college::FILL_TITLE,
            Kind::MovementStatement => movement::TITLE,
            Kind::UserActivity => activity::TITLE,
            Kind::JournalPrint => journal_print::TITLE,
            Kind::AccessCodes => codes::TITLE,
            Kind::FamilyActivity => family_activity::TITLE,
            Kind::MovementDynamics => dynamics::TITLE,
            Kind::Quality => quality::TITLE,
            Kind::TeacherActivity => teacher_activity::TITLE,
            Kind::GradeFill => fill::TITLE,
            Kind::TopicsCoverage => coverage::TITLE,
            Kind::Deadlines => deadlines::TITLE,
        }
    }
}

/// Makes report `kind` with filters `f` as `actor`.
pub fn make(db: &mut Db, actor: &Actor, kind: Kind, f: &Filters) -> Result<Report, AppError> {
    match kind {
        Kind::Forecast => forecast::build(db, actor, f),
        Kind::ProgressStatement => db.read(|c| progress::build(c, actor, f)),
        Kind::AttendanceMonth => db.read(|c| attendance::month(c, actor, f)),
        Kind::AttendanceStatement => db.read(|c| attendance::statement(c, actor, f)),
        Kind::GroupResults => db.read(|c| results::build(c, actor, f)),
        Kind::TeacherResults => db.read(|c| teacher::build(c, actor, f, kind)),
        Kind::TeacherPreliminary => db.read(|c| teacher::build(c, actor, f, kind)),
        Kind::StudentTotals => db.read(|c| totals::build(c, actor, f)),
        Kind::TutorPreliminary => db.read(|c| tutor::build(c, actor, f, kind)),
        Kind::TutorReport => db.read(|c| tutor::build(c, actor, f, kind)),
        Kind::HomeworkFill => db.read(|c| college::homework_fill(c, actor, f)),
        Kind::GroupFill => db.read(|c| college::group_fill(c, actor, f)),
        Kind::MovementStatement => db.read(|c| movement::build(c, actor, f)),
        Kind::UserActivity => db.read(|c| activity::build(c, actor, f)),
        Kind::JournalPrint => db.read(|c| journal_print::build(c, actor, f)),
        Kind::AccessCodes => codes::build(db, actor, f),
        Kind::FamilyActivity => db.read(|c| family_activity::build(c, actor, f)),
        Kind::MovementDynamics => db.read(|c| dynamics::build(c, actor, f)),
        Kind::Quality => db.read(|c| quality::build(c, actor, f)),
        Kind::TeacherActivity => db.read(|c| teacher_activity::build(c, actor, f)),
        Kind::GradeFill => db.read(|c| fill::build(c, actor, f)),
        Kind::TopicsCoverage => db.read(|c| coverage::build(c, actor, f)),
        Kind::Deadlines => db.read(|c| deadlines::build(c, actor, f)),
    }
}

/// One report of the monthly batch: which, and for which group (`None`: the college).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchItem {
    pub kind: Kind,
    pub group: Option<String>,
}

/// The monthly reports (11.1–11.3) the runner may make: per group they may see, the month's
/// attendance, the term's progress and attendance statements, the forecast and the families'
/// activity; the results of every group they may see, once; for the college-wide roles the
/// college's movement dynamics; and the month's teacher activity, grade fill, deadlines and
/// quality for those who may see them.
pub fn monthly(db: &mut Db, actor: &Actor) -> Result<Vec<BatchItem>, AppError> {
    let college_wide = access::check(actor, &Action::CollegeReports).is_ok();
    let groups: Vec<(i64, String)> = crate::with_conn!(&mut db.conn(), c => study_groups::table
        .filter(study_groups::archived.eq(false))
        .order(study_groups::name.asc())
        .select((study_groups::id, study_groups::name))
        .load(c))?;
    let mut items = Vec::new();
    let mine: Vec<String> = groups
        .into_iter()
        .filter(|(id, _)| college_wide || actor.tutor_of.contains(id))
        .map(|(_, name)| name)
        .collect();
    for g in &mine {
        for kind in [
            Kind::AttendanceMonth,
            Kind::ProgressStatement,
            Kind::AttendanceStatement,
            Kind::Forecast,
            Kind::FamilyActivity,
        ] {
            items.push(BatchItem {
                kind,
                group: Some(g.clone()),
            });
        }
    }
    if !mine.is_empty() {
        items.push(BatchItem {
            kind: Kind::GroupResults,
            group: None,
        });
    }
    if college_wide {
        items.push(BatchItem {
            kind: Kind::MovementDynamics,
            group: None,
        });
    }
    // The college-wide control reports of the month (9.5, 10.1, 11.2); the administrator only
    // the activity one.
    for (kind, admin_too) in [
        (Kind::TeacherActivity, true),
        (Kind::GradeFill, false),
        (Kind::Deadlines, false),
        (Kind::Quality, false),
    ] {
        if staff::reads_college(actor, admin_too) {
            items.push(BatchItem { kind, group: None });
        }
    }
    Ok(items)
}
