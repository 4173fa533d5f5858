//! `ezh report` from the command line on the demo college: a table to a pipe, a PDF to a file,
//! a refusal for a group the user may not see, and the monthly batch under a reporter token
//! (quiet without a terminal, one file per report, group and format).

use crate::support;

use support::cli::ezh;

use predicates::prelude::*;

#[test]
fn reports_and_the_monthly_batch_from_the_command_line() {
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
    run(
        &[
            "report",
            "attendance-month",
            "--month",
            "2026-11",
            "--date",
            "27.11.2026",
        ],
        "",
    )
    .success()
    .stdout(predicate::str::contains(
        "Отчёт о посещаемости группы за месяц",
    ))
    .stdout(predicate::str::contains("Группа ТМ-26"));
    run(&["report", "attendance-month", "--group", "ЭС-24"], "")
        .failure()
        .stderr(predicate::str::contains(
            "нет прав: отчёт «Отчёт о посещаемости группы за месяц» по группе ЭС-24",
        ));
    let pdf = dir.path().join("ведомость.pdf");
    run(
        &[
            "report",
            "progress-statement",
            "--date",
            "27.11.2026",
            "--format",
            "pdf",
            "-o",
            pdf.to_str().unwrap_or_default(),
        ],
        "",
    )
    .success();
    // Read back: the title, the tutor's group, a student of it and the tutor's signature.
    let text =
        pdf_extract::extract_text_from_mem(&std::fs::read(&pdf).expect("pdf")).expect("pdf text");
    for want in [
        "Сводная ведомость учёта успеваемости обучающихся группы",
        "Группа ТМ-26",
        "Андреева Екатерина Романовна",
        "Калинина Н. С.",
        "Страница 1 из",
    ] {
        assert!(text.contains(want), "the PDF lacks «{want}»: {text}");
    }
    run(
        &[
            "report",
            "progress-statement",
            "--date",
            "27.11.2026",
            "--format",
            "csv",
            "--excel=false",
        ],
        "",
    )
    .success()
    .stdout(predicate::str::starts_with("№,Обучающийся,"));

    run(
        &["login", "--login", "admin", "--password-stdin"],
        "demo-admin-2026\n",
    )
    .success();
    let out = run(&["user", "token", "create", "--name", "cron"], "")
        .success()
        .get_output()
        .stdout
        .clone();
    let file = dir.path().join("token");
    std::fs::write(&file, String::from_utf8_lossy(&out).trim()).expect("token file");
    let out_dir = dir.path().join("2026-11");
    let mut c = ezh();
    c.env("EZH_TOKEN_FILE", &file)
        .arg("--db")
        .arg(dbs)
        .args([
            "report",
            "batch",
            "--month",
            "2026-11",
            "--date",
            "27.11.2026",
            "--format",
            "csv,xlsx,json",
            "--out",
        ])
        .arg(&out_dir);
    c.assert().success().stdout("").stderr("");
    let mut files: Vec<String> = std::fs::read_dir(&out_dir)
        .expect("out")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    // Four groups × five group reports + the college's results and dynamics + the four
    // control reports of the month, in three formats. (Every report's PDF is rendered once in
    // report_limits; 26 more here would add half a minute to every test run.)
    assert_eq!(files.len(), (4 * 5 + 2 + 4) * 3, "{files:?}");
    assert!(files.contains(&"deadlines_2026-11.csv".to_string()));
    assert!(files.contains(&"movement-dynamics_2026-11.csv".to_string()));
    assert!(files.contains(&"attendance-month_ТМ-26_2026-11.csv".to_string()));
    assert!(files.contains(&"group-results_2026-11.xlsx".to_string()));
}
