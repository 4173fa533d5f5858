//! The sealed head of the audit log: the last record's number and hash with their seal under
//! the college's key ([`super::audit_key`]). Every append checks the head against the last row
//! and its seal before it writes, and seals the new head in the same transaction, so a log cut
//! short or rewritten behind the application stops every further write instead of being
//! silently continued (and so laundered) by the next one.

use diesel::prelude::*;

use super::audit::GENESIS;
use super::audit_key;
use super::schema::{audit_head, audit_log};
use super::{Conn, Db, StoreError};

/// What the head table holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub last_id: i64,
    pub last_hash: String,
    pub seal: Option<String>,
}

/// What is wrong with a head, in words for `ezh audit verify` and for a refused write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeadFault {
    /// No head row at all.
    Missing,
    /// Not sealed yet: `ezh db migrate` seals it.
    Unsealed,
    /// The head names a later record than the log's last one: records at the end were removed.
    Cut { head_id: i64, last_id: i64 },
    /// The log's last record is not the one the head names.
    Moved { head_id: i64, last_id: i64 },
    /// The seal does not match: the head (or the whole chain) was rewritten without the key.
    Forged,
    /// A journal chain has a head but the college's chain never opened it: made behind the
    /// application's back.
    Unannounced,
}

impl std::fmt::Display for HeadFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HeadFault::Missing => write!(f, "нет головной записи журнала изменений (удалена?)"),
            HeadFault::Unsealed => write!(
                f,
                "журнал изменений не запечатан ключом: выполните ezh db migrate"
            ),
            HeadFault::Cut { head_id, last_id } => write!(
                f,
                "из конца журнала изменений удалены записи: последняя № {last_id}, \
                 а запечатана № {head_id}"
            ),
            HeadFault::Moved { head_id, last_id } => write!(
                f,
                "последняя запись журнала изменений № {last_id} не та, что запечатана (№ {head_id})"
            ),
            HeadFault::Forged => write!(
                f,
                "печать журнала изменений не сходится: журнал переписан без ключа техникума"
            ),
            HeadFault::Unannounced => write!(
                f,
                "цепочка есть, но журнал техникума её не открывал: создана в обход программы"
            ),
        }
    }
}

/// The head row, if there is one.
pub fn read(c: &mut Conn<'_>) -> Result<Option<Head>, StoreError> {
    let row: Option<(i64, String, Option<String>)> = crate::with_conn!(c, x => audit_head::table
        .select((audit_head::last_id, audit_head::last_hash, audit_head::seal))
        .first(x)
        .optional())?;
    Ok(row.map(|(last_id, last_hash, seal)| Head {
        last_id,
        last_hash,
        seal,
    }))
}

/// The last record of the college's chain (number, hash), or (0, genesis) for an empty one.
pub fn last_row(c: &mut Conn<'_>) -> Result<(i64, String), StoreError> {
    last_of(c, 0)
}

/// What a chain without records has for its last record: number 0 and the genesis hash.
pub fn no_record() -> (i64, String) {
    (0, GENESIS.to_string())
}

/// The last record of `chain` (number, hash), or [`no_record`] for an empty one.
pub fn last_of(c: &mut Conn<'_>, chain: i64) -> Result<(i64, String), StoreError> {
    let last: Option<(i64, String)> = crate::with_conn!(c, x => audit_log::table
        .filter(audit_log::chain.eq(chain))
        .select((audit_log::id, audit_log::hash))
        .order(audit_log::id.desc())
        .first(x)
        .optional())?;
    Ok(last.unwrap_or_else(no_record))
}

/// Whether `head` is the sealed head of a log whose last record is `last`.
pub fn fault(head: Option<&Head>, last: &(i64, String), key: &[u8; 32]) -> Option<HeadFault> {
    let Some(h) = head else {
        return Some(HeadFault::Missing);
    };
    if h.seal.is_none() {
        return Some(HeadFault::Unsealed);
    }
    against(h, &audit_key::seal(key, h.last_id, &h.last_hash), last)
}

/// A sealed head against the seal it should carry and its chain's last record.
pub fn against(h: &Head, seal: &str, last: &(i64, String)) -> Option<HeadFault> {
    if h.seal.as_deref() != Some(seal) {
        return Some(HeadFault::Forged);
    }
    if h.last_id > last.0 {
        return Some(HeadFault::Cut {
            head_id: h.last_id,
            last_id: last.0,
        });
    }
    if h.last_id != last.0 || h.last_hash != last.1 {
        return Some(HeadFault::Moved {
            head_id: h.last_id,
            last_id: last.0,
        });
    }
    None
}

/// Refuses to write on a log whose head does not hold (under `key`); returns the hash of the
/// last record, to which the next one links. Two prepared statements: the append runs this
/// while it holds the chain lock, where a query planned anew each time would make every other
/// writer wait for the planner.
pub fn check_before_append(c: &mut Conn<'_>, key: &[u8; 32]) -> Result<String, StoreError> {
    let head = read(c)?;
    let last = last_row(c)?;
    match fault(head.as_ref(), &last, key) {
        None => Ok(last.1),
        Some(f) => Err(StoreError::AuditTampered(f.to_string())),
    }
}

/// Seals the head at record `id` with `hash`, the log's last record as the append just wrote it.
pub fn write_at(c: &mut Conn<'_>, key: &[u8; 32], id: i64, hash: &str) -> Result<(), StoreError> {
    let seal = audit_key::seal(key, id, hash);
    crate::with_conn!(c, x => diesel::update(audit_head::table.find(1))
        .set((audit_head::last_id.eq(id), audit_head::last_hash.eq(hash), audit_head::seal.eq(Some(&seal))))
        .execute(x))?;
    Ok(())
}

/// Seals the head at the log's current last record.
pub fn write(c: &mut Conn<'_>, key: &[u8; 32]) -> Result<(), StoreError> {
    let (id, hash) = last_row(c)?;
    write_at(c, key, id, &hash)
}

/// After migrations: seals a head that has no seal yet (a new journal, or one made before the
/// head existed), making the key when there is none. A head that does not match the log's last
/// record is not sealed over: that is for `ezh audit verify` to report.
pub fn seal_unsealed(db: &mut Db) -> Result<bool, StoreError> {
    db.write(|c| {
        let head = read(c)?;
        let last = last_row(c)?;
        match head {
            Some(h) if h.seal.is_none() && (h.last_id, &h.last_hash) == (last.0, &last.1) => {
                let key = audit_key::load_or_create()?;
                write(c, &key)?;
                Ok(true)
            }
            _ => Ok(false),
        }
    })
}
