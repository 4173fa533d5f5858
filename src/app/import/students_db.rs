//! Writing a checked students list: matching each row to a student already in the journal (by
//! record-book number, else by full name and birth date), creating unknown groups, inserting or
//! updating students and guardians with an audit entry for each change, all in one
//! transaction. Lookups are loaded once per import, not per row, so thousands of rows take a
//! second.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;

use super::students::{join_name, StudentRec};
use super::{failure, Problem, Report, Sheet};
use crate::app::AppError;
use crate::store::schema::{
    academic_years, group_memberships, guardians, student_guardians, students, study_groups,
};
use crate::store::Conn;

/// A student as stored: id, names, birth date, record book, sex, phone, email, funding.
type Stored = (
    i64,
    String,
    String,
    String,
    NaiveDate,
    Option<String>,
    Option<String>,
    String,
    String,
    Option<String>,
);
/// A guardian as stored: id, last, first, patronymic, phone, email.
type StoredGuardian = (i64, String, String, String, String, String);

/// What the journal holds that the import compares against.
pub(super) struct Known {
    pub(super) students: Vec<Stored>,
    by_book: HashMap<String, usize>,
    by_name: HashMap<(String, NaiveDate), usize>,
    pub(super) groups: HashMap<String, i64>,
    /// Open memberships: student → group.
    pub(super) member_of: HashMap<i64, i64>,
    guardians: HashMap<i64, StoredGuardian>,
    /// Guardians by (full name, phone), to link a sibling's parent instead of a duplicate.
    guardian_by_key: HashMap<(String, String), i64>,
    links: HashMap<i64, Vec<i64>>,
    /// The first day of the current academic year: new memberships start there.
    pub(super) year_start: NaiveDate,
    /// Whether a year holds today (without one, memberships start today).
    pub(super) has_year: bool,
}

/// Loads everything once.
pub(super) fn load(c: &mut Conn<'_>, today: NaiveDate) -> Result<Known, AppError> {
    let (students, groups, members, gs, links, year) = crate::with_conn!(c, x => {
        let s: Vec<Stored> = students::table
            .select((students::id, students::last_name, students::first_name, students::patronymic,
                students::birth_date, students::record_book, students::sex, students::phone,
                students::email, students::funding))
            .order(students::id)
            .load(x)?;
        let g: Vec<(String, i64)> = study_groups::table.select((study_groups::name, study_groups::id)).load(x)?;
        let m: Vec<(i64, i64)> = group_memberships::table
            .filter(group_memberships::to_date.is_null())
            .select((group_memberships::student_id, group_memberships::group_id))
            .load(x)?;
        let gs: Vec<StoredGuardian> = guardians::table
            .select((guardians::id, guardians::last_name, guardians::first_name, guardians::patronymic, guardians::phone, guardians::email))
            .load(x)?;
        let l: Vec<(i64, i64)> = student_guardians::table
            .select((student_guardians::student_id, student_guardians::guardian_id))
            .load(x)?;
        let y: Option<NaiveDate> = academic_years::table
            .filter(academic_years::starts_on.le(today))
            .filter(academic_years::ends_on.ge(today))
            .select(academic_years::starts_on)
            .first(x)
            .optional()?;
        Ok::<_, diesel::result::Error>((s, g, m, gs, l, y))
    })?;
    let mut k = Known {
        by_book: HashMap::new(),
        by_name: HashMap::new(),
        groups: groups.into_iter().collect(),
        member_of: members.into_iter().collect(),
        guardian_by_key: HashMap::new(),
        links: HashMap::new(),
        guardians: HashMap::new(),
        year_start: year.unwrap_or(today),
        has_year: year.is_some(),
        students,
    };
    for (i, s) in k.students.iter().enumerate() {
        if let Some(b) = &s.5 {
            k.by_book.insert(b.clone(), i);
        }
        k.by_name.insert((join_name(&s.1, &s.2, &s.3), s.4), i);
    }
    for g in gs {
        k.guardian_by_key
            .insert((join_name(&g.1, &g.2, &g.3), g.4.clone()), g.0);
        k.guardians.insert(g.0, g);
    }
    for (s, g) in links {
        k.links.entry(s).or_default().push(g);
    }
    Ok(k)
}

impl Known {
    /// A guardian linked to `student` with this full name: id, phone, email.
    pub(super) fn linked_by_name(&self, student: i64, name: &str) -> Option<(i64, &str, &str)> {
        self.links.get(&student)?.iter().find_map(|id| {
            let g = self.guardians.get(id)?;
            (join_name(&g.1, &g.2, &g.3) == name).then_some((g.0, g.4.as_str(), g.5.as_str()))
        })
    }

    /// A guardian with this (full name, phone).
    pub(super) fn guardian_by_phone(&self, key: &(String, String)) -> Option<i64> {
        self.guardian_by_key.get(key).copied()
    }

    /// The stored phone and email of a guardian.
    pub(super) fn guardian_pair(&self, id: i64) -> (String, String) {
        self.guardians
            .get(&id)
            .map_or_else(Default::default, |g| (g.4.clone(), g.5.clone()))
    }

    /// «phone email» of a stored guardian, for the audit.
    pub(super) fn guardian_contacts(&self, id: i64) -> String {
        self.guardians
            .get(&id)
            .map_or(String::new(), |g| format!("{} {}", g.4, g.5))
    }
}

/// What happens to one row.
pub(super) enum Step {
    New,
    Update {
        id: i64,
        changes: Vec<(&'static str, String, String)>,
    },
    Same {
        id: i64,
    },
}

/// Guesses course and admission year of a new group from its name («ТМ-24» → набор 2024).
pub(super) fn guess_group(name: &str, today: NaiveDate) -> (i32, i32) {
    let start = if today.month() >= 9 {
        today.year()
    } else {
        today.year() - 1
    };
    let digits: String = name
        .split_once('-')
        .map(|(_, r)| r.chars().take_while(char::is_ascii_digit).take(2).collect())
        .unwrap_or_default();
    match digits.parse::<i32>() {
        Ok(yy) if digits.len() == 2 && 2000 + yy <= start => {
            (((start - 2000 - yy) + 1).clamp(1, 6), 2000 + yy)
        }
        _ => (1, start),
    }
}

fn opt_text(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

/// Matches every row, checks duplicates and groups, and decides each row's step.
pub(super) fn plan(
    sheet: &Sheet,
    recs: &[StudentRec],
    k: &Known,
    strict: bool,
    report: &mut Report,
) -> Result<(Vec<Step>, Vec<String>), AppError> {
    let mut problems: Vec<Problem> = Vec::new();
    let mut seen: HashMap<usize, usize> = HashMap::new();
    let mut books: HashMap<&str, usize> = HashMap::new();
    let mut new_groups: Vec<String> = Vec::new();
    let mut steps = Vec::with_capacity(recs.len());
    let by_line: HashMap<usize, &super::read::Row> =
        sheet.rows.iter().map(|r| (r.line, r)).collect();
    let row_of = |r: &StudentRec| by_line.get(&r.line).copied();
    for r in recs {
        let Some(row) = row_of(r) else { continue };
        if let Some(b) = &r.record_book {
            if let Some(first) = books.insert(b, r.line) {
                problems.push(sheet.problem(
                    row,
                    "record_book",
                    b,
                    &format!("номер уже указан в строке {first}"),
                ));
            }
        }
        let found = r
            .record_book
            .as_ref()
            .and_then(|b| k.by_book.get(b))
            .or_else(|| {
                k.by_name
                    .get(&(r.full_name(), r.birth_date))
                    .filter(|i| k.students[**i].5.is_none() || k.students[**i].5 == r.record_book)
            })
            .copied();
        if !k.groups.contains_key(&r.group) && !new_groups.contains(&r.group) {
            if strict {
                problems.push(sheet.problem(
                    row,
                    "group",
                    &r.group,
                    "нет такой группы (без --strict она была бы создана)",
                ));
            } else {
                let (course, year) = guess_group(&r.group, k.year_start);
                report.warnings.push(format!(
                    "группа «{}» не найдена и будет создана: курс {course}, набор {year}",
                    r.group
                ));
                new_groups.push(r.group.clone());
            }
        }
        let Some(i) = found else {
            steps.push(Step::New);
            continue;
        };
        if let Some(first) = seen.insert(i, r.line) {
            problems.push(sheet.problem(
                row,
                "last_name",
                &r.full_name(),
                &format!("тот же обучающийся уже в строке {first}"),
            ));
        }
        let s = &k.students[i];
        let mut changes = Vec::new();
        let mut cmp = |field: &'static str, old: String, new: String| {
            if old != new {
                changes.push((field, old, new));
            }
        };
        cmp("Фамилия", s.1.clone(), r.last_name.clone());
        cmp("Имя", s.2.clone(), r.first_name.clone());
        cmp("Отчество", s.3.clone(), r.patronymic.clone());
        cmp(
            "Дата рождения",
            super::values::date_text(s.4),
            super::values::date_text(r.birth_date),
        );
        if r.record_book.is_some() {
            cmp(
                "Номер зачётной книжки",
                opt_text(&s.5),
                opt_text(&r.record_book),
            );
        }
        if r.sex.is_some() {
            cmp("Пол", opt_text(&s.6), opt_text(&r.sex));
        }
        if let Some(v) = &r.phone {
            cmp("Телефон", s.7.clone(), v.clone());
        }
        if let Some(v) = &r.email {
            cmp("Email", s.8.clone(), v.clone());
        }
        if r.funding.is_some() {
            cmp("Основа обучения", opt_text(&s.9), opt_text(&r.funding));
        }
        let in_group = k.member_of.get(&s.0);
        let file_group = k.groups.get(&r.group);
        if in_group.is_some() && in_group != file_group {
            report.warnings.push(format!(
                "строка {}: {} в журнале числится в другой группе; перевод оформляется приказом (ezh student transfer), группа не изменена",
                r.line,
                r.full_name()
            ));
        }
        steps.push(if changes.is_empty() {
            Step::Same { id: s.0 }
        } else {
            Step::Update { id: s.0, changes }
        });
    }
    if !problems.is_empty() {
        return Err(failure(problems));
    }
    Ok((steps, new_groups))
}
