//! The audit log: every change of a grade, absence, final grade, topic, homework or personal
//! data, appended with who, when, old, new and why. Rows are hash-chained (each row's hash
//! covers its fields and the previous row's hash), so a row edited or removed behind the
//! application's back breaks the chain where `audit_verify` finds it, a log cut short or
//! rewritten no longer matches its sealed head (`audit_head`); the database's triggers refuse
//! UPDATE and DELETE on the table.

pub use super::audit_verify::{verify, Verdict, ENTITIES};

use chrono::NaiveDateTime;
use diesel::prelude::*;
use sha2::{Digest, Sha256};

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
    /// Set when appended for a student or guardian: the seal of the person's row after the
    /// change (`audit_seal`); read back by [`verify`].
    pub state_seal: Option<String>,
    /// The hash chain the record goes into: 0, the college's; an assignment's id, that journal
    /// page's (marks, absences, debts, topics), which terminals of other pages do not wait
    /// for (`audit_chain`).
    pub chain: i64,
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
    // Rows written before seals existed keep the text they were hashed with.
    let text = match &e.state_seal {
        Some(seal) => format!("{text}\u{1f}seal={seal}"),
        None => text,
    };
    // A page's record names its chain, so it cannot be moved into another one.
    let text = match e.chain {
        0 => text,
        n => format!("{text}\u{1f}chain={n}"),
    };
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

/// Appends several entries in order, chaining each to the one before in its chain; the actor
/// of every entry is the permit's holder. Chains are appended to in ascending order.
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
    let key = super::audit_key::load()?;
    // The people's rows are this transaction's own by now (it changed them): sealed before the
    // queue, so that the chain lock is held for the append alone.
    let seals = super::audit_seal::seals_for(c, &key, entries)?;
    let sealed: Vec<AuditEntry> = entries
        .iter()
        .zip(seals)
        .map(|(e, seal)| AuditEntry {
            actor_id: Some(permit.user_id()),
            state_seal: seal,
            ..e.clone()
        })
        .collect();
    let mut chains: Vec<i64> = sealed.iter().map(|e| e.chain).collect();
    chains.sort_unstable();
    chains.dedup();
    for chain in chains {
        let part: Vec<&AuditEntry> = sealed.iter().filter(|e| e.chain == chain).collect();
        append_to(c, permit, &key, chain, &part, at)?;
    }
    Ok(())
}

/// Appends `part` (entries of `chain`, sealed, with their actor) to its chain. Appends queue on
/// the chain's lock (on PostgreSQL; SQLite writers are one at a time), so each chain's order is
/// the order of commits.
fn append_to(
    c: &mut Conn<'_>,
    permit: &Permit,
    key: &[u8; 32],
    chain: i64,
    part: &[&AuditEntry],
    at: NaiveDateTime,
) -> Result<(), StoreError> {
    super::pg_locks::lock_chain(c, chain)?;
    let mut opened_now = false;
    let prev = if chain == 0 {
        // A log whose sealed head does not hold takes no more records (audit_head).
        super::audit_head::check_before_append(c, key)?
    } else {
        match super::audit_chain::check_before_append(c, key, chain)? {
            Some(prev) => prev,
            None => {
                opened_now = true;
                // A page's first record: its chain is announced in the college's.
                let opened = AuditEntry {
                    actor_id: Some(permit.user_id()),
                    action: "insert",
                    entity: "journal",
                    entity_id: chain,
                    new_value: Some(format!(
                        "{}: страница № {chain}",
                        super::audit_chain::OPENED
                    )),
                    ..Default::default()
                };
                append_to(c, permit, key, 0, &[&opened], at)?;
                GENESIS.to_string()
            }
        }
    };
    let (last, hash) = insert_chained(c, part, prev, at)?;
    if chain == 0 {
        super::audit_head::write_at(c, key, last, &hash)
    } else {
        super::audit_chain::write_at(c, key, chain, (last, &hash), opened_now)
    }
}

/// Inserts the entries linked one to the next from `prev`; the last record's number and hash.
fn insert_chained(
    c: &mut Conn<'_>,
    part: &[&AuditEntry],
    mut prev: String,
    at: NaiveDateTime,
) -> Result<(i64, String), StoreError> {
    let mut rows = Vec::with_capacity(part.len());
    for e in part {
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
            audit_log::state_seal.eq(e.state_seal.clone()),
            audit_log::prev_hash.eq(prev.clone()),
            audit_log::hash.eq(hash.clone()),
            audit_log::chain.eq(e.chain),
        ));
        prev = hash;
    }
    let mut last = 0;
    if let [row] = rows.as_slice() {
        // One record (a mark): a statement diesel prepares once, not a batch it parses anew.
        last = crate::with_conn!(c, x => diesel::insert_into(audit_log::table)
            .values(row.clone())
            .returning(audit_log::id)
            .get_result(x))?;
        return Ok((last, prev));
    }
    for chunk in rows.chunks(500) {
        let ids: Vec<i64> = crate::with_conn!(c, x => diesel::insert_into(audit_log::table)
            .values(chunk)
            .returning(audit_log::id)
            .get_results(x))?;
        last = ids.into_iter().max().unwrap_or(last);
    }
    Ok((last, prev))
}
