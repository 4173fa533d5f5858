//! The control reports from the command line on the demo college: a student is refused and no
//! file is written; a teacher's `topics-coverage` holds only their own assignments; the deputy
//! gets `quality` for a year (`--year`) and a month, and the others; the administrator only
//! `teacher-activity`.

use crate::support;

use predicates::prelude::*;

#[test]
fn control_reports_from_the_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("demo.db");
    let dbs = db.to_str().unwrap_or_default().to_string();
    let state = dir.path().join("state");
    let run = |args: &[&str], stdin: &str| support::cli::run(&state, &dbs, args, stdin);
    let login = |who: &str, pw: &str| {
        run(
            &["login", "--login", who, "--password-stdin"],
            &format!("{pw}\n"),
        )
        .success();
    };
    run(&["demo", "--today", "27.11.2026"], "").success();

    login("andreeva.er", "demo-student-26");
    let pdf = dir.path().join("сроки.pdf");
    let path = pdf.to_str().unwrap_or_default();
    run(&["report", "deadlines", "--format", "pdf", "-o", path], "")
        .failure()
        .stderr(predicate::str::contains(
            "нет прав: отчёт «Контроль сроков заполнения»",
        ));
    assert!(!pdf.exists(), "nothing is written for a refused report");

    login("grigoreva.oa", "demo-teacher-2026");
    let out = run(
        &[
            "report",
            "topics-coverage",
            "--date",
            "27.11.2026",
            "--format",
            "json",
        ],
        "",
    )
    .success()
    .get_output()
    .stdout
    .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).expect("json");
    let rows = json["rows"].as_array().expect("rows");
    assert!(!rows.is_empty());
    assert!(rows
        .iter()
        .all(|r| r["cells"][0]["text"] == "Григорьева О. А."));
    run(&["report", "quality", "--date", "27.11.2026"], "")
        .failure()
        .stderr(predicate::str::contains(
            "нет прав: отчёт «Успеваемость и качество обучения»",
        ));

    login("deputy", "demo-deputy-2026");
    run(&["report", "quality", "--year", "--date", "27.11.2026"], "")
        .success()
        .stdout(predicate::str::contains("учебный год"))
        .stdout(predicate::str::contains("Итого"));
    run(
        &[
            "report",
            "quality",
            "--month",
            "2026-11",
            "--date",
            "27.11.2026",
            "--format",
            "csv",
        ],
        "",
    )
    .success()
    .stdout(predicate::str::contains("Предыдущий период: октябрь 2026"));
    for name in ["teacher-activity", "grade-fill", "deadlines"] {
        run(
            &["report", name, "--month", "2026-11", "--date", "27.11.2026"],
            "",
        )
        .success()
        .stdout(predicate::str::contains("Григорьева О. А."));
    }

    // The administrator reads only the activity of the control reports (`roles.md`).
    login("admin", "demo-admin-2026");
    run(&["report", "quality", "--date", "27.11.2026"], "")
        .failure()
        .stderr(predicate::str::contains(
            "нет прав: отчёт «Успеваемость и качество обучения»",
        ));
    run(
        &[
            "report",
            "teacher-activity",
            "--month",
            "2026-11",
            "--date",
            "27.11.2026",
        ],
        "",
    )
    .success()
    .stdout(predicate::str::contains(
        "Активность преподавателей в работе с ЭЖ",
    ));
}
