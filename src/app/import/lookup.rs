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
use crate::store::schema::{
    academic_years, bells, study_groups, subjects, terms, user_roles, users,
};
use crate::store::Conn;

/// A term: id, first and last day.
pub(super) type Term = (i64, NaiveDate, NaiveDate);

/// The journal's names, loaded once.
pub(super) struct Lookup {
    groups: HashMap<String, i64>,
    pub(super) subjects: HashMap<String, i64>,
    /// Subject names as written, for suggestions.
    subject_titles: Vec<String>,
    terms: HashMap<i32, Term>,
    teachers: Vec<(i64, String, String)>,
    /// Bells: pair and its start in minutes after midnight.
    bells: Vec<(i32, i32)>,
}

impl Lookup {
    pub(super) fn load(c: &mut Conn<'_>) -> Result<Lookup, AppError> {
        let today = crate::store::now().date();
        let (groups, subjects, terms, teachers, bells) = crate::with_conn!(c, x => {
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
            let b: Vec<(i32, i32)> = bells::table.select((bells::pair, bells::starts_min)).order(bells::pair).load(x)?;
            Ok::<_, diesel::result::Error>((g, s, t, u, b))
        })?;
        Ok(Lookup {
            groups: groups.into_iter().collect(),
            subject_titles: subjects.iter().map(|s| s.0.clone()).collect(),
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
            bells,
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

    /// A teacher by login, full name, «Фамилия И. О.», or the surname alone when one teacher
    /// has it (timetabling programs often name teachers so); the error explains.
    pub(super) fn teacher(&self, text: &str) -> Result<i64, String> {
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
        let by_surname: Vec<&(i64, String, String)> = self
            .teachers
            .iter()
            .filter(|(_, _, name)| {
                name.split_whitespace().next().map(normalize).as_deref() == Some(want.as_str())
            })
            .collect();
        match (hits.as_slice(), by_surname.as_slice()) {
            ([one], _) => Ok(*one),
            ([], [one]) => Ok(one.0),
            ([], []) => {
                let names: Vec<&str> = self.teachers.iter().map(|t| t.2.as_str()).collect();
                Err(format!(
                    "нет такого преподавателя (импортируйте список преподавателей){}",
                    suggest(text, &names)
                ))
            }
            ([], many) => {
                let mut names: Vec<String> = many.iter().map(|t| short(&t.2)).collect();
                names.sort();
                Err(format!(
                    "преподавателей с фамилией «{}» несколько: {}; укажите инициалы",
                    text.trim(),
                    names.join(", ")
                ))
            }
            _ => Err("несколько преподавателей с таким именем; укажите логин".into()),
        }
    }

    /// Group names, for suggestions.
    pub(super) fn group_names(&self) -> Vec<&str> {
        self.groups.keys().map(String::as_str).collect()
    }

    /// Subject names as normalized, for suggestions.
    pub(super) fn subject_names(&self) -> Vec<&str> {
        self.subject_titles.iter().map(String::as_str).collect()
    }

    /// A timetabling program's student set: a group («ИС-26») or a group's subgroup
    /// («ИС-26-П1», «ЛД101-П1-Б1» → group ЛД101, subgroup «П1-Б1»); the longest group name wins.
    pub(super) fn student_set(&self, set: &str) -> Option<(i64, Option<String>)> {
        let set = set.trim();
        if let Some(id) = self.group(set) {
            return Some((id, None));
        }
        self.groups
            .iter()
            .filter_map(|(name, id)| {
                let rest = set.strip_prefix(name.as_str())?;
                let sub = rest.strip_prefix(['-', ' ', '/', '_'])?.trim();
                (!sub.is_empty()).then(|| (name.len(), *id, sub.to_string()))
            })
            .max_by_key(|x| x.0)
            .map(|(_, id, sub)| (id, Some(sub)))
    }

    /// A pair by its number («2», «2 пара») or its bell time («10:10», «10:10-11:40»).
    pub(super) fn pair(&self, text: &str) -> Result<i32, String> {
        let t = text.trim();
        let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
        let rest = &t[digits.len()..];
        if !digits.is_empty() && !rest.starts_with([':', '.']) {
            return number(&digits, 8);
        }
        let (h, m) = rest
            .strip_prefix([':', '.'])
            .map(|r| {
                (
                    digits.parse::<i32>().ok(),
                    r.get(..2).and_then(|m| m.parse::<i32>().ok()),
                )
            })
            .unwrap_or((None, None));
        let (Some(h), Some(m)) = (h, m) else {
            return Err("пара — номер (1 … 8) или время начала по звонкам (08:30)".into());
        };
        self.bells
            .iter()
            .find(|b| b.1 == h * 60 + m)
            .map(|b| b.0)
            .ok_or_else(|| {
                format!("нет пары, начинающейся в {h:02}:{m:02} (звонки: ezh timetable bells)")
            })
    }
}

/// «; похоже: ИС-26» with the closest of `known` to `text`, when one is close enough.
pub(super) fn suggest(text: &str, known: &[&str]) -> String {
    let want = normalize(text);
    known
        .iter()
        .map(|k| (distance(&want, &normalize(k)), *k))
        .filter(|(d, k)| *d <= 3.max(k.chars().count() / 3))
        .min()
        .map_or(String::new(), |(_, k)| format!("; похоже: «{k}»"))
}

/// The edit distance of two words (insertions, deletions, replacements).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
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
