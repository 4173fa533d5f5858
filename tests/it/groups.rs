//! Groups on every backend: only the administrator creates groups and appoints tutors (a denial
//! changes nothing); a teacher lists only the groups they teach or tutor.

use crate::support;

use chrono::NaiveDate;
use diesel::prelude::*;
use ezh::app::contingent::groups::{self, NewGroup};
use ezh::app::{actor, AppError};
use ezh::demo::{self, DemoOptions, Size};
use ezh::store::schema::{study_groups, users};
use ezh::store::{Db, DbTarget};

fn id_of(db: &mut Db, login: &str) -> i64 {
    ezh::with_conn!(&mut db.conn(), c => users::table.filter(users::login.eq(login)).select(users::id).first(c)).expect("user")
}

fn count(db: &mut Db) -> i64 {
    ezh::with_conn!(&mut db.conn(), c => study_groups::table.count().get_result(c)).expect("count")
}

fn groups_story(url: &str, backend: &str) {
    let target = DbTarget::parse(url).expect("url");
    let opts = DemoOptions {
        size: Size::Small,
        today: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default(),
        seed: 3,
        full_year: false,
    };
    let (mut db, report) = demo::build(&target, &opts, false).expect("demo");
    let login = |role: &str| {
        report
            .logins
            .iter()
            .find(|l| l.role == role)
            .expect(role)
            .login
            .clone()
    };
    let admin_id = id_of(&mut db, &login("администратор"));
    let admin = actor::load(&mut db, admin_id).expect("admin");
    let deputy_id = id_of(&mut db, &login("заместитель по УР"));
    let deputy = actor::load(&mut db, deputy_id).expect("deputy");
    let teacher_login = login("преподаватель");
    let teacher_id = id_of(&mut db, &teacher_login);

    let g = NewGroup {
        name: "ЭС-26/2".into(),
        specialty_code: Some("13.02.07".into()),
        course: 1,
        admission_year: 2026,
        capacity: 25,
    };
    let before = count(&mut db);
    assert!(
        matches!(
            groups::create(&mut db, &deputy, &g),
            Err(AppError::Denied(_))
        ),
        "{backend}"
    );
    assert_eq!(
        count(&mut db),
        before,
        "{backend}: a denied create changed nothing"
    );
    groups::create(&mut db, &admin, &g).expect("admin creates");
    assert!(
        groups::create(&mut db, &admin, &g).is_err(),
        "{backend}: the name is unique"
    );
    assert!(matches!(
        groups::set_tutor(&mut db, &deputy, "ЭС-26/2", &teacher_login),
        Err(AppError::Denied(_))
    ));
    assert!(
        groups::set_tutor(&mut db, &admin, "ЭС-26/2", &login("студент")).is_err(),
        "{backend}: only a teacher tutors"
    );
    groups::set_tutor(&mut db, &admin, "ЭС-26/2", &teacher_login).expect("tutor");
    let teacher = actor::load(&mut db, teacher_id).expect("teacher");
    let visible = groups::list(&mut db, &teacher).expect("list");
    assert!(
        visible.iter().any(|g| g.name == "ЭС-26/2"),
        "{backend}: the tutored group"
    );
    assert!(
        visible
            .iter()
            .all(|g| teacher.tutor_of.contains(&g.id) || teacher.teaches_group(g.id)),
        "{backend}: only own groups"
    );
    let all = groups::list(&mut db, &deputy).expect("deputy list");
    assert_eq!(
        all.len() as i64,
        before + 1,
        "{backend}: the deputy sees every group"
    );
    assert!(
        all.iter()
            .filter(|g| g.name != "ЭС-26/2")
            .all(|g| g.students >= 24),
        "{backend}: students counted"
    );
    let student_id = id_of(&mut db, &login("студент"));
    let student = actor::load(&mut db, student_id).expect("student");
    assert!(
        groups::list(&mut db, &student)
            .expect("student list")
            .is_empty(),
        "{backend}: a student sees no group lists"
    );
}

#[test]
fn groups_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("groups", dir.path()) {
        groups_story(&url, backend);
    }
}
