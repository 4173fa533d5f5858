//! A journal page's chain checked before each append, on both backends: the last record and the
//! sealed head are read together on every mark, and a page whose head or records were removed
//! behind the program's back takes no more marks, the refused one changing nothing. Each case
//! has its own way through that read (a head without records is read on its own), so each is
//! tried: records gone with the head kept, the head gone with the records kept, and after both
//! are put back the page writes again.

use diesel::prelude::*;

use crate::support;
use ezh::app::journal::marks;
use ezh::app::AppError;
use ezh::domain::{GradeValue, WorkKind};
use ezh::store::rows::AuditRow;
use ezh::store::schema::{audit_chains, audit_log};
use ezh::store::{Db, StoreError};
use support::college::{
    build, fingerprint, members_on, put_back_audit, sql, unguard_audit_log, whole_group_journal,
};

/// The page's records and its head row: (chain, last_id, last_hash, seal).
type Page = (Vec<AuditRow>, (i64, i64, String, String));

fn page(db: &mut Db, chain: i64) -> Page {
    let rows = ezh::with_conn!(&mut db.conn(), c => audit_log::table
        .filter(audit_log::chain.eq(chain)).order(audit_log::id)
        .select(AuditRow::as_select()).load(c))
    .expect("records");
    let head = ezh::with_conn!(&mut db.conn(), c => audit_chains::table.find(chain)
        .select((audit_chains::chain, audit_chains::last_id, audit_chains::last_hash,
                 audit_chains::seal))
        .first(c))
    .expect("head");
    (rows, head)
}

#[test]
fn a_page_whose_head_or_records_were_removed_takes_no_more_marks() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("audit_chain_append", dir.path()) {
        let (_, mut db, _) = build(&url);
        let (_, teacher, g) = whole_group_journal(&mut db);
        let chain = g.assignment.id;
        let lesson = g.lessons.first().expect("lesson").clone();
        ezh::app::college::clock::fix_today(Some(lesson.date));
        let roll = members_on(&g, lesson.date, 3);
        let mark = |db: &mut Db, student: i64| {
            let v = GradeValue::parse("4").expect("4");
            marks::add_grade(db, &teacher, lesson.id, student, v, WorkKind::Answer)
        };
        for s in &roll[..2] {
            mark(&mut db, *s).expect("grade");
        }
        let (records, head) = page(&mut db, chain);
        assert_eq!(records.len(), 2, "{backend}");
        assert_eq!(
            head.1, records[1].id,
            "{backend}: the head names the last record"
        );
        unguard_audit_log(&mut db);
        // The records gone, the head kept: the head names a record the chain no longer has.
        sql(
            &mut db,
            &format!("DELETE FROM audit_log WHERE chain = {chain}"),
        );
        let next = |db: &mut Db| mark(db, roll[2]).map(|_| ());
        refused(&mut db, backend, "records removed", &next);
        let ids: Vec<i64> = records.iter().map(|r| r.id).collect();
        put_back_audit(&mut db, &records);
        // The head gone, the records kept: the page's last record has nothing to hold it.
        sql(
            &mut db,
            &format!("DELETE FROM audit_chains WHERE chain = {chain}"),
        );
        refused(&mut db, backend, "head removed", &next);
        ezh::with_conn!(&mut db.conn(), c => diesel::insert_into(audit_chains::table)
            .values((audit_chains::chain.eq(head.0), audit_chains::last_id.eq(head.1),
                     audit_chains::last_hash.eq(&head.2), audit_chains::seal.eq(&head.3)))
            .execute(c))
        .expect("head put back");
        // Both back as they were: the page takes its next mark, linked to its last record.
        mark(&mut db, roll[2]).expect("the page writes again");
        let (after, head) = page(&mut db, chain);
        assert_eq!(after.len(), 3, "{backend}");
        assert_eq!(after[..2].iter().map(|r| r.id).collect::<Vec<_>>(), ids);
        assert_eq!(after[2].prev_hash, after[1].hash, "{backend}");
        assert_eq!(head.1, after[2].id, "{backend}");
    }
}

/// The next mark is refused as written into a tampered chain, and writes nothing.
fn refused(db: &mut Db, backend: &str, what: &str, next: &dyn Fn(&mut Db) -> Result<(), AppError>) {
    let before = fingerprint(db);
    let e = next(db).expect_err(what);
    assert!(
        matches!(e, AppError::Store(StoreError::AuditTampered(_))),
        "{backend}, {what}: {e}"
    );
    assert_eq!(
        fingerprint(db),
        before,
        "{backend}, {what}: nothing written"
    );
}
