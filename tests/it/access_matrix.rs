//! Every role of the demo college against every use case that exists so far, on every backend:
//! allowed exactly as `roles.md` says, and after each denial the database is unchanged.

use crate::support;

use chrono::NaiveDate;
use diesel::prelude::*;
use ezh::app::{
    accounts::codes, accounts::users, actor, college::audit, family::diary, journal::grid,
    journal::marks, Actor, AppError,
};
use ezh::demo::{self, DemoOptions, Size};
use ezh::domain::{AbsenceReason, FinalGradeValue, GradeValue, WorkKind};
use ezh::store::schema::{
    absences, access_codes, assignments, audit_log, final_grades, grades, group_memberships,
    lessons, sessions, study_groups, user_roles, users as users_t,
};
use ezh::store::{Db, DbTarget};

type Snapshot = [i64; 8];

fn snapshot(db: &mut Db) -> Snapshot {
    ezh::with_conn!(&mut db.conn(), c => (|| Ok::<_, diesel::result::Error>([
        grades::table.count().get_result(c)?,
        absences::table.count().get_result(c)?,
        final_grades::table.count().get_result(c)?,
        audit_log::table.count().get_result(c)?,
        users_t::table.count().get_result(c)?,
        user_roles::table.count().get_result(c)?,
        access_codes::table.count().get_result(c)?,
        sessions::table.count().get_result(c)?,
    ]))())
    .expect("snapshot")
}

fn matrix(url: &str, backend: &str) {
    let target = DbTarget::parse(url).expect("url");
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default();
    let (mut db, report) = demo::build(
        &target,
        &DemoOptions {
            size: Size::Small,
            today,
            seed: 5,
            full_year: false,
        },
        false,
    )
    .expect("demo");
    let mut people: Vec<(&'static str, Actor)> = Vec::new();
    for l in &report.logins {
        let id: i64 = ezh::with_conn!(&mut db.conn(), c => users_t::table.filter(users_t::login.eq(&l.login)).select(users_t::id).first(c)).expect("id");
        let key = match l.role {
            "администратор" => "admin",
            "директор" => "director",
            "заместитель по УР" => "deputy",
            "секретарь" => "secretary",
            "преподаватель" => "teacher",
            "куратор группы" => "tutor",
            "студент" => "student",
            _ => "guardian",
        };
        people.push((key, actor::load(&mut db, id).expect("actor")));
    }
    let teacher = people
        .iter()
        .find(|p| p.0 == "teacher")
        .expect("teacher")
        .1
        .clone();
    let tutor = people
        .iter()
        .find(|p| p.0 == "tutor")
        .expect("tutor")
        .1
        .clone();
    let (assignment, group_id, subject_id, term_id): (i64, i64, i64, i64) = ezh::with_conn!(&mut db.conn(), c => assignments::table
        .inner_join(lessons::table)
        .filter(assignments::teacher_id.eq(teacher.user_id))
        .filter(assignments::subgroup_id.is_null())
        .select((assignments::id, assignments::group_id, assignments::subject_id, assignments::term_id))
        .first(c))
    .expect("teacher's assignment");
    let g = grid::load(&mut db, assignment).expect("grid");
    let lesson = g.lessons.first().expect("lesson").clone();
    // Rights on the day of the lesson, before its deadline: lateness is tests/it/deadlines.rs.
    ezh::app::college::clock::fix_today(Some(lesson.date));
    let student = g
        .students
        .iter()
        .find(|s| s.member_on(lesson.date))
        .expect("member")
        .student
        .id;
    let tutor_group: String = ezh::with_conn!(&mut db.conn(), c => study_groups::table
        .filter(study_groups::id.eq_any(tutor.tutor_of.iter().copied().collect::<Vec<_>>()))
        .select(study_groups::name)
        .first(c))
    .expect("tutor's group");
    // A student outside the tutor's group and the demo families; staff who teach that student's
    // group may read the diary too (roles.md: own groups), so they are added when they do.
    let rows: Vec<(i64, i64)> = ezh::with_conn!(&mut db.conn(), c => group_memberships::table
        .select((group_memberships::student_id, group_memberships::group_id))
        .load(c))
    .expect("members");
    let families: Vec<i64> = people
        .iter()
        .flat_map(|(_, p)| p.student_id.into_iter().chain(p.children.iter().copied()))
        .collect();
    let (foreign, foreign_group) = rows
        .iter()
        .copied()
        .find(|(s, g)| !tutor.tutor_of.contains(g) && !families.contains(s))
        .expect("a student of another group");
    let mut stranger_readers: Vec<&'static str> = vec!["admin", "director", "deputy"];
    for (key, p) in &people {
        if (*key == "teacher" || *key == "tutor")
            && (p.teaches_group(foreign_group) || p.tutor_of.contains(&foreign_group))
        {
            stranger_readers.push(key);
        }
    }
    let mut n = 0;
    for (who, a) in &people {
        let a = a.clone();
        // The tutor may change the reason of an existing absence in their group (5.6) but not
        // add one; the teacher may do both.
        let absence_version: Option<i32> = ezh::with_conn!(&mut db.conn(), c => absences::table
            .filter(absences::lesson_id.eq(lesson.id))
            .filter(absences::student_id.eq(student))
            .select(absences::version)
            .first(c)
            .optional())
        .expect("absence");
        let mut absence_allowed = vec!["teacher"];
        if absence_version.is_some() && tutor.tutor_of.contains(&group_id) {
            absence_allowed.push("tutor");
        }
        type Case<'x> = (
            &'static str,
            Vec<&'static str>,
            Box<dyn Fn(&mut Db) -> Result<(), AppError> + 'x>,
        );
        let cases: Vec<Case> = vec![
            (
                "grade",
                vec!["teacher"],
                Box::new(|db| {
                    marks::add_grade(
                        db,
                        &a,
                        lesson.id,
                        student,
                        GradeValue::Numeric(4),
                        WorkKind::Answer,
                    )
                    .map(|_| ())
                }),
            ),
            (
                "absence",
                absence_allowed.clone(),
                Box::new(|db| {
                    marks::set_absence(
                        db,
                        &a,
                        lesson.id,
                        student,
                        Some(AbsenceReason::Late),
                        absence_version,
                    )
                    .map(|_| ())
                }),
            ),
            (
                "final",
                vec!["teacher"],
                Box::new(|db| {
                    let key = marks::FinalKey {
                        student_id: student,
                        group_id,
                        subject_id,
                        term_id,
                        kind: ezh::domain::FinalKind::Exam,
                    };
                    marks::set_final(db, &a, key, FinalGradeValue::Numeric(5), None, None)
                        .map(|_| ())
                }),
            ),
            (
                "add user",
                vec!["admin"],
                Box::new(|db| {
                    let u = ezh::app::college::setup::NewUser {
                        login: format!("new.{}", a.user_id),
                        last_name: "Новый".into(),
                        first_name: "Н".into(),
                        patronymic: String::new(),
                        position: String::new(),
                    };
                    users::add(db, &a, &u, &[ezh::access::Role::Teacher]).map(|_| ())
                }),
            ),
            (
                "unlock",
                vec!["admin"],
                Box::new(|db| users::unlock(db, &a, "deputy")),
            ),
            (
                "token",
                vec!["admin"],
                Box::new(|db| {
                    users::create_token(
                        db,
                        &a,
                        &format!("cron{}", a.user_id),
                        ezh::access::Role::Reporter,
                    )
                    .map(|_| ())
                }),
            ),
            (
                "staff codes",
                vec!["admin"],
                Box::new(|db| {
                    codes::issue(
                        db,
                        &a,
                        &codes::Recipients::Staff {
                            login: Some("secretary".into()),
                        },
                    )
                    .map(|_| ())
                }),
            ),
            (
                "family codes",
                vec!["admin", "tutor"],
                Box::new(|db| {
                    codes::issue(
                        db,
                        &a,
                        &codes::Recipients::Group {
                            group: tutor_group.clone(),
                            students: true,
                            guardians: false,
                        },
                    )
                    .map(|_| ())
                }),
            ),
            (
                "audit verify",
                vec!["admin", "director", "deputy"],
                Box::new(|db| audit::verify(db, &a).map(|_| ())),
            ),
            (
                "audit of everyone",
                vec!["admin", "director", "deputy"],
                Box::new(|db| audit::list(db, &a, &audit::AuditFilter::default()).map(|_| ())),
            ),
            (
                "diary of a stranger",
                stranger_readers.clone(),
                Box::new(|db| diary::load(db, &a, foreign, today).map(|_| ())),
            ),
        ];
        for (name, allowed, run) in cases {
            let before = snapshot(&mut db);
            let got = run(&mut db);
            let want = allowed.contains(who);
            assert_eq!(got.is_ok(), want, "{backend}: {who} / {name}: {got:?}");
            if !want {
                assert!(
                    matches!(got, Err(AppError::Denied(_))),
                    "{backend}: {who} / {name}: {got:?}"
                );
                assert_eq!(
                    snapshot(&mut db),
                    before,
                    "{backend}: {who} / {name} changed the database"
                );
            }
            n += 1;
        }
    }
    assert_eq!(n, 8 * 11);
}

#[test]
fn roles_against_use_cases_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("matrix", dir.path()) {
        matrix(&url, backend);
    }
}
