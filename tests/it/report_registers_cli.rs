//! The registers from the command line on the demo college: the help says that the access-code
//! sheet issues new codes; a tutor prints their group's sheet (and a code of it then activates
//! an account) but not another group's; the printed journal is written as a PDF.

use crate::support;

use support::cli::ezh;

use predicates::prelude::*;

#[test]
fn registers_from_the_command_line() {
    ezh()
        .args(["report", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Лист выдачи кодов доступа: ВЫДАЁТ НОВЫЕ коды, прежние",
        ))
        .stdout(predicate::str::contains("journal-print"));
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("demo.db");
    let dbs = db.to_str().unwrap_or_default();
    let state = dir.path().join("state");
    let run = |args: &[&str], stdin: &str| support::cli::run(&state, dbs, args, stdin);
    run(&["demo", "--today", "27.11.2026"], "").success();
    run(
        &["login", "--login", "kalinina.ns", "--password-stdin"],
        "demo-tutor-2026\n",
    )
    .success();
    run(&["report", "access-codes", "--group", "ЭС-24"], "")
        .failure()
        .stderr(predicate::str::contains(
            "нет прав: выдача кодов доступа обучающимся и родителям этой группы",
        ));
    // Into a file, the sheet says what it did, as `ezh user issue-codes` does.
    let sheet = dir.path().join("codes.csv");
    run(
        &[
            "report",
            "access-codes",
            "--group",
            "ТМ-26",
            "--format",
            "csv",
            "-o",
            sheet.to_str().unwrap_or_default(),
        ],
        "",
    )
    .success()
    .stdout(predicate::str::is_match(r"^Выдано кодов: \d+; лист записан в ").expect("regex"));
    let out = run(
        &[
            "report",
            "access-codes",
            "--group",
            "ТМ-26",
            "--format",
            "csv",
            "--excel=false",
        ],
        "",
    )
    .success()
    .get_output()
    .stdout
    .clone();
    let csv = String::from_utf8(out).expect("utf8");

    assert!(
        csv.starts_with("№,ФИО,Кто,Группа,Логин,Код доступа,"),
        "{csv}"
    );
    // A student of the list who had not activated, with the code just issued, sets a password.
    let line = csv
        .lines()
        .find(|l| l.contains(",обучающийся,ТМ-26,"))
        .expect("a student on the sheet");
    let login = line.split(',').nth(4).expect("login");
    let code = line.split(',').nth(5).expect("code");
    run(
        &["activate", "--login", login, "--stdin"],
        &format!("{code}\nНовый-пароль-2026\n"),
    )
    .success()
    .stdout(predicate::str::contains("Пароль установлен"));
    let pdf = dir.path().join("журнал.pdf");
    let pdf_arg = pdf.to_str().unwrap_or_default();
    run(
        &[
            "report",
            "journal-print",
            "--group",
            "ТМ-26",
            "--subject",
            "Математика",
            "--date",
            "27.11.2026",
            "--format",
            "pdf",
            "-o",
            pdf_arg,
        ],
        "",
    )
    .success();
    let bytes = std::fs::read(&pdf).expect("pdf written");
    let text = pdf_extract::extract_text_from_mem(&bytes).expect("pdf text");
    assert!(text.contains("лист 1 из") && text.contains("Итоговая оценка"));
}
