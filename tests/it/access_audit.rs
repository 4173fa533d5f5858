//! Access below the UI, on every backend, continued: the audit chain detects tampering, user
//! management stays with the admin, and a guardian and a student reach only their own.

use crate::support;

use chrono::NaiveDate;
use diesel::prelude::*;
use ezh::app::{accounts::auth, actor, journal::grid, journal::marks, AppError};
use ezh::domain::{GradeValue, WorkKind};
use ezh::store::schema::{assignments, lessons};
use support::college::{build, fingerprint, user_id};

fn tamper_and_admin(url: &str, backend: &str) {
    let (_, mut db, logins) = build(url);
    let login_of = |role: &str| logins.iter().find(|l| l.role == role).expect(role).clone();
    let admin_login = login_of("администратор");
    let admin_id = user_id(&mut db, &admin_login.login);
    let admin = actor::load(&mut db, admin_id).expect("admin");
    let teacher_login = login_of("преподаватель");
    let teacher_id = user_id(&mut db, &teacher_login.login);
    let teacher = actor::load(&mut db, teacher_id).expect("teacher");

    // User management: only the admin; a denial changes nothing.
    let new = ezh::app::college::setup::NewUser {
        login: "novikova.ia".into(),
        last_name: "Новикова".into(),
        first_name: "Ирина".into(),
        patronymic: "Андреевна".into(),
        position: "Преподаватель".into(),
    };
    let roles = ezh::app::accounts::users::parse_roles("teacher").expect("roles");
    let before = fingerprint(&mut db);
    assert!(matches!(
        ezh::app::accounts::users::add(&mut db, &teacher, &new, &roles),
        Err(AppError::Denied(_))
    ));
    assert_eq!(fingerprint(&mut db), before, "{backend}");
    ezh::app::accounts::users::add(&mut db, &admin, &new, &roles).expect("admin adds");
    // Disabling ends the user's sessions.
    let s = auth::login(&mut db, &teacher_login.login, &teacher_login.password).expect("login");
    ezh::app::accounts::users::set_disabled(&mut db, &admin, &teacher_login.login, true)
        .expect("disable");
    assert!(
        auth::resume(&mut db, &s.token).is_err(),
        "{backend}: session ended by disabling"
    );
    let e = auth::login(&mut db, &teacher_login.login, &teacher_login.password)
        .expect_err("a disabled account cannot log in");
    assert_eq!(
        e.to_string(),
        "неверный логин или пароль (или вход временно заблокирован)",
        "{backend}: the one message of every failed login"
    );
    ezh::app::accounts::users::set_disabled(&mut db, &admin, &teacher_login.login, false)
        .expect("enable");

    // A grade's audit row edited behind the application's back is found.
    let teacher = actor::load(&mut db, teacher_id).expect("teacher again");
    let (assignment,): (i64,) = ezh::with_conn!(&mut db.conn(), c => assignments::table
        .inner_join(lessons::table)
        .filter(assignments::teacher_id.eq(teacher_id))
        .filter(assignments::subgroup_id.is_null())
        .select((assignments::id,))
        .first(c))
    .expect("teacher's assignment");
    let g = grid::load(&mut db, assignment).expect("grid");
    let lesson = g.lessons.last().expect("lesson").clone();
    let student = g
        .students
        .iter()
        .find(|s| s.member_on(lesson.date))
        .expect("student")
        .student
        .id;
    marks::add_grade(
        &mut db,
        &teacher,
        lesson.id,
        student,
        GradeValue::parse("3").expect("3"),
        WorkKind::Answer,
    )
    .expect("grade");
    assert!(matches!(
        ezh::app::college::audit::verify(&mut db, &admin)
            .expect("verify")
            .verdict,
        ezh::store::audit::Verdict::Intact { .. }
    ));
    assert!(matches!(
        ezh::app::college::audit::verify(&mut db, &teacher),
        Err(AppError::Denied(_))
    ));
    let (disable, enable) = match db.backend() {
        ezh::store::Backend::Sqlite => ("DROP TRIGGER audit_log_no_update", None),
        ezh::store::Backend::Postgres => (
            "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
            Some("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only"),
        ),
    };
    ezh::with_conn!(&mut db.conn(), c => diesel::sql_query(disable).execute(c))
        .expect("disable trigger");
    ezh::with_conn!(&mut db.conn(), c => diesel::sql_query(
        "UPDATE audit_log SET new_value = '5 (ответ на уроке)' WHERE id = (SELECT max(id) FROM audit_log WHERE entity = 'grade')").execute(c))
    .expect("tamper");
    if let Some(sql) = enable {
        ezh::with_conn!(&mut db.conn(), c => diesel::sql_query(sql).execute(c))
            .expect("enable trigger");
    }
    let verdict = ezh::app::college::audit::verify(&mut db, &admin)
        .expect("verify")
        .verdict;
    assert!(
        matches!(verdict, ezh::store::audit::Verdict::Altered { .. }),
        "{backend}: {verdict:?}"
    );
}

#[test]
fn audit_verify_and_user_management_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("tamper_admin", dir.path()) {
        tamper_and_admin(&url, backend);
    }
}

fn families_see_only_their_own(url: &str, backend: &str) {
    let (_, mut db, logins) = build(url);
    let on = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default();
    let of = |role: &str| logins.iter().find(|l| l.role == role).expect(role).clone();
    let student_login = of("студент");
    let sid = user_id(&mut db, &student_login.login);
    let student = actor::load(&mut db, sid).expect("student");
    let gid = user_id(&mut db, &of("родитель").login);
    let guardian = actor::load(&mut db, gid).expect("guardian");
    let own = student.student_id.expect("a student record");
    assert_eq!(
        guardian.children.len(),
        2,
        "{backend}: the demo guardian has two children"
    );
    assert!(guardian.children.contains(&own));
    let d = ezh::app::family::diary::load(&mut db, &student, own, on).expect("own diary");
    assert!(!d.lines.is_empty(), "{backend}: grades in the diary");
    for child in guardian.children.clone() {
        ezh::app::family::diary::load(&mut db, &guardian, child, on).expect("a linked child");
    }
    // Every other student, by id and by name, is refused to both.
    let others: Vec<(i64, String, String)> = ezh::with_conn!(&mut db.conn(), c => ezh::store::schema::students::table
        .select((ezh::store::schema::students::id, ezh::store::schema::students::last_name, ezh::store::schema::students::first_name))
        .load(c))
    .expect("students");
    let mut refused = 0;
    for (id, last, first) in others {
        for who in [&student, &guardian] {
            if who.student_id == Some(id) || who.children.contains(&id) {
                continue;
            }
            let by_id = ezh::app::family::diary::load(&mut db, who, id, on);
            assert!(
                matches!(by_id, Err(AppError::Denied(_))),
                "{backend}: {id} by id"
            );
            let name = format!("{last} {first}");
            if let Ok(found) = ezh::app::family::diary::resolve(&mut db, who, Some(&name)) {
                if who.student_id != Some(found) && !who.children.contains(&found) {
                    assert!(
                        matches!(
                            ezh::app::family::diary::load(&mut db, who, found, on),
                            Err(AppError::Denied(_))
                        ),
                        "{backend}: {name}"
                    );
                }
            }
            refused += 1;
        }
    }
    assert!(refused > 150, "{backend}: {refused} refusals checked");
}

#[test]
fn families_see_only_their_own_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("families_own", dir.path()) {
        families_see_only_their_own(&url, backend);
    }
}
