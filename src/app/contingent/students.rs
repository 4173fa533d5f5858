//! A student's card (5.5): personal data, group history with orders, guardians and
//! achievements; and editing the personal data field by field, each change audited with its
//! old and new value. Personal data is shown to those who may edit it (the tutor of the
//! student's group, the secretary, the administrator) and to the student and their guardians;
//! other staff who may see the student's marks see the card without contacts.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::movement::MovementKind;
use crate::access::{self, Action, Permit, Role};
use crate::app::lookup::{self, ru};
use crate::app::{Actor, AppError};
use crate::store::audit::{self, AuditEntry};
use crate::store::rows::{GuardianRow, MembershipRow, StudentRow};
use crate::store::schema::{
    group_memberships, guardians, movements, orders, student_guardians, students, study_groups,
};
use crate::store::{Conn, Db};

/// One line of the group history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MovementLine {
    pub date: NaiveDate,
    pub kind: String,
    pub from_group: Option<String>,
    pub to_group: Option<String>,
    /// «№ 12-к от 01.09.2026».
    pub order: String,
    pub reason: String,
}

/// A guardian as shown on the card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuardianLine {
    pub id: i64,
    pub name: String,
    pub relation: String,
    pub phone: String,
    pub email: String,
}

/// Everything `ezh student show` prints.
#[derive(Debug, Clone)]
pub struct StudentCard {
    pub student: StudentRow,
    /// Whether contacts, birth date and guardians are included (otherwise they are blanked).
    pub personal: bool,
    pub current_group: Option<String>,
    /// Home address (empty when not shown).
    pub address: String,
    /// Membership spans: group, from, to (inclusive; `None` = still there).
    pub spans: Vec<(String, NaiveDate, Option<NaiveDate>)>,
    pub movements: Vec<MovementLine>,
    pub guardians: Vec<GuardianLine>,
    pub achievements: Vec<super::guardians::Achievement>,
}

/// The groups whose tutor may edit the student: the current one, or the last one.
pub(super) fn tutor_groups(c: &mut Conn<'_>, student: i64) -> Result<Vec<i64>, AppError> {
    let last: Option<i64> = crate::with_conn!(c, x => group_memberships::table
        .filter(group_memberships::student_id.eq(student))
        .order((group_memberships::to_date.is_null().desc(), group_memberships::from_date.desc()))
        .select(group_memberships::group_id)
        .first(x)
        .optional())?;
    Ok(last.into_iter().collect())
}

/// The permit to change a student's personal data, guardians or achievements.
pub(super) fn edit_permit(
    c: &mut Conn<'_>,
    actor: &Actor,
    student: i64,
) -> Result<Permit, AppError> {
    let groups = tutor_groups(c, student)?;
    Ok(access::check(actor, &Action::EditPersonalData { groups })?)
}

/// Whether the actor sees the student's personal data; a denial if they may not see the
/// student at all.
pub(super) fn may_see(c: &mut Conn<'_>, actor: &Actor, student: i64) -> Result<bool, AppError> {
    if edit_permit(c, actor, student).is_ok()
        || actor.student_id == Some(student)
        || (actor.has(Role::Guardian) && actor.children.contains(&student))
    {
        return Ok(true);
    }
    let groups = lookup::groups_of(c, student)?;
    access::check(
        actor,
        &Action::ReadStudent {
            student_id: student,
            groups,
        },
    )?;
    Ok(false)
}

/// The card of the student `reference` names (id, record-book number or full name).
pub fn show(db: &mut Db, actor: &Actor, reference: &str) -> Result<StudentCard, AppError> {
    db.read(|c| {
        let mut s = lookup::student(c, reference)?;
        let personal = may_see(c, actor, s.id)?;
        let spans: Vec<(MembershipRow, String)> = crate::with_conn!(c, x => group_memberships::table
            .inner_join(study_groups::table)
            .filter(group_memberships::student_id.eq(s.id))
            .order(group_memberships::from_date.asc())
            .select((MembershipRow::as_select(), study_groups::name))
            .load(x))?;
        type Mv = (
            NaiveDate,
            String,
            Option<i64>,
            Option<i64>,
            String,
            NaiveDate,
            String,
        );
        let mv: Vec<Mv> = crate::with_conn!(c, x => movements::table
            .inner_join(orders::table)
            .filter(movements::student_id.eq(s.id))
            .order((movements::date.asc(), movements::id.asc()))
            .select((movements::date, movements::kind, movements::from_group_id,
                     movements::to_group_id, orders::number, orders::date, movements::reason))
            .load(x))?;
        let mut lines = Vec::new();
        for (date, kind, from, to, number, odate, reason) in mv {
            lines.push(MovementLine {
                date,
                kind: MovementKind::from_code(&kind).map_or(kind, |k| k.name_ru().to_string()),
                from_group: from.map(|g| lookup::group_name(c, g)).transpose()?,
                to_group: to.map(|g| lookup::group_name(c, g)).transpose()?,
                order: format!("№ {number} от {}", ru(odate)),
                reason,
            });
        }
        let guardians = if personal {
            guardians_of(c, s.id)?
        } else {
            Vec::new()
        };
        let achievements = super::guardians::achievements_of(c, s.id)?;
        let address = if personal {
            address_of(c, s.id)?
        } else {
            s.phone.clear();
            s.email.clear();
            String::new()
        };
        Ok(StudentCard {
            current_group: spans
                .iter()
                .find(|(m, _)| m.to_date.is_none())
                .map(|(_, n)| n.clone()),
            spans: spans
                .into_iter()
                .map(|(m, n)| (n, m.from_date, m.to_date))
                .collect(),
            student: s,
            address,
            personal,
            movements: lines,
            guardians,
            achievements,
        })
    })
}

fn address_of(c: &mut Conn<'_>, id: i64) -> Result<String, AppError> {
    Ok(crate::with_conn!(c, x => students::table.find(id).select(students::address).first(x))?)
}

pub(super) fn guardians_of(c: &mut Conn<'_>, student: i64) -> Result<Vec<GuardianLine>, AppError> {
    let rows: Vec<(GuardianRow, String)> = crate::with_conn!(c, x => student_guardians::table
        .inner_join(guardians::table)
        .filter(student_guardians::student_id.eq(student))
        .order(guardians::id.asc())
        .select((GuardianRow::as_select(), student_guardians::relation))
        .load(x))?;
    Ok(rows
        .into_iter()
        .map(|(g, relation)| GuardianLine {
            id: g.id,
            name: [g.last_name, g.first_name, g.patronymic]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
            relation,
            phone: g.phone,
            email: g.email,
        })
        .collect())
}

/// Changes personal data fields of a student: `changes` are (field, new value) as the user
/// typed them. Every field is checked first; then each changed field is written and audited
/// with its old and new value, all in one transaction. Returns how many fields changed.
pub fn edit(
    db: &mut Db,
    actor: &Actor,
    reference: &str,
    changes: &[(super::student_fields::Field, String)],
) -> Result<usize, AppError> {
    use super::student_fields::Value;
    db.write(|c| {
        let s = lookup::student(c, reference)?;
        let permit = edit_permit(c, actor, s.id)?;
        let address = address_of(c, s.id)?;
        let mut entries = Vec::new();
        for (field, raw) in changes {
            let value = field.parse(raw)?;
            let old = field.current(&s, &address);
            if old == field.show(&value) {
                continue;
            }
            if let (super::student_fields::Field::RecordBook, Value::Text(Some(book))) =
                (field, &value)
            {
                let holder: Option<i64> = crate::with_conn!(c, x => students::table
                    .filter(students::record_book.eq(book))
                    .filter(students::id.ne(s.id))
                    .select(students::id)
                    .first(x)
                    .optional())?;
                if let Some(h) = holder {
                    return Err(AppError::Invalid(format!(
                        "«№ зачётной книжки»: «{book}» уже у обучающегося № {h}"
                    )));
                }
            }
            field.write(c, s.id, &value)?;
            entries.push(AuditEntry {
                action: "update",
                entity: "student",
                entity_id: s.id,
                student_id: Some(s.id),
                old_value: Some(format!("{}: {old}", field.name_ru())),
                new_value: Some(format!("{}: {}", field.name_ru(), field.show(&value))),
                ..Default::default()
            });
        }
        audit::append_many(c, &permit, &entries, crate::store::now())?;
        Ok(entries.len())
    })
}
