//! Seals of personal data in the audit log. A student's or guardian's record is told in many
//! words (a field changed, a guardian linked, an enrolment), so the text of its last audit
//! record cannot be compared with the row. Instead every audit record of a person carries a
//! seal of the person's whole row as it stands after the change: an HMAC under the college's key
//! (`audit_key`) of the fields in a fixed order. A row changed behind the application no longer
//! matches its last seal, and whoever changed it cannot make a new one without the key; the
//! seal shows nothing of the data (a plain hash of a birth date and a surname could be guessed).
//!
//! The seal is computed here, when the record is appended, from the row itself: no write path
//! can forget it or seal a state other than the one it wrote.

use std::collections::HashMap;

use diesel::prelude::*;

use super::audit::AuditEntry;
use super::audit_key;
use super::schema::{guardians, students};
use super::{Conn, StoreError};

/// The entities whose rows are sealed.
pub const SEALED: &[&str] = &["student", "guardian"];

type StudentFields = (
    i64,
    String,
    String,
    String,
    chrono::NaiveDate,
    Option<String>,
    Option<String>,
    String,
    String,
    Option<String>,
    String,
);

/// The ids in pieces a query takes (`None`: every row, in one query).
fn chunks(ids: Option<&[i64]>) -> Vec<Option<&[i64]>> {
    match ids {
        None => vec![None],
        Some(ids) => ids.chunks(500).map(Some).collect(),
    }
}

/// The personal data of the students `ids` (all of them with `None`), one text per row.
fn students_state(
    c: &mut Conn<'_>,
    ids: Option<&[i64]>,
) -> Result<HashMap<i64, String>, StoreError> {
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "∅".into());
    let mut out = HashMap::new();
    let mut add = |rows: Vec<StudentFields>| {
        for (id, last, first, patronymic, birth, sex, book, phone, email, funding, address) in rows
        {
            let text = [
                last,
                first,
                patronymic,
                birth.format("%Y-%m-%d").to_string(),
                opt(&sex),
                opt(&book),
                phone,
                email,
                opt(&funding),
                address,
            ]
            .join("\u{1f}");
            out.insert(id, text);
        }
    };
    let columns = (
        students::id,
        students::last_name,
        students::first_name,
        students::patronymic,
        students::birth_date,
        students::sex,
        students::record_book,
        students::phone,
        students::email,
        students::funding,
        students::address,
    );
    for chunk in chunks(ids) {
        add(crate::with_conn!(c, x => {
            let mut q = students::table.select(columns).into_boxed();
            if let Some(ids) = chunk {
                q = q.filter(students::id.eq_any(ids));
            }
            q.load(x)
        })?);
    }
    Ok(out)
}

/// The personal data of the guardians `ids` (all of them with `None`), one text per row.
fn guardians_state(
    c: &mut Conn<'_>,
    ids: Option<&[i64]>,
) -> Result<HashMap<i64, String>, StoreError> {
    type Fields = (i64, String, String, String, String, String);
    let mut out = HashMap::new();
    let mut add = |rows: Vec<Fields>| {
        for (id, last, first, patronymic, phone, email) in rows {
            out.insert(id, [last, first, patronymic, phone, email].join("\u{1f}"));
        }
    };
    let columns = (
        guardians::id,
        guardians::last_name,
        guardians::first_name,
        guardians::patronymic,
        guardians::phone,
        guardians::email,
    );
    for chunk in chunks(ids) {
        add(crate::with_conn!(c, x => {
            let mut q = guardians::table.select(columns).into_boxed();
            if let Some(ids) = chunk {
                q = q.filter(guardians::id.eq_any(ids));
            }
            q.load(x)
        })?);
    }
    Ok(out)
}

fn state(
    c: &mut Conn<'_>,
    entity: &str,
    ids: Option<&[i64]>,
) -> Result<HashMap<i64, String>, StoreError> {
    if entity == "student" {
        students_state(c, ids)
    } else {
        guardians_state(c, ids)
    }
}

/// The seal of one person's row.
pub fn seal(key: &[u8; 32], entity: &str, id: i64, state: &str) -> String {
    audit_key::hmac(
        key,
        format!("ezh-person\u{1f}{entity}\u{1f}{id}\u{1f}{state}").as_bytes(),
    )
}

/// The seal of each entry: for a student or guardian still in the database, its row as it is
/// now (inside the transaction of the change); `None` for every other entry.
pub fn seals_for(
    c: &mut Conn<'_>,
    key: &[u8; 32],
    entries: &[AuditEntry],
) -> Result<Vec<Option<String>>, StoreError> {
    let mut states: HashMap<&str, HashMap<i64, String>> = HashMap::new();
    for entity in SEALED {
        let ids: Vec<i64> = entries
            .iter()
            .filter(|e| e.entity == *entity && e.action != "delete")
            .map(|e| e.entity_id)
            .collect();
        if !ids.is_empty() {
            states.insert(entity, state(c, entity, Some(&ids))?);
        }
    }
    Ok(entries
        .iter()
        .map(|e| {
            let now = states.get(e.entity)?.get(&e.entity_id)?;
            Some(seal(key, e.entity, e.entity_id, now))
        })
        .collect())
}

/// The seal of every person of `entity` as the database holds them now, by id.
pub fn current(
    c: &mut Conn<'_>,
    key: &[u8; 32],
    entity: &str,
) -> Result<HashMap<i64, String>, StoreError> {
    Ok(state(c, entity, None)?
        .into_iter()
        .map(|(id, s)| (id, seal(key, entity, id, &s)))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seal_depends_on_the_key_the_person_and_every_field() {
        let key = [7u8; 32];
        let base = seal(&key, "student", 1, "Андреев\u{1f}Артём");
        assert_eq!(base, seal(&key, "student", 1, "Андреев\u{1f}Артём"));
        assert_ne!(base, seal(&[8u8; 32], "student", 1, "Андреев\u{1f}Артём"));
        assert_ne!(base, seal(&key, "guardian", 1, "Андреев\u{1f}Артём"));
        assert_ne!(base, seal(&key, "student", 2, "Андреев\u{1f}Артём"));
        assert_ne!(base, seal(&key, "student", 1, "Андреева\u{1f}Артём"));
    }
}
