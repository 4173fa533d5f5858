//! Finding the things a command names by their human names: a group, a subject, a teacher, a
//! room, a student (by number, record-book number or full name). Every miss is a Russian
//! «не найдено» naming what was looked for; an ambiguous name lists the candidates.

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::prelude::*;

use super::AppError;
use crate::access::Role;
use crate::domain::person::{short_name, PersonName};
use crate::store::rows::StudentRow;
use crate::store::schema::{
    curriculum, group_memberships, rooms, students, study_groups, subgroups, subjects, user_roles,
    users,
};
use crate::store::Conn;

/// `01.09.2026`, as every message prints a date.
pub fn ru(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// «Фамилия Имя Отчество» of a student.
pub fn full_name(s: &StudentRow) -> String {
    crate::domain::person::full_name(&s.last_name, &s.first_name, &s.patronymic)
}

/// A person's name typed in one field «`field`»: «Фамилия Имя [Отчество]».
pub fn person_name(field: &str, text: &str) -> Result<PersonName, AppError> {
    PersonName::parse(text).ok_or_else(|| {
        AppError::Invalid(format!(
            "«{field}»: «{}» — укажите фамилию и имя",
            text.trim()
        ))
    })
}

/// The id of the group named `name`, if there is one.
pub fn find_group_id(c: &mut Conn<'_>, name: &str) -> Result<Option<i64>, AppError> {
    Ok(crate::with_conn!(c, x => study_groups::table
        .filter(study_groups::name.eq(name.trim()))
        .select(study_groups::id)
        .first(x)
        .optional())?)
}

/// The id of the group named `name`.
pub fn group_id(c: &mut Conn<'_>, name: &str) -> Result<i64, AppError> {
    find_group_id(c, name)?.ok_or_else(|| AppError::NotFound(format!("группа «{}»", name.trim())))
}

/// The name of group `id`.
pub fn group_name(c: &mut Conn<'_>, id: i64) -> Result<String, AppError> {
    Ok(crate::with_conn!(c, x => study_groups::table
        .find(id)
        .select(study_groups::name)
        .first(x))?)
}

/// The id of the subject named `name` (case as stored, spaces trimmed).
pub fn subject_id(c: &mut Conn<'_>, name: &str) -> Result<i64, AppError> {
    crate::with_conn!(c, x => subjects::table
        .filter(subjects::name.eq(name.trim()))
        .select(subjects::id)
        .first(x)
        .optional())?
    .ok_or_else(|| AppError::NotFound(format!("дисциплина «{}»", name.trim())))
}

/// The id of room `name`.
pub fn room_id(c: &mut Conn<'_>, name: &str) -> Result<i64, AppError> {
    crate::with_conn!(c, x => rooms::table
        .filter(rooms::name.eq(name.trim()))
        .select(rooms::id)
        .first(x)
        .optional())?
    .ok_or_else(|| AppError::NotFound(format!("кабинет «{}»", name.trim())))
}

/// The subgroup `name` of a group for a subject.
pub fn subgroup_id(
    c: &mut Conn<'_>,
    group: i64,
    subject: i64,
    name: &str,
) -> Result<i64, AppError> {
    crate::with_conn!(c, x => subgroups::table
        .filter(subgroups::group_id.eq(group))
        .filter(subgroups::subject_id.eq(subject))
        .filter(subgroups::name.eq(name.trim()))
        .select(subgroups::id)
        .first(x)
        .optional())?
    .ok_or_else(|| AppError::NotFound(format!("подгруппа «{}»", name.trim())))
}

/// A teacher by login or by surname (with initials or a first name to tell namesakes apart).
pub fn teacher_id(c: &mut Conn<'_>, reference: &str) -> Result<i64, AppError> {
    let r = reference.trim();
    let found: Vec<(i64, String, String, String, String)> = crate::with_conn!(c, x => users::table
        .inner_join(user_roles::table)
        .filter(user_roles::role.eq(Role::Teacher.as_code()))
        .select((users::id, users::login, users::last_name, users::first_name, users::patronymic))
        .load(x))?;
    if let Some(t) = found.iter().find(|t| t.1 == r.to_lowercase()) {
        return Ok(t.0);
    }
    let words: Vec<String> = r
        .split(|ch: char| ch.is_whitespace() || ch == '.')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let matching: Vec<&(i64, String, String, String, String)> = found
        .iter()
        .filter(|t| {
            let names = [&t.2, &t.3, &t.4].map(|n| n.to_lowercase());
            !words.is_empty()
                && words.first() == Some(&names[0])
                && words
                    .iter()
                    .skip(1)
                    .zip(names.iter().skip(1))
                    .all(|(w, n)| n.starts_with(w.as_str()))
        })
        .collect();
    match matching.as_slice() {
        [one] => Ok(one.0),
        [] => Err(AppError::NotFound(format!("преподаватель «{r}»"))),
        many => Err(AppError::Invalid(format!(
            "«{r}»: найдено несколько преподавателей: {}; укажите логин",
            many.iter()
                .map(|t| format!("{} {} {} ({})", t.2, t.3, t.4, t.1))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// «Фамилия И. О.» of a user.
pub fn user_short_name(c: &mut Conn<'_>, id: i64) -> Result<String, AppError> {
    find_user_short_name(c, id)?.ok_or_else(|| diesel::result::Error::NotFound.into())
}

/// «Фамилия И. О.» of a user, if there is one.
pub fn find_user_short_name(c: &mut Conn<'_>, id: i64) -> Result<Option<String>, AppError> {
    let row: Option<(String, String, String)> = crate::with_conn!(c, x => users::table
        .find(id)
        .select((users::last_name, users::first_name, users::patronymic))
        .first(x)
        .optional())?;
    Ok(row.map(|(l, f, p)| short_name(&l, &f, &p)))
}

/// «Фамилия И. О.» of every user, by id, in one query (a college has hundreds of staff and
/// thousands of families; reports and the timetable name many of them at once).
pub fn user_short_names(c: &mut Conn<'_>) -> Result<HashMap<i64, String>, AppError> {
    let rows = crate::with_conn!(c, x => users::table
        .select((users::id, users::last_name, users::first_name, users::patronymic))
        .load(x))?;
    Ok(short_names(rows))
}

/// (id, last, first, patronymic) rows as «Фамилия И. О.» by id.
fn short_names(rows: Vec<(i64, String, String, String)>) -> HashMap<i64, String> {
    rows.into_iter()
        .map(|(id, l, f, p)| (id, short_name(&l, &f, &p)))
        .collect()
}

/// [`user_short_names`] of the users `ids` alone: a college-wide report names its few hundred
/// teachers without reading the thousands of families' accounts.
pub fn short_names_of(c: &mut Conn<'_>, ids: &[i64]) -> Result<HashMap<i64, String>, AppError> {
    let rows = crate::with_conn!(c, x => users::table
        .filter(users::id.eq_any(ids))
        .select((users::id, users::last_name, users::first_name, users::patronymic))
        .load(x))?;
    Ok(short_names(rows))
}

/// A student by id, record-book number or «Фамилия Имя [Отчество]». Namesakes are listed with
/// their numbers, groups and birth dates so the user can pick one.
pub fn student(c: &mut Conn<'_>, reference: &str) -> Result<StudentRow, AppError> {
    let r = reference.trim();
    if r.is_empty() {
        return Err(AppError::Invalid("укажите обучающегося".into()));
    }
    let by_book: Option<StudentRow> = crate::with_conn!(c, x => students::table
        .filter(students::record_book.eq(r))
        .select(StudentRow::as_select())
        .first(x)
        .optional())?;
    if let Some(s) = by_book {
        return Ok(s);
    }
    if let Ok(id) = r.parse::<i64>() {
        return crate::with_conn!(c, x => students::table
            .find(id)
            .select(StudentRow::as_select())
            .first(x)
            .optional())?
        .ok_or_else(|| AppError::NotFound(format!("обучающийся № {id}")));
    }
    let words: Vec<&str> = r.split_whitespace().collect();
    let last = words.first().copied().unwrap_or_default();
    let all: Vec<StudentRow> = crate::with_conn!(c, x => students::table
        .filter(students::last_name.eq(last))
        .order(students::id)
        .select(StudentRow::as_select())
        .load(x))?;
    let fits = |s: &StudentRow| {
        words.get(1).is_none_or(|w| s.first_name == *w)
            && words.get(2).is_none_or(|w| s.patronymic == *w)
    };
    let mut matching: Vec<StudentRow> = all.into_iter().filter(fits).collect();
    match matching.len() {
        1 => Ok(matching.remove(0)),
        0 => Err(AppError::NotFound(format!("обучающийся «{r}»"))),
        _ => {
            let mut lines = Vec::new();
            for s in &matching {
                let group = current_group(c, s.id)?
                    .map(|g| group_name(c, g))
                    .transpose()?
                    .unwrap_or_else(|| "без группы".into());
                lines.push(format!(
                    "№ {} {} ({group}, {})",
                    s.id,
                    full_name(s),
                    ru(s.birth_date)
                ));
            }
            Err(AppError::Invalid(format!(
                "«{r}»: найдено несколько обучающихся: {}; укажите номер или № зачётной книжки",
                lines.join("; ")
            )))
        }
    }
}

/// The group a student is in now (an open membership), if any.
pub fn current_group(c: &mut Conn<'_>, student: i64) -> Result<Option<i64>, AppError> {
    Ok(crate::with_conn!(c, x => group_memberships::table
        .filter(group_memberships::student_id.eq(student))
        .filter(group_memberships::to_date.is_null())
        .select(group_memberships::group_id)
        .first(x)
        .optional())?)
}

/// Every group a student ever belonged to.
pub fn groups_of(c: &mut Conn<'_>, student: i64) -> Result<Vec<i64>, AppError> {
    Ok(crate::with_conn!(c, x => group_memberships::table
        .filter(group_memberships::student_id.eq(student))
        .select(group_memberships::group_id)
        .distinct()
        .load(x))?)
}

/// The subject's form of control in the group's curriculum for the term; `None` when the group
/// does not study it then. An unknown stored code reads as «other forms».
pub fn control_form(
    c: &mut Conn<'_>,
    (group, subject, term): (i64, i64, i64),
) -> Result<Option<crate::domain::ControlForm>, AppError> {
    let code: Option<String> = crate::with_conn!(c, x => curriculum::table
        .filter(curriculum::group_id.eq(group))
        .filter(curriculum::subject_id.eq(subject))
        .filter(curriculum::term_id.eq(term))
        .select(curriculum::control_form)
        .first(x)
        .optional())?;
    Ok(code.map(|f| {
        crate::domain::ControlForm::from_code(&f).unwrap_or(crate::domain::ControlForm::Other)
    }))
}
