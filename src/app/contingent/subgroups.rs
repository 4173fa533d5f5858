//! A group's card (tutor, specialty, students with their subgroups, assignments) and dividing
//! a group into subgroups for a subject (5.3, 6.8): the students are split alphabetically into
//! contiguous blocks, as a paper journal divides them, and can then be moved one by one.

use diesel::prelude::*;

use crate::access::{self, Action};
use crate::app::lookup::{self, full_name};
use crate::app::{Actor, AppError};
use crate::domain::person::short_name;
use crate::store::audit::{self, AuditEntry};
use crate::store::rows::{GroupRow, StudentRow};
use crate::store::schema::{
    absences, assignments, curriculum, grades, group_memberships, lessons, specialties, students,
    study_groups, subgroup_members, subgroups, subjects, terms, users,
};
use crate::store::{Conn, Db};

/// What `ezh group show` prints.
#[derive(Debug, Clone)]
pub struct GroupCard {
    pub group: GroupRow,
    pub specialty: String,
    pub tutor: String,
    /// Current students in journal order, each with «дисциплина: подгруппа» entries.
    pub students: Vec<(StudentRow, Vec<String>)>,
    /// Assignments: subject, subgroup, teacher, term.
    pub assignments: Vec<(String, String, String, String)>,
}

/// The card of group `name`, for whoever may see the group's journal.
pub fn show(db: &mut Db, actor: &Actor, name: &str) -> Result<GroupCard, AppError> {
    db.read(|c| {
        let gid = lookup::group_id(c, name)?;
        // The secretary keeps the contingent lists (7.1) and sees who is in a group, not marks.
        if access::check(actor, &Action::Import).is_err() {
            access::check(actor, &Action::ReadGroup { group_id: gid })?;
        }
        let (group, specialty): (GroupRow, Option<String>) = crate::with_conn!(c, x => study_groups::table
            .left_join(specialties::table)
            .filter(study_groups::id.eq(gid))
            .select((GroupRow::as_select(), specialties::name.nullable()))
            .first(x))?;
        let tutor = group
            .tutor_id
            .map(|t| lookup::user_short_name(c, t))
            .transpose()?
            .unwrap_or_default();
        let mut list = current_students(c, gid)?;
        let subs: Vec<(i64, Option<String>, String)> = crate::with_conn!(c, x => subgroup_members::table
            .inner_join(subgroups::table.left_join(subjects::table))
            .filter(subgroups::group_id.eq(gid))
            .order((subjects::name.nullable().asc(), subgroups::name.asc()))
            .select((subgroup_members::student_id, subjects::name.nullable(), subgroups::name))
            .load(x))?;
        let students = list
            .drain(..)
            .map(|s| {
                let mine = subs
                    .iter()
                    .filter(|(id, _, _)| *id == s.id)
                    .map(|(_, subj, sg)| match subj {
                        Some(subj) => format!("{subj}: {sg}"),
                        None => format!("подгруппа {sg}"),
                    })
                    .collect();
                (s, mine)
            })
            .collect();
        type A = (String, Option<String>, String, String, String, String);
        let rows: Vec<A> = crate::with_conn!(c, x => assignments::table
            .inner_join(subjects::table)
            .inner_join(terms::table)
            .inner_join(users::table)
            .left_join(subgroups::table.on(assignments::subgroup_id.eq(subgroups::id.nullable())))
            .filter(assignments::group_id.eq(gid))
            .order((terms::starts_on.asc(), subjects::name.asc(), subgroups::name.nullable().asc()))
            .select((subjects::name, subgroups::name.nullable(), users::last_name,
                     users::first_name, users::patronymic, terms::name))
            .load(x))?;
        Ok(GroupCard {
            group,
            specialty: specialty.unwrap_or_default(),
            tutor,
            students,
            assignments: rows
                .into_iter()
                .map(|(subj, sg, l, f, p, term)| {
                    (subj, sg.unwrap_or_default(), short_name(&l, &f, &p), term)
                })
                .collect(),
        })
    })
}

/// Students with an open membership in the group, in journal order.
fn current_students(c: &mut Conn<'_>, gid: i64) -> Result<Vec<StudentRow>, AppError> {
    let mut list: Vec<StudentRow> = crate::with_conn!(c, x => group_memberships::table
        .inner_join(students::table)
        .filter(group_memberships::group_id.eq(gid))
        .filter(group_memberships::to_date.is_null())
        .select(StudentRow::as_select())
        .load(x))?;
    list.sort_by(|a, b| {
        crate::domain::collate::compare_names(
            [&a.last_name, &a.first_name, &a.patronymic],
            [&b.last_name, &b.first_name, &b.patronymic],
        )
    });
    Ok(list)
}

/// Divides group `group` into `parts` subgroups for `subject`, named «1», «2» …; the current
/// students are split alphabetically into contiguous blocks, the first blocks one larger when
/// the count does not divide. Returns the subgroups' sizes.
pub fn split(
    db: &mut Db,
    actor: &Actor,
    group: &str,
    subject: &str,
    parts: usize,
) -> Result<Vec<usize>, AppError> {
    db.write(|c| {
        let gid = lookup::group_id(c, group)?;
        let sid = lookup::subject_id(c, subject)?;
        let permit = access::check(
            actor,
            &Action::SplitSubgroups {
                group_id: gid,
                subject_id: sid,
            },
        )?;
        let studied: i64 = crate::with_conn!(c, x => curriculum::table
            .filter(curriculum::group_id.eq(gid))
            .filter(curriculum::subject_id.eq(sid))
            .count()
            .get_result(x))?;
        if studied == 0 {
            return Err(AppError::Invalid(format!(
                "дисциплины «{}» нет в учебном плане группы {}",
                subject.trim(),
                group.trim()
            )));
        }
        let existing: Vec<String> = crate::with_conn!(c, x => subgroups::table
            .filter(subgroups::group_id.eq(gid))
            .filter(subgroups::subject_id.eq(sid))
            .order(subgroups::name)
            .select(subgroups::name)
            .load(x))?;
        if !existing.is_empty() {
            return Err(AppError::Invalid(format!(
                "группа {} уже разделена по дисциплине «{}» (подгруппы {}); переводите обучающихся командой ezh group move-student",
                group.trim(),
                subject.trim(),
                existing.join(", ")
            )));
        }
        let list = current_students(c, gid)?;
        if !(2..=6).contains(&parts) || parts > list.len() {
            return Err(AppError::Invalid(format!(
                "«--into»: {parts} — число подгрупп от 2 до 6 и не больше числа обучающихся ({})",
                list.len()
            )));
        }
        let (base, extra) = (list.len() / parts, list.len() % parts);
        let mut sizes = Vec::new();
        let mut entries = Vec::new();
        let mut rest = list.iter();
        for k in 0..parts {
            let size = base + usize::from(k < extra);
            let name = (k + 1).to_string();
            let sg: i64 = crate::with_conn!(c, x => diesel::insert_into(subgroups::table)
                .values((
                    subgroups::group_id.eq(gid),
                    subgroups::subject_id.eq(Some(sid)),
                    subgroups::name.eq(&name),
                ))
                .returning(subgroups::id)
                .get_result(x))?;
            for s in rest.by_ref().take(size) {
                crate::with_conn!(c, x => diesel::insert_into(subgroup_members::table)
                    .values((subgroup_members::subgroup_id.eq(sg), subgroup_members::student_id.eq(s.id)))
                    .execute(x))?;
                entries.push(AuditEntry {
                    action: "insert",
                    entity: "membership",
                    entity_id: sg,
                    student_id: Some(s.id),
                    new_value: Some(format!("{}: подгруппа {name}", subject.trim())),
                    ..Default::default()
                });
            }
            sizes.push(size);
        }
        audit::append_many(c, &permit, &entries, crate::store::now())?;
        Ok(sizes)
    })
}

/// Moves a student of `group` into subgroup `to` of `subject`. Refused while the student has
/// marks in the lessons of their present subgroup: subgroup membership is not dated, so the
/// move would hide those marks from that subgroup's journal.
pub fn move_student(
    db: &mut Db,
    actor: &Actor,
    group: &str,
    subject: &str,
    student: &str,
    to: &str,
) -> Result<(), AppError> {
    db.write(|c| {
        let gid = lookup::group_id(c, group)?;
        let sid = lookup::subject_id(c, subject)?;
        let permit = access::check(
            actor,
            &Action::SplitSubgroups {
                group_id: gid,
                subject_id: sid,
            },
        )?;
        let s = lookup::student(c, student)?;
        if lookup::current_group(c, s.id)? != Some(gid) {
            return Err(AppError::Invalid(format!(
                "{} не учится в группе {}",
                full_name(&s),
                group.trim()
            )));
        }
        let target = lookup::subgroup_id(c, gid, sid, to)?;
        let now_in: Vec<(i64, String)> = crate::with_conn!(c, x => subgroup_members::table
            .inner_join(subgroups::table)
            .filter(subgroups::group_id.eq(gid))
            .filter(subgroups::subject_id.eq(sid))
            .filter(subgroup_members::student_id.eq(s.id))
            .select((subgroups::id, subgroups::name))
            .load(x))?;
        if now_in.iter().any(|(id, _)| *id == target) {
            return Err(AppError::Invalid(format!(
                "{} уже в подгруппе {}",
                full_name(&s),
                to.trim()
            )));
        }
        for (old, name) in &now_in {
            let marks = marks_in_subgroup(c, s.id, *old)?;
            if marks > 0 {
                return Err(AppError::Invalid(format!(
                    "{}: есть отметки и пропуски в подгруппе {name} ({marks}): перемещение скрыло бы их из журнала подгруппы",
                    full_name(&s)
                )));
            }
            crate::with_conn!(c, x => diesel::delete(subgroup_members::table
                .filter(subgroup_members::subgroup_id.eq(old))
                .filter(subgroup_members::student_id.eq(s.id)))
                .execute(x))?;
        }
        crate::with_conn!(c, x => diesel::insert_into(subgroup_members::table)
            .values((subgroup_members::subgroup_id.eq(target), subgroup_members::student_id.eq(s.id)))
            .execute(x))?;
        let old = now_in.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>().join(", ");
        audit::append(
            c,
            &permit,
            &AuditEntry {
                action: "update",
                entity: "membership",
                entity_id: target,
                student_id: Some(s.id),
                old_value: Some(format!("{}: подгруппа {}", subject.trim(), if old.is_empty() { "—" } else { &old })),
                new_value: Some(format!("{}: подгруппа {}", subject.trim(), to.trim())),
                ..Default::default()
            },
            crate::store::now(),
        )?;
        Ok(())
    })
}

fn marks_in_subgroup(c: &mut Conn<'_>, student: i64, sg: i64) -> Result<i64, AppError> {
    let g: i64 = crate::with_conn!(c, x => grades::table
        .inner_join(lessons::table.inner_join(assignments::table))
        .filter(grades::student_id.eq(student))
        .filter(assignments::subgroup_id.eq(sg))
        .count()
        .get_result(x))?;
    let a: i64 = crate::with_conn!(c, x => absences::table
        .inner_join(lessons::table.inner_join(assignments::table))
        .filter(absences::student_id.eq(student))
        .filter(assignments::subgroup_id.eq(sg))
        .count()
        .get_result(x))?;
    Ok(g + a)
}
