//! The lists a college really has, read the way the start-up story reads them: a shorter list
//! re-imported never erases what the full one set (and `--clear-empty` does when asked); a
//! list saved by LibreOffice as `.xlsx` or `.ods` imports to exactly the data of its CSV, and a
//! bad cell of a workbook is named by sheet, row and column letter. The timetable's files are
//! in `start_timetable`.

use std::path::Path;
use std::process::Command;

use predicates::prelude::*;

use super::start_story::kit;
use crate::support;

/// Runs `ezh` against `url` with its session in `state`.
pub fn ezh<'a>(
    state: &'a Path,
    url: &'a str,
) -> impl Fn(&[&str], &str) -> assert_cmd::assert::Assert + 'a {
    move |args, stdin| support::cli::run(state, url, args, stdin)
}

/// A new journal with a year holding today, logged in as the administrator.
pub fn begin(state: &Path, url: &str) {
    let run = ezh(state, url);
    let pw = "пароль-админа-2026\n";
    run(&["init", "--password-stdin"], pw).success();
    run(&["login", "--login", "admin", "--password-stdin"], pw).success();
    let today = chrono::Local::now().date_naive();
    let span = |a: i64, b: i64| {
        format!(
            "{}-{}",
            (today + chrono::Duration::days(a)).format("%d.%m.%Y"),
            (today + chrono::Duration::days(b)).format("%d.%m.%Y")
        )
    };
    run(
        &[
            "year",
            "create",
            "2026/2027",
            "--term",
            &span(-40, 20),
            "--term",
            &span(35, 150),
        ],
        "",
    )
    .success();
}

/// Everything a list sets, as text: students and their guardians.
fn people(url: &str) -> String {
    let mut db = ezh::app::college::setup::open(&ezh::store::DbTarget::parse(url).expect("url"))
        .expect("db");
    use diesel::prelude::*;
    use ezh::store::schema::{guardians, student_guardians, students};
    type S = (
        String,
        String,
        String,
        chrono::NaiveDate,
        Option<String>,
        Option<String>,
        String,
        String,
        Option<String>,
    );
    let s: Vec<S> = ezh::with_conn!(&mut db.conn(), c => students::table
        .order(students::record_book)
        .select((students::last_name, students::first_name, students::patronymic, students::birth_date, students::record_book,
            students::sex, students::phone, students::email, students::funding))
        .load(c))
    .expect("students");
    let g: Vec<(Option<String>, String, String, String, String)> = ezh::with_conn!(&mut db.conn(), c => student_guardians::table
        .inner_join(students::table)
        .inner_join(guardians::table)
        .order((students::record_book, guardians::last_name, guardians::first_name))
        .select((students::record_book, guardians::last_name, guardians::first_name, guardians::phone, guardians::email))
        .load(c))
    .expect("guardians");
    format!("{s:?}\n{g:?}")
}

pub fn path(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

#[test]
fn a_shorter_list_erases_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("reimport_keeps_fields", dir.path()) {
        let state = dir.path().join(format!("state-{backend}"));
        let run = ezh(&state, &url);
        begin(&state, &url);
        run(&["import", "students", &path(&kit("students.csv"))], "").success();
        let full = people(&url);
        assert!(
            full.contains("+7 900 2600-00-10") && full.contains("andreeva.mama@example.ru"),
            "{backend}"
        );
        run(
            &["import", "students", &path(&kit("students-short.csv"))],
            "",
        )
        .success()
        .stdout(predicate::str::contains("Изменений нет"));
        assert_eq!(
            people(&url),
            full,
            "{backend}: the short list kept every field"
        );
        // An empty cell of a present column clears only with --clear-empty.
        let emptied = dir.path().join("emptied.csv");
        std::fs::write(&emptied, "Фамилия;Имя;Отчество;Дата рождения;Группа;№ зачётки;Телефон\nАндреев;Артём;Сергеевич;01.01.2010;ИС-26;26-001;\n")
            .expect("file");
        run(&["import", "students", &path(&emptied)], "").success();
        assert_eq!(people(&url), full, "{backend}");
        run(
            &[
                "import",
                "students",
                &path(&emptied),
                "--clear-empty",
                "--dry-run",
            ],
            "",
        )
        .success()
        .stdout(predicate::str::contains(
            "«Телефон»: «+7 900 2600-00-10» → «»",
        ));
        run(
            &["import", "students", &path(&emptied), "--clear-empty"],
            "",
        )
        .success();
        let after = people(&url);
        assert!(
            !after.contains("+7 900 2600-00-10") && after.contains("+7 900 2601-01-11"),
            "{backend}"
        );
    }
}

#[test]
fn workbooks_import_as_their_csv() {
    let dir = tempfile::tempdir().expect("tempdir");
    let import = |name: &str, file: &Path| {
        let sub = dir.path().join(name);
        std::fs::create_dir_all(&sub).expect("dir");
        let url = support::sqlite_url(&sub);
        let state = sub.join("state");
        begin(&state, &url);
        ezh(&state, &url)(&["import", "students", &path(file)], "").success();
        people(&url)
    };
    let csv = import("csv", &kit("students.csv"));
    assert_eq!(
        import("xlsx", &kit("students.xlsx")),
        csv,
        "LibreOffice's .xlsx"
    );
    assert_eq!(
        import("ods", &kit("students.ods")),
        csv,
        "LibreOffice's .ods"
    );
    // The committed workbooks are LibreOffice's; where it is installed, save the list anew.
    if Command::new("soffice").arg("--version").output().is_ok() {
        let out = dir.path().join("fresh");
        let status = Command::new("soffice")
            .args([
                "--headless",
                "--infilter=CSV:59,34,34,1",
                "--convert-to",
                "xlsx",
                "--outdir",
            ])
            .arg(&out)
            .arg(kit("students.csv"))
            .output()
            .expect("soffice");
        assert!(status.status.success(), "{status:?}");
        assert_eq!(
            import("fresh-xlsx", &out.join("students.xlsx")),
            csv,
            "a fresh .xlsx"
        );
    } else {
        eprintln!(
            "LibreOffice (soffice) is not installed: the committed .xlsx/.ods it wrote are used"
        );
    }
    // A bad cell is named by sheet, row and column letter, and nothing is imported.
    let bad = dir.path().join("bad.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("Лист1").expect("sheet");
    for (col, title) in ["Фамилия", "Имя", "Отчество", "Дата рождения", "Группа"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, col as u16, *title).expect("cell");
    }
    for (col, v) in ["Лебедев", "Лев", "Игоревич", "31.02.2010", "ИС-26"]
        .iter()
        .enumerate()
    {
        sheet.write_string(1, col as u16, *v).expect("cell");
    }
    book.save(&bad).expect("save");
    let sub = dir.path().join("bad");
    std::fs::create_dir_all(&sub).expect("dir");
    let url = support::sqlite_url(&sub);
    let state = sub.join("state");
    begin(&state, &url);
    ezh(&state, &url)(&["import", "students", &path(&bad)], "")
        .failure()
        .stderr(predicate::str::contains(
            "bad.xlsx:Лист1:2:D: «Дата рождения»: «31.02.2010»",
        ));
    assert!(people(&url).starts_with("[]"), "nothing imported");
}
