//! What a run makes before it is queued: a notice of one event about one student (or one
//! member of staff), its subject and text, and who receives it. The family of a student is read
//! here in one query for all the students of a run: their linked guardians and the student, the
//! student's own address only when the kind goes to them.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::kinds::NoticeKind;
use crate::app::AppError;
use crate::domain::person::{full_name, short_name};
use crate::store::schema::{guardians, student_guardians, students};
use crate::store::Conn;

/// The moment of a run: UTC as stored, and the college's local time it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moment {
    pub utc: NaiveDateTime,
    pub local: NaiveDateTime,
    pub zone: String,
}

impl Moment {
    /// The moment `utc` in zone `zone`.
    pub fn at(utc: NaiveDateTime, zone: &str) -> Moment {
        Moment {
            utc,
            local: crate::domain::time_zone::local(utc, zone),
            zone: zone.to_string(),
        }
    }

    /// The college's date.
    pub fn today(&self) -> NaiveDate {
        self.local.date()
    }
}

/// One receiver of a notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    /// «g12», «s40», «u7»: the part of the outbox key that tells recipients apart.
    pub key: String,
    pub user_id: Option<i64>,
    /// Empty: the internal mailbox only.
    pub email: String,
    /// «Петрова Ирина Сергеевна»: the envelope's name.
    pub name: String,
    /// «Ирина Сергеевна»: the greeting.
    pub greeting: String,
}

impl Recipient {
    fn new(key: String, user_id: Option<i64>, email: &str, parts: (&str, &str, &str)) -> Self {
        Recipient {
            key,
            user_id,
            email: email.trim().to_string(),
            name: full_name(parts.0, parts.1, parts.2),
            greeting: full_name("", parts.1, parts.2),
        }
    }

    /// A member of staff.
    pub fn staff(user_id: i64, email: &str, parts: (&str, &str, &str)) -> Self {
        Recipient::new(format!("u{user_id}"), Some(user_id), email, parts)
    }
}

/// A notice before it is queued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub kind: NoticeKind,
    /// The event, «absence:123»: with the recipient's key it is the outbox's unique key.
    pub event: String,
    /// The row the event is (an absence, a grade), checked again before sending.
    pub source_id: Option<i64>,
    pub student_id: Option<i64>,
    pub subject: String,
    /// The text between the greeting and the signature.
    pub body: String,
    pub to: Vec<Recipient>,
}

/// A student as the notices name them, with who is told about them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Family {
    /// «Андреева Елена Романовна».
    pub full: String,
    /// «Андреева Е. Р.».
    pub short: String,
    /// Whether the student is a woman (for «отсутствовала»); unknown is neither.
    pub female: Option<bool>,
    pub guardians: Vec<Recipient>,
    pub student: Recipient,
    birth: NaiveDate,
}

impl Family {
    /// Whether the student is 18 or over on `day`.
    pub fn adult_on(&self, day: NaiveDate) -> bool {
        let years = day.year() - self.birth.year();
        let before_birthday = (day.month(), day.day()) < (self.birth.month(), self.birth.day());
        years - i32::from(before_birthday) >= 18
    }

    /// The guardians, and the student when `with_student` (an absence goes to the student only
    /// when they are of age).
    pub fn recipients(&self, with_student: bool) -> Vec<Recipient> {
        let mut to = self.guardians.clone();
        if with_student {
            to.push(self.student.clone());
        }
        to
    }

    /// «отсутствовал», «отсутствовала», «отсутствовал(а)».
    pub fn past(&self, stem: &str) -> String {
        match self.female {
            Some(true) => format!("{stem}а"),
            Some(false) => stem.to_string(),
            None => format!("{stem}(а)"),
        }
    }
}

/// (id, last, first, patronymic, birth, sex, email, user) of a student.
type StudentFacts = (
    i64,
    String,
    String,
    String,
    NaiveDate,
    Option<String>,
    String,
    Option<i64>,
);

/// The families of `ids`, by student id.
pub fn families(c: &mut Conn<'_>, ids: &[i64]) -> Result<HashMap<i64, Family>, AppError> {
    let mut out = HashMap::new();
    // In slices: a whole college's students would pass the bind limit of one query.
    for chunk in ids.chunks(500) {
        let rows: Vec<StudentFacts> = crate::with_conn!(c, x => students::table
            .filter(students::id.eq_any(chunk))
            .select((students::id, students::last_name, students::first_name,
                     students::patronymic, students::birth_date, students::sex,
                     students::email, students::user_id))
            .load(x))?;
        type G = (i64, i64, String, String, String, String, Option<i64>);
        let links: Vec<G> = crate::with_conn!(c, x => student_guardians::table
            .inner_join(guardians::table)
            .filter(student_guardians::student_id.eq_any(chunk))
            .order((student_guardians::student_id, guardians::id))
            .select((student_guardians::student_id, guardians::id, guardians::last_name,
                     guardians::first_name, guardians::patronymic, guardians::email,
                     guardians::user_id))
            .load(x))?;
        for (id, last, first, patr, birth, sex, email, user) in rows {
            let guardians = links
                .iter()
                .filter(|g| g.0 == id)
                .map(|g| Recipient::new(format!("g{}", g.1), g.6, &g.5, (&g.2, &g.3, &g.4)))
                .collect();
            out.insert(
                id,
                Family {
                    full: full_name(&last, &first, &patr),
                    short: short_name(&last, &first, &patr),
                    female: sex.as_deref().map(|s| s == "f"),
                    guardians,
                    student: Recipient::new(format!("s{id}"), user, &email, (&last, &first, &patr)),
                    birth,
                },
            );
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn of_age_on_the_eighteenth_birthday() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
        let f = Family {
            full: "Андреева Елена Романовна".into(),
            short: "Андреева Е. Р.".into(),
            female: Some(true),
            guardians: Vec::new(),
            student: Recipient::staff(1, "", ("А", "Б", "В")),
            birth: d(2008, 11, 27),
        };
        assert!(!f.adult_on(d(2026, 11, 26)));
        assert!(f.adult_on(d(2026, 11, 27)));
        assert_eq!(f.past("отсутствовал"), "отсутствовала");
    }
}
