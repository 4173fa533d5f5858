//! Movement of students by order (5.4, 6.8): enrolment, transfer, academic leave and return,
//! expulsion, graduation. History is never rewritten: a movement closes the open membership
//! span the day before its date and opens a new one on its date, so a transferred student's
//! marks stay in the old group's journal and the new group's journal shows them only from the
//! date of the order. The date of a movement is the first day in the new state.

use chrono::{Duration, NaiveDate};
use diesel::prelude::*;

use super::movement_rules::{plan, state_of, Plan};
use crate::access::{self, Action, Permit};
use crate::app::lookup::{self, ru};
use crate::app::{Actor, AppError};
pub use crate::domain::movement_kind::MovementKind;
use crate::store::audit::{self, AuditEntry};
use crate::store::rows::{MovementRow, StudentRow};
use crate::store::schema::{group_memberships, movements, orders, students};
use crate::store::{Conn, Db};

/// One movement to record.
#[derive(Debug, Clone)]
pub struct MovementRequest {
    pub kind: MovementKind,
    /// Student reference: id, record-book number or full name.
    pub student: String,
    /// First day in the new state.
    pub date: NaiveDate,
    /// The group to go to: required for enrolment and transfer; for a return, the group left
    /// from unless given.
    pub group: Option<String>,
    pub order_number: String,
    /// Date of the order; the movement's date if not given.
    pub order_date: Option<NaiveDate>,
    pub reason: String,
}

/// Records a movement by order (administrator). Returns the stored movement.
pub fn apply(db: &mut Db, actor: &Actor, req: &MovementRequest) -> Result<MovementRow, AppError> {
    let permit = access::check(actor, &Action::Movement)?;
    let number = req.order_number.trim();
    if number.is_empty() {
        return Err(AppError::Invalid(
            "номер приказа не может быть пустым".into(),
        ));
    }
    db.write(|c| {
        let student = lookup::student(c, &req.student)?;
        apply_in(c, &permit, req, number, student)
    })
}

/// A person enrolled for the first time (a student record is created).
#[derive(Debug, Clone)]
pub struct NewStudent {
    /// «Фамилия Имя [Отчество]».
    pub full_name: String,
    pub birth_date: NaiveDate,
    pub record_book: Option<String>,
}

/// Creates the student record of `person` (or takes the one with the same full name and birth
/// date) and enrols them as `req` says (its `student` is ignored), in one transaction.
pub fn enrol_new(
    db: &mut Db,
    actor: &Actor,
    person: &NewStudent,
    req: &MovementRequest,
) -> Result<(StudentRow, MovementRow), AppError> {
    let permit = access::check(actor, &Action::Movement)?;
    let number = req.order_number.trim();
    if number.is_empty() || req.kind != MovementKind::Enrol {
        return Err(AppError::Invalid(
            "номер приказа не может быть пустым".into(),
        ));
    }
    let name = lookup::person_name("ФИО", &person.full_name)?;
    let (last, first, patronymic) = name.parts();
    db.write(|c| {
        let found: Option<StudentRow> = crate::with_conn!(c, x => students::table
            .filter(students::last_name.eq(last))
            .filter(students::first_name.eq(first))
            .filter(students::patronymic.eq(&patronymic))
            .filter(students::birth_date.eq(person.birth_date))
            .select(StudentRow::as_select())
            .first(x)
            .optional())?;
        let student = match found {
            Some(s) => s,
            None => {
                let s: StudentRow = crate::with_conn!(c, x => diesel::insert_into(students::table)
                    .values((
                        students::last_name.eq(last),
                        students::first_name.eq(first),
                        students::patronymic.eq(&patronymic),
                        students::birth_date.eq(person.birth_date),
                        students::record_book.eq(person.record_book.as_deref().map(str::trim)),
                    ))
                    .returning(StudentRow::as_returning())
                    .get_result(x))?;
                audit::append(
                    c,
                    &permit,
                    &AuditEntry {
                        action: "insert",
                        entity: "student",
                        entity_id: s.id,
                        student_id: Some(s.id),
                        new_value: Some(format!("{}, {}", lookup::full_name(&s), ru(s.birth_date))),
                        ..Default::default()
                    },
                    crate::store::now(),
                )?;
                s
            }
        };
        let m = apply_in(c, &permit, req, number, student.clone())?;
        Ok((student, m))
    })
}

fn apply_in(
    c: &mut Conn<'_>,
    permit: &Permit,
    req: &MovementRequest,
    number: &str,
    student: StudentRow,
) -> Result<MovementRow, AppError> {
    {
        let to_group = match &req.group {
            Some(g) if req.kind.needs_group() || req.kind == MovementKind::Return => {
                Some(lookup::group_id(c, g)?)
            }
            Some(_) => {
                return Err(AppError::Invalid(format!(
                    "«--group»: для вида движения «{}» группа не указывается",
                    req.kind.name_ru()
                )))
            }
            None if req.kind.needs_group() => {
                return Err(AppError::Invalid(format!(
                    "«--group»: для вида движения «{}» укажите группу",
                    req.kind.name_ru()
                )))
            }
            None => None,
        };
        let state = state_of(c, student.id)?;
        let plan = plan(c, &student, req, &state, to_group)?;
        write(c, permit, &student, req, number, plan)
    }
}

fn write(
    c: &mut Conn<'_>,
    permit: &Permit,
    s: &StudentRow,
    req: &MovementRequest,
    number: &str,
    plan: Plan,
) -> Result<MovementRow, AppError> {
    let order_date = req.order_date.unwrap_or(req.date);
    let existing: Option<i64> = crate::with_conn!(c, x => orders::table
        .filter(orders::number.eq(number))
        .filter(orders::date.eq(order_date))
        .select(orders::id)
        .first(x)
        .optional())?;
    let order_id = match existing {
        Some(id) => id,
        None => crate::with_conn!(c, x => diesel::insert_into(orders::table)
            .values((
                orders::number.eq(number),
                orders::date.eq(order_date),
                orders::title.eq(req.kind.order_title()),
            ))
            .returning(orders::id)
            .get_result(x))?,
    };
    let reason = format!(
        "приказ № {number} от {}: {}",
        ru(order_date),
        req.kind.name_ru()
    );
    let now = crate::store::now();
    let mut entries = Vec::new();
    if let Some(m) = &plan.close {
        let end = req.date - Duration::days(1);
        crate::with_conn!(c, x => diesel::update(group_memberships::table.find(m.id))
            .set(group_memberships::to_date.eq(Some(end)))
            .execute(x))?;
        entries.push(AuditEntry {
            action: "update",
            entity: "membership",
            entity_id: m.id,
            student_id: Some(s.id),
            old_value: Some(format!("с {}", ru(m.from_date))),
            new_value: Some(format!("с {} по {}", ru(m.from_date), ru(end))),
            reason: Some(reason.clone()),
            ..Default::default()
        });
    }
    if let Some(g) = plan.open {
        let id: i64 = crate::with_conn!(c, x => diesel::insert_into(group_memberships::table)
            .values((
                group_memberships::student_id.eq(s.id),
                group_memberships::group_id.eq(g),
                group_memberships::from_date.eq(req.date),
            ))
            .returning(group_memberships::id)
            .get_result(x))?;
        entries.push(AuditEntry {
            action: "insert",
            entity: "membership",
            entity_id: id,
            student_id: Some(s.id),
            new_value: Some(plan.after.clone()),
            reason: Some(reason.clone()),
            ..Default::default()
        });
    }
    let (from, to) = match req.kind {
        MovementKind::Enrol | MovementKind::Return => (None, plan.open),
        MovementKind::Transfer => (plan.from, plan.open),
        _ => (plan.from, None),
    };
    let row: MovementRow = crate::with_conn!(c, x => diesel::insert_into(movements::table)
        .values((
            movements::student_id.eq(s.id),
            movements::kind.eq(req.kind.as_code()),
            movements::date.eq(req.date),
            movements::from_group_id.eq(from),
            movements::to_group_id.eq(to),
            movements::order_id.eq(order_id),
            movements::reason.eq(req.reason.trim()),
            movements::created_by.eq(permit.user_id()),
            movements::created_at.eq(now),
        ))
        .returning(MovementRow::as_returning())
        .get_result(x))?;
    entries.push(AuditEntry {
        action: "update",
        entity: "student",
        entity_id: s.id,
        student_id: Some(s.id),
        old_value: Some(plan.before),
        new_value: Some(plan.after),
        reason: Some(reason),
        ..Default::default()
    });
    audit::append_many(c, permit, &entries, now)?;
    Ok(row)
}
