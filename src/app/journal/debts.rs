//! «Точка» — a debt (6.6 as Russian journals keep it): the student owes a work of this lesson
//! (a test missed, a practical not handed in). The lesson's teacher puts it in a cell and takes
//! it away, under the same rights and deadlines as a mark; a grade later written in the cell
//! pays the debt and removes it in the same transaction. Every change is audited.

use diesel::prelude::*;

use super::lesson_rights::{cell_at, marks_permit, member_or_refused, CellAt, LessonAt};
use super::marks::record;
use crate::access::Permit;
use crate::app::{Actor, AppError};
use crate::store::audit::AuditEntry;
use crate::store::rows::DebtRow;
use crate::store::schema::debts;
use crate::store::{Conn, Db};

/// The mark of a debt in a cell of the grid and among a diary's marks (`.` puts it).
pub const DEBT_MARK: &str = "•";

/// How the audit log and the screens name a debt.
pub const DEBT_TEXT: &str = "точка (долг)";

/// A debt as the screens see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Debt {
    pub id: i64,
    pub lesson_id: i64,
    pub student_id: i64,
}

impl From<DebtRow> for Debt {
    fn from(r: DebtRow) -> Self {
        Debt {
            id: r.id,
            lesson_id: r.lesson_id,
            student_id: r.student_id,
        }
    }
}

/// Puts (`on`) or takes away the debt of a student at a lesson; `why` is the reason of a late
/// change. Returns whether the cell holds a debt afterwards. Setting what is already there
/// writes nothing.
pub fn set_debt(
    db: &mut Db,
    actor: &Actor,
    lesson_id: i64,
    student_id: i64,
    on: bool,
    why: Option<&str>,
) -> Result<bool, AppError> {
    db.write_cell(lesson_id, |c| {
        let (at, cell) = cell_at(c, lesson_id, student_id)?;
        let permit = marks_permit(c, actor, &at, why)?;
        member_or_refused(cell.member, student_id, at.lesson.date)?;
        match (DebtAt::in_cell(&cell, student_id, &at), on) {
            (Some(_), true) | (None, false) => {}
            (Some(debt), false) => remove_in(c, &permit, debt, why)?,
            (None, true) => {
                let now = crate::store::now();
                let row: DebtRow = crate::with_conn!(c, x => diesel::insert_into(debts::table)
                    .values((
                        debts::lesson_id.eq(lesson_id),
                        debts::student_id.eq(student_id),
                        debts::entered_by.eq(permit.user_id()),
                        debts::entered_at.eq(now),
                    ))
                    .returning(DebtRow::as_returning())
                    .get_result(x))?;
                record(
                    c,
                    &permit,
                    &AuditEntry {
                        action: "insert",
                        entity: "debt",
                        entity_id: row.id,
                        student_id: Some(student_id),
                        new_value: Some(DEBT_TEXT.to_string()),
                        reason: why.map(str::to_string),
                        chain: at.chain(),
                        ..Default::default()
                    },
                    now,
                )?;
            }
        }
        Ok(on)
    })
}

/// The debt of a student at a lesson, if any.
pub(super) fn debt_row(
    c: &mut Conn<'_>,
    lesson_id: i64,
    student_id: i64,
) -> Result<Option<DebtRow>, AppError> {
    Ok(crate::with_conn!(c, x => debts::table
        .filter(debts::lesson_id.eq(lesson_id))
        .filter(debts::student_id.eq(student_id))
        .select(DebtRow::as_select())
        .first(x)
        .optional())?)
}

/// A debt in a cell, as the cell's write already read it: three ids that a tuple would let
/// one swap for another.
pub(super) struct DebtAt {
    pub id: i64,
    pub student_id: i64,
    /// The lesson's audit chain.
    pub chain: i64,
}

impl DebtAt {
    /// The debt of student `student_id` in the cell that [`cell_at`] read with lesson `at`.
    pub(super) fn in_cell(cell: &CellAt, student_id: i64, at: &LessonAt) -> Option<DebtAt> {
        cell.debt.map(|id| DebtAt {
            id,
            student_id,
            chain: at.chain(),
        })
    }
}

/// A grade was written in a cell that holds a debt: the debt is paid, inside the grade's
/// transaction, under the grade's permit.
pub(super) fn paid_in(
    c: &mut Conn<'_>,
    permit: &Permit,
    debt: DebtAt,
    why: Option<&str>,
) -> Result<(), AppError> {
    remove_in(c, permit, debt, why.or(Some("отметка за работу")))
}

/// Removes a debt, with its audit record.
fn remove_in(
    c: &mut Conn<'_>,
    permit: &Permit,
    debt: DebtAt,
    why: Option<&str>,
) -> Result<(), AppError> {
    let DebtAt {
        id,
        student_id,
        chain,
    } = debt;
    let now = crate::store::now();
    crate::with_conn!(c, x => diesel::delete(debts::table.find(id)).execute(x))?;
    record(
        c,
        permit,
        &AuditEntry {
            action: "delete",
            entity: "debt",
            entity_id: id,
            student_id: Some(student_id),
            old_value: Some(DEBT_TEXT.to_string()),
            reason: why.map(str::to_string),
            chain,
            ..Default::default()
        },
        now,
    )
}

/// The debts of the lessons of an assignment (of one student when `only` is given).
pub(super) fn of_assignment(
    c: &mut Conn<'_>,
    assignment_id: i64,
    only: Option<i64>,
) -> Result<Vec<Debt>, AppError> {
    use crate::store::schema::lessons;
    let rows: Vec<DebtRow> = crate::with_conn!(c, x => {
        let q = debts::table
            .inner_join(lessons::table)
            .filter(lessons::assignment_id.eq(assignment_id))
            .select(DebtRow::as_select())
            .into_boxed();
        match only {
            Some(id) => q.filter(debts::student_id.eq(id)).load(x),
            None => q.load(x),
        }
    })?;
    Ok(rows.into_iter().map(Debt::from).collect())
}
