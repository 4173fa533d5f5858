//! Commands that had no test of their own, run as a user types them on the small demo:
//! `ezh db migrate` bringing a database of the previous version up to date with its data and
//! audit chain, and a database of a newer version refused (both backends); `ezh user show|roles|reset` and `ezh passwd`; the tutor's
//! `tutor-report`; one's own `ezh timetable show` without flags; `ezh report batch` ending
//! non-zero when one statement cannot be written.

use diesel::prelude::*;
use predicates::prelude::*;

use crate::support;
use ezh::store::schema::audit_log;
use ezh::store::{migrate, DbTarget};

/// The version of the newest migration, as `ezh db migrate` prints it («20261202000004»).
pub fn newest_migration() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations/sqlite");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("migrations")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    names.sort();
    let newest = names.last().expect("a migration");
    newest
        .split('_')
        .next()
        .unwrap_or_default()
        .replace('-', "")
}

fn demo(state: &std::path::Path, url: &str) {
    support::cli::run(state, url, &["demo", "--today", "27.11.2026"], "").success();
}

#[test]
fn db_migrate_brings_the_previous_version_up_to_date_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("db_migrate", dir.path()) {
        let state = dir.path().join(format!("state-{backend}"));
        let run = |args: &[&str], stdin: &str| support::cli::run(&state, &url, args, stdin);
        demo(&state, &url);
        let target = DbTarget::parse(&url).expect("url");
        let audit_rows = || -> i64 {
            let mut db = ezh::store::Db::open(&target, ezh::store::OpenMode::Existing).expect("db");
            ezh::with_conn!(&mut db.conn(), c => audit_log::table.count().get_result(c))
                .expect("count")
        };
        let before = audit_rows();
        {
            let mut db = ezh::store::Db::open(&target, ezh::store::OpenMode::Existing).expect("db");
            migrate::revert_last(&mut db).expect("revert the newest migration");
        }
        run(&["db", "status"], "")
            .success()
            .stdout(predicate::str::contains("не применена"));
        // The journal refuses to work on an old schema until it is migrated.
        run(
            &["login", "--login", "admin", "--password-stdin"],
            "demo-admin-2026\n",
        )
        .failure();
        run(&["db", "migrate"], "")
            .success()
            .stdout(predicate::str::contains(newest_migration()));
        run(&["db", "status"], "")
            .success()
            .stdout(predicate::str::contains("не применена").not());
        run(&["db", "migrate"], "")
            .success()
            .stdout(predicate::str::contains("новых миграций нет"));
        assert_eq!(
            audit_rows(),
            before,
            "{backend}: the audit log kept every row"
        );
        run(
            &["login", "--login", "admin", "--password-stdin"],
            "demo-admin-2026\n",
        )
        .success();
        run(&["audit", "verify"], "").success();
        // A journal that a newer ezh migrated is refused, not written by an older one.
        {
            let mut db = ezh::store::Db::open(&target, ezh::store::OpenMode::Existing).expect("db");
            ezh::with_conn!(&mut db.conn(), c => diesel::sql_query(
                "INSERT INTO __diesel_schema_migrations (version) VALUES ('29991231000000')").execute(c))
            .expect("a newer migration");
        }
        run(&["audit", "verify"], "")
            .failure()
            .stderr(predicate::str::contains(
                "база данных новее этой версии ezh (её миграции: 29991231000000)",
            ));
    }
}

#[test]
fn user_administration_and_passwd() {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = support::sqlite_url(dir.path());
    let state = dir.path().join("state");
    let run = |args: &[&str], stdin: &str| support::cli::run(&state, &url, args, stdin);
    demo(&state, &url);
    run(
        &["login", "--login", "admin", "--password-stdin"],
        "demo-admin-2026\n",
    )
    .success();
    run(&["user", "show", "grigoreva.oa"], "")
        .success()
        .stdout(predicate::str::contains(
            "Григорьева Олеся Артуровна (grigoreva.oa)",
        ))
        .stdout(predicate::str::contains("Роли: преподаватель"));
    run(&["user", "roles", "grigoreva.oa", "teacher,deputy"], "").success();
    run(&["user", "show", "grigoreva.oa"], "")
        .success()
        .stdout(predicate::str::contains("заместитель"))
        .stdout(predicate::str::contains("преподаватель"));
    run(&["user", "roles", "grigoreva.oa", "завуч"], "")
        .failure()
        .stderr(predicate::str::contains(
            "«завуч» — нет такой роли; роли через запятую: администратор (admin), директор \
             (director), заместитель (deputy),",
        ));
    // Russian names work as well as codes.
    run(
        &[
            "user",
            "roles",
            "grigoreva.oa",
            "преподаватель, заместитель",
        ],
        "",
    )
    .success();
    // A reset ends the old password and gives a 24-hour code.
    let sheet = run(&["user", "reset", "grigoreva.oa", "--yes"], "")
        .success()
        .get_output()
        .stdout
        .clone();
    let sheet = String::from_utf8_lossy(&sheet).to_string();
    let code = sheet
        .split(|c: char| c.is_whitespace() || c == '|')
        .find(|w| w.len() == 14 && w.matches('-').count() == 2)
        .unwrap_or_else(|| panic!("a code on the sheet: {sheet}"))
        .to_string();
    run(
        &["login", "--login", "grigoreva.oa", "--password-stdin"],
        "demo-teacher-2026\n",
    )
    .failure()
    .stderr(predicate::str::contains("неверный логин или пароль"));
    run(
        &["activate", "--login", "grigoreva.oa", "--stdin"],
        &format!("{code}\nновый-пароль-учителя-1\n"),
    )
    .success();
    run(
        &["login", "--login", "grigoreva.oa", "--password-stdin"],
        "новый-пароль-учителя-1\n",
    )
    .success();
    // passwd: the current password, then the new one; a wrong current one changes nothing.
    run(
        &["passwd", "--password-stdin"],
        "не-тот-пароль-123\nещё-один-пароль-2\n",
    )
    .failure()
    .stderr(predicate::str::contains("текущий пароль неверен"));
    run(
        &["passwd", "--password-stdin"],
        "новый-пароль-учителя-1\nещё-один-пароль-2\n",
    )
    .success();
    run(
        &["login", "--login", "grigoreva.oa", "--password-stdin"],
        "новый-пароль-учителя-1\n",
    )
    .failure();
    run(
        &["login", "--login", "grigoreva.oa", "--password-stdin"],
        "ещё-один-пароль-2\n",
    )
    .success();
}

#[test]
fn tutor_report_and_a_failing_batch() {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = support::sqlite_url(dir.path());
    let state = dir.path().join("state");
    let run = |args: &[&str], stdin: &str| support::cli::run(&state, &url, args, stdin);
    let login = |who: &str, pw: &str| {
        run(
            &["login", "--login", who, "--password-stdin"],
            &format!("{pw}\n"),
        )
        .success();
    };
    demo(&state, &url);
    login("kalinina.ns", "demo-tutor-2026");
    let csv = run(
        &["report", "tutor-report", "--format", "csv", "--excel=false"],
        "",
    )
    .success()
    .get_output()
    .stdout
    .clone();
    let csv = String::from_utf8_lossy(&csv).to_string();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(
        lines[0].starts_with("№,Обучающийся,Итоговые оценки: «5»"),
        "{csv}"
    );
    assert_eq!(
        lines.len(),
        26,
        "the tutor's 25 students and the header: {csv}"
    );
    // Another group's report is refused.
    run(&["report", "tutor-report", "--group", "ЭС-24"], "")
        .failure()
        .stderr(predicate::str::contains("нет прав"));

    // Without flags, `ezh timetable show` is one's own: the student's group, the teacher's week.
    login("andreeva.er", "demo-student-26");
    run(&["timetable", "show", "--week", "2026-11-25"], "")
        .success()
        .stdout(predicate::str::starts_with(
            "Группа ТМ-26: неделя 23.11.2026",
        ));
    login("grigoreva.oa", "demo-teacher-2026");
    run(&["timetable", "show", "--week", "2026-11-25"], "")
        .success()
        .stdout(predicate::str::starts_with(
            "Преподаватель Григорьева О. А.: неделя",
        ));

    // The batch writes every statement it can and ends non-zero naming the one it could not.
    login("deputy", "demo-deputy-2026");
    let out = dir.path().join("out");
    std::fs::create_dir_all(out.join("attendance-month_ТМ-26_2026-11.csv"))
        .expect("a folder in the way");
    run(
        &[
            "report",
            "batch",
            "--month",
            "2026-11",
            "--out",
            &out.to_string_lossy(),
            "--format",
            "csv",
        ],
        "",
    )
    .failure()
    .stderr(predicate::str::contains(
        "attendance-month_ТМ-26_2026-11.csv",
    ));
    assert!(
        out.join("attendance-month_ТМ-25_2026-11.csv").exists(),
        "the others were written"
    );
}
