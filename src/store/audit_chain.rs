//! The journal chains of the audit log. Chain 0 is the college's, with its head in
//! `audit_head`; the records of a journal page (an assignment: one subject of one group or
//! subgroup — its marks, absences, debts, topics) go into a chain of their own numbered by the
//! assignment, whose sealed head is a row of `audit_chains`. An append locks its chain alone
//! (`pg_locks`), so teachers of different pages commit side by side, the teachers of one group
//! included; a chain's first record is announced in the college's chain, so a chain removed
//! whole, head and all, is still found missing by `ezh audit verify`. Databases written before
//! 07.12.2026 also hold chains numbered by the group: a number only names a chain, so they are
//! checked the same way.

use diesel::prelude::*;

use super::audit_head::{Head, HeadFault};
use super::audit_key;
use super::schema::{audit_chains, audit_log};
use super::{Conn, StoreError};

/// The words the college-chain record that opens a journal chain begins with; `entity_id` is
/// the chain. Openings of the earlier group chains («… журнала группы № N») begin the same.
pub const OPENED: &str = "открыта цепочка записей журнала";

/// A head row's fields as selected: (last_id, last_hash, seal).
type HeadRow = (i64, String, String);

/// The columns of a head row, in [`HeadRow`]'s order.
const HEAD: (
    audit_chains::last_id,
    audit_chains::last_hash,
    audit_chains::seal,
) = (
    audit_chains::last_id,
    audit_chains::last_hash,
    audit_chains::seal,
);

/// The head a row of [`HEAD`] describes.
fn head((last_id, last_hash, seal): HeadRow) -> Head {
    Head {
        last_id,
        last_hash,
        seal: Some(seal),
    }
}

/// The sealed head of journal chain `chain`, if it has one.
pub fn read(c: &mut Conn<'_>, chain: i64) -> Result<Option<Head>, StoreError> {
    let row: Option<HeadRow> = crate::with_conn!(c, x => audit_chains::table
        .find(chain)
        .select(HEAD)
        .first(x)
        .optional())?;
    Ok(row.map(head))
}

/// Every journal chain's head: (chain, head).
pub fn all(c: &mut Conn<'_>) -> Result<Vec<(i64, Head)>, StoreError> {
    let rows: Vec<(i64, HeadRow)> = crate::with_conn!(c, x => audit_chains::table
        .order(audit_chains::chain)
        .select((audit_chains::chain, HEAD))
        .load(x))?;
    Ok(rows
        .into_iter()
        .map(|(chain, h)| (chain, head(h)))
        .collect())
}

/// What is wrong with journal chain `chain`'s head against the chain's last record.
pub fn fault(chain: i64, head: &Head, last: &(i64, String), key: &[u8; 32]) -> Option<HeadFault> {
    let seal = audit_key::seal_chain(key, chain, head.last_id, &head.last_hash);
    super::audit_head::against(head, &seal, last)
}

/// Before an append to journal chain `chain` (its lock held): the hash the next record links
/// to, or `None` for a chain that has no record yet (it is to be opened). A chain whose head
/// does not hold takes no more records.
pub fn check_before_append(
    c: &mut Conn<'_>,
    key: &[u8; 32],
    chain: i64,
) -> Result<Option<String>, StoreError> {
    let (head, last) = head_and_last(c, chain)?;
    match head {
        None if last.0 == 0 => Ok(None),
        None => Err(StoreError::AuditTampered(format!(
            "у цепочки журнала № {chain} нет головной записи (удалена?)"
        ))),
        Some(h) => match fault(chain, &h, &last, key) {
            None => Ok(Some(last.1)),
            Some(f) => Err(StoreError::AuditTampered(format!(
                "цепочка журнала № {chain}: {f}"
            ))),
        },
    }
}

/// [`read`] and the last record of journal chain `chain`: the last record joined to its
/// chain's head, one statement on every mark. A join and not five scalar subqueries: on
/// PostgreSQL each subquery was planned anew on every execution, a tenth of the server's time
/// under 300 terminals. Only a chain without records (its first append, or one emptied behind
/// the program's back) reads its head on its own.
fn head_and_last(
    c: &mut Conn<'_>,
    chain: i64,
) -> Result<(Option<Head>, (i64, String)), StoreError> {
    let row: Option<(i64, String, Option<HeadRow>)> = crate::with_conn!(c, x => audit_log::table
        .left_join(audit_chains::table.on(audit_chains::chain.eq(audit_log::chain)))
        .filter(audit_log::chain.eq(chain))
        .order(audit_log::id.desc())
        .select((audit_log::id, audit_log::hash, HEAD.nullable()))
        .first(x)
        .optional())?;
    match row {
        None => Ok((read(c, chain)?, super::audit_head::no_record())),
        Some((id, hash, h)) => Ok((h.map(head), (id, hash))),
    }
}

/// Seals journal chain `chain`'s head at record `last` = (id, hash): a new head row for a chain
/// `opened` by this append, otherwise an update of the one [`check_before_append`] read.
pub fn write_at(
    c: &mut Conn<'_>,
    key: &[u8; 32],
    chain: i64,
    last: (i64, &str),
    opened: bool,
) -> Result<(), StoreError> {
    let (id, hash) = last;
    let seal = audit_key::seal_chain(key, chain, id, hash);
    let set = (
        audit_chains::last_id.eq(id),
        audit_chains::last_hash.eq(hash),
        audit_chains::seal.eq(&seal),
    );
    let n = match opened {
        true => crate::with_conn!(c, x => diesel::insert_into(audit_chains::table)
            .values((audit_chains::chain.eq(chain), set))
            .execute(x))?,
        false => match c {
            Conn::Sqlite(x) => diesel::update(audit_chains::table.find(chain))
                .set(set)
                .execute(&mut **x)?,
            #[cfg(feature = "postgres")]
            Conn::Pg(x) => super::pg_cell::update_head(x, chain, (id, hash), &seal)?,
        },
    };
    match n {
        1 => Ok(()),
        _ => Err(StoreError::AuditTampered(format!(
            "головная запись цепочки журнала № {chain} исчезла во время записи"
        ))),
    }
}
