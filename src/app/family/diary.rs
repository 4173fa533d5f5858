//! The diary (3.3, 13.1): one student's grades by subject with both averages, and their missed
//! hours, for the student themselves, their guardians and the staff who may see the group.
//! Families' views are recorded in the activity log for the monthly activity reports.

use std::collections::BTreeMap;

use diesel::prelude::*;

use crate::access::{self, Action, Role};
use crate::app::{accounts::auth, lookup, Actor, AppError};
use crate::domain::formulas::{average, weighted_average};
use crate::domain::Attendance;
use crate::domain::{AbsenceReason, Fixed2, GradeValue};
use crate::store::schema::{
    absences, assignments, debts, grades, group_memberships, lessons, students, subjects, terms,
    work_kinds,
};
use crate::store::Db;

/// One subject's line of the diary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiaryLine {
    pub subject: String,
    pub grades: Vec<String>,
    pub average: Option<Fixed2>,
    pub weighted: Option<Fixed2>,
    pub missed_hours: u32,
    /// The days of the works the student owes («точка» in the journal).
    pub debts: Vec<chrono::NaiveDate>,
}

/// A student's diary for the term that contains `on`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diary {
    pub student: String,
    pub term: String,
    pub lines: Vec<DiaryLine>,
}

/// Finds the student a reference names: a number, a record-book number or «Фамилия Имя».
/// Without a reference, the actor's own (a student) or only child (a guardian).
pub fn resolve(db: &mut Db, actor: &Actor, reference: Option<&str>) -> Result<i64, AppError> {
    let Some(r) = reference.map(str::trim).filter(|r| !r.is_empty()) else {
        return actor
            .student_id
            .or_else(|| {
                (actor.children.len() == 1)
                    .then(|| actor.children.iter().next().copied())
                    .flatten()
            })
            .ok_or_else(|| {
                AppError::Invalid("укажите обучающегося: --student НОМЕР или «Фамилия Имя»".into())
            });
    };
    // One rule for every command: record book, number, then «Фамилия Имя [Отчество]» with
    // namesakes listed. Families see no list of namesakes (their groups and birth dates are
    // not theirs to read): only that the reference named nobody they may see.
    match db.read(|c| lookup::student(c, r)) {
        Ok(s) => Ok(s.id),
        Err(e) if actor.is_staff() => Err(e),
        Err(_) => Err(AppError::NotFound(format!("обучающийся «{r}»"))),
    }
}

/// Reads the diary of `student_id` for the term containing `on`, if the actor may see it.
pub fn load(
    db: &mut Db,
    actor: &Actor,
    student_id: i64,
    on: chrono::NaiveDate,
) -> Result<Diary, AppError> {
    let groups: Vec<i64> = crate::with_conn!(&mut db.conn(), c => group_memberships::table
        .filter(group_memberships::student_id.eq(student_id))
        .select(group_memberships::group_id)
        .load(c))?;
    access::check(actor, &Action::ReadStudent { student_id, groups })?;
    let (name, term): ((String, String), Option<(i64, String)>) = crate::with_conn!(&mut db.conn(), c => {
        let n = students::table.find(student_id).select((students::last_name, students::first_name)).first(c)?;
        let t = terms::table
            .filter(terms::starts_on.le(on))
            .filter(terms::ends_on.ge(on))
            .select((terms::id, terms::name))
            .first(c)
            .optional()?;
        Ok::<_, diesel::result::Error>((n, t))
    })?;
    let Some((term_id, term_name)) = term else {
        return Err(AppError::NotFound("учебный период на эту дату".into()));
    };
    type Row = (String, i32, i32);
    let marks: Vec<Row> = crate::with_conn!(&mut db.conn(), c => grades::table
        .inner_join(lessons::table.inner_join(assignments::table.inner_join(subjects::table)))
        .inner_join(work_kinds::table)
        .filter(grades::student_id.eq(student_id))
        .filter(assignments::term_id.eq(term_id))
        .order((subjects::name, lessons::date, grades::id))
        .select((subjects::name, grades::value, work_kinds::weight))
        .load(c))?;
    let missed: Vec<(String, i32, String)> = crate::with_conn!(&mut db.conn(), c => absences::table
        .inner_join(lessons::table.inner_join(assignments::table.inner_join(subjects::table)))
        .filter(absences::student_id.eq(student_id))
        .filter(assignments::term_id.eq(term_id))
        .select((subjects::name, lessons::hours, absences::reason))
        .load(c))?;
    let owed: Vec<(String, chrono::NaiveDate)> = crate::with_conn!(&mut db.conn(), c => debts::table
        .inner_join(lessons::table.inner_join(assignments::table.inner_join(subjects::table)))
        .filter(debts::student_id.eq(student_id))
        .filter(assignments::term_id.eq(term_id))
        .order(lessons::date)
        .select((subjects::name, lessons::date))
        .load(c))?;
    type Facts = (Vec<(GradeValue, u32)>, Attendance, Vec<chrono::NaiveDate>);
    let mut by_subject: BTreeMap<String, Facts> = BTreeMap::new();
    for (subject, day) in owed {
        by_subject.entry(subject).or_default().2.push(day);
    }
    for (subject, value, weight) in marks {
        if let Ok(g) = GradeValue::from_code(value) {
            by_subject
                .entry(subject)
                .or_default()
                .0
                .push((g, u32::try_from(weight).unwrap_or(1)));
        }
    }
    for (subject, hours, reason) in missed {
        let r = AbsenceReason::from_code(&reason).ok();
        by_subject
            .entry(subject)
            .or_default()
            .1
            .add(u32::try_from(hours).ok(), r);
    }
    if actor.has(Role::Student) || actor.has(Role::Guardian) {
        db.write(|c| {
            auth::log_activity(
                c,
                Some(actor.user_id),
                "",
                "diary_view",
                &student_id.to_string(),
            )
        })?;
    }
    Ok(Diary {
        student: format!("{} {}", name.0, name.1),
        term: term_name,
        lines: by_subject
            .into_iter()
            .map(|(subject, (gs, att, debts))| {
                let plain: Vec<GradeValue> = gs.iter().map(|(g, _)| *g).collect();
                DiaryLine {
                    subject,
                    grades: plain.iter().map(|g| g.to_string()).collect(),
                    average: average(&plain).ok().map(|a| a.value),
                    weighted: weighted_average(&gs).ok(),
                    missed_hours: att.missed_hours(),
                    debts,
                }
            })
            .collect(),
    })
}
