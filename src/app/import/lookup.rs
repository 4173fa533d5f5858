//! Names a list gives and the journal's ids: groups, subjects (compared loosely, like column
//! names), terms by number in the current academic year (else the latest), teachers by login or
//! full name. Loaded once per import.

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::prelude::*;

use super::columns::normalize;
use super::students::join_name;
use crate::access::Role;
use crate::app::AppError;
use crate::store::schema::{academic_years, study_groups, subjects, terms, user_roles, users};
use crate::store::Conn;

/// A term: id, first and last day.
pub(super) type Term = (i64, NaiveDate, NaiveDate);

/// The journal's names, loaded once.
pub(super) struct Lookup {
    groups: HashMap<String, i64>,
    pub(super) subjects: HashMap<String, i64>,
    terms: HashMap<i32, Term>,
    teachers: Vec<(i64, String, String)>,
}

impl Lookup {
    pub(super) fn load(c: &mut Conn<'_>) -> Result<Lookup, AppError> {
        let today = crate::store::now().date();
        let (groups, subjects, terms, teachers) = crate::with_conn!(c, x => {
            let g: Vec<(String, i64)> = study_groups::table.select((study_groups::name, study_groups::id)).load(x)?;
            let s: Vec<(String, i64)> = subjects::table.select((subjects::name, subjects::id)).load(x)?;
            let t: Vec<(i32, i64, NaiveDate, NaiveDate)> = terms::table
                .inner_join(academic_years::table)
                .order((academic_years::starts_on.le(today), academic_years::starts_on))
                .select((terms::number, terms::id, terms::starts_on, terms::ends_on))
                .load(x)?;
            let u: Vec<(i64, String, String, String, String)> = users::table
                .inner_join(user_roles::table)
                .filter(user_roles::role.eq(Role::Teacher.as_code()))
                .select((users::id, users::login, users::last_name, users::first_name, users::patronymic))
                .load(x)?;
            Ok::<_, diesel::result::Error>((g, s, t, u))
        })?;
        Ok(Lookup {
            groups: groups.into_iter().collect(),
            subjects: subjects
                .into_iter()
                .map(|(n, id)| (normalize(&n), id))
                .collect(),
            // Later rows win: the current year is ordered last, then the latest.
            terms: terms
                .into_iter()
                .map(|(n, id, a, b)| (n, (id, a, b)))
                .collect(),
            teachers: teachers
                .into_iter()
                .map(|(id, login, l, f, p)| (id, login, join_name(&l, &f, &p)))
                .collect(),
        })
    }

    pub(super) fn group(&self, name: &str) -> Option<i64> {
        self.groups.get(name.trim()).copied()
    }

    pub(super) fn subject(&self, name: &str) -> Option<i64> {
        self.subjects.get(&normalize(name)).copied()
    }

    pub(super) fn term(&self, number: i32) -> Option<Term> {
        self.terms.get(&number).copied()
    }

    /// The term containing `date`.
    pub(super) fn term_of(&self, date: NaiveDate) -> Option<Term> {
        self.terms
            .values()
            .find(|t| t.1 <= date && date <= t.2)
            .copied()
    }

    /// A teacher by login, full name, or «Фамилия И. О.»; the error explains.
    pub(super) fn teacher(&self, text: &str) -> Result<i64, &'static str> {
        let want = normalize(text);
        let hits: Vec<i64> = self
            .teachers
            .iter()
            .filter(|(_, login, name)| {
                *login == text.trim().to_lowercase()
                    || normalize(name) == want
                    || normalize(&short(name)) == want
            })
            .map(|t| t.0)
            .collect();
        match hits.as_slice() {
            [one] => Ok(*one),
            [] => Err("нет такого преподавателя (импортируйте список преподавателей)"),
            _ => Err("несколько преподавателей с таким именем; укажите логин"),
        }
    }
}

/// «Иванова Анна Петровна» → «Иванова А. П.».
fn short(full: &str) -> String {
    crate::domain::person::PersonName::parse(full)
        .map_or_else(|| full.trim().to_string(), |n| n.short())
}

/// Reads a positive number not above `max`.
pub(super) fn number(text: &str, max: i32) -> Result<i32, String> {
    match text.trim().parse::<i32>() {
        Ok(n) if (1..=max).contains(&n) => Ok(n),
        _ => Err(format!("нужно число от 1 до {max}")),
    }
}
