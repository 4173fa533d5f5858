//! The academic calendar and the accounts of single people, on both backends: a year whose
//! terms overlap, a year overlapping another, and a year made by a teacher are refused and
//! change nothing; holidays offer no lessons; `ezh user add --student / --guardian` links the
//! account to its person, and the diary of that account is the person's.

use chrono::NaiveDate;
use diesel::prelude::*;
use predicates::prelude::*;

use super::start_story::kit;
use crate::support;
use ezh::app::college::calendar::{self, NewYear};
use ezh::app::{actor, AppError};
use ezh::domain::DateSpan;
use ezh::store::schema::{academic_years, guardians, holidays, students, terms, users};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

fn span(a: NaiveDate, b: NaiveDate) -> DateSpan {
    DateSpan { start: a, end: b }
}

fn counts(db: &mut ezh::store::Db) -> (i64, i64, i64) {
    let y = ezh::with_conn!(&mut db.conn(), c => academic_years::table.count().get_result(c));
    let t = ezh::with_conn!(&mut db.conn(), c => terms::table.count().get_result(c));
    let h = ezh::with_conn!(&mut db.conn(), c => holidays::table.count().get_result(c));
    (y.expect("years"), t.expect("terms"), h.expect("holidays"))
}

#[test]
fn calendar_rules_and_single_accounts_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("calendar_rules", dir.path()) {
        let state = dir.path().join(format!("state-{backend}"));
        let run = |args: &[&str], stdin: &str| support::cli::run(&state, &url, args, stdin);
        let pw = "пароль-админа-2026\n";
        run(&["init", "--password-stdin"], pw).success();
        run(&["login", "--login", "admin", "--password-stdin"], pw).success();
        let target = ezh::store::DbTarget::parse(&url).expect("url");
        let mut db = ezh::app::college::setup::open(&target).expect("db");
        let admin = actor::load(&mut db, 1).expect("admin");
        let year = |terms: Vec<DateSpan>, holidays: Vec<DateSpan>| NewYear {
            name: "2026/2027".into(),
            terms,
            holidays,
        };
        let overlapping = year(
            vec![
                span(d(2026, 9, 1), d(2026, 12, 28)),
                span(d(2026, 12, 20), d(2027, 6, 30)),
            ],
            vec![],
        );
        let e = calendar::create_year(&mut db, &admin, &overlapping).expect_err("overlap");
        assert!(
            e.to_string().contains("семестры пересекаются"),
            "{backend}: {e}"
        );
        let outside = year(
            vec![span(d(2026, 9, 1), d(2026, 12, 28))],
            vec![span(d(2027, 1, 1), d(2027, 1, 8))],
        );
        let e = calendar::create_year(&mut db, &admin, &outside).expect_err("holiday outside");
        assert!(
            e.to_string().contains("вне учебного года"),
            "{backend}: {e}"
        );
        assert_eq!(
            counts(&mut db),
            (0, 0, 0),
            "{backend}: refused years wrote nothing"
        );
        let good = year(
            vec![
                span(d(2026, 9, 1), d(2026, 12, 28)),
                span(d(2027, 1, 12), d(2027, 6, 30)),
            ],
            vec![
                span(d(2026, 11, 4), d(2026, 11, 4)),
                span(d(2026, 12, 31), d(2027, 1, 11)),
            ],
        );
        let made = calendar::create_year(&mut db, &admin, &good).expect("year");
        assert_eq!(made.terms.len(), 2);
        assert_eq!(made.terms[1].name, "II семестр 2026/2027");
        let mut again = good.clone();
        again.name = "2027/2028".into();
        let e = calendar::create_year(&mut db, &admin, &again).expect_err("overlapping year");
        assert!(e.to_string().contains("пересекается"), "{backend}: {e}");
        assert_eq!(counts(&mut db), (1, 2, 2), "{backend}");
        // Holidays, by day: none on an ordinary day, one on 04.11 and all through the winter.
        let days = db
            .read(|c| {
                Ok::<_, AppError>([
                    calendar::is_holiday(c, d(2026, 11, 3))?,
                    calendar::is_holiday(c, d(2026, 11, 4))?,
                    calendar::is_holiday(c, d(2027, 1, 5))?,
                ])
            })
            .expect("holidays");
        assert_eq!(days, [false, true, true], "{backend}");

        // A teacher may not make a year; the refusal changes nothing.
        run(
            &["import", "students", &kit("students.csv").to_string_lossy()],
            "",
        )
        .success();
        run(
            &["import", "teachers", &kit("teachers.csv").to_string_lossy()],
            "",
        )
        .success();
        let teacher_id: i64 = ezh::with_conn!(&mut db.conn(), c => users::table
            .filter(users::login.eq("ivanov.sp"))
            .select(users::id)
            .first(c))
        .expect("teacher");
        let teacher = actor::load(&mut db, teacher_id).expect("teacher");
        let mut other = good.clone();
        other.name = "2030/2031".into();
        other.terms = vec![span(d(2030, 9, 1), d(2030, 12, 28))];
        other.holidays.clear();
        let denied = calendar::create_year(&mut db, &teacher, &other);
        assert!(
            matches!(denied, Err(AppError::Denied(_))),
            "{backend}: {denied:?}"
        );
        assert_eq!(
            counts(&mut db),
            (1, 2, 2),
            "{backend}: the denial changed nothing"
        );

        // One account for one student and one for a guardian, each linked to its person.
        run(
            &[
                "user",
                "add",
                "belova.ma",
                "--roles",
                "student",
                "--student",
                "26-002",
            ],
            "",
        )
        .success();
        run(
            &[
                "user",
                "add",
                "belova.ma2",
                "--roles",
                "student",
                "--student",
                "26-002",
            ],
            "",
        )
        .failure()
        .stderr(predicate::str::contains("уже есть учётная запись"));
        run(
            &[
                "user",
                "add",
                "belova.x",
                "--roles",
                "guardian",
                "--student",
                "26-002",
            ],
            "",
        )
        .failure()
        .stderr(predicate::str::contains("--roles student"));
        run(
            &[
                "user",
                "add",
                "belov.ai",
                "--roles",
                "guardian",
                "--guardian",
                "Белов Андрей",
            ],
            "",
        )
        .success();
        let linked_student: Option<i64> = ezh::with_conn!(&mut db.conn(), c => students::table
            .filter(students::record_book.eq("26-002"))
            .select(students::user_id)
            .first(c))
        .expect("student");
        let linked_guardian: Option<i64> = ezh::with_conn!(&mut db.conn(), c => guardians::table
            .filter(guardians::last_name.eq("Белов"))
            .filter(guardians::first_name.eq("Андрей"))
            .select(guardians::user_id)
            .first(c))
        .expect("guardian");
        let linked = (linked_student, linked_guardian);
        let ids: Vec<i64> = ezh::with_conn!(&mut db.conn(), c => users::table
            .filter(users::login.eq_any(["belova.ma", "belov.ai"]))
            .order(users::login.desc())
            .select(users::id)
            .load(c))
        .expect("ids");
        assert_eq!(
            (linked.0, linked.1),
            (Some(ids[0]), Some(ids[1])),
            "{backend}"
        );
        let guardian = actor::load(&mut db, ids[1]).expect("guardian actor");
        let student = actor::load(&mut db, ids[0]).expect("student actor");
        assert_eq!(
            guardian.children.iter().copied().collect::<Vec<_>>(),
            vec![student.student_id.expect("student")],
            "{backend}"
        );
    }
}
