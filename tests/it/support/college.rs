//! A small demo college for the access tests, and what a denied call must leave unchanged.

use chrono::NaiveDate;
use diesel::prelude::*;
use ezh::demo::{self, DemoOptions, Size};
use ezh::store::schema::{absences, audit_log, grades, users};
use ezh::store::{Db, DbTarget};

/// A small demo college at `url` on the demo's «today», which is also this thread's clock.
pub fn build(url: &str) -> (DbTarget, Db, Vec<ezh::demo::DemoLogin>) {
    let target = DbTarget::parse(url).expect("url");
    let opts = DemoOptions {
        size: Size::Small,
        today: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default(),
        seed: 11,
        full_year: false,
    };
    // The journal judges deadlines on this day, as the server would on the demo's «today».
    ezh::app::college::clock::fix_today(Some(opts.today));
    let (db, report) = demo::build(&target, &opts, false).expect("demo");
    (target, db, report.logins)
}

/// (grades, absences, audit rows): what a denied write must leave as it was.
pub fn fingerprint(db: &mut Db) -> (i64, i64, i64) {
    ezh::with_conn!(&mut db.conn(), c => (|| {
        let g: i64 = grades::table.count().get_result(c)?;
        let a: i64 = absences::table.count().get_result(c)?;
        let au: i64 = audit_log::table.count().get_result(c)?;
        Ok::<_, diesel::result::Error>((g, a, au))
    })())
    .expect("count")
}

/// The id of the user with this login.
pub fn user_id(db: &mut Db, login: &str) -> i64 {
    ezh::with_conn!(&mut db.conn(), c => users::table.filter(users::login.eq(login)).select(users::id).first(c)).expect("user")
}

/// The journal of the first whole-group assignment with lessons: its id, its teacher and its
/// grid (students and lessons).
pub fn whole_group_journal(db: &mut Db) -> (i64, ezh::app::Actor, ezh::app::journal::grid::Grid) {
    use ezh::store::schema::{assignments, lessons};
    let (assignment, teacher): (i64, i64) = ezh::with_conn!(&mut db.conn(), c => assignments::table
        .inner_join(lessons::table)
        .filter(assignments::subgroup_id.is_null())
        .select((assignments::id, assignments::teacher_id))
        .first(c))
    .expect("assignment");
    let grid = ezh::app::journal::grid::load(db, assignment).expect("grid");
    let teacher = ezh::app::actor::load(db, teacher).expect("teacher");
    (assignment, teacher, grid)
}

/// The ids of the first `n` students of a journal's roll who are in the group on `date`.
pub fn members_on(g: &ezh::app::journal::grid::Grid, date: NaiveDate, n: usize) -> Vec<i64> {
    g.students
        .iter()
        .filter(|s| s.member_on(date))
        .map(|s| s.student.id)
        .take(n)
        .collect()
}

/// Runs SQL straight on the database, past the program, as someone with its rights could.
pub fn sql(db: &mut Db, text: &str) {
    ezh::with_conn!(&mut db.conn(), c => diesel::sql_query(text).execute(c))
        .unwrap_or_else(|e| panic!("{text}: {e}"));
}

/// Puts removed audit records back as they were, ids and hashes included.
pub fn put_back_audit(db: &mut Db, rows: &[ezh::store::rows::AuditRow]) {
    for chunk in rows.chunks(200) {
        ezh::with_conn!(&mut db.conn(), c => diesel::insert_into(audit_log::table)
            .values(chunk).execute(c))
        .expect("records put back");
    }
}

/// Lifts the guards that keep the audit log append-only (no update, no delete), as someone with
/// the database's own rights could, so that a test can change or cut the log behind the
/// program's back.
pub fn unguard_audit_log(db: &mut Db) {
    match db.backend() {
        ezh::store::Backend::Sqlite => {
            sql(db, "DROP TRIGGER audit_log_no_update");
            sql(db, "DROP TRIGGER audit_log_no_delete");
        }
        ezh::store::Backend::Postgres => sql(db, "ALTER TABLE audit_log DISABLE TRIGGER USER"),
    }
}

/// The demo's person with this Russian role («администратор», «секретарь»), as an actor.
pub fn actor_of(db: &mut Db, logins: &[ezh::demo::DemoLogin], role: &str) -> ezh::app::Actor {
    let login = &logins.iter().find(|l| l.role == role).expect(role).login;
    let id = user_id(db, login);
    ezh::app::actor::load(db, id).expect("actor")
}
