//! Access below the UI, on every backend: a denied write changes nothing; a guardian and a
//! student reach only their own; the wait after five wrong passwords; one-time codes; no
//! password or code in clear in the database file.

use crate::support;

use chrono::Duration;
use diesel::prelude::*;
use ezh::app::{accounts::auth, accounts::codes, actor, journal::marks, AppError};
use ezh::domain::{AbsenceReason, GradeValue, WorkKind};
use ezh::store::schema::{access_codes, users};
use ezh::store::DbTarget;
use support::college::{build, fingerprint, user_id};

fn denied_writes_change_nothing(url: &str, backend: &str) {
    let (_, mut db, logins) = build(url);
    let (_, teacher, g) = support::college::whole_group_journal(&mut db);
    let teacher = teacher.user_id;
    let lesson = g.lessons.first().expect("lesson").clone();
    // On the lesson's own day: these are refusals of rights, not of lateness.
    ezh::app::college::clock::fix_today(Some(lesson.date));
    let student = g
        .students
        .iter()
        .find(|s| s.member_on(lesson.date))
        .expect("student")
        .student
        .id;
    let five = GradeValue::parse("5").expect("5");
    let before = fingerprint(&mut db);
    let mut tried = 0;
    for l in &logins {
        let id = user_id(&mut db, &l.login);
        if id == teacher {
            continue;
        }
        let someone = actor::load(&mut db, id).expect("actor");
        let r = marks::add_grade(
            &mut db,
            &someone,
            lesson.id,
            student,
            five,
            WorkKind::Answer,
        );
        assert!(
            matches!(r, Err(AppError::Denied(_))),
            "{backend}: {} may not grade: {r:?}",
            l.role
        );
        let r = marks::set_absence(
            &mut db,
            &someone,
            lesson.id,
            student,
            Some(AbsenceReason::Absent),
            None,
        );
        assert!(r.is_err(), "{backend}: {} may not mark absences", l.role);
        assert_eq!(
            fingerprint(&mut db),
            before,
            "{backend}: a denied call by {} changed nothing",
            l.role
        );
        tried += 1;
    }
    assert!(tried >= 7, "{backend}: {tried} roles tried");
    let own = actor::load(&mut db, teacher).expect("teacher");
    marks::add_grade(&mut db, &own, lesson.id, student, five, WorkKind::Answer)
        .expect("own lesson");
    assert_eq!(fingerprint(&mut db).0, before.0 + 1);
}

fn lockout_and_codes(url: &str, target: &DbTarget, backend: &str, file: Option<&std::path::Path>) {
    let (_, mut db, logins) = build(url);
    let _ = target;
    let deputy = logins
        .iter()
        .find(|l| l.role == "заместитель по УР")
        .expect("deputy")
        .clone();
    // Same answer for an unknown login and a wrong password.
    let unknown = auth::login(&mut db, "no.such.user", "whatever-long-1").expect_err("unknown");
    let wrong = auth::login(&mut db, &deputy.login, "wrong-password-1").expect_err("wrong");
    assert_eq!(unknown.to_string(), wrong.to_string());
    assert_eq!(wrong.to_string(), auth::BAD_LOGIN);
    for _ in 0..4 {
        let _ = auth::login(&mut db, &deputy.login, "wrong-password-1");
    }
    // The 6th attempt is refused even with the right password, until the wait is over.
    let sixth = auth::login(&mut db, &deputy.login, &deputy.password).expect_err("locked");
    assert_eq!(
        sixth.to_string(),
        auth::BAD_LOGIN,
        "{backend}: a locked account gets the same answer as a wrong password"
    );
    ezh::with_conn!(&mut db.conn(), c => diesel::update(users::table.filter(users::login.eq(&deputy.login)))
        .set(users::locked_until.eq(ezh::store::now() - Duration::seconds(1)))
        .execute(c))
    .expect("wait over");
    let s = auth::login(&mut db, &deputy.login, &deputy.password).expect("after the wait");
    assert_eq!(
        auth::resume(&mut db, &s.token).expect("live").user_id,
        s.user_id
    );
    auth::logout(&mut db, &s.token).expect("logout");
    assert!(
        auth::resume(&mut db, &s.token).is_err(),
        "{backend}: ended session refused"
    );

    // Codes: the tutor issues, the student activates once; reuse, revocation, expiry refused.
    let tutor = logins
        .iter()
        .find(|l| l.role == "куратор группы")
        .expect("tutor");
    let tutor_id = user_id(&mut db, &tutor.login);
    let tutor = actor::load(&mut db, tutor_id).expect("tutor actor");
    let group: String =
        ezh::with_conn!(&mut db.conn(), c => ezh::store::schema::study_groups::table
        .filter(ezh::store::schema::study_groups::tutor_id.eq(tutor.user_id))
        .select(ezh::store::schema::study_groups::name)
        .first(c))
        .expect("group");
    let who = codes::Recipients::Group {
        group: group.clone(),
        students: true,
        guardians: false,
    };
    let sheet = codes::issue(&mut db, &tutor, &who).expect("codes");
    // Students who have activated get no new code: the demo leaves a few who have not.
    assert!(sheet.len() >= 3, "{backend}: {} codes", sheet.len());
    let first = sheet[0].clone();
    let pw = "сирень-в-цвету";
    codes::activate(&mut db, &first.login, &first.code, pw).expect("activate");
    assert!(
        codes::activate(&mut db, &first.login, &first.code, pw).is_err(),
        "{backend}: used code refused"
    );
    auth::login(&mut db, &first.login, pw).expect("new password works");
    let second = sheet[1].clone();
    let again = codes::issue(&mut db, &tutor, &who).expect("codes again");
    assert!(
        codes::activate(&mut db, &second.login, &second.code, pw).is_err(),
        "{backend}: revoked code refused"
    );
    let third = again
        .iter()
        .find(|l| l.login == sheet[2].login)
        .expect("third")
        .clone();
    ezh::with_conn!(&mut db.conn(), c => diesel::update(access_codes::table.filter(access_codes::used_at.is_null()))
        .set(access_codes::created_at.eq(ezh::store::now() - Duration::days(9)))
        .execute(c))
    .expect("age");
    ezh::with_conn!(&mut db.conn(), c => diesel::update(access_codes::table.filter(access_codes::used_at.is_null()))
        .set(access_codes::expires_at.eq(ezh::store::now() - Duration::days(1)))
        .execute(c))
    .expect("expire");
    assert!(
        codes::activate(&mut db, &third.login, &third.code, pw).is_err(),
        "{backend}: expired code refused"
    );
    // A teacher of another group may not issue this group's codes; nothing changes.
    let teacher = logins
        .iter()
        .find(|l| l.role == "преподаватель")
        .expect("teacher");
    let teacher_id = user_id(&mut db, &teacher.login);
    let teacher = actor::load(&mut db, teacher_id).expect("teacher actor");
    if !teacher.tutor_of.iter().any(|g| tutor.tutor_of.contains(g)) {
        let n: i64 =
            ezh::with_conn!(&mut db.conn(), c => access_codes::table.count().get_result(c))
                .expect("n");
        assert!(matches!(
            codes::issue(&mut db, &teacher, &who),
            Err(AppError::Denied(_))
        ));
        let m: i64 =
            ezh::with_conn!(&mut db.conn(), c => access_codes::table.count().get_result(c))
                .expect("m");
        assert_eq!(n, m);
    }
    // Nothing secret is stored in clear.
    if let Some(path) = file {
        ezh::with_conn!(&mut db.conn(), c => diesel::sql_query("PRAGMA wal_checkpoint(TRUNCATE)").execute(c)).expect("checkpoint");
        let raw = std::fs::read(path).expect("file");
        for secret in [
            pw.to_string(),
            first.code.clone(),
            third.code.replace('-', ""),
            deputy.password.clone(),
            s.token.clone(),
        ] {
            assert!(
                !raw.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "{secret} found in the file"
            );
        }
    }
}

#[test]
fn denied_writes_change_nothing_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("denied_writes", dir.path()) {
        denied_writes_change_nothing(&url, backend);
    }
}

#[test]
fn lockout_codes_and_secrets_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("lockout_codes", dir.path()) {
        let target = DbTarget::parse(&url).expect("url");
        let file = match &target {
            DbTarget::Sqlite(p) => Some(p.clone()),
            DbTarget::Postgres(_) => None,
        };
        lockout_and_codes(&url, &target, backend, file.as_deref());
    }
}
