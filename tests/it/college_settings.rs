//! The college's settings on every backend: the administrator changes one, it is audited and
//! takes effect (the weekly deadline of 6.1 moves); anyone else is refused and a bad value is
//! refused with its range, and neither changes anything; the command line shows and sets them.

use crate::support;

use chrono::NaiveDate;
use diesel::prelude::*;
use ezh::app::{actor, college::settings, journal::deadline, AppError};
use ezh::store::schema::{audit_log, lessons};
use ezh::store::Db;
use support::college::{build, user_id};

fn all(db: &mut Db) -> Vec<String> {
    settings::show(db)
        .expect("show")
        .into_iter()
        .map(|(s, v)| format!("{}={v}", s.key))
        .collect()
}

fn audit_rows(db: &mut Db) -> i64 {
    ezh::with_conn!(&mut db.conn(), c => audit_log::table.count().get_result(c)).expect("audit")
}

fn story(url: &str, backend: &str) {
    let (_, mut db, logins) = build(url);
    let login = |role: &str| {
        logins
            .iter()
            .find(|l| l.role == role)
            .expect(role)
            .login
            .clone()
    };
    let admin_id = user_id(&mut db, &login("администратор"));
    let admin = actor::load(&mut db, admin_id).expect("admin");
    let before = (all(&mut db), audit_rows(&mut db));
    assert!(
        before.0.contains(&"grade_deadline_weekday=1".to_string()),
        "{backend}"
    );

    // Refused: every other staff role, and bad values even from the administrator.
    for role in [
        "директор",
        "заместитель по УР",
        "секретарь",
        "преподаватель",
    ] {
        let id = user_id(&mut db, &login(role));
        let who = actor::load(&mut db, id).expect("actor");
        let e = settings::set(&mut db, &who, "grade_deadline_weekday", "3").expect_err(role);
        assert!(matches!(e, AppError::Denied(_)), "{backend} {role}: {e}");
        assert_eq!(e.to_string(), "нет прав: изменение настроек техникума");
    }
    for (key, value, text) in [
        ("grade_deadline_weekday", "8", "настройка «grade_deadline_weekday»: «8» — нужно целое число от 1 до 7"),
        ("quality_counts_pass", "может быть", "настройка «quality_counts_pass»: «может быть» — нужно «да» или «нет»"),
        ("name", " ", "настройка «name»: « » — не может быть пустым"),
        ("demo", "нет", "нет настройки «demo»; есть: name, short_name, city, director_name, deputy_name, grade_deadline_weekday, test_result_days, final_days_before_end, unexcused_threshold_pct, quality_counts_pass, sou_variant, forecast_round_up_from, min_grades_per_month, idle_lock_staff_minutes, idle_lock_family_minutes, session_hours, family_code_days, staff_code_hours, login_lock_after, login_lock_first_minutes, login_lock_max_minutes, time_zone, notify_sender, notify_kinds, notify_quiet, notify_digest_weekday, notify_digest_hour, notify_remarks_weekday, notify_remarks_hour"),
    ] {
        let e = settings::set(&mut db, &admin, key, value).expect_err(key);
        assert_eq!(e.to_string(), text, "{backend}");
    }
    assert_eq!(
        (all(&mut db), audit_rows(&mut db)),
        before,
        "{backend}: nothing changed"
    );

    // A lesson of Monday 16.11.2026 is due on Monday 23.11; on Wednesday 25.11 it is late.
    let lesson: i64 = ezh::with_conn!(&mut db.conn(), c => lessons::table
        .filter(lessons::date.eq(NaiveDate::from_ymd_opt(2026, 11, 16).expect("date")))
        .select(lessons::id)
        .first(c))
    .expect("lesson");
    let wednesday = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
    ezh::app::college::clock::fix_today(Some(wednesday));
    assert!(deadline::lateness(&mut db, lesson).expect("late").is_some());

    // The administrator moves the deadline to Friday: audited, and the lesson is on time.
    let (old, new) = settings::set(&mut db, &admin, "grade-deadline-weekday", "5").expect("set");
    assert_eq!((old.as_str(), new.as_str()), ("1", "5"), "{backend}");
    assert_eq!(audit_rows(&mut db), before.1 + 1, "{backend}");
    let entry: (String, String, Option<String>, Option<String>, Option<i64>) =
        ezh::with_conn!(&mut db.conn(), c => audit_log::table
            .order(audit_log::id.desc())
            .select((audit_log::action, audit_log::entity, audit_log::old_value, audit_log::new_value, audit_log::actor_id))
            .first(c))
        .expect("entry");
    assert_eq!(
        entry,
        (
            "update".into(),
            "settings".into(),
            Some("grade_deadline_weekday=1".into()),
            Some("grade_deadline_weekday=5".into()),
            Some(admin_id)
        ),
        "{backend}"
    );
    assert_eq!(deadline::lateness(&mut db, lesson).expect("on time"), None);
    // The same value again changes and audits nothing.
    settings::set(&mut db, &admin, "grade_deadline_weekday", "5").expect("same");
    assert_eq!(audit_rows(&mut db), before.1 + 1, "{backend}");
}

#[test]
fn only_the_admin_changes_settings_and_it_is_audited_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("college_settings", dir.path()) {
        story(&url, backend);
    }
}

#[test]
fn the_command_line_shows_and_sets_settings() {
    use predicates::prelude::*;
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("demo.db");
    let state = dir.path().join("state");
    let run = |args: &[&str], stdin: &str| support::cli::run(&state, &db, args, stdin);
    run(&["demo", "--today", "27.11.2026"], "").success();
    run(
        &["login", "--login", "deputy", "--password-stdin"],
        "demo-deputy-2026\n",
    )
    .success();
    run(&["college", "show"], "")
        .success()
        .stdout(predicate::str::contains("min_grades_per_month"))
        .stdout(predicate::str::contains("0…31"));
    run(&["college", "set", "min_grades_per_month", "4"], "")
        .failure()
        .stderr("ошибка: нет прав: изменение настроек техникума\n");
    run(
        &["login", "--login", "admin", "--password-stdin"],
        "demo-admin-2026\n",
    )
    .success();
    run(&["college", "set", "min_grades_per_month", "4"], "")
        .success()
        .stdout("min_grades_per_month: «3» → «4»\n");
    run(&["college", "set", "min_grades_per_month", "32"], "")
        .failure()
        .stderr(predicate::str::contains("нужно целое число от 0 до 31"));
    run(&["--width", "0", "audit"], "")
        .success()
        .stdout(predicate::str::contains("min_grades_per_month=4"));
}
