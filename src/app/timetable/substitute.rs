//! Substitutions (7.2, 9.2): a dated change of one pair of a group — another teacher, subject
//! or room, a cancelled pair, or an extra pair. A change of teacher or subject moves that day's
//! lesson into the substitute's journal: the lesson is created (or found) under the assignment
//! of the subject taught and its `held_by` is the substitute, which is what lets them enter
//! marks (`Action::EnterMarks { teacher_id, held_by }`). A later substitution of the same pair
//! replaces the earlier one.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::schedule::{load_bells, slots_on, Slot};
use super::substitute_lesson::{assignment_for, drop_lesson, hold_lesson};
use crate::access::{self, Action};
use crate::app::lookup::{self, ru};
use crate::app::{Actor, AppError};
use crate::store::audit::{self, AuditEntry};
use crate::store::rows::SubstitutionRow;
use crate::store::schema::{assignments, substitutions};
use crate::store::{Conn, Db};

/// What `ezh timetable substitute` asks for.
#[derive(Debug, Clone, Default)]
pub struct SubstituteRequest {
    pub date: Option<NaiveDate>,
    pub pair: i32,
    pub group: String,
    /// Needed when the group is split at that pair.
    pub subgroup: Option<String>,
    pub teacher: Option<String>,
    pub room: Option<String>,
    pub subject: Option<String>,
    pub cancel: bool,
}

/// Records a substitution (secretary, deputy, administrator) and moves the lesson accordingly;
/// returns the stored row.
pub fn substitute(
    db: &mut Db,
    actor: &Actor,
    r: &SubstituteRequest,
) -> Result<SubstitutionRow, AppError> {
    let permit = access::check(actor, &Action::Substitute)?;
    let date = r
        .date
        .ok_or_else(|| AppError::Invalid("укажите дату замены".into()))?;
    let changes = r.teacher.is_some() || r.room.is_some() || r.subject.is_some();
    if r.cancel && changes {
        return Err(AppError::Invalid(
            "«--cancel» нельзя сочетать с --teacher, --room и --subject".into(),
        ));
    }
    if !r.cancel && !changes {
        return Err(AppError::Invalid(
            "укажите, что меняется: --teacher, --room или --subject, либо --cancel".into(),
        ));
    }
    db.write(|c| {
        let gid = lookup::group_id(c, &r.group)?;
        let bells = load_bells(c)?;
        let all = slots_on(c, date, &bells)?;
        let planned = planned_slot(&all, gid, r, date)?;
        let teacher = r.teacher.as_deref().map(|t| lookup::teacher_id(c, t)).transpose()?;
        let subject = r.subject.as_deref().map(|s| lookup::subject_id(c, s)).transpose()?;
        let room = r.room.as_deref().map(|s| lookup::room_id(c, s)).transpose()?;
        let subgroup_id = match &planned {
            Some(p) => p.subgroup.as_ref().map(|_| subgroup_of(c, p)).transpose()?.flatten(),
            None => None,
        };
        // The assignment whose journal gets the lesson, and who holds it.
        let (assignment, holder) = match (&planned, subject) {
            (Some(p), None) => (p.planned_assignment_id, teacher.unwrap_or(p.planned_teacher_id.unwrap_or(p.teacher_id))),
            (_, Some(s)) => {
                let a = assignment_for(c, gid, subgroup_id, s, date, &r.group)?;
                (Some(a.0), teacher.unwrap_or(a.1))
            }
            (None, None) => {
                return Err(AppError::Invalid(format!(
                    "у группы {} нет {}-й пары {} по расписанию: для дополнительной пары укажите --subject и --teacher",
                    r.group.trim(), r.pair, ru(date)
                )))
            }
        };
        if let Some(t) = teacher.filter(|_| !r.cancel) {
            if let Some(busy) = all.iter().find(|s| s.teacher_id == t && s.pair == r.pair && !s.cancelled && Some(*s) != planned.as_ref()) {
                return Err(AppError::Invalid(format!(
                    "{} уже ведёт {}-ю пару {} ({}, {})",
                    busy.teacher, r.pair, ru(date), busy.group, busy.subject
                )));
            }
        }
        if let Some(rm) = room {
            if let Some(busy) = all.iter().find(|s| s.room_id == Some(rm) && s.pair == r.pair && !s.cancelled && Some(*s) != planned.as_ref()) {
                return Err(AppError::Invalid(format!(
                    "кабинет {} занят на {}-й паре {} ({}, {})",
                    r.room.as_deref().unwrap_or_default().trim(), r.pair, ru(date), busy.group, busy.subject
                )));
            }
        }
        let now = crate::store::now();
        let mut entries = Vec::new();
        // A replaced substitution may have moved the lesson: put it where this one says.
        let touches_journal = r.cancel || teacher.is_some() || subject.is_some()
            || planned.as_ref().is_some_and(|p| p.substitution_id.is_some());
        let mut lesson_id = None;
        if touches_journal {
            // A lesson already written under the planned assignment that no longer applies.
            if let Some(old) = planned.as_ref().and_then(|p| p.lesson_id.zip(p.assignment_id)) {
                if r.cancel || Some(old.1) != assignment {
                    drop_lesson(c, old.0, date, r.pair, &mut entries)?;
                }
            }
            if !r.cancel {
                let a = assignment.ok_or_else(|| AppError::Invalid("не найдена нагрузка для занятия".into()))?;
                lesson_id = Some(hold_lesson(c, a, date, r.pair, holder, &mut entries)?);
            }
        }
        let superseded: Vec<i64> = all
            .iter()
            .filter(|s| s.group_id == gid && s.pair == r.pair && s.subgroup == planned.as_ref().and_then(|p| p.subgroup.clone()))
            .filter_map(|s| s.substitution_id)
            .collect();
        crate::with_conn!(c, x => diesel::delete(substitutions::table.filter(substitutions::id.eq_any(&superseded))).execute(x))?;
        let row: SubstitutionRow = crate::with_conn!(c, x => diesel::insert_into(substitutions::table)
            .values((
                substitutions::date.eq(date),
                substitutions::pair.eq(r.pair),
                substitutions::timetable_entry_id.eq(planned.as_ref().and_then(|p| p.entry_id)),
                substitutions::group_id.eq(gid),
                substitutions::subgroup_id.eq(subgroup_id),
                substitutions::teacher_id.eq((teacher.is_some() || subject.is_some()).then_some(holder)),
                substitutions::subject_id.eq(subject),
                substitutions::room_id.eq(room),
                substitutions::cancelled.eq(r.cancel),
                substitutions::created_by.eq(permit.user_id()),
                substitutions::created_at.eq(now),
            ))
            .returning(SubstitutionRow::as_returning())
            .get_result(x))?;
        let what = if r.cancel {
            "пара отменена".to_string()
        } else {
            let mut parts = Vec::new();
            if teacher.is_some() || subject.is_some() {
                parts.push(format!("ведёт {}", lookup::user_short_name(c, holder)?));
            }
            if let Some(s) = &r.subject {
                parts.push(format!("дисциплина «{}»", s.trim()));
            }
            if let Some(rm) = &r.room {
                parts.push(format!("кабинет {}", rm.trim()));
            }
            parts.join(", ")
        };
        entries.push(AuditEntry {
            action: "insert",
            entity: "lesson",
            entity_id: lesson_id.unwrap_or(row.id),
            old_value: planned.as_ref().map(|p| format!("{}, {}, {}", p.subject, p.teacher, p.room.clone().unwrap_or_default())),
            new_value: Some(format!("замена № {}: {} {}-я пара, группа {}: {what}", row.id, ru(date), r.pair, r.group.trim())),
            ..Default::default()
        });
        audit::append_many(c, &permit, &entries, now)?;
        Ok(row)
    })
}

/// The weekly pair being changed, if the group has one then; a split pair needs `--subgroup`.
fn planned_slot(
    all: &[Slot],
    gid: i64,
    r: &SubstituteRequest,
    date: NaiveDate,
) -> Result<Option<Slot>, AppError> {
    let mine: Vec<&Slot> = all
        .iter()
        .filter(|s| s.group_id == gid && s.pair == r.pair && !s.extra)
        .collect();
    let chosen: Vec<&&Slot> = match &r.subgroup {
        Some(sg) => mine
            .iter()
            .filter(|s| s.subgroup.as_deref() == Some(sg.trim()))
            .collect(),
        None => mine.iter().collect(),
    };
    match chosen.as_slice() {
        [] if r.subgroup.is_some() => Err(AppError::NotFound(format!(
            "{}-я пара подгруппы {} группы {} {}",
            r.pair,
            r.subgroup.as_deref().unwrap_or_default(),
            r.group.trim(),
            ru(date)
        ))),
        [] => Ok(None),
        [one] => Ok(Some((**one).clone())),
        _ => Err(AppError::Invalid(format!(
            "у группы {} на {}-й паре {} занятия подгрупп ({}): укажите --subgroup",
            r.group.trim(),
            r.pair,
            ru(date),
            chosen
                .iter()
                .map(|s| format!("{} — {}", s.subgroup.clone().unwrap_or_default(), s.subject))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

fn subgroup_of(c: &mut Conn<'_>, p: &Slot) -> Result<Option<i64>, AppError> {
    let Some(a) = p.assignment_id else {
        return Ok(None);
    };
    Ok(
        crate::with_conn!(c, x => assignments::table.find(a).select(assignments::subgroup_id).first(x))?,
    )
}
