//! A student's guardians and achievements (5.5): linking a guardian (found by name and phone or
//! created), unlinking one, recording certificates and diplomas. Each change is checked as a
//! change of personal data and audited in the same transaction.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::students::{edit_permit, may_see};
use crate::app::lookup::{self, ru};
use crate::app::{Actor, AppError};
use crate::store::audit::{self, AuditEntry};
use crate::store::rows::AchievementRow;
use crate::store::schema::{achievements, guardians, student_guardians};
use crate::store::{Conn, Db};

/// A guardian to link.
#[derive(Debug, Clone, Default)]
pub struct GuardianInput {
    /// «Фамилия Имя Отчество».
    pub full_name: String,
    pub phone: String,
    pub email: String,
    /// «мать», «отец», «опекун» …
    pub relation: String,
}

/// Links a guardian to a student; an existing guardian with the same full name (and phone,
/// when both have one) is reused, so brothers and sisters share one parent record. Returns
/// the guardian's id.
pub fn link_guardian(
    db: &mut Db,
    actor: &Actor,
    student: &str,
    g: &GuardianInput,
) -> Result<i64, AppError> {
    let name = lookup::person_name("ФИО родителя", &g.full_name)?;
    let (last, first, patronymic) = name.parts();
    db.write(|c| {
        let s = lookup::student(c, student)?;
        let permit = edit_permit(c, actor, s.id)?;
        let found: Vec<(i64, String)> = crate::with_conn!(c, x => guardians::table
            .filter(guardians::last_name.eq(last))
            .filter(guardians::first_name.eq(first))
            .filter(guardians::patronymic.eq(&patronymic))
            .select((guardians::id, guardians::phone))
            .load(x))?;
        let phone = g.phone.trim();
        let existing = found
            .iter()
            .find(|(_, p)| phone.is_empty() || p.is_empty() || p == phone)
            .map(|(id, _)| *id);
        let now = crate::store::now();
        let mut entries = Vec::new();
        let id = match existing {
            Some(id) => id,
            None => {
                let id: i64 = crate::with_conn!(c, x => diesel::insert_into(guardians::table)
                    .values((
                        guardians::last_name.eq(last),
                        guardians::first_name.eq(first),
                        guardians::patronymic.eq(&patronymic),
                        guardians::phone.eq(phone),
                        guardians::email.eq(g.email.trim()),
                    ))
                    .returning(guardians::id)
                    .get_result(x))?;
                entries.push(AuditEntry {
                    action: "insert",
                    entity: "guardian",
                    entity_id: id,
                    new_value: Some(format!("{} {phone} {}", g.full_name.trim(), g.email.trim())),
                    ..Default::default()
                });
                id
            }
        };
        let linked: i64 = crate::with_conn!(c, x => student_guardians::table
            .filter(student_guardians::student_id.eq(s.id))
            .filter(student_guardians::guardian_id.eq(id))
            .count()
            .get_result(x))?;
        if linked > 0 {
            return Err(AppError::Invalid(format!(
                "{} уже среди родителей обучающегося: {}",
                g.full_name.trim(),
                lookup::full_name(&s)
            )));
        }
        crate::with_conn!(c, x => diesel::insert_into(student_guardians::table)
            .values((
                student_guardians::student_id.eq(s.id),
                student_guardians::guardian_id.eq(id),
                student_guardians::relation.eq(g.relation.trim()),
            ))
            .execute(x))?;
        entries.push(AuditEntry {
            action: "insert",
            entity: "guardian",
            entity_id: id,
            student_id: Some(s.id),
            new_value: Some(format!(
                "родитель: {} ({})",
                g.full_name.trim(),
                g.relation.trim()
            )),
            ..Default::default()
        });
        audit::append_many(c, &permit, &entries, now)?;
        Ok(id)
    })
}

/// Unlinks a guardian (by id or by a name the student's guardians contain). The guardian's
/// record stays: it may have an account or other children.
pub fn unlink_guardian(
    db: &mut Db,
    actor: &Actor,
    student: &str,
    guardian: &str,
) -> Result<(), AppError> {
    db.write(|c| {
        let s = lookup::student(c, student)?;
        let permit = edit_permit(c, actor, s.id)?;
        let linked = super::students::guardians_of(c, s.id)?;
        let r = guardian.trim();
        let matching: Vec<_> = linked
            .iter()
            .filter(|g| {
                g.id.to_string() == r || g.name == r || g.name.starts_with(&format!("{r} "))
            })
            .collect();
        let g = match matching.as_slice() {
            [one] => *one,
            [] => {
                return Err(AppError::NotFound(format!(
                    "«{r}» среди родителей обучающегося: {}",
                    lookup::full_name(&s)
                )))
            }
            _ => {
                return Err(AppError::Invalid(format!(
                    "«{r}»: несколько родителей с таким именем, укажите номер"
                )))
            }
        };
        crate::with_conn!(c, x => diesel::delete(student_guardians::table
            .filter(student_guardians::student_id.eq(s.id))
            .filter(student_guardians::guardian_id.eq(g.id)))
            .execute(x))?;
        audit::append(
            c,
            &permit,
            &AuditEntry {
                action: "delete",
                entity: "guardian",
                entity_id: g.id,
                student_id: Some(s.id),
                old_value: Some(format!("родитель: {} ({})", g.name, g.relation)),
                ..Default::default()
            },
            crate::store::now(),
        )?;
        Ok(())
    })
}

/// The kinds of achievement: database code and Russian name.
pub const ACHIEVEMENT_KINDS: [(&str, &str); 4] = [
    ("certificate", "грамота"),
    ("diploma", "диплом"),
    ("letter", "благодарственное письмо"),
    ("other", "другое"),
];

/// The Russian name of an achievement kind code.
pub fn achievement_kind_ru(code: &str) -> &str {
    ACHIEVEMENT_KINDS
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(code, |(_, n)| n)
}

/// Records an achievement; `kind` is a code or a Russian name (грамота, сертификат, диплом,
/// письмо, другое).
pub fn add_achievement(
    db: &mut Db,
    actor: &Actor,
    student: &str,
    kind: &str,
    title: &str,
    date: NaiveDate,
) -> Result<i64, AppError> {
    let k = kind.trim().to_lowercase();
    let code = match k.as_str() {
        "сертификат" | "грамота" | "certificate" => "certificate",
        "диплом" | "diploma" => "diploma",
        "письмо" | "благодарственное письмо" | "letter" => "letter",
        "другое" | "other" => "other",
        _ => {
            return Err(AppError::Invalid(format!(
                "«--kind»: «{}» — допустимы грамота (сертификат), диплом, письмо, другое",
                kind.trim()
            )))
        }
    };
    if title.trim().is_empty() {
        return Err(AppError::Invalid(
            "«--title»: название не может быть пустым".into(),
        ));
    }
    db.write(|c| {
        let s = lookup::student(c, student)?;
        let permit = edit_permit(c, actor, s.id)?;
        let id: i64 = crate::with_conn!(c, x => diesel::insert_into(achievements::table)
            .values((
                achievements::student_id.eq(s.id),
                achievements::date.eq(date),
                achievements::kind.eq(code),
                achievements::title.eq(title.trim()),
                achievements::created_by.eq(permit.user_id()),
            ))
            .returning(achievements::id)
            .get_result(x))?;
        audit::append(
            c,
            &permit,
            &AuditEntry {
                action: "insert",
                entity: "student",
                entity_id: s.id,
                student_id: Some(s.id),
                new_value: Some(format!(
                    "достижение № {id}: {} «{}» от {}",
                    achievement_kind_ru(code),
                    title.trim(),
                    ru(date)
                )),
                ..Default::default()
            },
            crate::store::now(),
        )?;
        Ok(id)
    })
}

/// An achievement as the card prints it (5.5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Achievement {
    pub date: NaiveDate,
    /// The kind in Russian: «грамота», «диплом»…
    pub kind: String,
    pub title: String,
}

/// A student's achievements, oldest first, for whoever may see the student.
pub fn achievements(
    db: &mut Db,
    actor: &Actor,
    student: &str,
) -> Result<Vec<Achievement>, AppError> {
    db.read(|c| {
        let s = lookup::student(c, student)?;
        may_see(c, actor, s.id)?;
        achievements_of(c, s.id)
    })
}

/// The achievements of student `id`, oldest first (the caller has checked the right to see).
pub(crate) fn achievements_of(c: &mut Conn<'_>, id: i64) -> Result<Vec<Achievement>, AppError> {
    let rows: Vec<AchievementRow> = crate::with_conn!(c, x => achievements::table
        .filter(achievements::student_id.eq(id))
        .order((achievements::date.asc(), achievements::id.asc()))
        .select(AchievementRow::as_select())
        .load(x))?;
    Ok(rows
        .into_iter()
        .map(|a| Achievement {
            date: a.date,
            kind: achievement_kind_ru(&a.kind).to_string(),
            title: a.title,
        })
        .collect())
}
