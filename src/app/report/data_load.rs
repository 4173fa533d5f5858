//! Reading [`GroupData`] for many groups at once: each kind of fact (memberships, curriculum,
//! lessons, grades, absences, debts, finals, subgroups) is one statement for all the groups,
//! split by group here. A college-wide report over 120 groups so runs eight statements instead
//! of a thousand, and what it costs is the rows, not the statements (`docs/database.md`).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use diesel::prelude::*;

use super::data::{GroupData, Lesson, Member, Subject};
use crate::app::AppError;
use crate::domain::{
    AbsenceReason, ControlForm, DateSpan, FinalGradeValue, GradeValue, LessonKind,
};
use crate::store::schema::{
    absences, assignments, curriculum, debts, final_grades, grades, group_memberships, lessons,
    students, subgroup_members, subjects, terms, work_kinds,
};
use crate::store::Conn;

/// The facts of each of `groups` over `span` (with `term_id`: that term's assignments,
/// curriculum and finals); a group with nothing in the span is still there, empty.
pub fn load_groups(
    c: &mut Conn<'_>,
    groups: &[i64],
    span: DateSpan,
    term_id: Option<i64>,
) -> Result<HashMap<i64, GroupData>, AppError> {
    let mut out: HashMap<i64, GroupData> = groups
        .iter()
        .map(|g| (*g, GroupData::empty(*g, span)))
        .collect();
    let ids = groups.to_vec();
    members(c, &ids, span, &mut out)?;
    for (g, subjects) in subjects_of(c, &ids, term_id)? {
        if let Some(d) = out.get_mut(&g) {
            d.subjects = subjects;
        }
    }

    type LessonTuple = (i64, i64, i64, i64, Option<i64>, NaiveDate, i32, String);
    let lesson_rows: Vec<LessonTuple> = crate::with_conn!(c, x => {
        let q = lessons::table
            .inner_join(assignments::table)
            .filter(assignments::group_id.eq_any(&ids))
            .filter(lessons::date.between(span.start, span.end))
            .select((assignments::group_id, lessons::id, assignments::subject_id, lessons::held_by,
                     assignments::subgroup_id, lessons::date, lessons::hours, lessons::kind))
            .order((lessons::date.asc(), lessons::pair.asc(), lessons::id.asc()))
            .into_boxed();
        match term_id {
            Some(t) => q.filter(assignments::term_id.eq(t)).load(x),
            None => q.load(x),
        }
    })?;
    for (g, id, subject_id, teacher_id, subgroup_id, date, hours, kind) in lesson_rows {
        if let Some(d) = out.get_mut(&g) {
            d.lessons.push(Lesson {
                id,
                subject_id,
                teacher_id,
                subgroup_id,
                date,
                hours: u32::try_from(hours).unwrap_or(0),
                kind: LessonKind::from_code(&kind).ok(),
            });
        }
    }

    let grade_rows: Vec<(i64, i64, i64, i32, i32)> = crate::with_conn!(c, x => {
        let q = grades::table
            .inner_join(lessons::table.inner_join(assignments::table))
            .inner_join(work_kinds::table)
            .filter(assignments::group_id.eq_any(&ids))
            .filter(lessons::date.between(span.start, span.end))
            .select((assignments::group_id, grades::lesson_id, grades::student_id, grades::value,
                     work_kinds::weight))
            .order(grades::id.asc())
            .into_boxed();
        match term_id {
            Some(t) => q.filter(assignments::term_id.eq(t)).load(x),
            None => q.load(x),
        }
    })?;
    for (g, lesson, student, value, weight) in grade_rows {
        if let (Ok(v), Some(d)) = (GradeValue::from_code(value), out.get_mut(&g)) {
            let w = u32::try_from(weight).unwrap_or(1);
            d.grades.entry((lesson, student)).or_default().push((v, w));
        }
    }
    marks(c, &ids, span, term_id, &mut out)?;
    if let Some(t) = term_id {
        finals(c, &ids, t, &mut out)?;
    }
    subgroups(c, out)
}

/// The students of each group with the spans they belonged to it, sorted as journals list them.
fn members(
    c: &mut Conn<'_>,
    ids: &[i64],
    span: DateSpan,
    out: &mut HashMap<i64, GroupData>,
) -> Result<(), AppError> {
    type MemberRow = (
        i64,
        i64,
        String,
        String,
        String,
        NaiveDate,
        Option<NaiveDate>,
    );
    let rows: Vec<MemberRow> = crate::with_conn!(c, x => group_memberships::table
        .inner_join(students::table)
        .filter(group_memberships::group_id.eq_any(ids))
        .filter(group_memberships::from_date.le(span.end))
        .filter(group_memberships::to_date.is_null().or(group_memberships::to_date.ge(span.start)))
        .select((group_memberships::group_id, students::id, students::last_name,
                 students::first_name, students::patronymic, group_memberships::from_date,
                 group_memberships::to_date))
        .load(x))?;
    let mut by_group: HashMap<i64, BTreeMap<i64, (Member, [String; 3])>> = HashMap::new();
    for (g, id, last, first, patr, from, to) in rows {
        let e = by_group.entry(g).or_default().entry(id).or_insert_with(|| {
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
    for (g, by_id) in by_group {
        let mut sorted: Vec<(Member, [String; 3])> = by_id.into_values().collect();
        sorted
            .sort_by_cached_key(|m| crate::domain::collate::name_key([&m.1[0], &m.1[1], &m.1[2]]));
        if let Some(d) = out.get_mut(&g) {
            d.members = sorted.into_iter().map(|(m, _)| m).collect();
        }
    }
    Ok(())
}

/// One line per subject of each group's curriculum: over several terms the first in
/// curriculum order, and of lines with the same index the latest term's.
pub(super) fn subjects_of(
    c: &mut Conn<'_>,
    ids: &[i64],
    term_id: Option<i64>,
) -> Result<HashMap<i64, Vec<Subject>>, AppError> {
    let rows: Vec<(i64, i64, String, String)> = crate::with_conn!(c, x => {
        let q = curriculum::table
            .inner_join(subjects::table)
            .inner_join(terms::table)
            .filter(curriculum::group_id.eq_any(ids))
            .select((curriculum::group_id, subjects::id, subjects::name, curriculum::control_form))
            .order((curriculum::index_code.asc(), subjects::name.asc(), terms::starts_on.desc()))
            .into_boxed();
        match term_id {
            Some(t) => q.filter(curriculum::term_id.eq(t)).load(x),
            None => q.load(x),
        }
    })?;
    let mut seen = BTreeSet::new();
    let mut out: HashMap<i64, Vec<Subject>> = HashMap::new();
    for (g, id, name, control) in rows {
        if seen.insert((g, id)) {
            out.entry(g).or_default().push(Subject {
                id,
                name,
                control: ControlForm::from_code(&control).unwrap_or(ControlForm::Other),
            });
        }
    }
    Ok(out)
}

/// Absences and debts of the groups' lessons in the span.
fn marks(
    c: &mut Conn<'_>,
    ids: &[i64],
    span: DateSpan,
    term_id: Option<i64>,
    out: &mut HashMap<i64, GroupData>,
) -> Result<(), AppError> {
    let absence_rows: Vec<(i64, i64, i64, String)> = crate::with_conn!(c, x => {
        let q = absences::table
            .inner_join(lessons::table.inner_join(assignments::table))
            .filter(assignments::group_id.eq_any(ids))
            .filter(lessons::date.between(span.start, span.end))
            .select((assignments::group_id, absences::lesson_id, absences::student_id,
                     absences::reason))
            .into_boxed();
        match term_id {
            Some(t) => q.filter(assignments::term_id.eq(t)).load(x),
            None => q.load(x),
        }
    })?;
    for (g, l, s, r) in absence_rows {
        if let (Ok(r), Some(d)) = (AbsenceReason::from_code(&r), out.get_mut(&g)) {
            d.absences.insert((l, s), r);
        }
    }
    let debt_rows: Vec<(i64, i64, i64)> = crate::with_conn!(c, x => {
        let q = debts::table
            .inner_join(lessons::table.inner_join(assignments::table))
            .filter(assignments::group_id.eq_any(ids))
            .filter(lessons::date.between(span.start, span.end))
            .select((assignments::group_id, debts::lesson_id, debts::student_id))
            .into_boxed();
        match term_id {
            Some(t) => q.filter(assignments::term_id.eq(t)).load(x),
            None => q.load(x),
        }
    })?;
    for (g, l, s) in debt_rows {
        if let Some(d) = out.get_mut(&g) {
            d.debts.insert((l, s));
        }
    }
    Ok(())
}

/// The term's result of each student and subject by the subject's form of control.
pub(super) fn finals(
    c: &mut Conn<'_>,
    ids: &[i64],
    term_id: i64,
    out: &mut HashMap<i64, GroupData>,
) -> Result<(), AppError> {
    let rows: Vec<(i64, i64, i64, String, i32)> = crate::with_conn!(c, x => final_grades::table
        .filter(final_grades::group_id.eq_any(ids))
        .filter(final_grades::term_id.eq(term_id))
        .filter(final_grades::kind.eq_any(["term", "exam"]))
        .select((final_grades::group_id, final_grades::student_id, final_grades::subject_id,
                 final_grades::kind, final_grades::value))
        .load(x))?;
    type Stored = HashMap<(i64, i64), [Option<FinalGradeValue>; 2]>;
    let mut stored: HashMap<i64, Stored> = HashMap::new();
    for (g, s, subj, kind, v) in rows {
        if let Ok(f) = FinalGradeValue::from_code(v) {
            stored.entry(g).or_default().entry((s, subj)).or_default()
                [usize::from(kind == "exam")] = Some(f);
        }
    }
    for (g, per) in stored {
        let Some(d) = out.get_mut(&g) else { continue };
        let forms: HashMap<i64, ControlForm> =
            d.subjects.iter().map(|s| (s.id, s.control)).collect();
        for (key, [term, exam]) in per {
            let form = forms.get(&key.1).copied().unwrap_or(ControlForm::Other);
            if let Some(v) = form.term_result(term, exam) {
                d.finals.insert(key, v);
            }
        }
    }
    Ok(())
}

/// The members of the subgroups whose lessons the groups had.
fn subgroups(
    c: &mut Conn<'_>,
    mut out: HashMap<i64, GroupData>,
) -> Result<HashMap<i64, GroupData>, AppError> {
    let sub_ids: Vec<i64> = out
        .values()
        .flat_map(|d| d.lessons.iter().filter_map(|l| l.subgroup_id))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if sub_ids.is_empty() {
        return Ok(out);
    }
    let rows: Vec<(i64, i64)> = crate::with_conn!(c, x => subgroup_members::table
        .filter(subgroup_members::subgroup_id.eq_any(&sub_ids))
        .select((subgroup_members::subgroup_id, subgroup_members::student_id))
        .load(x))?;
    let mut all: HashMap<i64, BTreeSet<i64>> = HashMap::new();
    for (sg, s) in rows {
        all.entry(sg).or_default().insert(s);
    }
    for d in out.values_mut() {
        let own: BTreeSet<i64> = d.lessons.iter().filter_map(|l| l.subgroup_id).collect();
        d.subgroups = own
            .into_iter()
            .filter_map(|sg| all.get(&sg).map(|m| (sg, m.clone())))
            .collect();
    }
    Ok(out)
}
