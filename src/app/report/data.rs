//! The facts of one group over a span of days, read in one snapshot: its students with the
//! dates they belonged to it, the subjects of its curriculum, the lessons held, every grade,
//! absence and term final grade. Every group report is computed from this, so the figures of
//! different reports agree. Reading is in `data_load`: the college-wide reports read all their
//! groups with the same few statements as one group.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;

use crate::app::AppError;
use crate::domain::{
    AbsenceReason, ControlForm, DateSpan, FinalGradeValue, GradeValue, LessonKind,
};
use crate::store::Conn;

/// A student of the group with the spans of membership.
#[derive(Debug, Clone)]
pub struct Member {
    pub id: i64,
    /// «Фамилия Имя Отчество».
    pub name: String,
    /// Inclusive spans; `None` as the end: still in the group.
    pub spans: Vec<(NaiveDate, Option<NaiveDate>)>,
}

impl Member {
    /// Whether the student belonged to the group on `day`.
    pub fn member_on(&self, day: NaiveDate) -> bool {
        self.spans
            .iter()
            .any(|(from, to)| *from <= day && to.is_none_or(|t| day <= t))
    }
}

/// A subject of the group's curriculum.
#[derive(Debug, Clone)]
pub struct Subject {
    pub id: i64,
    pub name: String,
    /// The form of control in the curriculum (the term's; over several terms, see `load`): it
    /// decides which final counts.
    pub control: ControlForm,
}

/// A lesson held for the group or one of its subgroups.
#[derive(Debug, Clone)]
pub struct Lesson {
    pub id: i64,
    pub subject_id: i64,
    pub teacher_id: i64,
    pub subgroup_id: Option<i64>,
    pub date: NaiveDate,
    pub hours: u32,
    pub kind: Option<LessonKind>,
}

/// Everything the group reports need.
#[derive(Debug, Clone)]
pub struct GroupData {
    pub group_id: i64,
    pub span: DateSpan,
    /// Sorted as the journal lists them.
    pub members: Vec<Member>,
    /// In curriculum order.
    pub subjects: Vec<Subject>,
    pub lessons: Vec<Lesson>,
    /// (lesson, student) → grades with the weight of their kind of work.
    pub grades: HashMap<(i64, i64), Vec<(GradeValue, u32)>>,
    /// (lesson, student) → absence mark.
    pub absences: HashMap<(i64, i64), AbsenceReason>,
    /// (student, subject) → the term's result by the form of control (the exam grade where
    /// there is one, see [`ControlForm::term_result`]); empty when no term is given.
    pub finals: HashMap<(i64, i64), FinalGradeValue>,
    /// (lesson, student) of every debt («точка»): a work owed.
    pub debts: BTreeSet<(i64, i64)>,
    /// subgroup → its students.
    pub subgroups: HashMap<i64, BTreeSet<i64>>,
}

/// Reads the group's facts for `span`; with `term_id`, only that term's assignments, its
/// curriculum and its final grades.
pub fn load(
    c: &mut Conn<'_>,
    group_id: i64,
    span: DateSpan,
    term_id: Option<i64>,
) -> Result<GroupData, AppError> {
    let mut all = super::data_load::load_groups(c, &[group_id], span, term_id)?;
    Ok(all
        .remove(&group_id)
        .unwrap_or_else(|| GroupData::empty(group_id, span)))
}

impl GroupData {
    /// A group with nothing in the span.
    pub fn empty(group_id: i64, span: DateSpan) -> GroupData {
        GroupData {
            group_id,
            span,
            members: Vec::new(),
            subjects: Vec::new(),
            lessons: Vec::new(),
            grades: HashMap::new(),
            absences: HashMap::new(),
            debts: BTreeSet::new(),
            finals: HashMap::new(),
            subgroups: HashMap::new(),
        }
    }
}
