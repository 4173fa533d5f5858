//! The audit log's journal chains on both backends: a journal page's (an assignment's) first
//! mark opens its chain with a record in the college's chain, marks go into their page's chain,
//! `ezh audit verify` checks every chain against its own sealed head; a chain removed whole,
//! head and all, is found by its opening record, and a head the college's chain never opened is
//! found too.

use diesel::prelude::*;

use crate::support;
use ezh::app::college::audit;
use ezh::app::journal::marks;
use ezh::domain::{GradeValue, WorkKind};
use ezh::store::audit_head::HeadFault;
use ezh::store::audit_verify::Verdict;
use ezh::store::rows::AuditRow;
use ezh::store::schema::{assignments, audit_chains, audit_log, lessons};
use ezh::store::Db;
use support::college::{build, members_on, sql, unguard_audit_log, whole_group_journal};

#[test]
fn every_journal_chain_is_checked_and_a_chain_removed_whole_is_found() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("audit_chains", dir.path()) {
        let (_, mut db, logins) = build(&url);
        let admin = support::college::actor_of(&mut db, &logins, "администратор");
        let (_, teacher, g) = whole_group_journal(&mut db);
        let chain = g.assignment.id;
        let lesson = g.lessons.first().expect("lesson").clone();
        ezh::app::college::clock::fix_today(Some(lesson.date));
        let students = members_on(&g, lesson.date, 2);
        assert_eq!(support::tui::chain_openings(&mut db), 0, "{backend}");
        for s in &students {
            let five = GradeValue::parse("5").expect("5");
            marks::add_grade(&mut db, &teacher, lesson.id, *s, five, WorkKind::Answer)
                .expect("grade");
        }
        // One opening for the page, both marks in its chain, linked one to the other.
        assert_eq!(support::tui::chain_openings(&mut db), 1, "{backend}");
        let ours: Vec<AuditRow> = ezh::with_conn!(&mut db.conn(), c => audit_log::table
            .filter(audit_log::chain.eq(chain)).order(audit_log::id)
            .select(AuditRow::as_select()).load(c))
        .expect("rows");
        assert_eq!(ours.len(), 2, "{backend}");
        assert_eq!(ours[0].prev_hash, ezh::store::audit::GENESIS, "{backend}");
        assert_eq!(ours[1].prev_hash, ours[0].hash, "{backend}");
        let check = |db: &mut Db| audit::verify(db, &admin).expect("verify");
        assert!(check(&mut db).holds(), "{backend}: {:?}", check(&mut db));
        // Another page of the same group (another subject): a chain of its own, so that its
        // teacher does not wait for this one's.
        let (other, other_teacher, other_lesson, other_date): (i64, i64, i64, chrono::NaiveDate) =
            ezh::with_conn!(&mut db.conn(), c => assignments::table
                .inner_join(lessons::table)
                .filter(assignments::group_id.eq(g.assignment.group_id))
                .filter(assignments::id.ne(chain))
                .filter(assignments::subgroup_id.is_null())
                .select((assignments::id, assignments::teacher_id, lessons::id, lessons::date))
                .first(c))
            .expect("another page of the group");
        let other_teacher = ezh::app::actor::load(&mut db, other_teacher).expect("teacher");
        let student = g
            .students
            .iter()
            .find(|s| s.member_on(other_date))
            .expect("a member")
            .student
            .id;
        ezh::app::college::clock::fix_today(Some(other_date));
        let four = GradeValue::parse("4").expect("4");
        marks::add_grade(
            &mut db,
            &other_teacher,
            other_lesson,
            student,
            four,
            WorkKind::Answer,
        )
        .expect("grade on the other page");
        assert_eq!(support::tui::chain_openings(&mut db), 2, "{backend}");
        let in_chain = |db: &mut Db, n: i64| -> i64 {
            ezh::with_conn!(&mut db.conn(), c => audit_log::table
                .filter(audit_log::chain.eq(n)).count().get_result(c))
            .expect("count")
        };
        assert_eq!(
            (in_chain(&mut db, chain), in_chain(&mut db, other)),
            (2, 1),
            "{backend}"
        );
        assert!(check(&mut db).holds(), "{backend}: {:?}", check(&mut db));

        unguard_audit_log(&mut db);
        // The page's chain removed whole, head and all: the opening record gives it away.
        sql(
            &mut db,
            &format!("DELETE FROM audit_log WHERE chain = {chain}"),
        );
        sql(
            &mut db,
            &format!("DELETE FROM audit_chains WHERE chain = {chain}"),
        );
        assert_eq!(
            check(&mut db).verdict,
            Verdict::Chain {
                chain,
                fault: HeadFault::Missing
            },
            "{backend}"
        );
        // A head (with a seal made elsewhere) for a chain the college's chain never opened.
        sql(&mut db, "DELETE FROM audit_chains");
        ezh::with_conn!(&mut db.conn(), c => diesel::insert_into(audit_chains::table)
            .values((audit_chains::chain.eq(chain + 1000), audit_chains::last_id.eq(0),
                     audit_chains::last_hash.eq(ezh::store::audit::GENESIS),
                     audit_chains::seal.eq("x")))
            .execute(c))
        .expect("a made-up head");
        let verdict = check(&mut db).verdict;
        assert!(
            matches!(
                verdict,
                Verdict::Chain {
                    fault: HeadFault::Missing | HeadFault::Unannounced,
                    ..
                }
            ),
            "{backend}: {verdict:?}"
        );
    }
}
