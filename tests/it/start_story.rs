//! A college goes live from nothing, on both backends, with the steps of `docs/start.md` and
//! the files of `examples/start/`: init, the academic year, students, teachers, curriculum,
//! the timetable from FET, a thematic plan, codes for a group and for the staff; a student
//! and a guardian activate; the teacher enters a mark (`ezh mark set`, step 10) and the
//! guardian's diary shows it; the
//! tutor may not close the term, the deputy does; then the teacher's change of a term-1 mark
//! is refused and the deputy's, with a reason, is accepted. The year's dates are moved to hold
//! today (the document's 2026/2027 would not hold the day the test runs).

use std::path::{Path, PathBuf};

use chrono::{Datelike, Duration, NaiveDate};
use diesel::prelude::*;
use predicates::prelude::*;

use crate::support;
use ezh::app::{actor, journal::lessons, journal::marks, AppError};
use ezh::domain::{GradeValue, WorkKind};
use ezh::store::schema::{grades, users};
use ezh::store::{Db, DbTarget};

pub fn kit(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/start")
        .join(name)
}

fn ru(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// The codes of a sheet written as CSV: (login, code, who) of each line.
fn codes(sheet: &Path) -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(sheet).expect("sheet");
    text.lines()
        .filter_map(|l| {
            let c: Vec<&str> = l.split(';').collect();
            (c.len() >= 7 && c[0].parse::<u32>().is_ok())
                .then(|| (c[4].to_string(), c[5].to_string(), c[2].to_string()))
        })
        .collect()
}

fn user_id(db: &mut Db, login: &str) -> i64 {
    ezh::with_conn!(&mut db.conn(), c => users::table
        .filter(users::login.eq(login))
        .select(users::id)
        .first::<i64>(c))
    .expect("user")
}

fn walk(backend: &str, url: &str, dir: &Path) {
    let state = dir.join(format!("state-{backend}"));
    let run = |args: &[&str], stdin: &str| support::cli::run(&state, url, args, stdin);
    let login = |who: &str, pw: &str| {
        run(
            &["login", "--login", who, "--password-stdin"],
            &format!("{pw}\n"),
        )
        .success();
    };
    let file = |name: &str| kit(name).to_string_lossy().into_owned();
    let today = chrono::Local::now().date_naive();
    let (t1, t2) = (today - Duration::days(40), today + Duration::days(20));
    let (t3, t4) = (today + Duration::days(35), today + Duration::days(150));
    let year = format!("{}/{}", t1.year(), t1.year() + 1);
    let pw = "пароль-админа-2026";

    run(
        &[
            "init",
            "--college",
            "Колледж информационных технологий",
            "--password-stdin",
        ],
        &format!("{pw}\n"),
    )
    .success()
    .stdout(predicate::str::contains("ezh year create"));
    login("admin", pw);
    run(&[], "")
        .success()
        .stdout(predicate::str::contains("нет учебного года"));
    let term1 = format!("{}-{}", ru(t1), ru(t2));
    let term2 = format!("{}-{}", ru(t3), ru(t4));
    // A week of holidays inside term 1: the timetable offers no lessons then.
    let holiday = format!(
        "{}-{}",
        ru(today + Duration::days(7)),
        ru(today + Duration::days(13))
    );
    run(
        &[
            "year",
            "create",
            &year,
            "--term",
            &term1,
            "--term",
            &term2,
            "--holiday",
            &holiday,
        ],
        "",
    )
    .success()
    .stdout(predicate::str::contains("I семестр"));
    for (kind, name) in [
        ("students", "students.csv"),
        ("teachers", "teachers.csv"),
        ("curriculum", "curriculum.csv"),
        ("timetable", "fet/is-26_data_and_timetable.fet"),
        ("plan", "plan-math.csv"),
    ] {
        run(&["import", kind, &file(name)], "").success();
    }
    run(&["timetable", "show", "--group", "ИС-26"], "")
        .success()
        .stdout(predicate::str::contains("Иванов С. П."));

    let sheet = dir.join(format!("codes-{backend}.csv"));
    let staff = dir.join(format!("staff-{backend}.csv"));
    let (sheet_s, staff_s) = (
        sheet.to_string_lossy().into_owned(),
        staff.to_string_lossy().into_owned(),
    );
    let issue_group = || {
        run(
            &[
                "user",
                "issue-codes",
                "--group",
                "ИС-26",
                "--format",
                "csv",
                "-o",
                &sheet_s,
            ],
            "",
        )
    };
    issue_group()
        .success()
        .stderr(predicate::str::contains("Создано учётных записей: 75"));
    // The sheet holds codes: it is its owner's only, and a file that cannot be written is named
    // and leaves nothing behind.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&sheet)
            .expect("sheet")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600, "{backend}");
    }
    let nowhere = dir.join("no-such-folder").join("codes.csv");
    run(
        &[
            "user",
            "issue-codes",
            "--staff",
            "--format",
            "csv",
            "-o",
            &nowhere.to_string_lossy(),
        ],
        "",
    )
    .failure()
    .stderr(predicate::str::contains(
        "no-such-folder/codes.csv: не удалось записать",
    ));
    assert!(!nowhere.exists());
    run(
        &[
            "user",
            "issue-codes",
            "--staff",
            "--format",
            "csv",
            "-o",
            &staff_s,
        ],
        "",
    )
    .success();
    let family = codes(&sheet);
    let staff = codes(&staff);
    assert_eq!(family.len(), 75, "{backend}: 25 students and 50 guardians");
    assert_eq!(family[0].2, "обучающийся");
    let (student, student_code, _) = family[0].clone();
    let parent = family
        .iter()
        .find(|f| f.2 == "родитель: Андреев А. С.")
        .cloned()
        .expect("a parent of the first student");
    let code_of = |login: &str| {
        staff
            .iter()
            .find(|s| s.0 == login)
            .map(|s| s.1.clone())
            .expect("staff code")
    };
    let member_pw = "сирень-в-цвету-26";
    for (who, code) in [
        (student.clone(), student_code),
        (parent.0.clone(), parent.1.clone()),
        ("ivanov.sp".into(), code_of("ivanov.sp")),
        ("petrova.av".into(), code_of("petrova.av")),
        ("smirnova.oi".into(), code_of("smirnova.oi")),
    ] {
        run(
            &["activate", "--login", &who, "--stdin"],
            &format!("{code}\n{member_pw}\n"),
        )
        .success();
    }
    // A second run gives codes only to those who have not activated, and says so.
    issue_group().success().stderr(predicate::str::contains(
        "Уже активировали учётную запись (коды не выдавались): 2",
    ));
    assert_eq!(codes(&sheet).len(), 73, "{backend}");

    let target = DbTarget::parse(url).expect("url");
    let mut db = ezh::app::college::setup::open(&target).expect("db");
    let tid = user_id(&mut db, "ivanov.sp");
    let teacher = actor::load(&mut db, tid).expect("teacher");
    let lessons_in = |db: &mut Db, from: i64, to: i64| -> usize {
        (from..=to)
            .map(|k| {
                lessons::day(db, &teacher, today + Duration::days(k))
                    .expect("day")
                    .len()
            })
            .sum()
    };
    assert_eq!(
        lessons_in(&mut db, 7, 13),
        0,
        "{backend}: no lessons in the holidays"
    );
    assert!(
        lessons_in(&mut db, 14, 20) > 0,
        "{backend}: lessons the week after"
    );
    drop(db);
    let day = ru(today);
    let mark = |value: &str, reason: Option<&str>| {
        let mut args = vec![
            "mark",
            "set",
            "--group",
            "ИС-26",
            "--subject",
            "Математика",
            "--date",
            &day,
            "--pair",
            "1",
            "--student",
            "26-001",
            value,
        ];
        if let Some(r) = reason {
            args.extend(["--reason", r]);
        }
        run(&args, "")
    };
    login("ivanov.sp", member_pw);
    mark("5", None)
        .success()
        .stdout(predicate::str::contains("Отметка 5"));
    mark("5", None)
        .success()
        .stdout(predicate::str::contains("ничего не изменено"));

    login(&parent.0, member_pw);
    run(&["diary"], "")
        .success()
        .stdout(predicate::str::contains("Андреев Артём"))
        .stdout(predicate::str::is_match(r"Математика\s*\|\s*5").expect("regex"));

    // The tutor closes nothing; the deputy closes term 1.
    login("petrova.av", member_pw);
    run(&["term", "close", "1", "--year", &year], "")
        .failure()
        .stderr(predicate::str::contains("нет прав"));
    login("smirnova.oi", member_pw);
    run(&["year", "show", &year], "")
        .success()
        .stdout(predicate::str::contains("открыт"));
    run(&["term", "close", "1", "--year", &year], "").success();
    run(
        &["term", "reopen", "1", "--year", &year, "--reason", " "],
        "",
    )
    .failure();

    let mut db = ezh::app::college::setup::open(&target).expect("db");
    let grade = |db: &mut Db| -> (i64, i32) {
        ezh::with_conn!(&mut db.conn(), c => grades::table
            .select((grades::id, grades::value))
            .first(c))
        .expect("the grade")
    };
    let (grade_id, five) = grade(&mut db);
    assert_eq!(five, GradeValue::Numeric(5).to_code(), "{backend}");
    // After closing: the teacher is refused even with a reason, the deputy without one.
    login("ivanov.sp", member_pw);
    mark("4", Some("ошибся"))
        .failure()
        .stderr(predicate::str::contains("нет прав"));
    let late = marks::change_grade(
        &mut db,
        &teacher,
        grade_id,
        1,
        Some((GradeValue::Numeric(4), WorkKind::Answer)),
        Some("ошибся"),
    );
    assert!(
        matches!(late, Err(AppError::Denied(_))),
        "{backend}: {late:?}"
    );
    login("smirnova.oi", member_pw);
    mark("4", None)
        .failure()
        .stderr(predicate::str::contains("с причиной"));
    assert_eq!(
        grade(&mut db),
        (grade_id, five),
        "{backend}: refused changes changed nothing"
    );
    mark("4", Some("исправление по заявлению преподавателя"))
        .success()
        .stdout(predicate::str::contains("Отметка изменена: 4"));
    assert_eq!(
        grade(&mut db).1,
        GradeValue::Numeric(4).to_code(),
        "{backend}"
    );
    let audited: i64 = ezh::with_conn!(&mut db.conn(), c => ezh::store::schema::audit_log::table
        .filter(ezh::store::schema::audit_log::entity.eq("grade"))
        .filter(ezh::store::schema::audit_log::reason.eq("исправление по заявлению преподавателя"))
        .count()
        .get_result(c))
    .expect("audit");
    assert_eq!(audited, 1, "{backend}");
    let closed: i64 = ezh::with_conn!(&mut db.conn(), c => ezh::store::schema::audit_log::table
        .filter(ezh::store::schema::audit_log::entity.eq("term"))
        .count()
        .get_result(c))
    .expect("audit");
    assert_eq!(closed, 1, "{backend}: the closing is audited");
}

#[test]
fn start_story() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("start_story", dir.path()) {
        let started = std::time::Instant::now();
        walk(backend, &url, dir.path());
        crate::upgrade::save_if_asked(backend, &url);
        eprintln!(
            "start story on {backend}: {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
}
