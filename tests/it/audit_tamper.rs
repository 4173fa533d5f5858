//! The audit log against someone with plain SQL and no key, on every backend (trigger dropped
//! on SQLite, disabled by the owner on PostgreSQL): a changed row, a row removed in the middle,
//! the last rows removed, a chain recomputed with the public format, a grade changed behind the
//! application and a grade inserted behind it, a student's phone changed behind it and a
//! student inserted behind it — each is found, and each time the log put back as it was passes
//! again. A log that does not hold takes no further writes.

use diesel::prelude::*;

use crate::support;
use ezh::app::college::audit::{self, Checked};
use ezh::app::contingent::student_fields::Field;
use ezh::app::contingent::students as contingent;
use ezh::app::journal::marks;
use ezh::app::AppError;
use ezh::domain::{GradeValue, WorkKind};
use ezh::store::audit_head::HeadFault;
use ezh::store::audit_verify::Verdict;
use ezh::store::rows::AuditRow;
use ezh::store::schema::{audit_chains, audit_log, grades, students};
use ezh::store::{Db, StoreError};
use support::college::{build, put_back_audit, sql, unguard_audit_log};

fn rows(db: &mut Db) -> Vec<AuditRow> {
    ezh::with_conn!(&mut db.conn(), c => audit_log::table.order(audit_log::id).select(AuditRow::as_select()).load(c))
        .expect("rows")
}

fn put_back(db: &mut Db, all: &[AuditRow]) {
    sql(db, "DELETE FROM audit_log");
    put_back_audit(db, all);
}

fn tamper(url: &str, backend: &str) {
    let (_, mut db, logins) = build(url);
    let admin = support::college::actor_of(&mut db, &logins, "администратор");
    let (_, teacher, g) = support::college::whole_group_journal(&mut db);
    let lesson = g.lessons.first().expect("lesson").clone();
    ezh::app::college::clock::fix_today(Some(lesson.date));
    let mut members = g
        .students
        .iter()
        .filter(|s| s.member_on(lesson.date))
        .map(|s| s.student.id);
    for (student, v) in [
        (members.next(), "5"),
        (members.next(), "4"),
        (members.next(), "3"),
    ] {
        let v = GradeValue::parse(v).expect("grade");
        marks::add_grade(
            &mut db,
            &teacher,
            lesson.id,
            student.expect("student"),
            v,
            WorkKind::Answer,
        )
        .expect("grade");
    }
    let check = |db: &mut Db| -> Checked { audit::verify(db, &admin).expect("verify") };
    let fine = check(&mut db);
    assert!(
        fine.holds(),
        "{backend}: the untampered demo journal holds: {fine:?}"
    );

    unguard_audit_log(&mut db);
    let all = rows(&mut db);
    let n = all.len();
    assert!(n >= 4, "{backend}: {n} rows");
    let (middle, last) = (all[n - 3].id, all[n - 1].id);

    // (a) A row changed.
    sql(
        &mut db,
        &format!("UPDATE audit_log SET new_value = '2 (ответ на уроке)' WHERE id = {middle}"),
    );
    assert_eq!(
        check(&mut db).verdict,
        Verdict::Altered { id: middle },
        "{backend}"
    );
    put_back(&mut db, &all);
    assert!(check(&mut db).holds(), "{backend}: put back");

    // (b) A row removed in the middle, then the last two.
    sql(
        &mut db,
        &format!("DELETE FROM audit_log WHERE id = {middle}"),
    );
    assert_eq!(
        check(&mut db).verdict,
        Verdict::Broken { id: all[n - 2].id },
        "{backend}"
    );
    put_back(&mut db, &all);
    sql(
        &mut db,
        &format!("DELETE FROM audit_log WHERE id > {}", all[n - 3].id),
    );
    // The marks are their journal page's chain: its sealed head names the cut.
    let chain = g.assignment.id;
    assert_eq!(
        check(&mut db).verdict,
        Verdict::Chain {
            chain,
            fault: HeadFault::Cut {
                head_id: last,
                last_id: middle
            }
        },
        "{backend}"
    );
    // A cut log takes no more records: the next write is refused and changes nothing.
    let student = g
        .students
        .iter()
        .find(|s| s.member_on(lesson.date))
        .expect("s")
        .student
        .id;
    let e = marks::add_grade(
        &mut db,
        &teacher,
        lesson.id,
        student,
        GradeValue::parse("2").expect("2"),
        WorkKind::Test,
    )
    .expect_err("refused on a cut log");
    assert!(
        matches!(e, AppError::Store(StoreError::AuditTampered(_))),
        "{backend}: {e}"
    );
    assert!(
        e.to_string()
            .contains("из конца журнала изменений удалены записи"),
        "{e}"
    );
    put_back(&mut db, &all);
    assert!(check(&mut db).holds(), "{backend}: put back");

    // (c) A row changed and the chain recomputed with the public format, head moved along:
    // only the seal, which needs the college's key, gives it away.
    let mut forged = all.clone();
    // The row before them in their own chain (none: the chain's first link).
    let mut prev = forged[..n - 3]
        .iter()
        .rev()
        .find(|r| r.chain == chain)
        .map_or(ezh::store::audit::GENESIS.to_string(), |r| r.hash.clone());
    for row in forged.iter_mut().skip(n - 3) {
        if row.id == middle {
            row.new_value = Some("2 (ответ на уроке)".into());
        }
        let entry = ezh::store::audit::AuditEntry {
            actor_id: row.actor_id,
            action: if row.action == "insert" {
                "insert"
            } else {
                "update"
            },
            entity: "grade",
            entity_id: row.entity_id,
            student_id: row.student_id,
            old_value: row.old_value.clone(),
            new_value: row.new_value.clone(),
            reason: row.reason.clone(),
            state_seal: row.state_seal.clone(),
            chain: row.chain,
        };
        assert_eq!(row.entity, "grade");
        row.prev_hash = prev.clone();
        row.hash = ezh::store::audit::chain_hash(&prev, row.at, &entry);
        prev = row.hash.clone();
    }
    put_back(&mut db, &forged);
    ezh::with_conn!(&mut db.conn(), c => diesel::update(audit_chains::table).set(audit_chains::last_hash.eq(&prev)).execute(c))
        .expect("move the head");
    assert_eq!(
        check(&mut db).verdict,
        Verdict::Chain {
            chain,
            fault: HeadFault::Forged
        },
        "{backend}"
    );
    put_back(&mut db, &all);
    ezh::with_conn!(&mut db.conn(), c => diesel::update(audit_chains::table).set(audit_chains::last_hash.eq(&all[n - 1].hash)).execute(c))
        .expect("head back");
    assert!(check(&mut db).holds(), "{backend}: put back");

    // (d) A grade changed behind the application, and one inserted behind it.
    let graded: i64 = all[n - 1].entity_id;
    sql(
        &mut db,
        &format!("UPDATE grades SET value = 2 WHERE id = {graded}"),
    );
    let found = check(&mut db);
    assert!(
        matches!(found.verdict, Verdict::Intact { .. }),
        "{backend}: the log itself holds"
    );
    assert_eq!(
        found.state,
        vec![format!("отметки № {graded}: в журнале изменений «3 (ответ на уроке)», в базе «2 (ответ на уроке)» — изменена в обход программы")],
        "{backend}"
    );
    sql(
        &mut db,
        &format!("UPDATE grades SET value = 3 WHERE id = {graded}"),
    );
    let new_id: i64 = ezh::with_conn!(&mut db.conn(), c => diesel::insert_into(grades::table)
        .values((grades::lesson_id.eq(lesson.id), grades::student_id.eq(student), grades::value.eq(5),
            grades::work_kind.eq("test"), grades::entered_by.eq(teacher.user_id), grades::entered_at.eq(ezh::store::now())))
        .returning(grades::id)
        .get_result(c))
    .expect("a grade behind the application");
    let found = check(&mut db);
    assert_eq!(found.state.len(), 1, "{backend}: {:?}", found.state);
    assert!(
        found.state[0].starts_with(&format!(
            "отметки № {new_id} («5 (контрольная работа)»): нет записи в журнале изменений"
        )),
        "{backend}: {:?}",
        found.state
    );
    sql(&mut db, &format!("DELETE FROM grades WHERE id = {new_id}"));
    assert!(check(&mut db).holds(), "{backend}: put back");

    // (d) Personal data: a student changed through the program is sealed; the same field
    // changed behind it is found, and so is a student inserted behind it.
    let book: (i64, Option<String>) = ezh::with_conn!(&mut db.conn(), c => students::table
        .filter(students::record_book.is_not_null())
        .order(students::id)
        .select((students::id, students::record_book))
        .first(c))
    .expect("a student");
    let (sid, book) = (book.0, book.1.unwrap_or_default());
    contingent::edit(
        &mut db,
        &admin,
        &book,
        &[(Field::Phone, "+7 900 111-22-33".into())],
    )
    .expect("edit");
    assert!(
        check(&mut db).holds(),
        "{backend}: an edit through the program"
    );
    let phone: String = ezh::with_conn!(&mut db.conn(), c => students::table
        .find(sid)
        .select(students::phone)
        .first(c))
    .expect("phone");
    sql(
        &mut db,
        &format!("UPDATE students SET phone = '+79990000000' WHERE id = {sid}"),
    );
    assert_eq!(
        check(&mut db).state,
        vec![format!("обучающийся № {sid}: персональные данные не те, что записаны в журнале изменений — изменены в обход программы")],
        "{backend}"
    );
    sql(
        &mut db,
        &format!("UPDATE students SET phone = '{phone}' WHERE id = {sid}"),
    );
    assert!(check(&mut db).holds(), "{backend}: put back");
    sql(
        &mut db,
        "INSERT INTO students (last_name, first_name, patronymic, birth_date, phone, email, address) \
         VALUES ('Подставной', 'Пётр', '', '2008-01-01', '', '', '')",
    );
    let found = check(&mut db);
    assert_eq!(found.state.len(), 1, "{backend}: {:?}", found.state);
    assert!(
        found.state[0].ends_with("нет записи в журнале изменений — внесён в обход программы"),
        "{backend}: {:?}",
        found.state
    );
    sql(
        &mut db,
        "DELETE FROM students WHERE last_name = 'Подставной'",
    );
    assert!(check(&mut db).holds(), "{backend}: put back");
}

#[test]
fn tampering_behind_the_application_is_found_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("audit_tamper", dir.path()) {
        tamper(&url, backend);
    }
}
