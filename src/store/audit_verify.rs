//! Checking the audit log behind the application: every row against its hash and the row
//! before it, then the log's end against its sealed head. A changed row, a row removed anywhere
//! (the last ones included) and a chain recomputed without the college's key are each told
//! apart, with the number of the record where it shows.

use std::collections::HashMap;

use diesel::prelude::*;

use super::audit::{chain_hash, AuditEntry, GENESIS};
use super::audit_head::{self, HeadFault};
use super::rows::AuditRow;
use super::schema::audit_log;
use super::{audit_chain, audit_key, Conn, StoreError};

/// The outcome of checking the whole chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Every row matches its hash and links to the one before, and the last one is the sealed
    /// head: `rows` records, the last numbered `head_id` with hash `head_hash`.
    Intact {
        rows: u64,
        head_id: i64,
        head_hash: String,
    },
    /// The row with this id was changed after it was written.
    Altered { id: i64 },
    /// The row before this id is missing (or the chain was otherwise cut).
    Broken { id: i64 },
    /// The chain holds but its end does not match the sealed head.
    Head(HeadFault),
    /// A journal chain (`audit_chain`) does not match its sealed head, or is gone.
    Chain { chain: i64, fault: HeadFault },
}

/// Recomputes every chain from its first row to its last (each row links to the one before it
/// in its own chain), then checks each chain's end against its sealed head with the college's
/// key (an error when the key is not on this computer), and that every journal chain the
/// college's chain says was opened is still there.
pub fn verify(c: &mut Conn<'_>) -> Result<Verdict, StoreError> {
    let key = audit_key::load()?;
    let mut prev: HashMap<i64, String> = HashMap::new();
    let mut opened: Vec<i64> = Vec::new();
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
            break;
        }
        for row in &batch {
            let before = prev.entry(row.chain).or_insert_with(|| GENESIS.to_string());
            if row.prev_hash != *before {
                return Ok(Verdict::Broken { id: row.id });
            }
            if chain_hash(before, row.at, &entry_of(row)) != row.hash {
                return Ok(Verdict::Altered { id: row.id });
            }
            if row.chain == 0 && row.entity == "journal" && opens(row) {
                opened.push(row.entity_id);
            }
            *before = row.hash.clone();
            after = row.id;
            count += 1;
        }
    }
    let last = audit_head::last_row(c)?;
    let head = audit_head::read(c)?;
    if let Some(f) = audit_head::fault(head.as_ref(), &last, &key) {
        return Ok(Verdict::Head(f));
    }
    let heads: HashMap<i64, audit_head::Head> = audit_chain::all(c)?.into_iter().collect();
    let mut chains: Vec<i64> = prev.keys().copied().filter(|k| *k != 0).collect();
    chains.extend(heads.keys().copied());
    chains.extend(opened.iter().copied());
    chains.sort_unstable();
    chains.dedup();
    for chain in chains {
        let fault = match (heads.get(&chain), opened.contains(&chain)) {
            (None, _) => Some(HeadFault::Missing),
            (Some(_), false) => Some(HeadFault::Unannounced),
            (Some(h), true) => {
                let tail = audit_head::last_of(c, chain)?;
                audit_chain::fault(chain, h, &tail, &key)
            }
        };
        if let Some(fault) = fault {
            return Ok(Verdict::Chain { chain, fault });
        }
    }
    Ok(Verdict::Intact {
        rows: count,
        head_id: last.0,
        head_hash: last.1,
    })
}

/// Whether a college-chain record is the opening of a journal chain.
fn opens(row: &AuditRow) -> bool {
    row.new_value
        .as_deref()
        .is_some_and(|v| v.starts_with(audit_chain::OPENED))
}

/// Whether the record `id` with this hash (or its first characters, at least 8) is in the log:
/// the head printed on a statement is still part of the chain.
pub fn holds(c: &mut Conn<'_>, id: i64, hash: &str) -> Result<bool, StoreError> {
    let stored: Option<String> = crate::with_conn!(c, x => audit_log::table
        .find(id)
        .select(audit_log::hash)
        .first(x)
        .optional())?;
    Ok(stored.is_some_and(|h| hash.len() >= 8 && h.starts_with(&hash.to_lowercase())))
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
        state_seal: row.state_seal.clone(),
        chain: row.chain,
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
    "academic_year",
    "term",
    "journal",
    "debt",
];
