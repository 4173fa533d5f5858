//! The audit log: every change of a grade, absence, final grade, topic, homework or personal
//! data, appended with who, when, old, new and why. Rows are hash-chained (each row's hash
//! covers its fields and the previous row's hash), so a row edited or removed behind the
//! application's back breaks the chain where [`verify`] finds it; the database's triggers
//! refuse UPDATE and DELETE on the table.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use super::rows::AuditRow;
use super::schema::audit_log;
use super::{Conn, StoreError};
use crate::access::Permit;

/// The `prev_hash` of the first row.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One change to record.
#[derive(Debug, Clone, Default)]
pub struct AuditEntry {
    /// Set from the permit when appended; read back by [`verify`].
    pub actor_id: Option<i64>,
    /// `insert`, `update` or `delete`.
    pub action: &'static str,
    /// `grade`, `absence`, `final_grade`, `lesson`, `student`, `guardian`, `user`, …
    pub entity: &'static str,
    pub entity_id: i64,
    pub student_id: Option<i64>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub reason: Option<String>,
}

/// The hash of a row given the previous row's hash. Fields are separated by a unit separator
/// and absent values spelled distinctly from empty ones, so no two rows share a text.
pub fn chain_hash(prev: &str, at: NaiveDateTime, e: &AuditEntry) -> String {
    fn opt(v: &Option<String>) -> String {
        v.as_ref().map_or("\u{0}".to_string(), |s| format!("={s}"))
    }
    let text = [
        prev.to_string(),
        at.format("%Y-%m-%d %H:%M:%S%.6f").to_string(),
        e.actor_id.map_or("-".into(), |v| v.to_string()),
        e.action.to_string(),
        e.entity.to_string(),
        e.entity_id.to_string(),
        e.student_id.map_or("-".into(), |v| v.to_string()),
        opt(&e.old_value),
        opt(&e.new_value),
        opt(&e.reason),
    ]
    .join("\u{1f}");
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// Appends one entry at `at` (truncated to microseconds, the precision both backends keep),
/// made by the holder of `permit`. Call inside the write transaction of the change it records:
/// an audited change cannot be written without a permission decision.
pub fn append(
    c: &mut Conn<'_>,
    permit: &Permit,
    e: &AuditEntry,
    at: NaiveDateTime,
) -> Result<(), StoreError> {
    append_many(c, permit, std::slice::from_ref(e), at)
}

/// Appends several entries in order, chaining each to the one before; the actor of every entry
/// is the permit's holder.
pub fn append_many(
    c: &mut Conn<'_>,
    permit: &Permit,
    entries: &[AuditEntry],
    at: NaiveDateTime,
) -> Result<(), StoreError> {
    if entries.is_empty() {
        return Ok(());
    }
    let at = crate::store::truncate_micros(at);
    let last: Option<String> = crate::with_conn!(c, x => audit_log::table
        .select(audit_log::hash)
        .order(audit_log::id.desc())
        .first(x)
        .optional())?;
    let mut prev = last.unwrap_or_else(|| GENESIS.to_string());
    let mut rows = Vec::with_capacity(entries.len());
    for e in entries {
        let e = &AuditEntry {
            actor_id: Some(permit.user_id()),
            ..e.clone()
        };
        let hash = chain_hash(&prev, at, e);
        rows.push((
            audit_log::at.eq(at),
            audit_log::actor_id.eq(e.actor_id),
            audit_log::action.eq(e.action),
            audit_log::entity.eq(e.entity),
            audit_log::entity_id.eq(e.entity_id),
            audit_log::student_id.eq(e.student_id),
            audit_log::old_value.eq(e.old_value.clone()),
            audit_log::new_value.eq(e.new_value.clone()),
            audit_log::reason.eq(e.reason.clone()),
            audit_log::prev_hash.eq(prev.clone()),
            audit_log::hash.eq(hash.clone()),
        ));
        prev = hash;
    }
    for chunk in rows.chunks(500) {
        crate::with_conn!(c, x => diesel::insert_into(audit_log::table).values(chunk).execute(x))?;
    }
    Ok(())
}

/// The outcome of checking the whole chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Every row matches its hash and links to the one before.
    Intact { rows: u64 },
    /// The row with this id was changed after it was written.
    Altered { id: i64 },
    /// The row before this id is missing (or the chain was otherwise cut).
    Broken { id: i64 },
}

/// Recomputes the chain from the first row to the last.
pub fn verify(c: &mut Conn<'_>) -> Result<Verdict, StoreError> {
    let mut prev = GENESIS.to_string();
    let mut after = i64::MIN;
    let mut count = 0u64;
    loop {
        let batch: Vec<AuditRow> = crate::with_conn!(c, x => audit_log::table
            .filter(audit_log::id.gt(after))
            .order(audit_log::id.asc())
            .limit(5000)
            .select(AuditRow::as_select())
            .load(x))?;
        if batch.is_empty() {
            return Ok(Verdict::Intact { rows: count });
        }
        for row in &batch {
            if row.prev_hash != prev {
                return Ok(Verdict::Broken { id: row.id });
            }
            if chain_hash(&prev, row.at, &entry_of(row)) != row.hash {
                return Ok(Verdict::Altered { id: row.id });
            }
            prev = row.hash.clone();
            after = row.id;
            count += 1;
        }
    }
}

fn entry_of(row: &AuditRow) -> AuditEntry {
    // The table's CHECK constraints limit action and entity to these words; anything else is
    // a row written behind our back, and its hash will not match.
    fn known(s: &str, words: &[&'static str]) -> &'static str {
        words.iter().find(|w| **w == s).copied().unwrap_or("?")
    }
    AuditEntry {
        actor_id: row.actor_id,
        action: known(&row.action, &["insert", "update", "delete"]),
        entity: known(&row.entity, ENTITIES),
        entity_id: row.entity_id,
        student_id: row.student_id,
        old_value: row.old_value.clone(),
        new_value: row.new_value.clone(),
        reason: row.reason.clone(),
    }
}

/// The entities the audit log records (the `audit_entity` constraint).
pub const ENTITIES: &[&str] = &[
    "grade",
    "absence",
    "final_grade",
    "lesson",
    "student",
    "guardian",
    "user",
    "membership",
    "settings",
];
