//! Movement of students by order (5.4, 6.8): enrolment, transfer, academic leave and return,
//! expulsion, graduation. History is never rewritten: a movement closes the open membership
//! span the day before its date and opens a new one on its date, so a transferred student's
//! marks stay in the old group's journal and the new group's journal shows them only from the
//! date of the order. The date of a movement is the first day in the new state.

use chrono::{Duration, NaiveDate};
use diesel::prelude::*;

use super::lookup::{self, ru};
use super::{Actor, AppError};
use crate::access::{self, Action, Permit};
use crate::store::audit::{self, AuditEntry};
use crate::store::rows::{MembershipRow, MovementRow, StudentRow};
use crate::store::schema::{
    absences, assignments, grades, group_memberships, lessons, movements, orders, students,
};
use crate::store::{Conn, Db};

/// A kind of movement, as stored in `movements.kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MovementKind {
    Enrol,
    Transfer,
    Leave,
    Return,
    Expel,
    Graduate,
}

impl MovementKind {
    /// The database code.
    pub fn as_code(self) -> &'static str {
        match self {
            MovementKind::Enrol => "enrol",
            MovementKind::Transfer => "transfer",
            MovementKind::Leave => "leave",
            MovementKind::Return => "return",
            MovementKind::Expel => "expel",
            MovementKind::Graduate => "graduate",
        }
    }

    /// Reads a database code.
    pub fn from_code(code: &str) -> Option<MovementKind> {
        [
            MovementKind::Enrol,
            MovementKind::Transfer,
            MovementKind::Leave,
            MovementKind::Return,
            MovementKind::Expel,
            MovementKind::Graduate,
        ]
        .into_iter()
        .find(|k| k.as_code() == code)
    }

    /// The Russian name, as in the movement statement.
    pub fn name_ru(self) -> &'static str {
        match self {
            MovementKind::Enrol => "зачисление",
            MovementKind::Transfer => "перевод",
            MovementKind::Leave => "академический отпуск",
            MovementKind::Return => "выход из академического отпуска",
            MovementKind::Expel => "отчисление",
            MovementKind::Graduate => "выпуск",
        }
    }

    /// The title a new order of this kind gets.
    fn order_title(self) -> &'static str {
        match self {
            MovementKind::Enrol => "О зачислении",
            MovementKind::Transfer => "О переводе",
            MovementKind::Leave => "О предоставлении академического отпуска",
            MovementKind::Return => "О выходе из академического отпуска",
            MovementKind::Expel => "Об отчислении",
            MovementKind::Graduate => "О выпуске",
        }
    }

    /// Whether the movement names the group the student goes to.
    pub fn needs_group(self) -> bool {
        matches!(self, MovementKind::Enrol | MovementKind::Transfer)
    }
}

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

/// Where a student stands before a movement.
#[derive(Debug, Clone)]
enum State {
    /// Never enrolled, or only closed spans without an exit movement.
    Outside {
        last_end: Option<NaiveDate>,
    },
    Active(MembershipRow),
    OnLeave {
        group: i64,
        since: NaiveDate,
    },
    Left {
        kind: MovementKind,
        date: NaiveDate,
    },
}

fn state_of(c: &mut Conn<'_>, student: i64) -> Result<State, AppError> {
    let spans: Vec<MembershipRow> = crate::with_conn!(c, x => group_memberships::table
        .filter(group_memberships::student_id.eq(student))
        .order(group_memberships::from_date.asc())
        .select(MembershipRow::as_select())
        .load(x))?;
    if let Some(open) = spans.iter().find(|m| m.to_date.is_none()) {
        return Ok(State::Active(open.clone()));
    }
    let last: Option<MovementRow> = crate::with_conn!(c, x => movements::table
        .filter(movements::student_id.eq(student))
        .order((movements::date.desc(), movements::id.desc()))
        .select(MovementRow::as_select())
        .first(x)
        .optional())?;
    let last_end = spans.iter().filter_map(|m| m.to_date).max();
    Ok(
        match last.and_then(|m| MovementKind::from_code(&m.kind).map(|k| (k, m))) {
            Some((MovementKind::Leave, m)) => State::OnLeave {
                group: m.from_group_id.unwrap_or_default(),
                since: m.date,
            },
            Some((kind @ (MovementKind::Expel | MovementKind::Graduate), m)) => {
                State::Left { kind, date: m.date }
            }
            _ => State::Outside { last_end },
        },
    )
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
    let words: Vec<&str> = person.full_name.split_whitespace().collect();
    let (last, first, patronymic) = match words.as_slice() {
        [l, f] => (*l, *f, String::new()),
        [l, f, rest @ ..] => (*l, *f, rest.join(" ")),
        _ => {
            return Err(AppError::Invalid(format!(
                "«ФИО»: «{}» — укажите фамилию и имя",
                person.full_name.trim()
            )))
        }
    };
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

/// What a movement changes: the span it closes, the group it opens, and the groups it names.
struct Plan {
    close: Option<MembershipRow>,
    open: Option<i64>,
    from: Option<i64>,
    before: String,
    after: String,
}

fn plan(
    c: &mut Conn<'_>,
    s: &StudentRow,
    req: &MovementRequest,
    state: &State,
    to_group: Option<i64>,
) -> Result<Plan, AppError> {
    let name = lookup::full_name(s);
    let d = req.date;
    let kind = req.kind;
    if let State::Left { kind: how, date } = state {
        if kind != MovementKind::Enrol {
            let word = if *how == MovementKind::Graduate {
                "выпущен"
            } else {
                "отчислен"
            };
            return Err(AppError::Invalid(format!(
                "{name} {word} с {}: движение невозможно, сначала зачислите снова",
                ru(*date)
            )));
        }
    }
    let must_follow = |since: NaiveDate, what: &str| -> Result<(), AppError> {
        if d <= since {
            return Err(AppError::Invalid(format!(
                "дата {} ({}) должна быть позже {what} ({})",
                ru(d),
                kind.name_ru(),
                ru(since)
            )));
        }
        Ok(())
    };
    match (kind, state) {
        (MovementKind::Enrol, State::Active(m)) => Err(AppError::Invalid(format!(
            "{name} уже учится в группе {} с {}",
            lookup::group_name(c, m.group_id)?,
            ru(m.from_date)
        ))),
        (MovementKind::Enrol, State::OnLeave { since, .. }) => Err(AppError::Invalid(format!(
            "{name} в академическом отпуске с {}: оформите выход из отпуска (ezh student return)",
            ru(*since)
        ))),
        (MovementKind::Enrol, State::Outside { last_end }) => {
            if let Some(end) = last_end {
                must_follow(*end, "окончания прежнего обучения")?;
            }
            Ok(opening(c, to_group, None, "не учится".into(), d)?)
        }
        (MovementKind::Enrol, State::Left { date, .. }) => {
            must_follow(*date - Duration::days(1), "даты ухода")?;
            Ok(opening(c, to_group, None, "не учится".into(), d)?)
        }
        (MovementKind::Return, State::OnLeave { group, since }) => {
            must_follow(*since, "начала академического отпуска")?;
            let before = format!("академический отпуск с {}", ru(*since));
            Ok(opening(
                c,
                Some(to_group.unwrap_or(*group)),
                None,
                before,
                d,
            )?)
        }
        (MovementKind::Return, _) => Err(AppError::Invalid(format!(
            "{name} не находится в академическом отпуске"
        ))),
        (MovementKind::Expel, State::OnLeave { group, since }) => {
            must_follow(*since, "начала академического отпуска")?;
            Ok(Plan {
                close: None,
                open: None,
                from: Some(*group),
                before: format!("академический отпуск с {}", ru(*since)),
                after: format!("отчислен с {}", ru(d)),
            })
        }
        (_, State::Active(m)) => {
            let from_name = lookup::group_name(c, m.group_id)?;
            if kind == MovementKind::Transfer && to_group == Some(m.group_id) {
                return Err(AppError::Invalid(format!(
                    "{name} уже в группе {from_name}: перевод в ту же группу невозможен"
                )));
            }
            must_follow(
                m.from_date,
                &format!("начала обучения в группе {from_name}"),
            )?;
            let later = marks_from(c, s.id, m.group_id, d)?;
            if later > 0 {
                return Err(AppError::Invalid(format!(
                    "у {name} есть отметки и пропуски в журнале группы {from_name} на {} и позже ({later}): движение этой датой скрыло бы их; проверьте дату приказа",
                    ru(d)
                )));
            }
            let before = format!("группа {from_name} с {}", ru(m.from_date));
            let after = match kind {
                MovementKind::Transfer => {
                    let to = to_group.unwrap_or_default();
                    format!("группа {} с {}", lookup::group_name(c, to)?, ru(d))
                }
                MovementKind::Leave => format!("академический отпуск с {}", ru(d)),
                MovementKind::Graduate => format!("выпущен с {}", ru(d)),
                _ => format!("отчислен с {}", ru(d)),
            };
            Ok(Plan {
                close: Some(m.clone()),
                open: to_group.filter(|_| kind == MovementKind::Transfer),
                from: Some(m.group_id),
                before,
                after,
            })
        }
        (_, State::OnLeave { since, .. }) => Err(AppError::Invalid(format!(
            "{name} в академическом отпуске с {}: сначала оформите выход из отпуска",
            ru(*since)
        ))),
        _ => Err(AppError::Invalid(format!(
            "{name} не состоит ни в одной группе"
        ))),
    }
}

fn opening(
    c: &mut Conn<'_>,
    group: Option<i64>,
    from: Option<i64>,
    before: String,
    d: NaiveDate,
) -> Result<Plan, AppError> {
    let g = group.unwrap_or_default();
    Ok(Plan {
        close: None,
        open: Some(g),
        from,
        before,
        after: format!("группа {} с {}", lookup::group_name(c, g)?, ru(d)),
    })
}

/// Grades and absences of a student in the group's lessons on or after `date`.
fn marks_from(
    c: &mut Conn<'_>,
    student: i64,
    group: i64,
    date: NaiveDate,
) -> Result<i64, AppError> {
    let g: i64 = crate::with_conn!(c, x => grades::table
        .inner_join(lessons::table.inner_join(assignments::table))
        .filter(grades::student_id.eq(student))
        .filter(assignments::group_id.eq(group))
        .filter(lessons::date.ge(date))
        .count()
        .get_result(x))?;
    let a: i64 = crate::with_conn!(c, x => absences::table
        .inner_join(lessons::table.inner_join(assignments::table))
        .filter(absences::student_id.eq(student))
        .filter(assignments::group_id.eq(group))
        .filter(lessons::date.ge(date))
        .count()
        .get_result(x))?;
    Ok(g + a)
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
