//! The facts of one group over a span of days, read in one snapshot: its students with the
//! dates they belonged to it, the subjects of its curriculum, the lessons held, every grade,
//! absence and term final grade. Every group report is computed from this, so the figures of
//! different reports agree.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::app::AppError;
use crate::domain::{
    AbsenceReason, ControlForm, DateSpan, FinalGradeValue, GradeValue, LessonKind,
};
use crate::store::schema::{
    absences, assignments, curriculum, debts, final_grades, grades, group_memberships, lessons, students,
    subgroup_members, subjects, terms, work_kinds,
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
    type MemberRow = (i64, String, String, String, NaiveDate, Option<NaiveDate>);
    let rows: Vec<MemberRow> = crate::with_conn!(c, x => group_memberships::table
        .inner_join(students::table)
        .filter(group_memberships::group_id.eq(group_id))
        .filter(group_memberships::from_date.le(span.end))
        .filter(group_memberships::to_date.is_null().or(group_memberships::to_date.ge(span.start)))
        .select((students::id, students::last_name, students::first_name, students::patronymic,
                 group_memberships::from_date, group_memberships::to_date))
        .load(x))?;
    let mut by_id: BTreeMap<i64, (Member, [String; 3])> = BTreeMap::new();
    for (id, last, first, patr, from, to) in rows {
        let e = by_id.entry(id).or_insert_with(|| {
            let name = [last.as_str(), first.as_str(), patr.as_str()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            let m = Member {
                id,
                name,
                spans: Vec::new(),
            };
            (m, [last, first, patr])
        });
        e.0.spans.push((from, to));
    }
    let mut sorted: Vec<(Member, [String; 3])> = by_id.into_values().collect();
    sorted.sort_by_cached_key(|m| crate::domain::collate::name_key([&m.1[0], &m.1[1], &m.1[2]]));
    let members: Vec<Member> = sorted.into_iter().map(|(m, _)| m).collect();

    let subject_rows: Vec<(i64, String, String)> = crate::with_conn!(c, x => {
        let q = curriculum::table
            .inner_join(subjects::table)
            .inner_join(terms::table)
            .filter(curriculum::group_id.eq(group_id))
            .select((subjects::id, subjects::name, curriculum::control_form))
            .order((curriculum::index_code.asc(), subjects::name.asc(), terms::starts_on.desc()))
            .into_boxed();
        match term_id {
            Some(t) => q.filter(curriculum::term_id.eq(t)).load(x),
            None => q.load(x),
        }
    })?;
    // One line per subject: over several terms the first in curriculum order, and of lines
    // with the same index the latest term's.
    let mut seen = BTreeSet::new();
    let subjects: Vec<Subject> = subject_rows
        .into_iter()
        .filter(|(id, _, _)| seen.insert(*id))
        .map(|(id, name, control)| Subject {
            id,
            name,
            control: ControlForm::from_code(&control).unwrap_or(ControlForm::Other),
        })
        .collect();

    type LessonTuple = (i64, i64, i64, Option<i64>, NaiveDate, i32, String);
    let lesson_rows: Vec<LessonTuple> = crate::with_conn!(c, x => {
        let q = lessons::table
            .inner_join(assignments::table)
            .filter(assignments::group_id.eq(group_id))
            .filter(lessons::date.between(span.start, span.end))
            .select((lessons::id, assignments::subject_id, lessons::held_by,
                     assignments::subgroup_id, lessons::date, lessons::hours, lessons::kind))
            .order((lessons::date.asc(), lessons::pair.asc(), lessons::id.asc()))
            .into_boxed();
        match term_id {
            Some(t) => q.filter(assignments::term_id.eq(t)).load(x),
            None => q.load(x),
        }
    })?;
    let lessons: Vec<Lesson> = lesson_rows
        .into_iter()
        .map(
            |(id, subject_id, teacher_id, subgroup_id, date, hours, kind)| Lesson {
                id,
                subject_id,
                teacher_id,
                subgroup_id,
                date,
                hours: u32::try_from(hours).unwrap_or(0),
                kind: LessonKind::from_code(&kind).ok(),
            },
        )
        .collect();

    let grade_rows: Vec<(i64, i64, i32, i32)> = crate::with_conn!(c, x => {
        let q = grades::table
            .inner_join(lessons::table.inner_join(assignments::table))
            .inner_join(work_kinds::table)
            .filter(assignments::group_id.eq(group_id))
            .filter(lessons::date.between(span.start, span.end))
            .select((grades::lesson_id, grades::student_id, grades::value, work_kinds::weight))
            .order(grades::id.asc())
            .into_boxed();
        match term_id {
            Some(t) => q.filter(assignments::term_id.eq(t)).load(x),
            None => q.load(x),
        }
    })?;
    let mut grades_map: HashMap<(i64, i64), Vec<(GradeValue, u32)>> = HashMap::new();
    for (lesson, student, value, weight) in grade_rows {
        if let Ok(g) = GradeValue::from_code(value) {
            grades_map
                .entry((lesson, student))
                .or_default()
                .push((g, u32::try_from(weight).unwrap_or(1)));
        }
    }
    let absence_rows: Vec<(i64, i64, String)> = crate::with_conn!(c, x => {
        let q = absences::table
            .inner_join(lessons::table.inner_join(assignments::table))
            .filter(assignments::group_id.eq(group_id))
            .filter(lessons::date.between(span.start, span.end))
            .select((absences::lesson_id, absences::student_id, absences::reason))
            .into_boxed();
        match term_id {
            Some(t) => q.filter(assignments::term_id.eq(t)).load(x),
            None => q.load(x),
        }
    })?;
    let absences_map = absence_rows
        .into_iter()
        .filter_map(|(l, s, r)| AbsenceReason::from_code(&r).ok().map(|r| ((l, s), r)))
        .collect();
    let debts: Vec<(i64, i64)> = crate::with_conn!(c, x => {
        let q = debts::table
            .inner_join(lessons::table.inner_join(assignments::table))
            .filter(assignments::group_id.eq(group_id))
            .filter(lessons::date.between(span.start, span.end))
            .select((debts::lesson_id, debts::student_id))
            .into_boxed();
        match term_id {
            Some(t) => q.filter(assignments::term_id.eq(t)).load(x),
            None => q.load(x),
        }
    })?;
    let mut finals = HashMap::new();
    if let Some(t) = term_id {
        let rows: Vec<(i64, i64, String, i32)> = crate::with_conn!(c, x => final_grades::table
            .filter(final_grades::group_id.eq(group_id))
            .filter(final_grades::term_id.eq(t))
            .filter(final_grades::kind.eq_any(["term", "exam"]))
            .select((final_grades::student_id, final_grades::subject_id, final_grades::kind,
                     final_grades::value))
            .load(x))?;
        let mut stored: HashMap<(i64, i64), [Option<FinalGradeValue>; 2]> = HashMap::new();
        for (s, subj, kind, v) in rows {
            if let Ok(f) = FinalGradeValue::from_code(v) {
                stored.entry((s, subj)).or_default()[usize::from(kind == "exam")] = Some(f);
            }
        }
        let forms: HashMap<i64, ControlForm> = subjects.iter().map(|s| (s.id, s.control)).collect();
        for (key, [term, exam]) in stored {
            let form = forms.get(&key.1).copied().unwrap_or(ControlForm::Other);
            if let Some(v) = form.term_result(term, exam) {
                finals.insert(key, v);
            }
        }
    }
    let sub_ids: BTreeSet<i64> = lessons.iter().filter_map(|l| l.subgroup_id).collect();
    let sub_rows: Vec<(i64, i64)> = crate::with_conn!(c, x => subgroup_members::table
        .filter(subgroup_members::subgroup_id.eq_any(sub_ids.iter().copied().collect::<Vec<_>>()))
        .select((subgroup_members::subgroup_id, subgroup_members::student_id))
        .load(x))?;
    let mut subgroups: HashMap<i64, BTreeSet<i64>> = HashMap::new();
    for (sg, s) in sub_rows {
        subgroups.entry(sg).or_default().insert(s);
    }
    Ok(GroupData {
        group_id,
        span,
        members,
        subjects,
        lessons,
        grades: grades_map,
        absences: absences_map,
        debts: debts.into_iter().collect(),
        finals,
        subgroups,
    })
}
