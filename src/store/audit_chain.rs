//! The group chains of the audit log. Chain 0 is the college's, with its head in `audit_head`;
//! a study group's journal records (marks, absences, debts, topics) go into a chain of their
//! own numbered by the group, whose sealed head is a row of `audit_chains`. An append locks its
//! chain alone (`pg_locks::lock_chain`), so teachers of different groups commit side by side;
//! a chain's first record is announced in the college's chain, so a group chain removed whole,
//! head and all, is still found missing by `ezh audit verify`.

use diesel::prelude::*;

use super::audit_head::{last_of, Head, HeadFault};
use super::audit_key;
use super::schema::audit_chains;
use super::{Conn, StoreError};

/// The words of the college-chain record that opens a group chain; `entity_id` is the chain.
pub const OPENED: &str = "открыта цепочка записей журнала группы";

/// The sealed head of group chain `chain`, if it has one.
pub fn read(c: &mut Conn<'_>, chain: i64) -> Result<Option<Head>, StoreError> {
    let row: Option<(i64, String, String)> = crate::with_conn!(c, x => audit_chains::table
        .find(chain)
        .select((audit_chains::last_id, audit_chains::last_hash, audit_chains::seal))
        .first(x)
        .optional())?;
    Ok(row.map(|(last_id, last_hash, seal)| Head {
        last_id,
        last_hash,
        seal: Some(seal),
    }))
}

/// Every group chain's head: (chain, head).
pub fn all(c: &mut Conn<'_>) -> Result<Vec<(i64, Head)>, StoreError> {
    let rows: Vec<(i64, i64, String, String)> = crate::with_conn!(c, x => audit_chains::table
        .order(audit_chains::chain)
        .select((audit_chains::chain, audit_chains::last_id, audit_chains::last_hash,
                 audit_chains::seal))
        .load(x))?;
    Ok(rows
        .into_iter()
        .map(|(chain, last_id, last_hash, seal)| {
            let head = Head {
                last_id,
                last_hash,
                seal: Some(seal),
            };
            (chain, head)
        })
        .collect())
}

/// What is wrong with group chain `chain`'s head against the chain's last record.
pub fn fault(chain: i64, head: &Head, last: &(i64, String), key: &[u8; 32]) -> Option<HeadFault> {
    let seal = audit_key::seal_chain(key, chain, head.last_id, &head.last_hash);
    super::audit_head::against(head, &seal, last)
}

/// Before an append to group chain `chain` (its lock held): the hash the next record links
/// to, or `None` for a chain that has no record yet (it is to be opened). A chain whose head
/// does not hold takes no more records.
pub fn check_before_append(
    c: &mut Conn<'_>,
    key: &[u8; 32],
    chain: i64,
) -> Result<Option<String>, StoreError> {
    let head = read(c, chain)?;
    let last = last_of(c, chain)?;
    match head {
        None if last.0 == 0 => Ok(None),
        None => Err(StoreError::AuditTampered(format!(
            "у цепочки журнала группы № {chain} нет головной записи (удалена?)"
        ))),
        Some(h) => match fault(chain, &h, &last, key) {
            None => Ok(Some(last.1)),
            Some(f) => Err(StoreError::AuditTampered(format!(
                "цепочка журнала группы № {chain}: {f}"
            ))),
        },
    }
}

/// Seals group chain `chain`'s head at record `id` with `hash`.
pub fn write_at(
    c: &mut Conn<'_>,
    key: &[u8; 32],
    chain: i64,
    id: i64,
    hash: &str,
) -> Result<(), StoreError> {
    let seal = audit_key::seal_chain(key, chain, id, hash);
    crate::with_conn!(c, x => diesel::insert_into(audit_chains::table)
        .values((audit_chains::chain.eq(chain), audit_chains::last_id.eq(id),
                 audit_chains::last_hash.eq(hash), audit_chains::seal.eq(&seal)))
        .on_conflict(audit_chains::chain)
        .do_update()
        .set((audit_chains::last_id.eq(id), audit_chains::last_hash.eq(hash),
              audit_chains::seal.eq(&seal)))
        .execute(x))?;
    Ok(())
}
